import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, Answers, Assessment } from "../../src/assessment/model.js";
import type { ResolvedMember } from "../../src/assessment/region.js";
import type { FrameworkSet } from "../../src/framework/model.js";
import { scoreFramework, stageProfile, stageRank } from "../../src/scoring/score.js";
import { scoreSubject } from "../../src/scoring/subject.js";
import { evaluateGates } from "../../src/scoring/gates.js";
import type { RegionScore, StageProfile } from "../../src/scoring/model.js";
import { shippedFrameworks } from "../helpers.js";

const set = shippedFrameworks();
const level = (n: number | undefined): Answer => ({ level: n, notApplicable: undefined, evidence: [], notes: undefined, reconciled: undefined });
const na: Answer = { level: undefined, notApplicable: "does not apply", evidence: [], notes: undefined, reconciled: undefined };

/** Answers for every stage indicator, from a function of its position. */
function answersFor(frameworks: FrameworkSet, pick: (index: number) => number | undefined, kind: "stage" | "model" = "stage"): Map<string, Map<string, Answer>> {
  let index = 0;
  return new Map(
    frameworks.all
      .filter((f) => f.kind === kind)
      .map((f) => [f.id, new Map(f.indicators.map((i) => [i.id, level(pick(index++))]))]),
  );
}
const stageIndicatorCount = set.stages.reduce((n, s) => n + s.indicators.length, 0);

/** Every number a profile holds, in a fixed order. */
function numbers(profile: StageProfile): number[] {
  return profile.stages.flatMap((s) => [s.score ?? -1, ...s.dimensions.map((d) => d.score ?? -1)]);
}

/** The same frameworks with every indicator and dimension weight multiplied by `factor`. */
function scaled(frameworks: FrameworkSet, factor: number): FrameworkSet {
  const all = frameworks.all.map((f) => {
    const indicators = f.indicators.map((i) => ({ ...i, weight: i.weight * factor }));
    return {
      ...f,
      indicators,
      dimensions: f.dimensions.map((d) => ({ ...d, weight: d.weight * factor, indicators: indicators.filter((i) => i.dimension === d.id) })),
    };
  });
  return { ...frameworks, all, stages: all.filter((f) => f.kind === "stage"), models: all.filter((f) => f.kind === "model"), byId: new Map(all.map((f) => [f.id, f])) };
}

describe("scoring a framework", () => {
  const open = set.byId.get("open")!;

  it("takes the weighted mean of answered indicators and leaves out the rest", () => {
    const [first, second, third] = open.dimensions[0]!.indicators;
    const answers = new Map([
      [first!.id, level(4)],
      [second!.id, level(1)],
      [third!.id, na],
    ]);
    const dimension = scoreFramework(open, answers).dimensions[0]!;
    const expected = (4 * first!.weight + 1 * second!.weight) / (first!.weight + second!.weight);
    expect(dimension.score).toBeCloseTo(expected, 6);
    expect(dimension.coverage).toMatchObject({ answered: 2, applicable: open.dimensions[0]!.indicators.length - 1 });
  });

  it("gives no score, not 0, to a dimension with nothing answered", () => {
    const result = scoreFramework(open, new Map());
    expect(result.score).toBeUndefined();
    expect(result.dimensions.every((d) => d.score === undefined && d.coverage.answered === 0)).toBe(true);
  });
});

describe("stage attainment", () => {
  it("every indicator at 5 reaches merged; every indicator at 0 stays in informatization", () => {
    expect(stageProfile(set, answersFor(set, () => 5)).current).toBe("merged");
    expect(stageProfile(set, answersFor(set, () => 0)).current).toBe("informatization");
    expect(stageProfile(set, new Map()).current).toBe("informatization");
  });

  it("reaches a stage only when the stage before it is reached", () => {
    const answers = answersFor(set, () => 5);
    answers.set("integrated", new Map([...answers.get("integrated")!].map(([id]) => [id, level(1)])));
    const profile = stageProfile(set, answers);
    expect(profile.current).toBe("informatization");
    const open = profile.stages.find((s) => s.id === "open")!;
    expect(open.attainment?.reached).toBe(false);
    expect(open.attainment?.blockers).toEqual([{ reason: "previous-stage", stage: "integrated" }]);
  });

  it("lets the weakest dimension decide", () => {
    const integrated = set.byId.get("integrated")!;
    const weakest = integrated.dimensions[1]!;
    const answers = answersFor(set, () => 5);
    answers.set("integrated", new Map(integrated.indicators.map((i) => [i.id, level(i.dimension === weakest.id ? 2 : 5)])));
    const stage = stageProfile(set, answers).stages[0]!;
    expect(stage.attainment?.reached).toBe(false);
    expect(stage.attainment?.blockers).toEqual([{ reason: "below-bar", dimension: weakest.id, score: 2, bar: integrated.attainment!.bar }]);
  });

  it("needs the framework's share of a dimension answered", () => {
    const integrated = set.byId.get("integrated")!;
    const dimension = integrated.dimensions[0]!;
    const answers = answersFor(set, () => 5);
    answers.set("integrated", new Map(integrated.indicators.filter((i) => i.dimension !== dimension.id || i === dimension.indicators[0]).map((i) => [i.id, level(5)])));
    const stage = stageProfile(set, answers).stages[0]!;
    expect(stage.attainment?.blockers.map((b) => b.reason)).toEqual(["coverage"]);
  });
});

describe("scoring properties", () => {
  const levels = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: stageIndicatorCount, maxLength: stageIndicatorCount });

  it("raising any one level never lowers any score or the stage", () => {
    fc.assert(
      fc.property(levels, fc.nat({ max: stageIndicatorCount - 1 }), (values, at) => {
        fc.pre(values[at]! < 5);
        const before = stageProfile(set, answersFor(set, (i) => values[i]));
        const after = stageProfile(set, answersFor(set, (i) => (i === at ? values[i]! + 1 : values[i])));
        const a = numbers(before);
        numbers(after).forEach((n, i) => expect(n).toBeGreaterThanOrEqual(a[i]!));
        expect(stageRank(set, after.current)).toBeGreaterThanOrEqual(stageRank(set, before.current));
      }),
      { seed: 20261121, numRuns: 200 },
    );
  });

  it("multiplying all weights by a constant changes nothing", () => {
    fc.assert(
      fc.property(levels, fc.constantFrom(0.5, 2, 3, 7.5, 10), (values, factor) => {
        const answers = answersFor(set, (i) => values[i]);
        const plain = stageProfile(set, answers);
        const heavier = stageProfile(scaled(set, factor), answers);
        expect(heavier.current).toBe(plain.current);
        const p = numbers(plain);
        numbers(heavier).forEach((n, i) => expect(n).toBeCloseTo(p[i]!, 5));
      }),
      { seed: 20261121, numRuns: 100 },
    );
  });
});

describe("regions", () => {
  const base: Omit<Assessment, "kind" | "answers" | "members" | "name"> = {
    file: "r.yaml",
    population: undefined,
    country: undefined,
    description: undefined,
    assessors: [],
    date: "2026-01-01",
    targetStage: undefined,
    targetDate: undefined,
    targetLevels: new Map(),
  };
  const member = (name: string, population: number | undefined, value: number): ResolvedMember => ({
    entry: { index: 0, name, file: undefined, population, weight: undefined, core: false, answers: new Map() },
    assessment: { ...base, name, kind: "city", answers: answersFor(set, () => value) as Answers, members: [] },
    problem: undefined,
    source: undefined,
  });

  it("rolls members up as minimum, weighted mean and spread, and takes the weakest stage", () => {
    const region = scoreSubject(
      set,
      { ...base, name: "R", kind: "region", answers: answersFor(set, () => 3, "model") as Answers, members: [] },
      [member("big", 300, 5), member("small", 100, 1)],
    ) as RegionScore;
    const integrated = region.rollup.stages[0]!;
    expect(integrated).toMatchObject({ min: 1, max: 5, spread: 4, reachedBy: 1, members: 2 });
    expect(integrated.mean).toBeCloseTo((5 * 300 + 1 * 100) / 400, 6);
    expect(region.rollup.stage).toBe("informatization");
    expect(region.members.map((m) => m.weightFrom)).toEqual(["population", "population"]);
  });

  it("keeps the roll-up finite whatever the scale of the weights", () => {
    const roll = (a: number, b: number) =>
      (scoreSubject(set, { ...base, name: "R", kind: "region", answers: new Map(), members: [] }, [member("a", a, 5), member("b", b, 1)]) as RegionScore).rollup;
    for (const [a, b] of [[1e308, 1e308], [1.7e308, 1e-300], [Number.MAX_VALUE, Number.MAX_VALUE]] as const) {
      for (const stage of roll(a, b).stages) {
        for (const value of [stage.mean, ...stage.dimensions.map((d) => d.mean)]) expect(Number.isFinite(value), `${a}, ${b}`).toBe(true);
      }
    }
    expect(roll(1e308, 1e308).stages[0]!.mean).toBe(3);
    expect(roll(Infinity, 1).stages[0]!.mean).toBe(3);
  });

  it("weighs members equally when no population or weight is given, and skips members that could not be read", () => {
    const broken: ResolvedMember = { entry: { index: 2, name: undefined, file: "gone.yaml", population: 5, weight: undefined, core: false, answers: new Map() }, assessment: undefined, problem: "missing", source: undefined };
    const region = scoreSubject(set, { ...base, name: "R", kind: "region", answers: new Map(), members: [] }, [member("a", undefined, 2), member("b", undefined, 4), broken]) as RegionScore;
    expect(region.rollup.stages[0]!.mean).toBe(3);
    expect(region.members[2]).toMatchObject({ name: "gone.yaml", profile: undefined, problem: "missing" });
    expect(region.fit.best).toBeUndefined();
  });

  it("picks the model whose deciding dimension scores highest", () => {
    const answers = new Map(
      set.models.map((m) => [m.id, new Map(m.indicators.map((i) => [i.id, level(m.id === "core-led" ? 4 : 2)]))]),
    ) as Answers;
    const region = scoreSubject(set, { ...base, name: "R", kind: "region", answers, members: [] }, []) as RegionScore;
    expect(region.fit.best).toBe("core-led");
    expect(region.fit.deciding[0]?.model).toBe("core-led");
  });
});

describe("gates", () => {
  const city = scoreSubject(set, {
    file: "c.yaml", name: "C", kind: "city", country: undefined, description: undefined, assessors: [], population: undefined, date: "2026-01-01", targetStage: undefined, targetDate: undefined,
    targetLevels: new Map(), answers: answersFor(set, (i) => (i < set.stages[0]!.indicators.length ? 4 : 1)) as Answers, members: [],
  });

  it("fails --min-stage by the number of stages short", () => {
    const [pass, fail] = evaluateGates(set, city, [{ kind: "min-stage", stage: "integrated" }, { kind: "min-stage", stage: "merged" }]);
    expect(pass).toMatchObject({ passed: true, actual: "integrated", shortBy: 0 });
    expect(fail).toMatchObject({ passed: false, shortBy: 2 });
  });

  it("fails --fail-under by the points missing, per stage or dimension", () => {
    const results = evaluateGates(set, city, [
      { kind: "fail-under", framework: "integrated", dimension: undefined, percent: 80 },
      { kind: "fail-under", framework: "integrated", dimension: undefined, percent: 81 },
      { kind: "fail-under", framework: "open", dimension: "open-data", percent: 30 },
    ]);
    expect(results.map((r) => [r.passed, r.actual, r.shortBy])).toEqual([
      [true, 80, 0],
      [false, 80, 1],
      [false, 20, 10],
    ]);
  });
});
