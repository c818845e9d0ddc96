import type { Finding } from "../../model/findings.js";
import type { GateResult } from "../../scoring/gates.js";
import type { SubjectScore } from "../../scoring/model.js";
import type { StreamFormat } from "../stream.js";
import type { CiSummary } from "../ci.js";

/** What `score` knows only at the end: the gates, and the problems of files not scored. */
export interface ScoreSummary extends CiSummary {
  readonly gates: readonly GateResult[];
  readonly findings: readonly Finding[];
}

/** Every format of `score` writes one piece a subject, then the gates and problems. */
export type ScoreFormat = StreamFormat<SubjectScore, ScoreSummary>;
