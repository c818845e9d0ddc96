import { styleFor, wantsColour } from "../format/colour.js";
import { findingLines } from "../format/validate/stylish.js";
import type { Finding } from "../model/findings.js";
import { sortFindings } from "../model/findings.js";

/** Problems on stderr, as stylish lines, for outputs that have no place for them. */
export function reportProblems(findings: readonly Finding[], locale: string): void {
  if (findings.length === 0) return;
  process.stderr.write(`${findingLines(sortFindings([...findings]), styleFor(wantsColour(process.stderr.isTTY === true, process.env)), locale).join("\n")}\n`);
}
