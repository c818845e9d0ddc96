import { ciFormat } from "../ci.js";
import { inEachLanguage } from "../stream.js";
import { MARKDOWN_BETWEEN_LANGUAGES } from "../markdown.js";
import type { CiFormatName } from "../ci.js";
import { scoreJson } from "./json.js";
import { scoreCsv } from "../csv.js";
import { scoreView, tailView } from "../view/sections.js";
import { htmlFormat, markdownFormat, terminalFormat } from "../view/formats.js";
import type { Layout } from "../view/formats.js";
import type { SubjectScore } from "../../scoring/model.js";
import type { ScoreFormat, ScoreSummary } from "./model.js";

export type ScoreFormatName = "terminal" | "json" | "markdown" | "html" | "csv" | CiFormatName;

/** What score's human formats show: a subject's stages, fit and roll-up; then the problems and the gates. */
const SCORE_LAYOUT: Layout<SubjectScore, ScoreSummary> = {
  view: (score, names, options) => scoreView(score, names, options.frameworks),
  tail: ({ findings, gates }, names) => tailView(findings, gates, names),
  title: (w, only) => (only === undefined ? w.documents.scores : `${w.documents.scores}${w.colon}${only}`),
  name: (score) => score.name,
};

/** Every output format of `score`; `--format` takes its choices from these keys. */
export const SCORE_FORMATS = {
  terminal: terminalFormat(SCORE_LAYOUT),
  json: scoreJson,
  markdown: inEachLanguage(markdownFormat(SCORE_LAYOUT), MARKDOWN_BETWEEN_LANGUAGES),
  html: htmlFormat(SCORE_LAYOUT),
  csv: scoreCsv,
  sarif: ciFormat("sarif", "score"),
  junit: ciFormat("junit", "score"),
  github: ciFormat("github", "score"),
} satisfies Record<ScoreFormatName, ScoreFormat>;
