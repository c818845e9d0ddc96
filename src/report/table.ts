import Table from "cli-table3";
import type { Style } from "./style.js";

/** A compact table: rules only under the head, so long lists stay readable. */
export function table(head: readonly string[], rows: readonly (readonly string[])[], style: Style, align?: readonly ("left" | "right")[]): string {
  const t = new Table({
    head: head.map((h) => style.bold(h)),
    style: { head: [], border: [], "padding-left": 1, "padding-right": 1 },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    ...(align === undefined ? {} : { colAligns: [...align] }),
  });
  for (const row of rows) t.push([...row]);
  return t.toString();
}
