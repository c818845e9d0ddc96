import { isTerminal, stdoutTerminal } from "../node/terminal.js";
import { dirname, join, resolve } from "node:path";
import { Document } from "yaml";
import { mergedAssessment } from "../analysis/reconcile/merge.js";
import { normalName, reconcile } from "../analysis/reconcile/reconcile.js";
import type { MergeRule } from "../analysis/reconcile/model.js";
import { checkAssessment } from "../assessment/check.js";
import { editorSchemaFile } from "../assessment/editor.js";
import { styleFor, terminalWidth, wantsColour } from "../format/colour.js";
import { printable } from "../format/printable.js";
import { RECONCILE_FORMATS } from "../format/reconcile/render.js";
import type { ReconcileFormatName } from "../format/reconcile/render.js";
import { findingLines } from "../format/validate/stylish.js";
import { ZH } from "../i18n/words.js";
import { UsageError } from "../model/errors.js";
import type { Finding } from "../model/findings.js";
import { sortFindings } from "../model/findings.js";
import { frameworksFor, schemaCheckFor, SHIPPED_SCHEMA_DIR } from "../node/context.js";
import { displayPath } from "../node/files.js";
import { checkOutput, writeOutput } from "../node/output.js";
import { words } from "../i18n/words.js";
import { exitCodeFor } from "../pipeline/exit.js";
import type { ExitCode } from "../pipeline/exit.js";
import { memberDisk, subjectLoader } from "../pipeline/tasks.js";
import type { Scored } from "../pipeline/tasks.js";
import { DEFAULT_LIMITS } from "../yaml/source.js";
import { schemaPathFrom } from "./init.js";
import { subjectOnDisk } from "./subjects.js";

export interface ReconcileOptions {
  readonly format: ReconcileFormatName;
  readonly output: string | undefined;
  /** The merged assessment to write. */
  readonly merged: string | undefined;
  readonly rule: MergeRule;
  /** Exit 1 when more indicators than this are in dispute. */
  readonly maxDisputed: number | undefined;
  readonly force: boolean;
  readonly maxFileSize: number;
  readonly frameworks: readonly string[];
  readonly langs: readonly string[];
}

export const MIN_ASSESSORS = 2;
export const MAX_ASSESSORS = 20;

/**
 * Several assessors' files of one subject: how far they agree, which indicators they dispute,
 * and (with `merged`) the one assessment they reconcile into, checked as validate would check it
 * before it is written. Exit 1 when a file is unsound or more indicators are disputed than allowed.
 */
export function runReconcile(paths: readonly string[], options: ReconcileOptions, cwd: string): ExitCode {
  if (paths.length < MIN_ASSESSORS || paths.length > MAX_ASSESSORS) throw new UsageError(`give ${MIN_ASSESSORS} to ${MAX_ASSESSORS} assessments of one subject, one an assessor (${paths.length} given)`, `请给出同一对象的${MIN_ASSESSORS}至${MAX_ASSESSORS}份评估，每位评估人一份（现有${paths.length}份）`);
  const frameworks = frameworksFor(options.frameworks, cwd);
  const load = subjectLoader({ frameworks: options.frameworks, cwd, maxFileSize: options.maxFileSize }, frameworks);
  const findings: Finding[] = [];
  const sides = paths.map((path) => subjectOnDisk(load, path, cwd, findings));
  const style = styleFor(wantsColour(process.stderr.isTTY === true, process.env));
  if (findings.length > 0) process.stderr.write(`${findingLines(sortFindings(findings), style, options.langs[0]).join("\n")}\n`);
  if (sides.some((s) => s === undefined)) return exitCodeFor(findings) === 2 ? 2 : 1;
  const files = sides as Scored[];
  const first = files[0]!.assessment;
  for (const other of files.slice(1)) {
    const a = other.assessment;
    if (a.kind !== first.kind) throw new UsageError(`${printable(first.file)} assesses a ${first.kind} and ${printable(a.file)} a ${a.kind}: they cannot be reconciled`, `${printable(first.file)} 评估的是${ZH.kind[first.kind]}，${printable(a.file)} 评估的是${ZH.kind[a.kind]}：无法合并`);
    if (normalName(a.name) !== normalName(first.name) && !options.force) {
      throw new UsageError(
        `${printable(first.file)} assesses "${printable(first.name)}" and ${printable(a.file)} "${printable(a.name)}"; give --force to reconcile them anyway`,
        `${printable(first.file)} 评估的是“${printable(first.name)}”，${printable(a.file)} 评估的是“${printable(a.name)}”；如仍要合并，请加 --force`,
      );
    }
  }
  const result = reconcile(frameworks, files, options.rule);

  if (options.merged !== undefined) {
    checkOutput(options.merged, cwd, "replace");
    const target = resolve(cwd, options.merged);
    const data = mergedAssessment(frameworks, files, result, files[0]!.source.data);
    const schema = schemaPathFrom(dirname(target), join(SHIPPED_SCHEMA_DIR, editorSchemaFile(options.langs[0]!)));
    const text = `# yaml-language-server: $schema=${schema}\n${new Document(data).toString({ lineWidth: 100 })}`;
    const check = checkAssessment(displayPath(target, cwd), Buffer.from(text, "utf8"), { frameworks, schemaCheck: schemaCheckFor(frameworks), disk: memberDisk(cwd), limits: { ...DEFAULT_LIMITS, maxBytes: options.maxFileSize } });
    const errors = check.findings.filter((f) => f.severity === "error");
    // What the tool wrote itself does not validate: a fault of the tool, not of the input.
    if (errors.length > 0) {
      process.stderr.write(`${findingLines(sortFindings(errors), style, options.langs[0]).join("\n")}\n`);
      return 2;
    }
    writeOutput(text, options.merged, cwd, "replace");
    // On stderr: stdout carries the report, which may be piped.
    process.stderr.write(`${words(options.langs[0]!).cli.reconciledInto(options.merged, result.disputed)}\n`);
  }

  const colour = options.output === undefined && wantsColour(isTerminal(1), process.env);
  const text = RECONCILE_FORMATS[options.format](result, { frameworks, style: styleFor(colour), locale: options.langs[0]!, locales: options.langs, width: terminalWidth(process.env, stdoutTerminal()) });
  writeOutput(text, options.output, cwd);
  return options.maxDisputed !== undefined && result.disputed > options.maxDisputed ? 1 : 0;
}
