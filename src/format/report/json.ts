import { message } from "../messages.js";
import { nullForAbsent } from "../options.js";
import { jsonArrayStream } from "../stream.js";
import type { ReportFormat } from "./model.js";

/** The version of the JSON structure; see schema/report-output.schema.json. */
export const REPORT_JSON_VERSION = 1;

export const reportJson: ReportFormat = (options) => {
  // Messages are in the language asked for, as in `validate --format json`; codes and facts never change.
  const withMessage = <T extends Parameters<typeof message>[0]>(f: T) => ({ ...f, message: message(f, options.locale) });
  const json = jsonArrayStream(nullForAbsent);
  return {
    ignoresRemarks: true,
    head: () => json.head({ smartregion: "report", version: REPORT_JSON_VERSION }, "reports"),
    item: (report) => json.item({ ...report, evidence: report.evidence.map(withMessage) }),
    before: json.before,
    tail: ({ findings }, count) => json.tail({ findings: findings.map(withMessage) }, count),
  };
};
