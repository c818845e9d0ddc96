import { compareText } from "../../model/findings.js";
import type { Framework } from "../../framework/model.js";
import { DEFAULT_EFFORT, MAX_LEVEL } from "../../framework/model.js";
import type { Effort } from "../../framework/model.js";
import type { FrameworkResult } from "../../scoring/model.js";
import type { Plan, Step } from "./model.js";

/** An answered indicator as the plan sees it. */
interface Item {
  readonly id: string;
  readonly level: number;
  readonly weight: number;
  readonly effort: Effort;
}

/** A partial plan over the first indicators: the gain so far (capped at what is missing), its effort and level steps. */
interface State {
  readonly gain: number;
  readonly effort: number;
  readonly levels: number;
  readonly prev: State | undefined;
  /** The level the last indicator considered goes to. */
  readonly to: number;
}

const EPSILON = 1e-9;

/** The effort of taking an indicator from `from` up to `to`: the sum of the steps' efforts. */
export function stepEffort(effort: Effort, from: number, to: number): number {
  let sum = 0;
  for (let level = from + 1; level <= to; level++) sum += effort[level as 1 | 2 | 3 | 4 | 5];
  return sum;
}

/** Whether plan `a` is better than `b`: less effort, then fewer level steps. */
const better = (a: State, b: State) => a.effort < b.effort - EPSILON || (Math.abs(a.effort - b.effort) <= EPSILON && a.levels < b.levels);

/**
 * The levels each indicator goes to that add at least `missing` weight × levels for the least
 * effort, or undefined when even level 5 everywhere does not. Exact: a dynamic programme over the
 * indicators (in id order, so ties resolve the same way every time) that keeps, for each gain
 * reached so far, only the plans no other plan beats on both gain and effort.
 */
export function cheapestLevels(items: readonly Item[], missing: number): Map<string, number> | undefined {
  const ordered = [...items].sort((a, b) => compareText(a.id, b.id));
  let states: State[] = [{ gain: 0, effort: 0, levels: 0, prev: undefined, to: -1 }];
  for (const item of ordered) {
    const next = new Map<string, State>();
    for (const state of states) {
      for (let to = item.level; to <= MAX_LEVEL; to++) {
        const candidate: State = {
          gain: Math.min(missing, state.gain + item.weight * (to - item.level)),
          effort: state.effort + stepEffort(item.effort, item.level, to),
          levels: state.levels + to - item.level,
          prev: state,
          to,
        };
        const key = candidate.gain.toFixed(6);
        const held = next.get(key);
        if (held === undefined || better(candidate, held)) next.set(key, candidate);
      }
    }
    // Keep the frontier: from the largest gain down, only plans cheaper than every larger gain's.
    const frontier: State[] = [];
    for (const state of [...next.values()].sort((a, b) => b.gain - a.gain)) {
      const last = frontier.at(-1);
      if (last === undefined || better(state, last)) frontier.push(state);
    }
    states = frontier;
  }
  const done = states.filter((s) => s.gain >= missing - EPSILON).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))[0];
  if (done === undefined) return undefined;
  const levels = new Map<string, number>();
  let state: State | undefined = done;
  for (let i = ordered.length - 1; i >= 0 && state !== undefined; i--) {
    levels.set(ordered[i]!.id, state.to);
    state = state.prev;
  }
  return levels;
}

/**
 * The plan of least effort that brings one stage within reach. Dimensions are independent (an
 * indicator belongs to one), so each is solved alone: lifting a dimension's weighted mean to the
 * bar means adding `bar × Σw − Σ(w × level)` weight × levels, and each step costs the effort of
 * the level it reaches (the framework's scale, or the indicator's own), so that a step to level 5
 * is proposed only where nothing cheaper reaches the bar. Unanswered indicators are not guessed
 * at: where coverage is short, the plan says how many to answer.
 */
export function planStage(framework: Framework, result: FrameworkResult): Plan {
  const { bar, minCoverage } = framework.attainment!;
  const steps: Step[] = [];
  const answer: Plan["answer"][number][] = [];
  const unreachable: string[] = [];
  const indicatorOf = new Map(framework.indicators.map((i) => [i.id, i]));

  for (const dimension of result.dimensions) {
    if (dimension.coverage.applicable === 0) continue;
    const answered = dimension.indicators.filter((i) => i.level !== undefined);
    const needed = Math.max(0, Math.ceil(minCoverage * dimension.coverage.applicable - 1e-9) - answered.length, answered.length === 0 ? 1 : 0);
    if (needed > 0) {
      answer.push({
        framework: framework.id,
        dimension: dimension.id,
        indicators: dimension.indicators.filter((i) => i.level === undefined && !i.notApplicable).map((i) => i.id),
        needed,
      });
    }
    if (answered.length === 0) continue;

    const totalWeight = answered.reduce((sum, i) => sum + i.weight, 0);
    const missing = bar * totalWeight - answered.reduce((sum, i) => sum + i.level! * i.weight, 0);
    // A small tolerance keeps a mean of exactly the bar from asking for one more step.
    if (missing <= EPSILON) continue;
    const items = answered.map((i) => ({ id: i.id, level: i.level!, weight: i.weight, effort: indicatorOf.get(i.id)?.effort ?? DEFAULT_EFFORT }));
    const levels = cheapestLevels(items, missing);
    if (levels === undefined) {
      unreachable.push(dimension.id);
      continue;
    }
    for (const item of items) {
      const to = levels.get(item.id)!;
      if (to > item.level) steps.push({ framework: framework.id, dimension: dimension.id, indicator: item.id, from: item.level, to, effort: stepEffort(item.effort, item.level, to) });
    }
  }
  return {
    stage: framework.id,
    reachable: unreachable.length === 0,
    steps,
    levels: steps.reduce((sum, s) => sum + s.to - s.from, 0),
    effort: steps.reduce((sum, s) => sum + s.effort, 0),
    answer,
    unreachable,
  };
}
