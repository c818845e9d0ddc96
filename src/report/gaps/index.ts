import { formatReportHtml } from "./html.js";
import { formatReportJson } from "./json.js";
import { formatReportMarkdown } from "./markdown.js";
import type { ReportFormatter } from "./model.js";
import { formatReportTerminal } from "./terminal.js";

export type ReportFormat = "terminal" | "json" | "markdown" | "html";

/** Every output format of `report`; `--format` takes its choices from these keys. */
export const REPORT_FORMATTERS = {
  terminal: formatReportTerminal,
  json: formatReportJson,
  markdown: formatReportMarkdown,
  html: formatReportHtml,
} satisfies Record<ReportFormat, ReportFormatter>;
