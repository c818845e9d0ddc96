import type { Style } from "./style.js";
import { displayWidth } from "./width.js";

/**
 * A compact table: a box around it and a space either side of each cell, with no rules between
 * rows, so long lists stay readable. Columns are as wide as their widest cell, measured in
 * terminal columns (a CJK character takes two, a colour code none).
 */
export function table(head: readonly string[], rows: readonly (readonly string[])[], style: Style, align?: readonly ("left" | "right")[]): string {
  const all = [head.map((h) => style.bold(h)), ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i] ?? ""))));
  const rule = (left: string, join: string, right: string) => `${left}${widths.map((w) => "─".repeat(w + 2)).join(join)}${right}`;
  const line = (row: readonly string[]) =>
    `│${widths
      .map((w, i) => {
        const cell = row[i] ?? "";
        const pad = " ".repeat(w - displayWidth(cell));
        return ` ${align?.[i] === "right" ? pad + cell : cell + pad} `;
      })
      .join("│")}│`;
  return [rule("┌", "┬", "┐"), ...all.map(line), rule("└", "┴", "┘")].join("\n");
}
