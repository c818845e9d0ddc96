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
}

export function summarise(result: ValidationResult): ValidationSummary {
  let errors = 0;
  let warnings = 0;
  let filesWithErrors = 0;
  for (const file of result.files) {
    const e = file.findings.filter((f) => f.severity === "error").length;
    errors += e;
    warnings += file.findings.length - e;
    if (e > 0) filesWithErrors++;
  }
  return { files: result.files.length, filesWithErrors, errors, warnings };
}
