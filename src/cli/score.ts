import { isTerminal, stdoutTerminal } from "../node/terminal.js";
import type { SarifBase } from "../format/options.js";
import { reportProblems } from "./problems.js";
import { SCORE_FORMATS } from "../format/score/index.js";
import { progressFor } from "./progress.js";
import type { ScoreFormatName } from "../format/score/index.js";
import { listSubjects, writeSubjects } from "../pipeline/subjects.js";
import { parseGates } from "../pipeline/gates.js";
import { WORKERS_FROM } from "../pipeline/pool.js";
import { scoreTask } from "../pipeline/tasks.js";
import { styleFor, terminalWidth, wantsColour } from "../format/colour.js";
import { frameworksFor } from "../node/context.js";
import { exitCodeFor } from "../pipeline/exit.js";
import type { ExitCode } from "../pipeline/exit.js";
import { openOutput, writingEach } from "../node/output.js";
import { replacementNotices } from "../pipeline/replaced.js";
import { parseFormats } from "./validate.js";
import type { CommonOptions } from "./validate.js";

export interface ScoreOptions extends CommonOptions {
  /** `name` or `name=file`, as given to --format. */
  readonly formats: readonly string[];
  readonly minStage: string | undefined;
  readonly failUnder: readonly string[];
  /** The languages asked for; formats that show only one use the first. */
  readonly langs: readonly string[];
  /** Worker threads: 0 for as many as suit the machine and the run, 1 for none. */
  readonly jobs: number;
  readonly version: string;
  /** Where SARIF's URIs start. */
  readonly base?: SarifBase;
}

export async function runScore(args: readonly string[], options: ScoreOptions, cwd: string): Promise<ExitCode> {
  const frameworks = frameworksFor(options.frameworks, cwd);
  parseGates(frameworks, options.minStage, options.failUnder);
  const width = terminalWidth(process.env, stdoutTerminal());
  const outputs = parseFormats<ScoreFormatName>(options.formats, options.output, SCORE_FORMATS, "terminal");
  const formats = outputs.map((o) => ({ format: o.format, colour: o.file === undefined && wantsColour(isTerminal(1), process.env) }));
  const writers = formats.map((f) => SCORE_FORMATS[f.format]({ frameworks, style: styleFor(f.colour), locale: options.langs[0]!, locales: options.langs, version: options.version, width, showExcepted: options.exceptions?.show === true, ...(options.base === undefined ? {} : { base: options.base }) }));
  const setup = { command: "score", frameworks: options.frameworks, cwd, maxFileSize: options.maxFileSize, ...(options.exceptions === undefined ? {} : { exceptions: options.exceptions }), formats, width, locale: options.langs[0]!, minStage: options.minStage, failUnder: options.failUnder } as const;
  // The files are listed while the worker threads load; a format that gathers every subject (one document a language) is made in this thread.
  const { inputs, threads, started } = listSubjects(args, cwd, options.jobs, WORKERS_FROM.score, setup, writers.some((w) => w.gathers === true), replacementNotices(frameworks, options.frameworks, cwd));
  const local = scoreTask(setup, writers, frameworks);
  return writingEach(outputs.map((o) => () => openOutput(o.file, cwd)), async (opened) => {
    const destinations = opened.map((output, i) => ({ output, writer: writers[i]! }));
    const summary = await writeSubjects(destinations, inputs, threads, setup, local, progressFor(inputs.files.length, "scored", options.langs[0]), started);
    // CSV has no place for the problems of files it could not read: they go to stderr.
    if (outputs.some((o) => o.format === "csv")) reportProblems(summary.findings, options.langs[0]!);
    const code = exitCodeFor(summary.findings);
    return code === 0 && summary.gates.some((g) => !g.passed && g.excepted === undefined) ? 1 : code;
  });
}
