import { compareText } from "../../model/findings.js";
import type { Framework } from "../../framework/model.js";
import { MAX_LEVEL } from "../../framework/model.js";
import type { FrameworkResult } from "../../scoring/model.js";
import type { Plan, Step } from "./model.js";

/**
 * The fewest level steps that bring one stage within reach. Dimensions are independent (an
 * indicator belongs to one), so each is solved alone: lifting a dimension's weighted mean to
 * the bar means adding enough weight × steps; every step adds its indicator's weight, so taking
 * steps on the heaviest indicators first needs the fewest (ties: the lowest level first, then
 * the id). Unanswered indicators are not guessed at: where coverage is short, the plan says
 * how many to answer.
 */
export function planStage(framework: Framework, result: FrameworkResult): Plan {
  const { bar, minCoverage } = framework.attainment!;
  const steps: Step[] = [];
  const answer: Plan["answer"][number][] = [];
  const unreachable: string[] = [];

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
    let missing = bar * totalWeight - answered.reduce((sum, i) => sum + i.level! * i.weight, 0);
    const levels = new Map(answered.map((i) => [i.id, i.level!]));
    const order = [...answered].sort((a, b) => b.weight - a.weight || a.level! - b.level! || compareText(a.id, b.id));
    // A small tolerance keeps a mean of exactly the bar from asking for one more step.
    while (missing > 1e-9) {
      const pick = order
        .filter((i) => levels.get(i.id)! < MAX_LEVEL)
        .sort((a, b) => b.weight - a.weight || levels.get(a.id)! - levels.get(b.id)! || compareText(a.id, b.id))[0];
      if (pick === undefined) {
        unreachable.push(dimension.id);
        break;
      }
      levels.set(pick.id, levels.get(pick.id)! + 1);
      missing -= pick.weight;
    }
    for (const indicator of answered) {
      const to = levels.get(indicator.id)!;
      if (to > indicator.level!) steps.push({ framework: framework.id, dimension: dimension.id, indicator: indicator.id, from: indicator.level!, to });
    }
  }
  return {
    stage: framework.id,
    reachable: unreachable.length === 0,
    steps,
    levels: steps.reduce((sum, s) => sum + s.to - s.from, 0),
    answer,
    unreachable,
  };
}
