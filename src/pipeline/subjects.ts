import { CODES, sortFindings } from "../model/findings.js";
import { append } from "../model/arrays.js";
import type { Finding } from "../model/findings.js";
import type { ScoreSummary } from "../format/score/model.js";
import type { StreamWriter } from "../format/stream.js";
import type { GateResult } from "../scoring/gates.js";
import type { Output } from "../node/output.js";
import { mapFiles, threadsFor, workersAhead } from "./pool.js";
import type { Started } from "./pool.js";
import { exceptionFindings } from "../model/exceptions.js";
import type { ExceptionUse } from "../model/exceptions.js";
import { listInputs, nothingLeft, withNotices } from "../node/read.js";
import type { InputFile } from "../node/read.js";
import type { SubjectResult, TaskSetup } from "./tasks.js";

/** What a run of `score` or `report` gathers besides its output. */
export interface Collected {
  /** Problems of every file, in file, line and column order. */
  readonly findings: readonly Finding[];
  readonly gates: readonly GateResult[];
  /** Findings about sound subjects: evidence to check, failed gates. */
  readonly remarks: readonly Finding[];
}

/** Whether a remark can decide the exit code (see exitCodeFor): an error not excepted, or a problem of access. */
const counts = (f: Finding): boolean => (f.severity === "error" && f.excepted === undefined) || CODES[f.code].impact === "access";

/** One format of a run and where it goes. */
export interface Destination {
  readonly output: Output;
  readonly writer: Pick<StreamWriter<never, ScoreSummary>, "head" | "before" | "tail" | "ignoresRemarks">;
}

/**
 * The inputs of a run of `score` or `report`, with `notices` among their failures, listed while
 * its worker threads load (from `from` files, see WORKERS_FROM); and the threads it uses: one
 * when a format gathers every subject, which is then made in this thread.
 */
export function listSubjects(
  args: readonly string[],
  cwd: string,
  jobs: number,
  from: number,
  setup: TaskSetup,
  gathers: boolean,
  notices: readonly Finding[],
): { inputs: ReturnType<typeof listInputs>; threads: number; started: Started | undefined } {
  const ahead = workersAhead(jobs, from, setup, !gathers);
  const inputs = withNotices(listInputs(args, cwd, true, ahead.soon), notices);
  const threads = gathers ? 1 : threadsFor(inputs.files.length, jobs, from);
  return { inputs, threads, started: ahead.started(threads) };
}

/**
 * Writes each format's head, each subject's pieces as they are made (in path order, by worker
 * threads when there are several), and each tail; keeps only findings and gate results.
 */
export async function writeSubjects(
  destinations: readonly Destination[],
  inputs: ReturnType<typeof listInputs>,
  threads: number,
  setup: TaskSetup,
  local: (input: InputFile) => SubjectResult,
  /** Told of each file done, and of the end: the command line draws it on a terminal. */
  progress: { tick(): void; done(): void } = { tick: () => undefined, done: () => undefined },
  /** Threads started beforehand for `setup` (see startWorkers). */
  started?: Started,
): Promise<Collected> {
  const findings: Finding[] = [...inputs.failures];
  const gates: GateResult[] = [];
  const remarks: Finding[] = [];
  const uses: ExceptionUse[] = [];
  let count = 0;
  for (const { output, writer } of destinations) output.write(writer.head());
  // Remarks no tail reads are kept only when they decide the exit code.
  const keepAll = destinations.some(({ writer }) => writer.ignoresRemarks !== true);
  // Frameworks a walk found, left out once read.
  const left = new Set<InputFile>();
  await mapFiles(inputs.files, threads, setup, local, (result, index) => {
    progress.tick();
    if (result.leftOut === true) {
      left.add(inputs.files[index]!);
      return;
    }
    append(findings, result.findings);
    append(gates, result.gates);
    append(remarks, keepAll ? result.remarks : result.remarks.filter(counts));
    // Only a subject some exception touched tells the exceptions anything: the others are not kept.
    const use = result.exceptionUse;
    if (use !== undefined && (use.used.length > 0 || use.expired.length > 0)) uses.push(use);
    if (result.pieces !== undefined) {
      destinations.forEach(({ output, writer }, i) => output.write(writer.before(count) + result.pieces![i]!));
      count++;
    }
  }, started);
  progress.done();
  append(findings, nothingLeft(inputs.files, left, setup.cwd));
  // What the exceptions did: each expired one, and each that covered nothing, said at its place.
  const policy = setup.exceptions;
  if (policy !== undefined) append(findings, exceptionFindings(policy.rules, uses, policy.today, policy.strict, setup.command));
  const sorted = sortFindings(findings);
  const files = inputs.files.flatMap((f) => (left.has(f) ? [] : [f.file]));
  const summary = { gates, findings: sorted, remarks: sortFindings(remarks), files };
  for (const { output, writer } of destinations) output.write(writer.tail(summary, count));
  return { findings: sorted, gates, remarks };
}
