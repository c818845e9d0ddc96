import { ciFormat } from "../ci.js";
import { inEachLanguage } from "../stream.js";
import { MARKDOWN_BETWEEN_LANGUAGES } from "../markdown.js";
import type { CiFormatName } from "../ci.js";
import { scoreJson } from "./json.js";
import { scoreHtml } from "./html.js";
import { scoreMarkdown } from "./markdown.js";
import type { ScoreFormat } from "./model.js";
import { scoreTerminal } from "./terminal.js";

export type ScoreFormatName = "terminal" | "json" | "markdown" | "html" | CiFormatName;

/** Every output format of `score`; `--format` takes its choices from these keys. */
export const SCORE_FORMATS = {
  terminal: scoreTerminal,
  json: scoreJson,
  markdown: inEachLanguage(scoreMarkdown, MARKDOWN_BETWEEN_LANGUAGES),
  html: scoreHtml,
  sarif: ciFormat("sarif", "score"),
  junit: ciFormat("junit", "score"),
  github: ciFormat("github", "score"),
} satisfies Record<ScoreFormatName, ScoreFormat>;
