import type { Finding } from "../../model/findings.js";

/** What `validate` found, file by file, in display order. */
export interface ValidationResult {
  readonly files: readonly { readonly file: string; readonly findings: readonly Finding[] }[];
}

export interface ValidationSummary {
  readonly files: number;
  readonly filesWithErrors: number;
  readonly errors: number;
  readonly warnings: number;
  /** Findings an exception covers: neither errors nor warnings. */
  readonly excepted: number;
}

export function summarise(result: ValidationResult): ValidationSummary {
  let errors = 0;
  let warnings = 0;
  let excepted = 0;
  let filesWithErrors = 0;
  for (const file of result.files) {
    const counted = file.findings.filter((f) => f.excepted === undefined);
    const e = counted.filter((f) => f.severity === "error").length;
    errors += e;
    warnings += counted.length - e;
    excepted += file.findings.length - counted.length;
    if (e > 0) filesWithErrors++;
  }
  return { files: result.files.length, filesWithErrors, errors, warnings, excepted };
}
