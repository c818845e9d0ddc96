import type { Style } from "./style.js";
import { displayWidth } from "./width.js";
import { ANSI, wrapText } from "./wrap.js";

type Align = "left" | "right";

/** The narrowest a text column is made before the table is stacked instead. */
const MIN_COLUMN = 10;

/**
 * A compact table: a box around it and a space either side of each cell, with no rules between
 * rows, so long lists stay readable. Columns are as wide as their widest cell, measured in
 * terminal columns (a CJK character takes two, a colour code none). When the table is wider than
 * `width`, the columns in `optional` are left out first, then text columns are narrowed and their
 * cells wrapped between words; when even that does not fit, each row is stacked as lines.
 */
export function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  style: Style,
  align?: readonly Align[],
  width = Infinity,
  optional: readonly number[] = [],
  /** Columns whose cells are never broken (names a user types, such as a framework's id). */
  whole: readonly number[] = [],
): string {
  const natural = columnWidths(head.map((h) => style.bold(h)), rows);
  if (framed(natural) > width && optional.length > 0) {
    const keep = (_: unknown, i: number) => !optional.includes(i);
    const kept = head.map((_, i) => i).filter((i) => !optional.includes(i));
    return table(head.filter(keep), rows.map((r) => r.filter(keep)), style, align?.filter(keep), width, [], whole.filter((i) => kept.includes(i)).map((i) => kept.indexOf(i)));
  }
  const widths = narrowed(natural, head, rows, align, width, whole);
  if (widths === undefined) return stacked(head, rows, style, width);
  const all = [head.map((h) => style.bold(h)), ...rows];
  const rule = (left: string, join: string, right: string) => `${left}${widths.map((w) => "─".repeat(w + 2)).join(join)}${right}`;
  const lines = [rule("┌", "┬", "┐")];
  for (const row of all) {
    const cells = widths.map((w, i) => wrapCell(row[i] ?? "", w));
    const height = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      const parts = widths.map((w, i) => {
        const cell = cells[i]![k] ?? "";
        const pad = " ".repeat(Math.max(0, w - displayWidth(cell)));
        return ` ${align?.[i] === "right" ? pad + cell : cell + pad} `;
      });
      lines.push(`│${parts.join("│")}│`);
    }
  }
  lines.push(rule("└", "┴", "┘"));
  return lines.join("\n");
}

function columnWidths(head: readonly string[], rows: readonly (readonly string[])[]): number[] {
  return head.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i] ?? ""))));
}

/** The width of a table with these columns: each cell's padding and border, and the last border. */
const framed = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w + 3, 1);

/** A word longer than this (a link, a path) may be cut where its cell ends; a shorter one never is. */
const LONG_WORD = 20;

/**
 * Text columns narrowed, the widest first, until the table fits; undefined when it cannot. No
 * column is made narrower than its longest word ("Sustainability"; a hyphenated word may break
 * after its hyphen), so that no word is cut in two; a table that cannot fit so is stacked.
 */
function narrowed(natural: readonly number[], head: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] | undefined, width: number, whole: readonly number[]): number[] | undefined {
  const widths = [...natural];
  const words = head.map((h, i) => Math.min(LONG_WORD, Math.max(longestWord(h), ...rows.map((row) => longestWord((row[i] ?? "").replace(ANSI, ""))))));
  const floor = (i: number) => Math.min(natural[i]!, Math.max(MIN_COLUMN, words[i]!));
  while (framed(widths) > width) {
    let pick = -1;
    widths.forEach((w, i) => {
      if (align?.[i] === "right" || whole.includes(i) || w <= floor(i)) return;
      if (pick < 0 || w > widths[pick]!) pick = i;
    });
    if (pick < 0) return undefined;
    widths[pick]! -= 1;
  }
  return widths;
}

/** The widest part of `text` no line may break inside: a word, or the part of a hyphenated word up to and after a hyphen ("Machine-", "readable"). */
const longestWord = (text: string) => Math.max(0, ...text.split(/\s+|(?<=[-–])/).map(displayWidth));

/** A cell's lines at `width` columns; a cell in one colour keeps it on every line. */
function wrapCell(cell: string, width: number): string[] {
  if (displayWidth(cell) <= width) return [cell];
  // An indented cell (a dimension under its stage) keeps its indent on every line.
  const indent = /^ */.exec(cell)![0];
  const rest = cell.slice(indent.length);
  const wrap = (text: string) => wrapText(text.replace(ANSI, ""), Math.max(1, width - indent.length)).map((line) => `${indent}${line}`);
  const styled = /^((?:\x1b\[[0-9;]*m)+)([\s\S]*?)((?:\x1b\[[0-9;]*m)+)$/.exec(rest);
  if (styled === null) return wrap(rest);
  const [, open, inner, close] = styled;
  return wrap(inner!).map((line) => `${indent}${open}${line.slice(indent.length)}${close}`);
}

/** Each row as lines: its first cell, then every other cell under its column's head. */
function stacked(head: readonly string[], rows: readonly (readonly string[])[], style: Style, width: number): string {
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(...wrapText(row[0] ?? "", width, "• ", "  "));
    for (let i = 1; i < head.length; i++) {
      const cell = row[i] ?? "";
      if (cell.replace(ANSI, "") === "") continue;
      lines.push(...wrapText(`${style.bold(head[i] ?? "")}: ${cell}`, width, "    ", "      "));
    }
  }
  return lines.join("\n");
}
