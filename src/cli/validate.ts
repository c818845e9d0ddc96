import { readFileSync, statSync } from "node:fs";
import { checkAssessment } from "../assessment/check.js";
import { createSchemaCheck } from "../assessment/validator.js";
import { finding, START } from "../findings.js";
import type { FileCheck } from "../assessment/check.js";
import type { Finding } from "../findings.js";
import { VALIDATE_FORMATTERS } from "../report/validate/index.js";
import type { ValidateFormat } from "../report/validate/index.js";
import { DEFAULT_LIMITS } from "../yaml/source.js";
import type { Limits } from "../yaml/source.js";
import { styleFor, wantsColour } from "./colour.js";
import { frameworksFor } from "./context.js";
import { exitCodeFor } from "./exit.js";
import type { ExitCode } from "./exit.js";
import { displayPath, expandInputs, nodeMemberDisk } from "./files.js";
import { writeOutput } from "./output.js";

export interface ValidateOptions {
  readonly format: ValidateFormat;
  readonly output: string | undefined;
  readonly maxFileSize: number;
  readonly frameworks: readonly string[];
}

export function runValidate(args: readonly string[], options: ValidateOptions, cwd: string): ExitCode {
  const frameworks = frameworksFor(options.frameworks, cwd);
  const limits: Limits = { ...DEFAULT_LIMITS, maxBytes: options.maxFileSize };
  const context = { frameworks, schemaCheck: createSchemaCheck(frameworks), disk: nodeMemberDisk, limits };
  const inputs = expandInputs(args, cwd);

  const checks: FileCheck[] = inputs.missing.map(({ arg, reason }) => ({
    file: arg,
    findings: [finding("not-found", arg, START, "", reason === "no-yaml" ? { detail: "no YAML files" } : {})],
    source: undefined,
  }));
  for (const absolute of inputs.files) {
    const file = displayPath(absolute, cwd);
    const fail = (f: Finding): FileCheck => ({ file, findings: [f], source: undefined });
    let size: number;
    try {
      const stat = statSync(absolute);
      if (!stat.isFile()) {
        checks.push(fail(finding("not-a-file", file, START, "")));
        continue;
      }
      size = stat.size;
    } catch (error) {
      checks.push(fail(finding("unreadable", file, START, "", { detail: (error as NodeJS.ErrnoException).code ?? "" })));
      continue;
    }
    if (size > limits.maxBytes) {
      checks.push(fail(finding("too-large", file, START, "", { limit: limits.maxBytes, value: String(size) })));
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      checks.push(fail(finding("unreadable", file, START, "", { detail: (error as NodeJS.ErrnoException).code ?? "" })));
      continue;
    }
    checks.push(checkAssessment(file, bytes, context));
  }

  const style = styleFor(options.output === undefined && wantsColour(process.stdout.isTTY === true, process.env));
  const text = VALIDATE_FORMATTERS[options.format]({ files: checks }, style);
  writeOutput(text, options.output, inputs.files, cwd);
  return exitCodeFor(checks.flatMap((c) => c.findings));
}
