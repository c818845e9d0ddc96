import type { Text } from "../model/text.js";

export type FrameworkKind = "stage" | "model";

/** The 0-5 scale every indicator shares. */
export const LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];
export const MAX_LEVEL = 5;

/** One question an assessor answers with a level. */
export interface Indicator {
  readonly id: string;
  readonly framework: string;
  readonly dimension: string;
  readonly weight: number;
  readonly title: Text;
  readonly question: Text;
  /** What each level looks like for this indicator; 1, 3 and 5 at least. */
  readonly levels: Readonly<Partial<Record<Level, Text>>>;
  readonly advice: Text;
  readonly references: readonly string[];
  /** Models only: one of the indicators that carry the model, on which its fit is decided. */
  readonly carriesFit: boolean;
  /** The effort of a step that reaches each level: the framework's scale, or this indicator's own. */
  readonly effort: Effort;
  /** When this indicator's levels need evidence: the framework's rule, or its own. */
  readonly evidence: EvidenceRule;
}

/** The effort of the step that reaches each level from the one below (a relative measure, not days or money). */
export type Effort = Readonly<Record<1 | 2 | 3 | 4 | 5, number>>;

/** Levels from `fromLevel` up need evidence, and evidence older than `maxAgeMonths` is stale. */
export interface EvidenceRule {
  readonly fromLevel: number;
  readonly maxAgeMonths: number;
}

/** A step to level 1 or 2 is cheap, to 3 (the practice in place everywhere) more, to 4 and 5 most. */
export const DEFAULT_EFFORT: Effort = { 1: 1, 2: 2, 3: 3, 4: 5, 5: 8 };
export const DEFAULT_EVIDENCE: EvidenceRule = { fromLevel: 3, maxAgeMonths: 36 };

/**
 * Models only: when the fit of a region to this model can be told. Below `floor` on its carrying
 * indicators the model does not fit; with less than `minCoverage` of them answered there is too
 * little to say; two models within `tieMargin` of each other tie.
 */
export interface FitRules {
  readonly floor: number;
  readonly minCoverage: number;
  readonly tieMargin: number;
}

export const DEFAULT_FIT: FitRules = { floor: 2, minCoverage: 0.5, tieMargin: 0.25 };

export interface Dimension {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text;
  readonly weight: number;
  /** Models only: the dimension that tells this model apart from the others. */
  readonly decidesFit: boolean;
  readonly indicators: readonly Indicator[];
}

/** When a stage counts as reached: every dimension at the bar, with enough of it answered. */
export interface Attainment {
  readonly bar: number;
  readonly minCoverage: number;
}

/** One innovation stage or one region-formation model, as loaded from its file. */
export interface Framework {
  readonly id: string;
  readonly kind: FrameworkKind;
  readonly version: string;
  /** Stages only: the position in the ladder, from 1. */
  readonly order: number | undefined;
  readonly title: Text;
  readonly summary: Text;
  readonly case: Text | undefined;
  /** Stages: when the stage is reached. Models: the level a ready region reaches. */
  readonly attainment: Attainment | undefined;
  /** Models only. */
  readonly fit: FitRules | undefined;
  readonly dimensions: readonly Dimension[];
  readonly indicators: readonly Indicator[];
  /** The framework's own JSON Schema, as written. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** The file it came from, as the user would name it. */
  readonly file: string;
}

/** The frameworks of a run, with the schemas they plug into. */
export interface FrameworkSet {
  /** Stages in ladder order, then models by id. */
  readonly all: readonly Framework[];
  readonly stages: readonly Framework[];
  readonly models: readonly Framework[];
  readonly byId: ReadonlyMap<string, Framework>;
  /** The names of the levels of the shared scale. */
  readonly levelNames: Readonly<Record<Level, Text>>;
  readonly answerSchema: Readonly<Record<string, unknown>>;
  readonly envelopeSchema: Readonly<Record<string, unknown>>;
  /** The meta-schema every framework of the set was checked against. */
  readonly frameworkSchema: Readonly<Record<string, unknown>>;
}
