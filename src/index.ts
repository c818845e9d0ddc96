/**
 * smartregion as a library: the same pipeline the command line runs, returning data. Nothing
 * here writes to a terminal or to a file; files are read only when they are named by path.
 *
 * ```js
 * import { score } from "smartregion";
 * const { results } = score(["assessments/"]);
 * for (const r of results) console.log(r.name, r.kind);
 * ```
 */
import { resolve } from "node:path";
import { append } from "./model/arrays.js";
import type { GapReport } from "./analysis/gaps/model.js";
import { DEFAULT_EVIDENCE } from "./analysis/gaps/evidence.js";
import type { EvidenceRules } from "./analysis/gaps/evidence.js";
import { diffSubjects } from "./analysis/diff/diff.js";
import type { SubjectDiff } from "./analysis/diff/model.js";
import { checkAssessment } from "./assessment/check.js";
import type { FrameworkSet } from "./framework/model.js";
import { message as messageOf } from "./format/messages.js";
import { UsageError } from "./model/errors.js";
import { compareText, sortFindings } from "./model/findings.js";
import type { Finding } from "./model/findings.js";
import { frameworksFor, schemaCheckFor } from "./node/context.js";
import { displayPath } from "./node/files.js";
import { listInputs, readInput } from "./node/read.js";
import { gapReport, memberDisk, subjectLoader } from "./pipeline/tasks.js";
import type { Scored, SubjectInput } from "./pipeline/tasks.js";
import type { SubjectScore } from "./scoring/model.js";
import { DEFAULT_LIMITS } from "./yaml/source.js";

export type { Finding, Severity, Position, Code, Facts } from "./model/findings.js";
export type { Framework, FrameworkSet, Dimension, Indicator, Level } from "./framework/model.js";
export type { SubjectScore, CityScore, RegionScore } from "./scoring/model.js";
export type { GapReport } from "./analysis/gaps/model.js";
export type { EvidenceRules } from "./analysis/gaps/evidence.js";
export type { SubjectDiff } from "./analysis/diff/model.js";

/** An assessment held in memory: its name (for findings, and to find a region's member files from) and its text. */
export interface Source {
  readonly file: string;
  readonly content: string | Uint8Array;
}

/** What to check: a path (a file, a folder walked for `*.yaml`, a glob pattern), or a file in memory. */
export type Input = string | Source;

export interface Options {
  /** Where paths are resolved from and shown relative to (default: the process's working folder). */
  readonly cwd?: string;
  /** Frameworks loaded with `loadFrameworks`, or folders of custom frameworks to load with the shipped ones. */
  readonly frameworks?: FrameworkSet | readonly string[];
  /** Largest file read, in bytes (default 5 MB). */
  readonly maxFileSize?: number;
}

/** The findings of one file. */
export interface FileResult {
  readonly file: string;
  readonly findings: readonly Finding[];
}

/**
 * The shipped frameworks, and those of each folder in `custom` (a custom framework replaces a
 * shipped one of the same id). A broken framework throws, with its findings.
 */
export function loadFrameworks(options: { readonly custom?: readonly string[]; readonly cwd?: string } = {}): FrameworkSet {
  const given = options ?? {};
  return frameworksFor(folders(given.custom ?? [], "custom"), cwdOf(given.cwd));
}

/** Checks assessments against the frameworks: every problem of every file, with its position. */
export function validate(inputs: Input | readonly Input[], options: Options = {}): { readonly files: readonly FileResult[]; readonly valid: boolean } {
  const { cwd, frameworks, limits } = settle(options);
  const context = { frameworks, schemaCheck: schemaCheckFor(frameworks), disk: memberDisk(cwd), limits };
  const files: FileResult[] = [];
  for (const input of expand(inputs, cwd, files)) {
    const bytes = input.bytes ?? readInput(input.absolute, input.file, limits);
    files.push({ file: input.file, findings: bytes instanceof Uint8Array ? checkAssessment(input.file, bytes, context).findings : [bytes] });
  }
  files.sort((a, b) => compareText(a.file, b.file));
  return { files, valid: files.every((f) => f.findings.every((x) => x.severity !== "error")) };
}

/** Scores assessments: indicators, dimensions, stages, model fit, a region's roll-up over its members. */
export function score(inputs: Input | readonly Input[], options: Options = {}): { readonly results: readonly SubjectScore[]; readonly findings: readonly Finding[] } {
  const { scored, findings } = scoreAll(inputs, options);
  return { results: scored.map((s) => s.score), findings };
}

/** The gap report of each sound assessment: prioritised gaps, the plan to the next stage, evidence to check. */
export function report(
  inputs: Input | readonly Input[],
  options: Options & { readonly evidence?: Partial<EvidenceRules> } = {},
): { readonly reports: readonly GapReport[]; readonly findings: readonly Finding[] } {
  const { scored, findings, frameworks } = scoreAll(inputs, options);
  const rules = { ...DEFAULT_EVIDENCE, ...options.evidence };
  return { reports: scored.map((s) => gapReport(frameworks, s, rules)), findings };
}

/** Progress between two assessments of one subject; `diff` is undefined when either cannot be scored (see `findings`). */
export function diff(older: Input, newer: Input, options: Options = {}): { readonly diff: SubjectDiff | undefined; readonly findings: readonly Finding[] } {
  const { scored, findings, frameworks } = scoreAll([older, newer], options, false);
  const [a, b] = scored;
  if (a === undefined || b === undefined || scored.length !== 2) return { diff: undefined, findings };
  if (a.score.kind !== b.score.kind) throw new UsageError(`${a.score.file} assesses a ${a.score.kind} and ${b.score.file} a ${b.score.kind}: there is nothing to compare`);
  return { diff: diffSubjects(frameworks, a, b), findings };
}

/** A finding in words, in English or Chinese (`zh-CN`). */
export function message(finding: Finding, locale: "en" | "zh-CN" = "en"): string {
  return messageOf(finding, locale);
}

/** A caller's mistake, said plainly: the library checks what it is given before it uses it. */
const misuse = (what: string): TypeError => new TypeError(`smartregion: ${what}`);

function cwdOf(cwd: unknown): string {
  if (cwd === undefined) return process.cwd();
  if (typeof cwd !== "string") throw misuse("`cwd` must be a path");
  return resolve(cwd);
}

function folders(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) throw misuse(`\`${name}\` must be a list of folders`);
  return value;
}

function settle(options: Options) {
  if (typeof options !== "object" || options === null) throw misuse("the options must be an object");
  const cwd = cwdOf(options.cwd);
  const given: unknown = options.frameworks;
  const frameworks = isFrameworkSet(given) ? given : frameworksFor(folders(given ?? [], "frameworks"), cwd);
  const maxBytes = options.maxFileSize ?? DEFAULT_LIMITS.maxBytes;
  if (typeof maxBytes !== "number" || !Number.isFinite(maxBytes) || maxBytes <= 0) throw misuse("`maxFileSize` must be a positive number of bytes");
  return { cwd, frameworks, limits: { ...DEFAULT_LIMITS, maxBytes } };
}

function isFrameworkSet(value: unknown): value is FrameworkSet {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "byId" in value && value.byId instanceof Map;
}

/** The inputs as files to read: paths expanded in display order, sources kept with their bytes; what names nothing goes to `failures`. */
function expand(given: Input | readonly Input[], cwd: string, failures: FileResult[], sort = true): SubjectInput[] {
  const inputs: readonly unknown[] = typeof given === "string" || !Array.isArray(given) ? [given] : given;
  const out: SubjectInput[] = [];
  for (const input of inputs) {
    if (typeof input !== "string") {
      if (typeof input !== "object" || input === null || typeof (input as Partial<Source>).file !== "string") throw misuse("each input must be a path or { file, content }");
      const { content } = input as Partial<Source>;
      if (typeof content !== "string" && !(content instanceof Uint8Array)) throw misuse(`the content of ${(input as Source).file} must be a string or bytes`);
      const absolute = resolve(cwd, (input as Source).file);
      out.push({ file: displayPath(absolute, cwd), absolute, bytes: typeof content === "string" ? Buffer.from(content, "utf8") : content });
      continue;
    }
    const listed = listInputs([input], cwd);
    for (const f of listed.failures) failures.push({ file: f.file, findings: [f] });
    append(out, listed.files);
  }
  return sort ? out.sort((a, b) => compareText(a.file, b.file)) : out;
}

function scoreAll(inputs: Input | readonly Input[], options: Options, sort = true): { scored: Scored[]; findings: Finding[]; frameworks: FrameworkSet } {
  const { cwd, frameworks, limits } = settle(options);
  const failures: FileResult[] = [];
  const load = subjectLoader({ frameworks: [], cwd, maxFileSize: limits.maxBytes }, frameworks);
  const findings: Finding[] = [];
  const scored: Scored[] = [];
  for (const input of expand(inputs, cwd, failures, sort)) {
    const loaded = load(input);
    append(findings, loaded.findings);
    if (loaded.scored !== undefined) scored.push(loaded.scored);
  }
  append(findings, failures.flatMap((f) => f.findings));
  return { scored, findings: sortFindings(findings), frameworks };
}
