import type { Framework } from "../framework/model.js";
import { compareText } from "../model/findings.js";
import type { DecidingIndicator, FitRanking, FrameworkResult, ModelFit } from "./model.js";

const DECIDING_SHOWN = 3;

function fitDimension(framework: Framework, result: FrameworkResult) {
  const id = framework.dimensions.find((d) => d.decidesFit)?.id;
  return id === undefined ? undefined : result.dimensions.find((d) => d.id === id);
}

/**
 * Which formation model fits a region best: the highest score on each model's deciding
 * dimension (the whole score for a model that marks none), then readiness, then id.
 * The deciding indicators are the best model's strongest and the runner-up's weakest.
 */
export function modelFit(models: readonly { framework: Framework; result: FrameworkResult }[]): ModelFit {
  const ranked = models
    .map(({ framework, result }) => {
      const dimension = fitDimension(framework, result);
      const ranking: FitRanking = { model: framework.id, fit: dimension ? dimension.score : result.score, readiness: result.score };
      return { ranking, dimension, result };
    })
    .sort(
      (a, b) =>
        (b.ranking.fit ?? -1) - (a.ranking.fit ?? -1) ||
        (b.ranking.readiness ?? -1) - (a.ranking.readiness ?? -1) ||
        compareText(a.ranking.model, b.ranking.model),
    );
  const [best, second] = ranked;
  if (best === undefined || best.ranking.fit === undefined) return { best: undefined, ranking: ranked.map((r) => r.ranking), deciding: [] };

  const indicatorsOf = (entry: (typeof ranked)[number]): DecidingIndicator[] =>
    (entry.dimension?.indicators ?? entry.result.dimensions.flatMap((d) => d.indicators)).map((i) => ({
      model: entry.ranking.model,
      indicator: i.id,
      level: i.level,
      weight: i.weight,
    }));
  const contribution = (i: DecidingIndicator) => (i.level ?? 0) * i.weight;
  const strongest = indicatorsOf(best)
    .filter((i) => i.level !== undefined)
    .sort((a, b) => contribution(b) - contribution(a) || compareText(a.indicator, b.indicator))
    .slice(0, DECIDING_SHOWN);
  const weakest =
    second === undefined
      ? []
      : indicatorsOf(second)
          .filter((i) => i.level !== undefined)
          .sort((a, b) => (a.level ?? 0) - (b.level ?? 0) || b.weight - a.weight || compareText(a.indicator, b.indicator))
          .slice(0, DECIDING_SHOWN);
  return { best: best.ranking.model, ranking: ranked.map((r) => r.ranking), deciding: [...strongest, ...weakest] };
}
