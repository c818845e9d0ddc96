/**
 * The result model of scoring: every formatter reads it and none recomputes it. Scores are on
 * the 0-5 scale of the levels (rounded to 6 decimals); percentages are score / 5.
 */

/** Before any stage is reached a city is still in plain informatization. */
export const INFORMATIZATION = "informatization";

export interface IndicatorResult {
  readonly id: string;
  readonly dimension: string;
  readonly weight: number;
  /** Undefined while unanswered or not applicable. */
  readonly level: number | undefined;
  readonly notApplicable: boolean;
}

export interface Coverage {
  /** Indicators answered with a level. */
  readonly answered: number;
  /** Indicators not marked not-applicable. */
  readonly applicable: number;
  readonly total: number;
  /** answered / applicable; 1 when nothing is applicable. */
  readonly share: number;
}

export interface DimensionResult {
  readonly id: string;
  readonly weight: number;
  /** The weighted mean level of the answered indicators; undefined when none is answered. */
  readonly score: number | undefined;
  readonly coverage: Coverage;
  readonly indicators: readonly IndicatorResult[];
}

/** Why a stage is not reached. */
export type Blocker =
  | { readonly reason: "below-bar"; readonly dimension: string; readonly score: number; readonly bar: number }
  | { readonly reason: "coverage"; readonly dimension: string; readonly share: number; readonly minimum: number }
  | { readonly reason: "unscored"; readonly dimension: string }
  | { readonly reason: "previous-stage"; readonly stage: string };

export interface StageAttainment {
  readonly bar: number;
  readonly minCoverage: number;
  readonly reached: boolean;
  readonly blockers: readonly Blocker[];
}

export interface FrameworkResult {
  readonly id: string;
  readonly kind: "stage" | "model";
  readonly version: string;
  /** The dimension-weighted mean of the dimension scores; undefined when none has a score. */
  readonly score: number | undefined;
  readonly coverage: Coverage;
  readonly dimensions: readonly DimensionResult[];
  /** Stages only. */
  readonly attainment: StageAttainment | undefined;
}

/** A city's stages: every dimension's score, and the stage reached. */
export interface StageProfile {
  readonly stages: readonly FrameworkResult[];
  /** The last stage reached, or `informatization`. */
  readonly current: string;
  /** The first stage not reached, if any. */
  readonly next: string | undefined;
}

export interface FitRanking {
  readonly model: string;
  /** The weighted mean level of the indicators that carry the model (its whole score when it marks none). */
  readonly fit: number | undefined;
  /** The model's whole score: how ready the region is for it. */
  readonly readiness: number | undefined;
  /** The share of the carrying indicators answered. */
  readonly coverage: number;
  /** Why the model cannot be the region's, whatever its score. */
  readonly excluded: "too-little-answered" | "below-floor" | "core-not-leading" | undefined;
}

/**
 * What the fit says: one model fits; several tie (within the tie margin); none reaches its floor;
 * or too little is answered to tell.
 */
export type FitVerdict = "fits" | "tie" | "none" | "too-little-answered";

/** The core city of a core-led region, and whether it leads the other members on every stage. */
export interface CoreCheck {
  readonly member: string;
  /** Named by the region (`core: true`), or else the most advanced member. */
  readonly from: "named" | "most-advanced";
  readonly leads: boolean;
  /** A member that scores above the core, on the first stage where one does. */
  readonly overtakenBy: { readonly member: string; readonly stage: string } | undefined;
}

export interface DecidingIndicator {
  readonly model: string;
  readonly indicator: string;
  readonly level: number | undefined;
  readonly weight: number;
}

export interface ModelFit {
  readonly verdict: FitVerdict;
  /** The model that fits, when one does (verdict "fits"). */
  readonly best: string | undefined;
  /** The models that tie, best first (verdict "tie"). */
  readonly tied: readonly string[];
  /** Set when the region has members and a core-led model is assessed. */
  readonly core: CoreCheck | undefined;
  /** Best first. */
  readonly ranking: readonly FitRanking[];
  /** The best model's strongest deciding indicators, then the runner-up's weakest. */
  readonly deciding: readonly DecidingIndicator[];
}

export interface MemberResult {
  readonly name: string;
  readonly file: string | undefined;
  readonly weight: number;
  readonly weightFrom: "population" | "weight" | "equal";
  /** Undefined when the member could not be read or is invalid. */
  readonly profile: StageProfile | undefined;
  readonly problem: string | undefined;
}

/** One statistic across the members. */
export interface Spread {
  /** The weakest member: the region's readiness. */
  readonly min: number | undefined;
  /** The weighted mean: the region's performance. */
  readonly mean: number | undefined;
  readonly max: number | undefined;
  /** max - min: the divide inside the region. */
  readonly spread: number | undefined;
  /** How many members had a score. */
  readonly members: number;
}

export interface RollupDimension extends Spread {
  readonly id: string;
}

export interface RollupStage extends Spread {
  readonly id: string;
  readonly dimensions: readonly RollupDimension[];
  /** How many members reached this stage. */
  readonly reachedBy: number;
}

export interface Rollup {
  /** The lowest stage reached across the members. */
  readonly stage: string;
  readonly stages: readonly RollupStage[];
}

interface SubjectBase {
  readonly file: string;
  readonly name: string;
  readonly date: string;
  readonly targetStage: string | undefined;
  readonly targetDate: string | undefined;
}

export interface CityScore extends SubjectBase {
  readonly kind: "city";
  readonly profile: StageProfile;
}

export interface RegionScore extends SubjectBase {
  readonly kind: "region";
  readonly models: readonly FrameworkResult[];
  readonly fit: ModelFit;
  readonly members: readonly MemberResult[];
  readonly rollup: Rollup;
}

export type SubjectScore = CityScore | RegionScore;
