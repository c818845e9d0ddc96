import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/assessment/model.js";
import { planStage } from "../../src/analysis/gaps/plan.js";
import { monthsBefore } from "../../src/analysis/gaps/evidence.js";
import { scoreFramework } from "../../src/scoring/score.js";
import { shippedFrameworks } from "../helpers.js";

const set = shippedFrameworks();
const level = (n: number | undefined): Answer => ({ level: n, notApplicable: undefined, evidence: [], notes: undefined });

/** The fewest single-level steps that lift Σ w·l to `needed`, by exhaustive dynamic programming. */
function fewestSteps(items: readonly { weight: number; level: number }[], needed: number): number {
  // best[k] = the most weight k steps can add; grow k until it covers what is needed.
  const capacity = items.reduce((sum, i) => sum + (5 - i.level), 0);
  let best = new Map<string, number>([["", 0]]);
  for (let k = 0; k <= capacity; k++) {
    if ([...best.values()].some((v) => v >= needed - 1e-9)) return k;
    const next = new Map<string, number>();
    for (const [key, value] of best) {
      const used = key === "" ? items.map(() => 0) : key.split(",").map(Number);
      items.forEach((item, i) => {
        if (item.level + used[i]! >= 5) return;
        const more = [...used];
        more[i]! += 1;
        const k2 = more.join(",");
        next.set(k2, Math.max(next.get(k2) ?? 0, value + item.weight));
      });
    }
    best = next;
  }
  return Infinity;
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

  it("takes no more level steps than the fewest possible", () => {
    fc.assert(
      fc.property(levels, (values) => {
        const answers = new Map(open.indicators.map((i, k) => [i.id, level(values[k])]));
        const result = scoreFramework(open, answers);
        const plan = planStage(open, result);
        for (const d of result.dimensions) {
          const items = d.indicators.map((i) => ({ weight: i.weight, level: i.level! }));
          const total = items.reduce((s, i) => s + i.weight, 0);
          const needed = open.attainment!.bar * total - items.reduce((s, i) => s + i.weight * i.level, 0);
          const taken = plan.steps.filter((s) => s.dimension === d.id).reduce((s, x) => s + x.to - x.from, 0);
          expect(taken).toBe(needed <= 1e-9 ? 0 : fewestSteps(items, needed));
        }
      }),
      { seed: 11, numRuns: 60 },
    );
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
