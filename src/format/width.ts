import { createRequire } from "node:module";

// Loaded on first use: most text is plain ASCII, whose width is its length.
const load = createRequire(import.meta.url);
let measure: ((text: string) => number) | undefined;
const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u25ff]*$/;

/** Terminal columns `text` takes: 2 for a wide (CJK) character, 0 for a combining mark or colour code. */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  // Latin letters with accents, dashes and quotes, arrows, box drawing: one column each.
  if (NARROW.test(text)) return text.length;
  measure ??= load("string-width") as (text: string) => number;
  return measure(text);
}

/** `text` padded with spaces to `width` columns. */
export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
