import type { FitVerdict } from "../../scoring/model.js";

/**
 * What changed between two assessments of one subject. Every formatter reads this and none
 * recomputes it. Scores are on the 0-5 scale, as in scoring; a delta is after - before.
 */

export interface LevelState {
  /** Undefined while unanswered or not applicable. */
  readonly level: number | undefined;
  readonly notApplicable: boolean;
}

/** How one indicator's answer moved. */
export type Movement = "up" | "down" | "answered" | "unanswered" | "not-applicable" | "applicable";

export interface IndicatorChange {
  readonly framework: string;
  readonly indicator: string;
  readonly dimension: string;
  readonly before: LevelState;
  readonly after: LevelState;
  readonly movement: Movement;
}

/** Evidence named in one assessment and not the other, by title. */
export interface EvidenceChange {
  readonly framework: string;
  readonly indicator: string;
  readonly added: readonly string[];
  readonly withdrawn: readonly string[];
}

/** A framework's score (no dimension) or a dimension's, before and after. */
export interface ScoreChange {
  readonly framework: string;
  readonly dimension: string | undefined;
  readonly before: number | undefined;
  readonly after: number | undefined;
  /** Undefined when either side has no score. */
  readonly delta: number | undefined;
  /**
   * The change over the indicators answered both times: what a fall in `delta` means when new
   * answers came in low. Undefined when no indicator was answered both times.
   */
  readonly sameAnswers: number | undefined;
}

export interface StageChange {
  readonly before: string;
  readonly after: string;
  readonly direction: "up" | "down" | "same";
}

/** The changes in one set of answers: a city's, a region's own, or one member's. */
export interface AnswersDiff {
  /** Cities and members: the stage reached. */
  readonly stage: StageChange | undefined;
  readonly scores: readonly ScoreChange[];
  readonly indicators: readonly IndicatorChange[];
  readonly evidence: readonly EvidenceChange[];
}

export interface MemberDiff {
  readonly name: string;
  /** In both assessments, or only in the newer (joined) or the older (left). */
  readonly presence: "both" | "joined" | "left";
  /** When the member could be scored in both. */
  readonly changes: AnswersDiff | undefined;
}

export interface Side {
  readonly file: string;
  readonly date: string;
}

/** What went down: any one of these makes `--fail-on-regression` exit 1. */
export interface Regression {
  /** The member it is in, for a region. */
  readonly member: string | undefined;
  /**
   * A stage lost, a region's stage lost, a score that fell over the indicators answered both
   * times, a level that fell, an answer withdrawn, or evidence withdrawn. An indicator answered
   * for the first time is progress in coverage, never a regression, whatever its level.
   */
  readonly what: "stage" | "score" | "indicator" | "region-stage" | "answer-withdrawn" | "evidence-withdrawn";
  readonly framework: string | undefined;
  readonly dimension: string | undefined;
  readonly indicator: string | undefined;
  readonly before: string;
  readonly after: string;
}

export interface SubjectDiff {
  readonly name: string;
  readonly kind: "city" | "region";
  readonly older: Side;
  readonly newer: Side;
  /** A city's stages; a region's own formation models. */
  readonly own: AnswersDiff;
  /** Regions: the best-fit model before and after, and the verdict of each (a tie names no model). */
  readonly fit:
    | {
        readonly before: string | undefined;
        readonly after: string | undefined;
        readonly verdictBefore: FitVerdict;
        readonly verdictAfter: FitVerdict;
        readonly tiedBefore: readonly string[];
        readonly tiedAfter: readonly string[];
      }
    | undefined;
  /** Regions: the stage of the weakest member. */
  readonly regionStage: StageChange | undefined;
  /** Regions: each stage's and dimension's weighted mean over the members. */
  readonly rollup: readonly ScoreChange[];
  readonly members: readonly MemberDiff[];
  readonly regressions: readonly Regression[];
}
