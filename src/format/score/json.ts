import { message } from "../messages.js";
import { nullForAbsent } from "../options.js";
import { jsonArrayStream } from "../stream.js";
import type { ScoreFormat } from "./model.js";

/** The version of the JSON structure; see schema/score-output.schema.json. */
export const SCORE_JSON_VERSION = 1;

export const scoreJson: ScoreFormat = (options) => {
  const json = jsonArrayStream(nullForAbsent);
  return {
    ignoresRemarks: true,
    head: () => json.head({ smartregion: "score", version: SCORE_JSON_VERSION }, "results"),
    item: (score) => json.item(score),
    before: json.before,
    tail: ({ gates, findings }, count) => json.tail({ gates, findings: findings.map((f) => ({ ...f, message: message(f, options.locale) })) }, count),
  };
};
