import { sortFindings } from "../findings.js";
import type { Finding } from "../findings.js";
import { evidenceFindings } from "../gaps/evidence.js";
import type { EvidenceRules } from "../gaps/evidence.js";
import { subjectGaps } from "../gaps/gaps.js";
import type { GapReport } from "../gaps/model.js";
import { REPORT_FORMATS } from "../report/gaps/index.js";
import type { ReportFormatName } from "../report/gaps/index.js";
import { assessEach } from "./assess.js";
import type { Assessed } from "./assess.js";
import { styleFor, wantsColour } from "./colour.js";
import { exitCodeFor } from "./exit.js";
import type { ExitCode } from "./exit.js";
import { frameworksFor } from "./context.js";
import { openOutput, writing } from "./output.js";
import { listInputs } from "./read.js";
import type { CommonOptions } from "./validate.js";

export interface ReportOptions extends CommonOptions {
  readonly format: ReportFormatName;
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
  const frameworks = frameworksFor(options.frameworks, cwd);
  const inputs = listInputs(args, cwd);
  const style = styleFor(options.output === undefined && wantsColour(process.stdout.isTTY === true, process.env));
  const writer = REPORT_FORMATS[options.format]({ frameworks, style, locale: options.lang });
  return writing(openOutput(options.output, inputs.absolute, cwd), (output) => {
    const evidence: Finding[] = [];
    output.write(writer.head());
    const run = assessEach(inputs, options, cwd, frameworks, (item) => {
      const report: GapReport = { score: item.score, ...subjectGaps(frameworks, item.score, item.assessment), evidence: evidenceOf(item, options.evidence) };
      evidence.push(...report.evidence.filter((f) => f.severity === "error"));
      output.write(writer.item(report));
    });
    const findings = sortFindings(run.findings);
    output.write(writer.tail({ findings }));
    return exitCodeFor([...findings, ...evidence]);
  });
}
