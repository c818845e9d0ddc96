import { checkAssessment } from "../assessment/check.js";

import type { FileCheck } from "../assessment/check.js";
import { compareText } from "../findings.js";
import { VALIDATE_FORMATTERS } from "../report/validate/index.js";
import type { ValidateFormat } from "../report/validate/index.js";
import { DEFAULT_LIMITS } from "../yaml/source.js";
import { styleFor, wantsColour } from "./colour.js";
import { frameworksFor, schemaCheckFor } from "./context.js";
import { exitCodeFor } from "./exit.js";
import type { ExitCode } from "./exit.js";
import { nodeMemberDisk } from "./files.js";
import { writeOutput } from "./output.js";
import { readInputs } from "./read.js";

export interface CommonOptions {
  readonly output: string | undefined;
  readonly maxFileSize: number;
  readonly frameworks: readonly string[];
}

export function runValidate(args: readonly string[], options: CommonOptions & { format: ValidateFormat }, cwd: string): ExitCode {
  const frameworks = frameworksFor(options.frameworks, cwd);
  const limits = { ...DEFAULT_LIMITS, maxBytes: options.maxFileSize };
  const context = { frameworks, schemaCheck: schemaCheckFor(frameworks), disk: nodeMemberDisk, limits };
  const inputs = readInputs(args, cwd, limits);

  const checks: FileCheck[] = [
    ...inputs.failures.map((f) => ({ file: f.file, findings: [f], source: undefined })),
    ...inputs.files.map((input) => checkAssessment(input.file, input.bytes, context)),
  ].sort((a, b) => compareText(a.file, b.file));

  const style = styleFor(options.output === undefined && wantsColour(process.stdout.isTTY === true, process.env));
  const text = VALIDATE_FORMATTERS[options.format]({ files: checks }, style);
  writeOutput(text, options.output, inputs.absolute, cwd);
  return exitCodeFor(checks.flatMap((c) => c.findings));
}
