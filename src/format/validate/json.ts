import { jsonPrintable } from "../printable.js";
import { message } from "../messages.js";
import { summarise } from "./model.js";
import type { ValidationResult } from "./model.js";

/** The version of the JSON structure below; it changes only when a field changes meaning or goes. */
export const VALIDATE_JSON_VERSION = 1;

/** A stable, documented JSON document (see README, "validate --format json"). */
export function formatJson(result: ValidationResult, locale = "en"): string {
  const document = {
    smartregion: "validate",
    version: VALIDATE_JSON_VERSION,
    summary: summarise(result),
    files: result.files.map((file) => ({
      file: file.file,
      valid: !file.findings.some((f) => f.severity === "error" && f.excepted === undefined),
      findings: file.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        line: f.line,
        col: f.col,
        path: f.path,
        message: message(f, locale),
        ...(f.excepted === undefined ? {} : { excepted: f.excepted }),
        facts: f.facts,
      })),
    })),
  };
  return `${jsonPrintable(JSON.stringify(document, null, 2))}\n`;
}
