import { checkAssessment } from "../assessment/check.js";
import { append } from "../model/arrays.js";
import type { CheckContext } from "../assessment/check.js";
import { toAssessment } from "../assessment/model.js";
import { resolveMembers } from "../assessment/region.js";
import type { MemberReader, ResolvedMember } from "../assessment/region.js";
import type { Assessment } from "../assessment/model.js";
import type { MemberDisk } from "../assessment/members.js";
import type { FrameworkSet } from "../framework/model.js";
import { sortFindings } from "../model/findings.js";
import type { Finding } from "../model/findings.js";
import { evidenceChecks, evidenceFindings } from "../analysis/gaps/evidence.js";
import { register, registerPart } from "../analysis/gaps/register.js";
import type { EvidenceRules } from "../analysis/gaps/evidence.js";
import { subjectGaps } from "../analysis/gaps/gaps.js";
import type { GapReport } from "../analysis/gaps/model.js";
import { REPORT_FORMATS } from "../format/report/index.js";
import type { ReportFormatName } from "../format/report/index.js";
import type { ReportSummary } from "../format/report/model.js";
import { SCORE_FORMATS } from "../format/score/index.js";
import type { ScoreFormatName } from "../format/score/index.js";
import type { ScoreSummary } from "../format/score/model.js";
import type { StreamWriter } from "../format/stream.js";
import { evaluateGates } from "../scoring/gates.js";
import { gateFinding } from "../format/ci.js";
import { namer } from "../format/names.js";
import { LOCALES } from "../i18n/locale.js";
import type { GateResult } from "../scoring/gates.js";
import type { SubjectScore } from "../scoring/model.js";
import type { Scored as ScoredSubject } from "../analysis/diff/diff.js";
import { scoreSubject } from "../scoring/subject.js";
import { DEFAULT_LIMITS } from "../yaml/source.js";
import type { Limits, YamlSource } from "../yaml/source.js";
import type { DiskAnswer } from "../node/cache.js";
import { recordingDisk } from "../node/cache.js";
import { styleFor } from "../format/colour.js";
import { frameworksFor, schemaCheckFor } from "../node/context.js";
import { displayPath, nodeMemberDisk, relativeFrom } from "../node/files.js";
import { RUN_INPUTS } from "../node/inputs.js";
import { leftOut, readInput } from "../node/read.js";
import type { InputFile } from "../node/read.js";
import { parseGates } from "./gates.js";
import { applyExceptions } from "../model/exceptions.js";
import type { ExceptionRule, ExceptionUse } from "../model/exceptions.js";

/**
 * What one file is turned into, by command. A setup is plain data, so the same work can be
 * set up in a worker thread; the function it gives handles one file and keeps nothing of it.
 */
export interface Common {
  readonly frameworks: readonly string[];
  readonly cwd: string;
  readonly maxFileSize: number;
  /** The exceptions of the run, and the day they are judged on (else each assessment's date). */
  readonly exceptions?: ExceptionPolicy;
}

/** Exceptions as a run applies them: plain data, so a worker thread applies them too. */
export interface ExceptionPolicy {
  readonly rules: readonly ExceptionRule[];
  readonly today: string | undefined;
  /** An expired exception is an error, not a warning. */
  readonly strict: boolean;
  /** List excepted findings in the terminal. */
  readonly show: boolean;
}

export type TaskSetup =
  | (Common & { readonly command: "validate"; /** Whether to record the disk's answers, for the cache. */ readonly recordDisk: boolean })
  | (Common & { readonly command: "score"; readonly formats: readonly Formatted<ScoreFormatName>[]; readonly locale: string; readonly width: number; readonly minStage: string | undefined; readonly failUnder: readonly string[] })
  | (Common & { readonly command: "report"; readonly formats: readonly Formatted<ReportFormatName>[]; readonly locale: string; readonly width: number; readonly evidence: EvidenceRules });

/** One format a run writes, and whether it is coloured (only the terminal's, on a terminal). */
export interface Formatted<Name extends string> {
  readonly format: Name;
  readonly colour: boolean;
}

export interface ValidateResult {
  /** A framework a walk or a glob found, which the run leaves out: no file of the run's. */
  readonly leftOut?: true;
  readonly findings: readonly Finding[];
  /** With a cache: what the disk answered while the file was checked. */
  readonly answers: readonly DiskAnswer[];
}

export interface SubjectResult {
  /** A framework a walk or a glob found, which the run leaves out: no file of the run's. */
  readonly leftOut?: true;
  /** Problems of the file and its members. */
  readonly findings: readonly Finding[];
  /** The subject's piece of each format's output, when it could be scored. */
  readonly pieces: readonly string[] | undefined;
  readonly gates: readonly GateResult[];
  /** Findings about the sound subject: evidence to check (report), failed gates (score). */
  readonly remarks: readonly Finding[];
  /** Which exceptions covered something here, and which were found expired. */
  readonly exceptionUse?: ExceptionUse;
}

export type TaskResult = ValidateResult | SubjectResult;

/** The frameworks, limits and member access a task works with. */
interface Ground {
  readonly frameworks: FrameworkSet;
  readonly limits: Limits;
  readonly context: CheckContext;
  readonly reader: MemberReader;
}

function ground(setup: Common, frameworks = frameworksFor(setup.frameworks, setup.cwd)): Ground {
  const limits = { ...DEFAULT_LIMITS, maxBytes: setup.maxFileSize };
  const reader: MemberReader = {
    read: (absolute) => {
      const read = readInput(absolute, displayPath(absolute, setup.cwd), limits);
      return read instanceof Uint8Array ? read : { error: read.code };
    },
    display: (absolute) => displayPath(absolute, setup.cwd),
  };
  return { frameworks, limits, context: { frameworks, schemaCheck: schemaCheckFor(frameworks), disk: memberDisk(setup.cwd), limits }, reader };
}

/**
 * The disk as member paths see it; each member file it finds is noted as an input of the run
 * (`validate` looks at members without reading them), so no output replaces one.
 */
export function memberDisk(cwd: string): MemberDisk {
  return {
    kind: (path) => {
      const kind = nodeMemberDisk.kind(path);
      if (kind === "file") RUN_INPUTS.notePath(path, displayPath(path, cwd));
      return kind;
    },
    realpath: nodeMemberDisk.realpath,
    identity: nodeMemberDisk.identity,
  };
}

export function validateTask(setup: TaskSetup & { command: "validate" }, frameworks?: FrameworkSet): (input: InputFile) => ValidateResult {
  const { limits, context } = ground(setup, frameworks);
  return (input) => {
    const bytes = readInput(input.absolute, input.file, limits);
    if (!(bytes instanceof Uint8Array)) return { findings: [bytes], answers: [] };
    if (leftOut(input, bytes)) return { leftOut: true, findings: [], answers: [] };
    if (!setup.recordDisk) return { findings: checkAssessment(input.file, bytes, context).findings, answers: [] };
    const recorder = recordingDisk(context.disk);
    const { findings } = checkAssessment(input.file, bytes, { ...context, disk: recorder.disk });
    return { findings, answers: recorder.answers };
  };
}

/** A sound subject, scored, with what it was scored from. */
export interface Scored extends ScoredSubject {
  readonly source: YamlSource;
}

/** A file to read from disk, or one whose bytes are already in memory (the library's callers may give them). */
export type SubjectInput = InputFile & { readonly bytes?: Uint8Array };

/** One file read, checked, and scored when it has no errors; its findings either way. */
function loadSubject(g: Ground, input: SubjectInput): { findings: readonly Finding[]; scored: Scored | undefined; leftOut?: true } {
  const bytes = input.bytes ?? readInput(input.absolute, input.file, g.limits);
  if (!(bytes instanceof Uint8Array)) return { findings: [bytes], scored: undefined };
  if (leftOut(input, bytes)) return { findings: [], scored: undefined, leftOut: true };
  const check = checkAssessment(input.file, bytes, g.context);
  if (check.source === undefined || check.findings.some((f) => f.severity === "error")) return { findings: check.findings, scored: undefined };
  const assessment = toAssessment(input.file, check.source.data);
  const resolved = assessment.kind === "region" ? resolveMembers(assessment, check.source, input.absolute, g.context, g.reader) : { members: [], findings: [] };
  const score = scoreSubject(g.frameworks, assessment, resolved.members);
  return { findings: [...check.findings, ...resolved.findings], scored: { score, assessment, members: resolved.members, source: check.source } };
}

/**
 * Reads, checks and scores single files, for commands that take them one by one (`diff`); with
 * `from`, member files come from that disk and reader (a git commit) instead of the machine's.
 */
export function subjectLoader(
  common: Common,
  frameworks?: FrameworkSet,
  from?: { readonly disk: MemberDisk; readonly reader: MemberReader },
): (input: SubjectInput) => { findings: readonly Finding[]; scored: Scored | undefined } {
  const base = ground(common, frameworks);
  const g = from === undefined ? base : { ...base, context: { ...base.context, disk: from.disk }, reader: from.reader };
  return (input) => loadSubject(g, input);
}

/** One file read, checked, and scored when it is sound; its report is made by `make`. */
function subjectTask<Item, Summary>(
  g: Ground,
  writers: readonly StreamWriter<Item, Summary>[],
  make: (score: SubjectScore, assessment: Assessment, members: readonly ResolvedMember[], source: YamlSource) => { item: Item; gates: readonly GateResult[]; remarks: readonly Finding[]; withRemarks?: (remarks: readonly Finding[]) => Item },
  policy: ExceptionPolicy | undefined,
  cwd: string,
): (input: InputFile) => SubjectResult {
  const rules = policy?.rules ?? [];
  const relative = relativeFrom(cwd);
  return (input) => {
    const loaded = loadSubject(g, input);
    if (loaded.leftOut === true) return { leftOut: true, findings: [], pieces: undefined, gates: [], remarks: [] };
    const scored = loaded.scored;
    // Judged on --today, else on the day the assessment speaks for: never on the clock.
    const day = policy?.today ?? scored?.score.date;
    const findings = applyExceptions(loaded.findings, rules, relative, () => day);
    if (scored === undefined) return { findings: findings.findings, pieces: undefined, gates: [], remarks: [], exceptionUse: findings.use };
    const made = make(scored.score, scored.assessment, scored.members, scored.source);
    const remarks = applyExceptions(made.remarks, rules, relative, () => day);
    // A failed gate is excepted with the finding that reports it, in the same order.
    const gateFindings = remarks.findings.filter((f) => f.code === "gate-failed");
    let n = 0;
    const gates = made.gates.map((gate) => {
      if (gate.passed) return gate;
      const excepted = gateFindings[n++]?.excepted;
      return excepted === undefined ? gate : { ...gate, excepted };
    });
    const item = rules.length === 0 || made.withRemarks === undefined ? made.item : made.withRemarks(remarks.findings);
    return {
      findings: findings.findings,
      pieces: writers.map((writer) => writer.item(item)),
      gates,
      remarks: remarks.findings,
      exceptionUse: { used: [...findings.use.used, ...remarks.use.used], expired: [...findings.use.expired, ...remarks.use.expired] },
    };
  };
}

export function scoreTask(setup: TaskSetup & { command: "score" }, writers?: readonly StreamWriter<SubjectScore, ScoreSummary>[], frameworks?: FrameworkSet): (input: InputFile) => SubjectResult {
  const g = ground(setup, frameworks);
  const gates = parseGates(g.frameworks, setup.minStage, setup.failUnder);
  const out = writers ?? setup.formats.map((f) => SCORE_FORMATS[f.format]({ frameworks: g.frameworks, style: styleFor(f.colour), locale: setup.locale, width: setup.width, showExcepted: setup.exceptions?.show === true }));
  return subjectTask(
    g,
    out,
    (score) => {
      const results = evaluateGates(g.frameworks, score, gates);
      return { item: score, gates: results, remarks: results.filter((r) => !r.passed).map((r) => gateFinding(r, (stage) => stageTitles(g.frameworks, stage))) };
    },
    setup.exceptions,
    setup.cwd,
  );
}

export function reportTask(setup: TaskSetup & { command: "report" }, writers?: readonly StreamWriter<GapReport, ReportSummary>[], frameworks?: FrameworkSet): (input: InputFile) => SubjectResult {
  const g = ground(setup, frameworks);
  const out = writers ?? setup.formats.map((f) => REPORT_FORMATS[f.format]({ frameworks: g.frameworks, style: styleFor(f.colour), locale: setup.locale, width: setup.width, showExcepted: setup.exceptions?.show === true }));
  return subjectTask(
    g,
    out,
    (score, assessment, members, source) => {
      const report = gapReport(g.frameworks, { score, assessment, members, source }, setup.evidence);
      return { item: report, gates: [], remarks: report.evidence, withRemarks: (evidence) => ({ ...report, evidence }) };
    },
    setup.exceptions,
    setup.cwd,
  );
}

/**
 * The gap report of a sound subject, with the evidence checks of its own answers and, for a
 * region, each member's, as findings at their places and as the register a reader sees.
 */
export function gapReport(frameworks: FrameworkSet, scored: Scored, rules: EvidenceRules): GapReport {
  const { score, assessment, members, source } = scored;
  const own = evidenceChecks(assessment, rules, frameworks);
  const evidence = evidenceFindings(source, own, rules);
  const parts = [registerPart(assessment, own, true, undefined)];
  for (const member of members) {
    if (member.assessment !== undefined && member.source !== undefined) {
      const checks = evidenceChecks(member.assessment, rules, frameworks);
      append(evidence, evidenceFindings(member.source.yaml, checks, rules, member.source.path));
      parts.push(registerPart(member.assessment, checks, false, member.entry.population));
    }
  }
  return { score, ...subjectGaps(frameworks, score, assessment), evidence: sortFindings(evidence), register: register(assessment, parts) };
}

/** A stage's title in each language: the framework's, or the words' for informatization. */
function stageTitles(set: FrameworkSet, stage: string): Record<string, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, namer(set, locale, (t) => t).stage(stage)]));
}

/** The task a setup describes, as a worker thread builds it. */
export function taskFor(setup: TaskSetup): (input: InputFile) => TaskResult {
  switch (setup.command) {
    case "validate":
      return validateTask(setup);
    case "score":
      return scoreTask(setup);
    case "report":
      return reportTask(setup);
  }
}
