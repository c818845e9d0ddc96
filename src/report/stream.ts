import type { FormatOptions } from "./options.js";

/**
 * A format written as the run goes: a head, one piece a subject, and a tail with what is
 * known only at the end (problems, gates). Nothing of a subject needs to stay in memory after
 * its piece is written, whatever the number of files.
 */
export interface StreamWriter<Item, Summary> {
  head(): string;
  item(item: Item): string;
  tail(summary: Summary): string;
}

/** A format: a new writer for each run, so a writer may count or gather what it needs. */
export type StreamFormat<Item, Summary> = (options: FormatOptions) => StreamWriter<Item, Summary>;

/** The whole output at once, as one string: for tests and small runs. */
export function formatWhole<Item, Summary>(format: StreamFormat<Item, Summary>, items: readonly Item[], summary: Summary, options: FormatOptions): string {
  const writer = format(options);
  return writer.head() + items.map((item) => writer.item(item)).join("") + writer.tail(summary);
}

/** Pieces separated by `separator`: the first piece gets none. */
export function separated(separator: string): (text: string) => string {
  let count = 0;
  return (text) => (count++ > 0 ? separator : "") + text;
}

type Replacer = (key: string, value: unknown) => unknown;

/**
 * A JSON document `{ ...before, [key]: [items], ...after }` in pieces, byte for byte what
 * `JSON.stringify(document, replacer, 2)` gives for the whole.
 */
export function jsonArrayStream(replacer: Replacer) {
  let count = 0;
  return {
    head(before: Record<string, unknown>, key: string): string {
      const open = JSON.stringify({ ...before, [key]: [] }, replacer, 2);
      return open.slice(0, open.lastIndexOf("[]") + 1);
    },
    item(value: unknown): string {
      const text = JSON.stringify(value, replacer, 2).replace(/^/gm, "    ");
      return (count++ === 0 ? "\n" : ",\n") + text;
    },
    tail(after: Record<string, unknown>): string {
      const close = count === 0 ? "]" : "\n  ]";
      const rest = Object.keys(after).length === 0 ? "\n}" : `,\n${JSON.stringify(after, replacer, 2).slice(2)}`;
      return `${close}${rest}\n`;
    },
  };
}
