import type { Finding } from "../../findings.js";
import type { GateResult } from "../../scoring/gates.js";
import type { SubjectScore } from "../../scoring/model.js";
import type { FormatOptions } from "../options.js";

/** Everything `score` prints: the scores, the gates, and the problems of files not scored. */
export interface ScoreRun {
  readonly results: readonly SubjectScore[];
  readonly gates: readonly GateResult[];
  readonly findings: readonly Finding[];
}

export type ScoreFormatter = (run: ScoreRun, options: FormatOptions) => string;
