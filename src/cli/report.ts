import { sortFindings } from "../findings.js";
import type { Finding } from "../findings.js";
import { evidenceFindings } from "../gaps/evidence.js";
import type { EvidenceRules } from "../gaps/evidence.js";
import { subjectGaps } from "../gaps/gaps.js";
import type { GapReport } from "../gaps/model.js";
import { REPORT_FORMATTERS } from "../report/gaps/index.js";
import type { ReportFormat } from "../report/gaps/index.js";
import { assessInputs } from "./assess.js";
import type { Assessed } from "./assess.js";
import { styleFor, wantsColour } from "./colour.js";
import { exitCodeFor } from "./exit.js";
import type { ExitCode } from "./exit.js";
import { writeOutput } from "./output.js";
import type { CommonOptions } from "./validate.js";

export interface ReportOptions extends CommonOptions {
  readonly format: ReportFormat;
  readonly evidence: EvidenceRules;
  readonly lang: string;
}

/** Evidence checks of a subject: its own answers and, for a region, each member's. */
function evidenceOf(item: Assessed, rules: EvidenceRules): Finding[] {
  const found = evidenceFindings(item.source, item.assessment, rules);
  for (const member of item.members) {
    if (member.assessment !== undefined && member.source !== undefined) {
      found.push(...evidenceFindings(member.source.yaml, member.assessment, rules, [...member.source.path]));
    }
  }
  return sortFindings(found);
}

export function runReport(args: readonly string[], options: ReportOptions, cwd: string): ExitCode {
  const run = assessInputs(args, options, cwd);
  const reports: GapReport[] = run.assessed.map((item) => ({
    score: item.score,
    ...subjectGaps(run.frameworks, item.score, item.assessment),
    evidence: evidenceOf(item, options.evidence),
  }));
  const findings = sortFindings(run.findings);
  const style = styleFor(options.output === undefined && wantsColour(process.stdout.isTTY === true, process.env));
  writeOutput(REPORT_FORMATTERS[options.format]({ reports, findings }, { frameworks: run.frameworks, style, locale: options.lang }), options.output, run.inputs, cwd);
  return exitCodeFor([...findings, ...reports.flatMap((r) => r.evidence)]);
}
