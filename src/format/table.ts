import { createRequire } from "node:module";
import type TableType from "cli-table3";
import type { Style } from "./style.js";

// Loaded on first use: only the terminal views draw tables.
const load = createRequire(import.meta.url);

/** A compact table: rules only under the head, so long lists stay readable. */
export function table(head: readonly string[], rows: readonly (readonly string[])[], style: Style, align?: readonly ("left" | "right")[]): string {
  const Table = load("cli-table3") as typeof TableType;
  const t = new Table({
    head: head.map((h) => style.bold(h)),
    style: { head: [], border: [], "padding-left": 1, "padding-right": 1 },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    ...(align === undefined ? {} : { colAligns: [...align] }),
  });
  for (const row of rows) t.push([...row]);
  return t.toString();
}
