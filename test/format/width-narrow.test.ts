import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/format/width.js";
import { breakable } from "../../src/format/wrap.js";

const stringWidth = createRequire(import.meta.url)("string-width") as (text: string) => number;

describe("the quick paths of text width and line breaking", () => {
  it("gives every character below U+3000 the width string-width gives it", () => {
    const differing: string[] = [];
    for (let c = 0x20; c < 0x3000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if (displayWidth(s) !== stringWidth(s)) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
    expect(displayWidth("Dún Laoghaire–Rathdown › “Dublin” ✔")).toBe(stringWidth("Dún Laoghaire–Rathdown › “Dublin” ✔"));
  });

  it("breaks plain text between words, and Chinese between characters with its punctuation", () => {
    expect(breakable("  Open  data portal ")).toEqual([
      { piece: "Open", spaced: false },
      { piece: "data", spaced: true },
      { piece: "portal", spaced: true },
    ]);
    expect(breakable("数据（开放）。").map((p) => p.piece)).toEqual(["数", "据", "（开", "放）。"]);
  });
});
