import { printable } from "../printable.js";
import { message } from "../messages.js";
import { words } from "../../i18n/words.js";
import type { ValidationResult } from "./model.js";

/** Text safe in XML 1.0: escaped markup, and no character XML cannot carry. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** JUnit XML: one test case a file, failing when the file has errors; warnings go to system-out. */
export function formatJunit(result: ValidationResult, command = "validate", locale = "en"): string {
  const w = words(locale);
  // An excepted error fails no case: it goes to system-out, marked excepted.
  const failures = result.files.filter((f) => f.findings.some((x) => x.severity === "error" && x.excepted === undefined)).length;
  const cases = result.files.map((file) => {
    const line = (f: (typeof file.findings)[number]) =>
      printable(`${file.file}:${f.line}:${f.col} ${f.excepted === undefined ? w.severity[f.severity] : w.excepted.mark} ${message(f, locale)} (${f.code})${f.excepted === undefined ? "" : ` ${w.excepted.why(f.excepted.reason, f.excepted.approvedBy, f.excepted.expires)}`}`);
    const errors = file.findings.filter((f) => f.severity === "error" && f.excepted === undefined);
    const warnings = file.findings.filter((f) => f.severity === "warning" || f.excepted !== undefined);
    const failure =
      errors.length === 0 ? "" : `\n      <failure message="${xmlText(w.validate.errorCount(errors.length))}" type="error">${xmlText(errors.map(line).join("\n"))}</failure>`;
    const out = warnings.length === 0 ? "" : `\n      <system-out>${xmlText(warnings.map(line).join("\n"))}</system-out>`;
    // The file is the case's name: Jenkins' schema (junit-10.xsd) has no `file` attribute on a test case.
    return `    <testcase classname="smartregion.${command}" name="${xmlText(printable(file.file))}">${failure}${out}${failure || out ? "\n    " : ""}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="smartregion" tests="${result.files.length}" failures="${failures}" errors="0">
  <testsuite name="smartregion ${command}" tests="${result.files.length}" failures="${failures}" errors="0" skipped="0">
${cases.join("\n")}
  </testsuite>
</testsuites>
`;
}
