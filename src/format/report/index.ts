import { ciFormat } from "../ci.js";
import { inEachLanguage } from "../stream.js";
import { MARKDOWN_BETWEEN_LANGUAGES } from "../markdown.js";
import type { CiFormatName } from "../ci.js";
import type { GapReport } from "../../analysis/gaps/model.js";
import { reportView, tailView } from "../view/sections.js";
import { htmlFormat, markdownFormat, terminalFormat } from "../view/formats.js";
import type { Layout } from "../view/formats.js";
import { reportJson } from "./json.js";
import { reportCsv } from "../csv.js";
import type { ReportFormat, ReportSummary } from "./model.js";

export type ReportFormatName = "terminal" | "json" | "markdown" | "html" | "csv" | CiFormatName;

/** What report's human formats show: a subject's score, then its roadmap or plan, gaps and evidence; then the problems. */
const REPORT_LAYOUT: Layout<GapReport, ReportSummary> = {
  view: (report, names, options) => reportView(report, names, options.frameworks),
  tail: ({ findings }, names) => tailView(findings, [], names),
  title: (w, only) => (only === undefined ? w.documents.gapReport : w.documents.gapReportOf(only)),
  name: (report) => report.score.name,
};

/** Every output format of `report`; `--format` takes its choices from these keys. */
export const REPORT_FORMATS = {
  terminal: terminalFormat(REPORT_LAYOUT),
  json: reportJson,
  markdown: inEachLanguage(markdownFormat(REPORT_LAYOUT), MARKDOWN_BETWEEN_LANGUAGES),
  html: htmlFormat(REPORT_LAYOUT),
  csv: reportCsv,
  sarif: ciFormat("sarif", "report"),
  junit: ciFormat("junit", "report"),
  github: ciFormat("github", "report"),
} satisfies Record<ReportFormatName, ReportFormat>;
