import { message } from "../messages.js";
import type { ReportRun } from "./model.js";
import type { FormatOptions } from "../options.js";
import { nullForAbsent } from "../options.js";

/** The version of the JSON structure; see schema/report-output.schema.json. */
export const REPORT_JSON_VERSION = 1;


export function formatReportJson(run: ReportRun, _options: FormatOptions): string {
  const withMessage = <T extends Parameters<typeof message>[0]>(f: T) => ({ ...f, message: message(f) });
  const document = {
    smartregion: "report",
    version: REPORT_JSON_VERSION,
    reports: run.reports.map((r) => ({ ...r, evidence: r.evidence.map(withMessage) })),
    findings: run.findings.map(withMessage),
  };
  return `${JSON.stringify(document, nullForAbsent, 2)}\n`;
}
