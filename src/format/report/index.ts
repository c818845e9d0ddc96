import { ciFormat } from "../ci.js";
import { inEachLanguage } from "../stream.js";
import { MARKDOWN_BETWEEN_LANGUAGES } from "../markdown.js";
import type { CiFormatName } from "../ci.js";
import { reportHtml } from "./html.js";
import { reportJson } from "./json.js";
import { reportMarkdown } from "./markdown.js";
import type { ReportFormat } from "./model.js";
import { reportTerminal } from "./terminal.js";

export type ReportFormatName = "terminal" | "json" | "markdown" | "html" | CiFormatName;

/** Every output format of `report`; `--format` takes its choices from these keys. */
export const REPORT_FORMATS = {
  terminal: reportTerminal,
  json: reportJson,
  markdown: inEachLanguage(reportMarkdown, MARKDOWN_BETWEEN_LANGUAGES),
  html: reportHtml,
  sarif: ciFormat("sarif", "report"),
  junit: ciFormat("junit", "report"),
  github: ciFormat("github", "report"),
} satisfies Record<ReportFormatName, ReportFormat>;
