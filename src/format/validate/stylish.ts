import { message } from "../messages.js";
import { largest } from "../../model/arrays.js";
import { printable } from "../printable.js";
import type { Finding } from "../../model/findings.js";
import type { Style } from "../style.js";
import { words } from "../../i18n/words.js";
import { displayWidth, padEnd } from "../width.js";
import { summarise } from "./model.js";
import type { ValidationResult } from "./model.js";

/**
 * One line a problem: `path:line:col  severity  message  code`, aligned. A finding an exception
 * covers is left out, unless `showExcepted`: then it is marked excepted, with why and until when.
 */
/**
 * `glued` keeps each problem's code on the line of its message's last word, two no-break spaces
 * apart, for a view that wraps the lines: a wrapped line would otherwise close one space after the
 * message, as if the code were its last word ("need some evidence-missing").
 */
export function findingLines(all: readonly Finding[], style: Style, locale = "en", showExcepted = false, glued = false): string[] {
  const w = words(locale);
  const findings = showExcepted ? all : all.filter((f) => f.excepted === undefined);
  const gap = glued ? "\u00a0\u00a0" : "  ";
  const rows = findings.map((f) => ({
    where: printable(`${f.file}:${f.line}:${f.col}`),
    severity: f.severity,
    text: printable(message(f, locale)),
    code: f.code,
    excepted: f.excepted,
  }));
  const whereWidth = largest(rows.map((r) => displayWidth(r.where)), 0);
  const severityWidth = Math.max(displayWidth(w.severity.error), displayWidth(w.severity.warning), rows.some((r) => r.excepted !== undefined) ? displayWidth(w.excepted.mark) : 0);
  return rows.map((r) => {
    if (r.excepted !== undefined) {
      const e = r.excepted;
      return `${padEnd(r.where, whereWidth)}  ${style.dim(padEnd(w.excepted.mark, severityWidth))}  ${r.text}${gap}${style.dim(r.code)}  ${style.dim(printable(w.excepted.why(e.reason, e.approvedBy, e.expires)))}`;
    }
    const severity = r.severity === "error" ? style.error(padEnd(w.severity.error, severityWidth)) : style.warning(padEnd(w.severity.warning, severityWidth));
    return `${padEnd(r.where, whereWidth)}  ${severity}  ${r.text}${gap}${style.dim(r.code)}`;
  });
}

/** Every problem on its own line, then a summary. */
export function formatStylish(result: ValidationResult, style: Style, locale = "en", showExcepted = false): string {
  const w = words(locale).validate;
  const lines = findingLines(result.files.flatMap((file) => file.findings), style, locale, showExcepted);
  const s = summarise(result);
  if (s.errors === 0 && s.warnings === 0) {
    lines.push(style.good(w.valid(s.files)));
  } else {
    const mark = s.errors > 0 ? style.error("✖") : style.warning("⚠");
    lines.push("", `${mark} ${w.problems(s.errors + s.warnings, s.errors, s.warnings, s.filesWithErrors, s.files)}`);
  }
  if (s.excepted > 0) lines.push(style.dim(words(locale).excepted.count(s.excepted, showExcepted)));
  return `${lines.join("\n")}\n`;
}
