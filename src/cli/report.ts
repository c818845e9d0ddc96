import { isTerminal, stdoutTerminal } from "../node/terminal.js";
import type { SarifBase } from "../format/options.js";
import { reportProblems } from "./problems.js";
import type { EvidenceRules } from "../analysis/gaps/evidence.js";
import { progressFor } from "./progress.js";
import { REPORT_FORMATS } from "../format/report/index.js";
import type { ReportFormatName } from "../format/report/index.js";
import { styleFor, terminalWidth, wantsColour } from "../format/colour.js";
import { frameworksFor } from "../node/context.js";
import { exitCodeFor } from "../pipeline/exit.js";
import type { ExitCode } from "../pipeline/exit.js";
import { openOutput, writingEach } from "../node/output.js";
import { WORKERS_FROM } from "../pipeline/pool.js";
import { replacementNotices } from "../pipeline/replaced.js";
import { listSubjects, writeSubjects } from "../pipeline/subjects.js";
import { reportTask } from "../pipeline/tasks.js";
import { parseFormats } from "./validate.js";
import type { CommonOptions } from "./validate.js";

export interface ReportOptions extends CommonOptions {
  /** `name` or `name=file`, as given to --format. */
  readonly formats: readonly string[];
  readonly evidence: EvidenceRules;
  /** The languages asked for; formats that show only one use the first. */
  readonly langs: readonly string[];
  /** Worker threads: 0 for as many as suit the machine and the run, 1 for none. */
  readonly jobs: number;
  readonly version: string;
  /** Where SARIF's URIs start. */
  readonly base?: SarifBase;
}

export async function runReport(args: readonly string[], options: ReportOptions, cwd: string): Promise<ExitCode> {
  const frameworks = frameworksFor(options.frameworks, cwd);
  const width = terminalWidth(process.env, stdoutTerminal());
  const outputs = parseFormats<ReportFormatName>(options.formats, options.output, REPORT_FORMATS, "terminal");
  const formats = outputs.map((o) => ({ format: o.format, colour: o.file === undefined && wantsColour(isTerminal(1), process.env) }));
  const writers = formats.map((f) => REPORT_FORMATS[f.format]({ frameworks, style: styleFor(f.colour), locale: options.langs[0]!, locales: options.langs, version: options.version, width, showExcepted: options.exceptions?.show === true, ...(options.base === undefined ? {} : { base: options.base }) }));
  const setup = { command: "report", frameworks: options.frameworks, cwd, maxFileSize: options.maxFileSize, ...(options.exceptions === undefined ? {} : { exceptions: options.exceptions }), formats, width, locale: options.langs[0]!, evidence: options.evidence } as const;
  // The files are listed while the worker threads load; a format that gathers every subject into one page is made in this thread.
  const { inputs, threads, started } = listSubjects(args, cwd, options.jobs, WORKERS_FROM.report, setup, writers.some((w) => w.gathers === true), replacementNotices(frameworks, options.frameworks, cwd));
  const local = reportTask(setup, writers, frameworks);
  return writingEach(outputs.map((o) => () => openOutput(o.file, cwd)), async (opened) => {
    const destinations = opened.map((output, i) => ({ output, writer: writers[i]! }));
    const summary = await writeSubjects(destinations, inputs, threads, setup, local, progressFor(inputs.files.length, "reported on", options.langs[0]), started);
    // CSV has no place for the problems of files it could not read: they go to stderr.
    if (outputs.some((o) => o.format === "csv")) reportProblems(summary.findings, options.langs[0]!);
    return exitCodeFor([...summary.findings, ...summary.remarks]);
  });
}
