import { message } from "../messages.js";
import type { ScoreFormatOptions, ScoreRun } from "./model.js";

/** The version of the JSON structure; see schema/score-output.schema.json. */
export const SCORE_JSON_VERSION = 1;

/** Absent values are written as null, so every field is always there. */
const nulls = (_key: string, value: unknown) => (value === undefined ? null : value);

export function formatScoreJson(run: ScoreRun, _options: ScoreFormatOptions): string {
  const document = {
    smartregion: "score",
    version: SCORE_JSON_VERSION,
    results: run.results,
    gates: run.gates,
    findings: run.findings.map((f) => ({ ...f, message: message(f) })),
  };
  return `${JSON.stringify(document, nulls, 2)}\n`;
}
