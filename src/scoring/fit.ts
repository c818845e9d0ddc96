import type { Framework } from "../framework/model.js";
import { DEFAULT_FIT } from "../framework/model.js";
import { compareText } from "../model/findings.js";
import type { CoreCheck, DecidingIndicator, FitRanking, FrameworkResult, IndicatorResult, ModelFit, StageProfile } from "./model.js";
import { round } from "./score.js";

const DECIDING_SHOWN = 3;
/** The model whose fit also asks whether the core leads its neighbours. */
const CORE_LED = "core-led";

/** A member as the fit sees it: its stage profile, and whether the region names it as the core. */
export interface FitMember {
  readonly name: string;
  readonly core: boolean;
  readonly profile: StageProfile | undefined;
}

/**
 * The indicators that carry a model: those it marks `carries-fit`; else those of the dimension
 * it marks `decides-fit`; else all of them.
 */
function carrying(framework: Framework, result: FrameworkResult): IndicatorResult[] {
  const all = result.dimensions.flatMap((d) => d.indicators);
  const marked = new Set(framework.indicators.filter((i) => i.carriesFit).map((i) => i.id));
  if (marked.size > 0) return all.filter((i) => marked.has(i.id));
  const dimension = framework.dimensions.find((d) => d.decidesFit)?.id;
  return dimension === undefined ? all : all.filter((i) => i.dimension === dimension);
}

function weightedMean(indicators: readonly IndicatorResult[]): number | undefined {
  const answered = indicators.filter((i) => i.level !== undefined);
  const weight = answered.reduce((sum, i) => sum + i.weight, 0);
  return weight === 0 ? undefined : round(answered.reduce((sum, i) => sum + i.level! * i.weight, 0) / weight);
}

/**
 * The core of a core-led region and whether it leads: the member the region names as its core,
 * or else the most advanced one (the highest stage, then the highest scores); it leads when no
 * other member scores above it on any stage.
 */
export function coreCheck(members: readonly FitMember[]): CoreCheck | undefined {
  const scored = members.filter((m) => m.profile !== undefined);
  if (scored.length < 2) return undefined;
  const stageIndex = (m: FitMember) => m.profile!.stages.filter((s) => s.attainment?.reached).length;
  const total = (m: FitMember) => m.profile!.stages.reduce((sum, s) => sum + (s.score ?? 0), 0);
  const named = scored.find((m) => m.core);
  const core = named ?? [...scored].sort((a, b) => stageIndex(b) - stageIndex(a) || total(b) - total(a) || compareText(a.name, b.name))[0]!;
  let overtakenBy: CoreCheck["overtakenBy"];
  for (const [i, stage] of core.profile!.stages.entries()) {
    const ahead = scored.find((m) => m !== core && (m.profile!.stages[i]?.score ?? 0) > (stage.score ?? 0));
    if (ahead !== undefined) {
      overtakenBy = { member: ahead.name, stage: stage.id };
      break;
    }
  }
  return { member: core.name, from: named === undefined ? "most-advanced" : "named", leads: overtakenBy === undefined, overtakenBy };
}

/**
 * Which formation model fits a region. Each model is judged on the indicators that carry it:
 * with less than its coverage floor of them answered, there is too little to tell; below its
 * score floor it does not fit; a core-led model does not fit when the core city does not lead.
 * Of the models left, the best fits, unless others are within its tie margin: then they tie.
 * The deciding indicators are the best model's strongest and the runner-up's weakest.
 */
export function modelFit(models: readonly { framework: Framework; result: FrameworkResult }[], members: readonly FitMember[] = []): ModelFit {
  const core = models.some((m) => m.framework.id === CORE_LED) ? coreCheck(members) : undefined;
  const judged = models.map(({ framework, result }) => {
    const indicators = carrying(framework, result);
    const applicable = indicators.filter((i) => !i.notApplicable);
    const coverage = applicable.length === 0 ? 0 : round(applicable.filter((i) => i.level !== undefined).length / applicable.length);
    const fit = weightedMean(indicators);
    const rules = framework.fit ?? DEFAULT_FIT;
    const excluded: FitRanking["excluded"] =
      fit === undefined || coverage < rules.minCoverage
        ? "too-little-answered"
        : fit < rules.floor
          ? "below-floor"
          : framework.id === CORE_LED && core !== undefined && !core.leads
            ? "core-not-leading"
            : undefined;
    const ranking: FitRanking = { model: framework.id, fit, readiness: result.score, coverage, excluded };
    return { ranking, indicators, rules };
  });
  const ranked = [...judged].sort(
    (a, b) =>
      Number(a.ranking.excluded !== undefined) - Number(b.ranking.excluded !== undefined) ||
      (b.ranking.fit ?? -1) - (a.ranking.fit ?? -1) ||
      (b.ranking.readiness ?? -1) - (a.ranking.readiness ?? -1) ||
      compareText(a.ranking.model, b.ranking.model),
  );
  const ranking = ranked.map((r) => r.ranking);
  const fitting = ranked.filter((r) => r.ranking.excluded === undefined);
  const [best, second] = fitting;
  if (best === undefined) {
    const verdict = judged.every((j) => j.ranking.excluded === "too-little-answered") ? "too-little-answered" : "none";
    return { verdict, best: undefined, tied: [], core, ranking, deciding: [] };
  }
  const tied = fitting.filter((r) => best.ranking.fit! - r.ranking.fit! <= best.rules.tieMargin + 1e-9).map((r) => r.ranking.model);
  if (tied.length > 1) return { verdict: "tie", best: undefined, tied, core, ranking, deciding: [] };

  const indicatorsOf = (entry: (typeof ranked)[number]): DecidingIndicator[] =>
    entry.indicators.map((i) => ({ model: entry.ranking.model, indicator: i.id, level: i.level, weight: i.weight }));
  const contribution = (i: DecidingIndicator) => (i.level ?? 0) * i.weight;
  const strongest = indicatorsOf(best)
    .filter((i) => i.level !== undefined)
    .sort((a, b) => contribution(b) - contribution(a) || compareText(a.indicator, b.indicator))
    .slice(0, DECIDING_SHOWN);
  const other = second ?? ranked.find((r) => r !== best);
  const weakest =
    other === undefined
      ? []
      : indicatorsOf(other)
          .filter((i) => i.level !== undefined)
          .sort((a, b) => (a.level ?? 0) - (b.level ?? 0) || b.weight - a.weight || compareText(a.indicator, b.indicator))
          .slice(0, DECIDING_SHOWN);
  return { verdict: "fits", best: best.ranking.model, tied: [], core, ranking, deciding: [...strongest, ...weakest] };
}

/**
 * The model a region is measured against: the one that fits, or the first of a tie, or else the
 * closest one (the highest fit with enough answered), so that its gaps still show the way.
 */
export function leadingModel(fit: ModelFit): string | undefined {
  return fit.best ?? fit.tied[0] ?? fit.ranking.find((r) => r.fit !== undefined && r.excluded !== "too-little-answered")?.model;
}
