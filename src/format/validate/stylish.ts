import { message } from "../messages.js";
import { largest } from "../../model/arrays.js";
import { printable } from "../printable.js";
import type { Finding } from "../../model/findings.js";
import type { Style } from "../style.js";
import { words } from "../../i18n/words.js";
import { displayWidth, padEnd } from "../width.js";
import { summarise } from "./model.js";
import type { ValidationResult } from "./model.js";

/** One line a problem: `path:line:col  severity  message  code`, aligned. */
export function findingLines(findings: readonly Finding[], style: Style, locale = "en"): string[] {
  const w = words(locale);
  const rows = findings.map((f) => ({
    where: printable(`${f.file}:${f.line}:${f.col}`),
    severity: f.severity,
    text: printable(message(f, locale)),
    code: f.code,
  }));
  const whereWidth = largest(rows.map((r) => displayWidth(r.where)), 0);
  const severityWidth = Math.max(displayWidth(w.severity.error), displayWidth(w.severity.warning));
  return rows.map((r) => {
    const severity = r.severity === "error" ? style.error(padEnd(w.severity.error, severityWidth)) : style.warning(padEnd(w.severity.warning, severityWidth));
    return `${padEnd(r.where, whereWidth)}  ${severity}  ${r.text}  ${style.dim(r.code)}`;
  });
}

/** Every problem on its own line, then a summary. */
export function formatStylish(result: ValidationResult, style: Style, locale = "en"): string {
  const w = words(locale).validate;
  const lines = findingLines(result.files.flatMap((file) => file.findings), style, locale);
  const s = summarise(result);
  if (s.errors === 0 && s.warnings === 0) {
    lines.push(style.good(w.valid(s.files)));
  } else {
    const mark = s.errors > 0 ? style.error("✖") : style.warning("⚠");
    lines.push("", `${mark} ${w.problems(s.errors + s.warnings, s.errors, s.warnings, s.filesWithErrors, s.files)}`);
  }
  return `${lines.join("\n")}\n`;
}
