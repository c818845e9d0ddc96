import { describe, expect, it } from "vitest";
import { table } from "../../src/format/table.js";
import { PLAIN } from "../../src/format/style.js";
import { displayWidth } from "../../src/format/width.js";

describe("a table narrowed to the terminal", () => {
  const head = ["stage", "indicator", "level", "target", "gap", "weight", "priority"];
  const rows = [
    ["Integrated innovation", "Government-led strategy and top-level design", "unanswered", "3", "?", "3", "9"],
    ["Open innovation", "Machine-readable formats and APIs", "unanswered", "3", "?", "2", "6"],
    ["Merged innovation", "Sustainability outcomes", "unanswered", "3", "?", "3", "9"],
  ];
  const align = ["left", "left", "left", "right", "right", "right", "right"] as const;

  it("cuts no word in two: a column is no narrower than its longest word, and a hyphenated word breaks after its hyphen", () => {
    for (const width of [70, 80]) {
      const out = table(head, rows, PLAIN, align, width);
      expect(Math.max(...out.split("\n").map(displayWidth))).toBeLessThanOrEqual(width);
      const parts = new Set(out.split(/[\s│┌┐└┘┬┴─]+/).filter((p) => p !== ""));
      for (const word of ["Government-led", "Sustainability", "innovation", "unanswered", "top-level"]) expect(parts.has(word) || (word.includes("-") && parts.has(`${word.split("-")[0]}-`)), `${width}: ${word}`).toBe(true);
      expect(parts.has("Machine-readable") || (parts.has("Machine-") && parts.has("readable")), `${width}: Machine-readable`).toBe(true);
      // A table too narrow for its words is stacked rather than cut.
      expect(table(head, rows, PLAIN, align, 50)).not.toContain("│");
    }
  });
});
