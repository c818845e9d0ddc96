import type { Answer, Answers } from "../assessment/model.js";
import type { Framework, FrameworkSet } from "../framework/model.js";
import { INFORMATIZATION } from "./model.js";
import type { Blocker, Coverage, DimensionResult, FrameworkResult, IndicatorResult, StageProfile } from "./model.js";

/** Scores are kept to 6 decimals, so that equal inputs compare equal whatever the weights' scale. */
export const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The weighted mean of the defined values; undefined when there is none. */
export function weightedMean(items: readonly { readonly value: number | undefined; readonly weight: number }[]): number | undefined {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of items) {
    if (value === undefined) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights > 0 ? round(sum / weights) : undefined;
}

function coverageOf(indicators: readonly IndicatorResult[]): Coverage {
  const applicable = indicators.filter((i) => !i.notApplicable).length;
  const answered = indicators.filter((i) => i.level !== undefined).length;
  return { answered, applicable, total: indicators.length, share: applicable === 0 ? 1 : round(answered / applicable) };
}

/**
 * Indicator levels to dimension scores to the framework's score. Unanswered and not-applicable
 * indicators are left out of the means; coverage says how much was answered.
 */
export function scoreFramework(framework: Framework, answers: ReadonlyMap<string, Answer> | undefined): FrameworkResult {
  const dimensions: DimensionResult[] = framework.dimensions.map((d) => {
    const indicators: IndicatorResult[] = d.indicators.map((i) => {
      const answer = answers?.get(i.id);
      const notApplicable = answer?.notApplicable !== undefined;
      return { id: i.id, dimension: d.id, weight: i.weight, level: notApplicable ? undefined : answer?.level, notApplicable };
    });
    return {
      id: d.id,
      weight: d.weight,
      score: weightedMean(indicators.map((i) => ({ value: i.level, weight: i.weight }))),
      coverage: coverageOf(indicators),
      indicators,
    };
  });
  return {
    id: framework.id,
    kind: framework.kind,
    version: framework.version,
    score: weightedMean(dimensions.map((d) => ({ value: d.score, weight: d.weight }))),
    coverage: coverageOf(dimensions.flatMap((d) => d.indicators)),
    dimensions,
    attainment: undefined,
  };
}

/** Why a stage's own conditions are not met: the weakest dimension decides. */
function ownBlockers(framework: Framework, result: FrameworkResult): Blocker[] {
  const { bar, minCoverage } = framework.attainment!;
  const blockers: Blocker[] = [];
  for (const d of result.dimensions) {
    if (d.coverage.applicable === 0) continue;
    if (d.score === undefined) blockers.push({ reason: "unscored", dimension: d.id });
    else {
      if (d.coverage.share < minCoverage) blockers.push({ reason: "coverage", dimension: d.id, share: d.coverage.share, minimum: minCoverage });
      if (d.score < bar) blockers.push({ reason: "below-bar", dimension: d.id, score: d.score, bar });
    }
  }
  if (result.dimensions.every((d) => d.coverage.applicable === 0)) blockers.push({ reason: "unscored", dimension: "*" });
  return blockers;
}

/**
 * Every stage scored in ladder order; a stage is reached only when its own conditions hold and
 * the stage before it is reached.
 */
export function stageProfile(set: FrameworkSet, answers: Answers): StageProfile {
  let previousReached = true;
  let previousId: string | undefined;
  let current = INFORMATIZATION;
  let next: string | undefined;
  const stages = set.stages.map((framework) => {
    const scored = scoreFramework(framework, answers.get(framework.id));
    const blockers = ownBlockers(framework, scored);
    if (!previousReached && previousId !== undefined) blockers.unshift({ reason: "previous-stage", stage: previousId });
    const reached = blockers.length === 0;
    if (reached) current = framework.id;
    else next ??= framework.id;
    previousReached = reached;
    previousId = framework.id;
    const { bar, minCoverage } = framework.attainment!;
    return { ...scored, attainment: { bar, minCoverage, reached, blockers } };
  });
  return { stages, current, next };
}

/** The position of a stage in the ladder; informatization is 0. */
export function stageRank(set: FrameworkSet, stage: string): number {
  const index = set.stages.findIndex((s) => s.id === stage);
  return index < 0 ? 0 : index + 1;
}
