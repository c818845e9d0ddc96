import { message } from "../messages.js";
import { printable } from "../printable.js";
import type { Finding } from "../../findings.js";
import type { Style } from "../style.js";
import { summarise } from "./model.js";
import type { ValidationResult } from "./model.js";

/** One line a problem: `path:line:col  severity  message  code`, aligned. */
export function findingLines(findings: readonly Finding[], style: Style): string[] {
  const rows = findings.map((f) => ({
    where: printable(`${f.file}:${f.line}:${f.col}`),
    severity: f.severity,
    text: printable(message(f)),
    code: f.code,
  }));
  const whereWidth = Math.max(0, ...rows.map((r) => r.where.length));
  return rows.map((r) => {
    const severity = r.severity === "error" ? style.error("error  ") : style.warning("warning");
    return `${r.where.padEnd(whereWidth)}  ${severity}  ${r.text}  ${style.dim(r.code)}`;
  });
}

/** Every problem on its own line, then a summary. */
export function formatStylish(result: ValidationResult, style: Style): string {
  const lines = findingLines(result.files.flatMap((file) => file.findings), style);

  const s = summarise(result);
  const fileWord = (n: number) => `${n} file${n === 1 ? "" : "s"}`;
  if (s.errors === 0 && s.warnings === 0) {
    lines.push(style.good(`✔ ${fileWord(s.files)} valid`));
  } else {
    const problems = s.errors + s.warnings;
    const counts = `${problems} problem${problems === 1 ? "" : "s"} (${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"})`;
    const mark = s.errors > 0 ? style.error("✖") : style.warning("⚠");
    lines.push("", `${mark} ${counts}; ${s.filesWithErrors} of ${fileWord(s.files)} invalid`);
  }
  return `${lines.join("\n")}\n`;
}
