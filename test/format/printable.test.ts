import { describe, expect, it } from "vitest";
import { jsonPrintable } from "../../src/format/printable.js";

describe("jsonPrintable", () => {
  it("escapes each line separator JSON.stringify leaves in a string, and returns other JSON as it is", () => {
    const plain = JSON.stringify({ name: "杭州", note: "a\nb" });
    expect(jsonPrintable(plain)).toBe(plain);
    for (const c of ["\u0085", "\u2028", "\u2029"]) {
      const json = JSON.stringify({ name: `a${c}b${c}` });
      const printed = jsonPrintable(json);
      expect(printed).not.toContain(c);
      expect(JSON.parse(printed)).toEqual(JSON.parse(json));
    }
  });
});
