import type { FrameworkSet } from "../framework/model.js";
import { INFORMATIZATION } from "./model.js";
import type { MemberResult, Rollup, RollupStage, Spread } from "./model.js";
import { round, stageRank } from "./score.js";

function spreadOf(values: readonly { value: number | undefined; weight: number }[]): Spread {
  const scored = values.filter((v): v is { value: number; weight: number } => v.value !== undefined);
  if (scored.length === 0) return { min: undefined, mean: undefined, max: undefined, spread: undefined, members: 0 };
  const min = Math.min(...scored.map((v) => v.value));
  const max = Math.max(...scored.map((v) => v.value));
  const weights = relativeWeights(scored.map((v) => v.weight));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const mean = round(scored.reduce((sum, v, i) => sum + v.value * weights[i]!, 0) / total);
  return { min, mean, max, spread: round(max - min), members: scored.length };
}

/**
 * Weights as fractions of the largest, so that their sums can neither overflow nor vanish
 * whatever their scale; when one is not a positive finite number, every member counts the same.
 */
function relativeWeights(weights: readonly number[]): number[] {
  if (!weights.every((w) => Number.isFinite(w) && w > 0)) return weights.map(() => 1);
  const largest = Math.max(...weights);
  return weights.map((w) => w / largest);
}

/**
 * The region from its members, three ways: the weakest member (readiness), the weighted mean
 * (performance) and the gap between best and worst (the divide inside the region).
 */
export function rollup(set: FrameworkSet, members: readonly MemberResult[]): Rollup {
  const scored = members.filter((m) => m.profile !== undefined);
  const stages: RollupStage[] = set.stages.map((stage, index) => {
    const results = scored.map((m) => ({ weight: m.weight, result: m.profile!.stages[index]! }));
    return {
      id: stage.id,
      ...spreadOf(results.map((r) => ({ value: r.result.score, weight: r.weight }))),
      reachedBy: results.filter((r) => r.result.attainment?.reached === true).length,
      dimensions: stage.dimensions.map((d, di) => ({
        id: d.id,
        ...spreadOf(results.map((r) => ({ value: r.result.dimensions[di]!.score, weight: r.weight }))),
      })),
    };
  });
  const ranks = scored.map((m) => stageRank(set, m.profile!.current));
  const lowest = ranks.length === 0 ? 0 : Math.min(...ranks);
  return { stage: lowest === 0 ? INFORMATIZATION : set.stages[lowest - 1]!.id, stages };
}
