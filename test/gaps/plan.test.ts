import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/assessment/model.js";
import { cheapestLevels, planStage } from "../../src/analysis/gaps/plan.js";
import { monthsBefore } from "../../src/analysis/gaps/evidence.js";
import { scoreFramework } from "../../src/scoring/score.js";
import { shippedFrameworks } from "../helpers.js";

const set = shippedFrameworks();
const level = (n: number | undefined): Answer => ({ level: n, notApplicable: undefined, evidence: [], notes: undefined, reconciled: undefined });

type Effort = Record<1 | 2 | 3 | 4 | 5, number>;
const effortTo = (effort: Effort, from: number, to: number) => Array.from({ length: to - from }, (_, k) => effort[(from + k + 1) as 1]).reduce((a, b) => a + b, 0);

/** The least effort that lifts Σ w·l by `needed`, by trying every combination of levels (Infinity when none does). */
function leastEffort(items: readonly { weight: number; level: number; effort: Effort }[], needed: number): number {
  let best = Infinity;
  const walk = (i: number, gain: number, effort: number) => {
    if (effort >= best) return;
    if (i === items.length) {
      if (gain >= needed - 1e-9) best = effort;
      return;
    }
    const item = items[i]!;
    for (let to = item.level; to <= 5; to++) walk(i + 1, gain + item.weight * (to - item.level), effort + effortTo(item.effort, item.level, to));
  };
  walk(0, 0, 0);
  return best;
}

describe("the plan to the next stage", () => {
  const open = set.byId.get("open")!;
  const levels = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: open.indicators.length, maxLength: open.indicators.length });

  it("reaches the stage's bar in every dimension once its steps are taken", () => {
    fc.assert(
      fc.property(levels, (values) => {
        const answers = new Map(open.indicators.map((i, k) => [i.id, level(values[k])]));
        const plan = planStage(open, scoreFramework(open, answers));
        for (const step of plan.steps) answers.set(step.indicator, level(step.to));
        const after = scoreFramework(open, answers);
        expect(plan.reachable).toBe(true);
        for (const d of after.dimensions) expect(d.score!).toBeGreaterThanOrEqual(open.attainment!.bar - 1e-9);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it("takes the least effort possible, checked against every combination of levels", () => {
    fc.assert(
      fc.property(levels, (values) => {
        const answers = new Map(open.indicators.map((i, k) => [i.id, level(values[k])]));
        const result = scoreFramework(open, answers);
        const plan = planStage(open, result);
        for (const d of result.dimensions) {
          const items = d.indicators.map((i) => ({ weight: i.weight, level: i.level!, effort: open.indicators.find((x) => x.id === i.id)!.effort }));
          const total = items.reduce((s, i) => s + i.weight, 0);
          const needed = open.attainment!.bar * total - items.reduce((s, i) => s + i.weight * i.level, 0);
          const taken = plan.steps.filter((s) => s.dimension === d.id).reduce((s, x) => s + x.effort, 0);
          expect(taken).toBeCloseTo(needed <= 1e-9 ? 0 : leastEffort(items, needed), 9);
        }
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it("finds the least effort for any weights and effort scales, or says no plan reaches the bar", () => {
    const item = fc.record({
      id: fc.constantFrom("a", "b", "c", "d", "e"),
      level: fc.integer({ min: 0, max: 5 }),
      weight: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.1, max: 3, noNaN: true })),
      effort: fc.record({ 1: fc.integer({ min: 1, max: 9 }), 2: fc.integer({ min: 1, max: 9 }), 3: fc.integer({ min: 1, max: 9 }), 4: fc.integer({ min: 1, max: 9 }), 5: fc.integer({ min: 1, max: 9 }) }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(item, { minLength: 1, maxLength: 5, selector: (i) => i.id }), fc.double({ min: 0.01, max: 30, noNaN: true }), (items, needed) => {
        const levels = cheapestLevels(items, needed);
        const best = leastEffort(items, needed);
        if (best === Infinity) {
          expect(levels).toBeUndefined();
          return;
        }
        expect(levels).toBeDefined();
        const gain = items.reduce((s, i) => s + i.weight * (levels!.get(i.id)! - i.level), 0);
        expect(gain).toBeGreaterThanOrEqual(needed - 1e-6);
        expect(items.reduce((s, i) => s + effortTo(i.effort, i.level, levels!.get(i.id)!), 0)).toBeCloseTo(best, 9);
      }),
      { seed: 5, numRuns: 400 },
    );
  });

  it("proposes a step to level 5 only where nothing cheaper reaches the bar", () => {
    const integrated = set.byId.get("integrated")!;
    // Every indicator at 2: the bar of 3 is reached by steps to 3, never by piling levels on the heaviest.
    const answers = new Map(integrated.indicators.map((i) => [i.id, level(2)]));
    const plan = planStage(integrated, scoreFramework(integrated, answers));
    expect(plan.steps.length).toBeGreaterThan(0);
    expect(plan.steps.every((s) => s.to === 3)).toBe(true);
  });

  it("asks for answers where coverage is short, and plans nothing where the stage is in reach", () => {
    const dimension = open.dimensions[0]!;
    const answers = new Map(open.indicators.filter((i) => i.dimension !== dimension.id).map((i) => [i.id, level(5)]));
    const plan = planStage(open, scoreFramework(open, answers));
    expect(plan.steps).toEqual([]);
    expect(plan.answer).toEqual([
      { framework: "open", dimension: dimension.id, indicators: dimension.indicators.map((i) => i.id), needed: Math.ceil(dimension.indicators.length * open.attainment!.minCoverage) },
    ]);
  });
});

describe("evidence age", () => {
  it("counts months back from the assessment date, clamping to the month's end", () => {
    expect(monthsBefore("2026-06-30", 36)).toBe("2023-06-30");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2026-01-15", 13)).toBe("2024-12-15");
  });
});
