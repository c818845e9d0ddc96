import { message } from "../messages.js";
import type { ReportFormatOptions, ReportRun } from "./model.js";

/** The version of the JSON structure; see schema/report-output.schema.json. */
export const REPORT_JSON_VERSION = 1;

const nulls = (_key: string, value: unknown) => (value === undefined ? null : value);

export function formatReportJson(run: ReportRun, _options: ReportFormatOptions): string {
  const withMessage = <T extends Parameters<typeof message>[0]>(f: T) => ({ ...f, message: message(f) });
  const document = {
    smartregion: "report",
    version: REPORT_JSON_VERSION,
    reports: run.reports.map((r) => ({ ...r, evidence: r.evidence.map(withMessage) })),
    findings: run.findings.map(withMessage),
  };
  return `${JSON.stringify(document, nulls, 2)}\n`;
}
