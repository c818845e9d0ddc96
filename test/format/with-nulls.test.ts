import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nullForAbsent, withNulls } from "../../src/format/options.js";

describe("withNulls", () => {
  it("writes what JSON.stringify with nullForAbsent writes, for any JSON-like value with absent fields", () => {
    const leaf = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: false }), fc.string(), fc.date({ noInvalidDate: true }));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("v"), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), tie("v"), { maxKeys: 4 })),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        expect(JSON.stringify({ a: [withNulls(v)] }, null, 2)).toBe(JSON.stringify({ a: [v] }, nullForAbsent, 2));
      }),
      { numRuns: 2000, seed: 20261202 },
    );
    const odd = JSON.parse('{"__proto__": {"x": 1}, "b": [1, null]}') as unknown;
    expect(JSON.stringify(withNulls(odd))).toBe(JSON.stringify(odd, nullForAbsent));
  });
});
