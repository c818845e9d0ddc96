import type { Block, Column, Inline, Medium, Row } from "./model.js";

/** Whether a medium draws the block: pictures only where they can be drawn, and scoped blocks only in their media. */
export const shown = (block: Block, medium: Medium): boolean => (block.type !== "chart" || medium === "html") && (block.only === undefined || block.only.includes(medium));

type Table = Extract<Block, { type: "table" }>;

/**
 * A table's columns as a medium draws them, and its rows as drawn texts: `text` draws a
 * cell, `group` a group's first cell and `member` the first cell of a row under it.
 */
export function drawnTable(
  block: Table,
  medium: Medium,
  text: (cell: Inline) => string,
  first: { readonly group: (cell: string) => string; readonly member: (cell: string) => string },
): { columns: readonly Column[]; rows: readonly (readonly string[])[]; kinds: readonly Row["kind"][] } {
  const columns = block.columns.map((c, i) => ({ ...c, i })).filter((c) => c.only === undefined || c.only.includes(medium));
  const rows = block.rows.map((r) =>
    columns.map(({ i }) => {
      const cell = text(r.cells[i] ?? "");
      return i !== 0 || r.kind === undefined ? cell : first[r.kind](cell);
    }),
  );
  return { columns, rows, kinds: block.rows.map((r) => r.kind) };
}

/** Lines added one by one: a list of a hundred thousand findings is too long to spread into a call. */
export function append(out: string[], lines: readonly string[], ...after: string[]): void {
  for (const line of lines) out.push(line);
  for (const line of after) out.push(line);
}
