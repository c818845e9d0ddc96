import type { Excepted } from "../model/findings.js";
import type { FrameworkSet } from "../framework/model.js";
import type { SubjectScore } from "./model.js";
import { round, stageRank } from "./score.js";
import { leadingModel } from "./fit.js";

/** A CI gate, as parsed from the command line. */
export type Gate =
  | { readonly kind: "min-stage"; readonly stage: string }
  /** `framework` and `dimension` undefined: the subject's overall score. */
  | { readonly kind: "fail-under"; readonly framework: string | undefined; readonly dimension: string | undefined; readonly percent: number };

export interface GateResult {
  readonly gate: Gate;
  readonly file: string;
  readonly passed: boolean;
  /** The stage reached, or the score in percent; undefined when there is no score. */
  readonly actual: string | number | undefined;
  /** Stages or percentage points short; 0 when passed. */
  readonly shortBy: number;
  /** A failed gate an exception accepts: it does not fail the run. */
  readonly excepted?: Excepted;
}

const percent = (score: number | undefined) => (score === undefined ? undefined : round((score / 5) * 100));

/**
 * The overall score of a subject in percent: for a city the mean of its stage scores, for a
 * region its readiness for the best-fit model.
 */
export function overallPercent(score: SubjectScore): number | undefined {
  if (score.kind === "region") {
    const leading = leadingModel(score.fit);
    const best = score.fit.ranking.find((r) => r.model === leading);
    return percent(best?.readiness);
  }
  const scored = score.profile.stages.map((s) => s.score).filter((s): s is number => s !== undefined);
  return scored.length === 0 ? undefined : percent(scored.reduce((a, b) => a + b, 0) / scored.length);
}

/** The percentage a `fail-under` gate reads; for a region's stages, the weakest member's. */
function gatePercent(score: SubjectScore, framework: string | undefined, dimension: string | undefined): number | undefined {
  if (framework === undefined) return overallPercent(score);
  if (score.kind === "region") {
    const model = score.models.find((m) => m.id === framework);
    if (model !== undefined) return percent(dimension === undefined ? model.score : model.dimensions.find((d) => d.id === dimension)?.score);
    const stage = score.rollup.stages.find((s) => s.id === framework);
    return percent(dimension === undefined ? stage?.min : stage?.dimensions.find((d) => d.id === dimension)?.min);
  }
  const stage = score.profile.stages.find((s) => s.id === framework);
  return percent(dimension === undefined ? stage?.score : stage?.dimensions.find((d) => d.id === dimension)?.score);
}

export function evaluateGates(set: FrameworkSet, score: SubjectScore, gates: readonly Gate[]): GateResult[] {
  return gates.map((gate) => {
    if (gate.kind === "min-stage") {
      const current = score.kind === "city" ? score.profile.current : score.rollup.stage;
      const short = Math.max(0, stageRank(set, gate.stage) - stageRank(set, current));
      return { gate, file: score.file, passed: short === 0, actual: current, shortBy: short };
    }
    const actual = gatePercent(score, gate.framework, gate.dimension);
    const short = actual === undefined ? gate.percent : Math.max(0, round(gate.percent - actual));
    return { gate, file: score.file, passed: actual !== undefined && actual >= gate.percent, actual, shortBy: short };
  });
}

/** How a gate is written on the command line. */
export function gateText(gate: Gate): string {
  if (gate.kind === "min-stage") return `--min-stage ${gate.stage}`;
  const target = gate.framework === undefined ? "" : `${gate.framework}${gate.dimension === undefined ? "" : `.${gate.dimension}`}=`;
  return `--fail-under ${target}${gate.percent}`;
}
