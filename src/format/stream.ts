import { nullForAbsent, withNulls } from "./options.js";
import { jsonPrintable } from "./printable.js";
import type { FormatOptions } from "./options.js";

/**
 * A format written as the run goes: a head, one piece a subject, and a tail with what is
 * known only at the end (problems, gates). A piece depends on its subject alone, so pieces can
 * be made in any order and anywhere (in a worker thread too); what joins them comes from
 * `before`. Nothing of a subject needs to stay in memory once its piece is written.
 */
export interface StreamWriter<Item, Summary> {
  head(): string;
  item(item: Item): string;
  /** What goes before the piece of the subject at `index` (from 0). */
  before(index: number): string;
  /** The end, after `count` pieces. */
  tail(summary: Summary, count: number): string;
  /** Set when the format gathers every subject and writes at the end (its pieces are empty). */
  readonly gathers?: boolean;
  /**
   * Set when the tail never reads the summary's remarks (the evidence checks and failed gates of
   * sound subjects, which the subjects' own pieces show): a run then keeps of them only what
   * its exit code needs, so memory does not grow with them.
   */
  readonly ignoresRemarks?: boolean;
}

/** A format: a new writer for each run. */
export type StreamFormat<Item, Summary> = (options: FormatOptions) => StreamWriter<Item, Summary>;

/** Blocks separated by a blank line: the subjects, then the tail's own blocks. */
export const blankLineBetween = {
  before: (index: number): string => (index === 0 ? "" : "\n\n"),
  tail: (blocks: readonly string[], count: number): string => `${count > 0 && blocks.length > 0 ? "\n\n" : ""}${blocks.join("\n\n")}\n`,
};

type Replacer = (key: string, value: unknown) => unknown;

/**
 * A JSON document `{ ...before, [key]: [items], ...after }` in pieces: the document indented by
 * two spaces as `JSON.stringify(document, replacer, 2)` writes it, except that each item of the
 * array stands on one line of its own, without spaces. A run of many subjects then writes one
 * line a subject (a third of the bytes, and a line a tool such as grep or jq can take alone)
 * rather than some 400 lines each.
 */
export function jsonArrayStream(replacer: Replacer) {
  return {
    head(before: Record<string, unknown>, key: string): string {
      const open = jsonPrintable(JSON.stringify({ ...before, [key]: [] }, replacer, 2));
      return open.slice(0, open.lastIndexOf("[]") + 1);
    },
    item(value: unknown): string {
      // Absent fields made null beforehand when that is the replacer, which JSON.stringify then need not call.
      return `    ${jsonPrintable(replacer === nullForAbsent ? JSON.stringify(withNulls(value)) : JSON.stringify(value, replacer))}`;
    },
    before: (index: number): string => (index === 0 ? "\n" : ",\n"),
    tail(after: Record<string, unknown>, count: number): string {
      const close = count === 0 ? "]" : "\n  ]";
      const rest = Object.keys(after).length === 0 ? "\n}" : `,\n${jsonPrintable(JSON.stringify(after, replacer, 2)).slice(2)}`;
      return `${close}${rest}\n`;
    },
  };
}

/**
 * A format written once in each language of `options.locales`, one whole document after the
 * other, for readers on both sides of a table. It gathers the pieces, since each language's
 * document must be complete before the next begins; with one language it is the format itself.
 */
export function inEachLanguage<Item, Summary>(format: StreamFormat<Item, Summary>, separator: string): StreamFormat<Item, Summary> {
  return (options) => {
    const locales = options.locales ?? [options.locale];
    if (locales.length < 2) return format(options);
    const writers = locales.map((locale) => format({ ...options, locale, locales: [locale] }));
    const pieces: string[][] = writers.map(() => []);
    return {
      gathers: true,
      head: () => "",
      before: () => "",
      item: (item) => {
        writers.forEach((writer, i) => pieces[i]!.push(writer.item(item)));
        return "";
      },
      tail: (summary, count) =>
        writers.map((writer, i) => writer.head() + pieces[i]!.map((piece, j) => writer.before(j) + piece).join("") + writer.tail(summary, count)).join(separator),
    };
  };
}

/** A format that gathers every subject and writes its whole document at the end (a page needs them all for its title). */
export function gathering<Item, Summary>(document: (items: readonly Item[], summary: Summary) => string): StreamWriter<Item, Summary> {
  const items: Item[] = [];
  return {
    gathers: true,
    head: () => "",
    before: () => "",
    item: (item) => {
      items.push(item);
      return "";
    },
    tail: (summary) => document(items, summary),
  };
}
