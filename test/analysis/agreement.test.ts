import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "../../src/analysis/reconcile/agreement.js";
import { KRIPPENDORFF_ALPHA, KRIPPENDORFF_OBSERVERS } from "../fixtures/krippendorff.js";

const u = undefined;
const observers = KRIPPENDORFF_OBSERVERS;
const units = observers[0]!.map((_, i) => observers.map((o) => o[i]));

describe("Krippendorff's alpha", () => {
  it("gives the worked example's figures for nominal, ordinal and interval data", () => {
    for (const metric of ["nominal", "ordinal", "interval"] as const) expect(krippendorffAlpha(units, metric), metric).toBeCloseTo(KRIPPENDORFF_ALPHA[metric], 3);
  });

  it("is 1 when every assessor gives the same levels, and undefined when nothing varies or nothing pairs", () => {
    expect(krippendorffAlpha([[1, 1], [3, 3], [5, 5]])).toBe(1);
    expect(krippendorffAlpha([[2, 2], [2, 2]])).toBeUndefined();
    expect(krippendorffAlpha([[2, u], [u, 4]])).toBeUndefined();
  });

  it("falls below 0 when two assessors disagree systematically", () => {
    expect(krippendorffAlpha([[0, 5], [5, 0], [1, 4], [4, 1]])!).toBeLessThan(0);
  });

  it("does not depend on the order of the units or of the assessors", () => {
    const shuffled = [...units].reverse().map((unit) => [...unit].reverse());
    expect(krippendorffAlpha(shuffled)).toBeCloseTo(krippendorffAlpha(units)!, 12);
  });
});
