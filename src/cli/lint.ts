import { isTerminal } from "../node/terminal.js";
import { join, resolve } from "node:path";
import { append } from "../model/arrays.js";
import { FrameworkError, UsageError } from "../model/errors.js";
import type { Finding } from "../model/findings.js";
import { compareText, sortFindings } from "../model/findings.js";
import { FRAMEWORK_LIMITS, loadFrameworks } from "../framework/load.js";
import { replacedTermFindings, replacedTerms, translationFindings, vagueDescriptorFindings } from "../framework/translations.js";
import { VALIDATE_FORMATTERS } from "../format/validate/index.js";
import type { ValidateFormat } from "../format/validate/index.js";
import { readYaml } from "../yaml/source.js";
import { styleFor, wantsColour } from "../format/colour.js";
import { customFrameworkDirs, frameworkFiles, SHIPPED_FRAMEWORKS } from "../node/context.js";
import { exitCodeFor } from "../pipeline/exit.js";
import type { ExitCode } from "../pipeline/exit.js";
import { pathKind } from "../node/files.js";
import { writeOutput } from "../node/output.js";

export interface LintOptions {
  readonly format: ValidateFormat;
  readonly output: string | undefined;
  /** Warnings (missing translations) fail the run too. */
  readonly strict: boolean;
  readonly frameworks: readonly string[];
  readonly version: string;
  readonly locale: string;
}

/** The Chinese terms the glossary of frameworks/README.md replaces, each with the one to use. */
const ZH_TERMS = join(SHIPPED_FRAMEWORKS, "meta", "zh-terms.yaml");

/** A name no folder has: the files given to lint, loaded as one more folder of custom frameworks. */
const LINTED = "\u0000linted";

/**
 * Checks framework files as they would load beside the shipped ones (and any `--frameworks`
 * folders): the meta-schema, the rules it cannot express, clashes of ids and stage orders,
 * and, as warnings, texts missing a locale that the framework uses elsewhere, vague level
 * descriptors and Chinese texts that use a term the glossary replaces.
 */
export function runLint(paths: readonly string[], options: LintOptions, cwd: string): ExitCode {
  const files = frameworkFiles(cwd);
  // A folder is read as `--frameworks` reads it: the YAML files directly inside.
  const targets = paths.flatMap((path) => {
    const absolute = resolve(cwd, path);
    const kind = pathKind(absolute);
    if (kind === "missing") throw new UsageError(`no framework file or folder at ${path}`, `${path} 处没有评估框架文件或文件夹`);
    return kind === "directory" ? files.list(absolute) : [absolute];
  });
  const inputs = { files: [...new Set(targets)] };
  if (inputs.files.length > FRAMEWORK_LIMITS.files) {
    throw new UsageError(`frameworks lint takes at most ${FRAMEWORK_LIMITS.files} framework files at once; ${inputs.files.length} given`, `frameworks lint 一次最多检查${FRAMEWORK_LIMITS.files}个评估框架文件；现为${inputs.files.length}个`);
  }
  const custom = customFrameworkDirs(options.frameworks, cwd);

  const findings: Finding[] = [];
  try {
    loadFrameworks({ shipped: SHIPPED_FRAMEWORKS, custom: [...custom, LINTED] }, { ...files, list: (dir) => (dir === LINTED ? [...inputs.files] : files.list(dir)) });
  } catch (error) {
    if (!(error instanceof FrameworkError)) throw error;
    append(findings, error.findings);
  }
  // The glossary's replaced terms hold for every framework linted, shipped or custom.
  const terms = replacedTerms(readYaml(files.display(ZH_TERMS), files.read(ZH_TERMS)).source?.data);
  for (const file of inputs.files) {
    const display = files.display(file);
    if (findings.some((f) => f.file === display && f.severity === "error")) continue;
    const read = readYaml(display, files.read(file));
    if (read.source !== undefined) {
      append(findings, translationFindings(read.source));
      append(findings, vagueDescriptorFindings(read.source));
      append(findings, replacedTermFindings(read.source, terms));
    }
  }

  const sorted = sortFindings(findings);
  const displays = [...new Set([...inputs.files.map((f) => files.display(f)), ...sorted.map((f) => f.file)])].sort(compareText);
  const result = { files: displays.map((file) => ({ file, findings: sorted.filter((f) => f.file === file) })) };
  const colour = options.output === undefined && wantsColour(isTerminal(1), process.env);
  writeOutput(VALIDATE_FORMATTERS[options.format](result, { style: styleFor(colour), version: options.version, command: "frameworks lint", locale: options.locale }), options.output, cwd);
  const code = exitCodeFor(sorted);
  return code === 0 && options.strict && sorted.length > 0 ? 1 : code;
}
