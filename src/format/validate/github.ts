import { fromRoot } from "../options.js";
import type { SarifBase } from "../options.js";
import { message } from "../messages.js";
import { printableLines } from "../printable.js";
import type { ValidationResult } from "./model.js";

// Control characters from the input are shown as escapes, so no annotation can hide or reorder
// text; a line break is the runner's own escape, which it shows as a break inside the annotation.
const data = (text: string) => printableLines(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions workflow commands: one annotation a problem, on the file, line and column. */
export function formatGithub(result: ValidationResult, locale = "en", base?: SarifBase): string {
  // GitHub places an annotation by its path from the repository's top, wherever the command ran.
  const where = (file: string) => (base === undefined ? file : (fromRoot(file, base) ?? file));
  // An excepted finding is accepted: it makes no annotation.
  const lines = result.files.flatMap((file) =>
    file.findings.filter((f) => f.excepted === undefined).map(
      (f) => `::${f.severity === "error" ? "error" : "warning"} file=${property(where(f.file))},line=${f.line},col=${f.col},title=${property(f.code)}::${data(message(f, locale))}`,
    ),
  );
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
