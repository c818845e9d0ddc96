import { formatScoreJson } from "./json.js";
import { formatScoreMarkdown } from "./markdown.js";
import type { ScoreFormatter } from "./model.js";
import { formatScoreTerminal } from "./terminal.js";

export type ScoreFormat = "terminal" | "json" | "markdown";

/** Every output format of `score`; `--format` takes its choices from these keys. */
export const SCORE_FORMATTERS = {
  terminal: formatScoreTerminal,
  json: formatScoreJson,
  markdown: formatScoreMarkdown,
} satisfies Record<ScoreFormat, ScoreFormatter>;
