import { message } from "../messages.js";
import type { ScoreRun } from "./model.js";
import type { FormatOptions } from "../options.js";
import { nullForAbsent } from "../options.js";

/** The version of the JSON structure; see schema/score-output.schema.json. */
export const SCORE_JSON_VERSION = 1;


export function formatScoreJson(run: ScoreRun, _options: FormatOptions): string {
  const document = {
    smartregion: "score",
    version: SCORE_JSON_VERSION,
    results: run.results,
    gates: run.gates,
    findings: run.findings.map((f) => ({ ...f, message: message(f) })),
  };
  return `${JSON.stringify(document, nullForAbsent, 2)}\n`;
}
