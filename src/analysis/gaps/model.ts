import type { Register } from "./register.js";
import type { Finding } from "../../model/findings.js";
import type { SubjectScore } from "../../scoring/model.js";

/** One indicator below its target. */
export interface Gap {
  readonly framework: string;
  readonly dimension: string;
  readonly indicator: string;
  /** Undefined while unanswered. */
  readonly level: number | undefined;
  readonly target: number;
  /** Where the target comes from: the assessment's own targets, or the framework's bar. */
  readonly targetFrom: "assessment" | "bar";
  /** target - level; undefined while unanswered. */
  readonly gap: number | undefined;
  readonly weight: number;
  /** weight × gap (weight × target while unanswered). */
  readonly priority: number;
  /** Whether the indicator belongs to the next stage (or the best-fit model, for a region). */
  readonly next: boolean;
}

/** One level increase of the plan. */
export interface Step {
  readonly framework: string;
  readonly dimension: string;
  readonly indicator: string;
  readonly from: number;
  readonly to: number;
  /** The effort of going from `from` to `to`, on the framework's scale. */
  readonly effort: number;
}

/**
 * The level increases of least effort that reach a stage: per dimension, the cheapest steps that
 * lift it to the bar, plus the indicators to answer where coverage is short.
 */
export interface Plan {
  readonly stage: string;
  /** False when no set of increases can reach the stage (see `unreachable`). */
  readonly reachable: boolean;
  readonly steps: readonly Step[];
  /** Total level steps (the sum of to - from). */
  readonly levels: number;
  /** Total effort, the quantity the plan keeps as small as it can. */
  readonly effort: number;
  /** Unanswered indicators that must be answered for coverage, by dimension. */
  readonly answer: readonly { readonly framework: string; readonly dimension: string; readonly indicators: readonly string[]; readonly needed: number }[];
  /** Dimensions that cannot reach the bar even at level 5 everywhere. */
  readonly unreachable: readonly string[];
}

export interface MemberPlan {
  readonly name: string;
  readonly current: string;
  readonly plan: Plan;
}

export interface RegionGaps {
  /** The stage after the region's stage, which members must all reach. */
  readonly stage: string | undefined;
  /** Members that have not reached it, each with its plan. */
  readonly holdingBack: readonly MemberPlan[];
  /** Region-level gaps to the best-fit model. */
  readonly model: readonly Gap[];
}

/** One stage on the way to the target, with its plan and, when the target has a date, the date to reach it by. */
export interface Milestone {
  readonly stage: string;
  readonly plan: Plan;
  readonly by: string | undefined;
}

/**
 * A city's way to its target stage: every stage from the first not reached up to the target, in
 * order, each with its plan. With a target date, the time to it is shared among the stages in
 * proportion to the effort of their plans.
 */
export interface Roadmap {
  readonly target: string;
  readonly by: string | undefined;
  /** Empty when the target stage is reached. */
  readonly milestones: readonly Milestone[];
  /** The target date is not after the assessment's date. */
  readonly overdue: boolean;
}

/** The gap report of one subject: what `report` prints. */
export interface GapReport {
  readonly score: SubjectScore;
  /** Every indicator below its target, most urgent first. */
  readonly gaps: readonly Gap[];
  /** City: the plan to the next stage. */
  readonly plan: Plan | undefined;
  /** City with a target stage: the roadmap to it. */
  readonly roadmap: Roadmap | undefined;
  readonly region: RegionGaps | undefined;
  /** Evidence problems: warnings, or errors under --strict-evidence. */
  readonly evidence: readonly Finding[];
  /** Who assessed what, and the evidence behind the answers: what a reader of the report checks. */
  readonly register: Register;
}
