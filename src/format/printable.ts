/**
 * Characters that must never reach a terminal or a CI log as they are: C0 controls, DEL and C1
 * controls (line breaks and escape sequences among them), the Unicode line and paragraph
 * separators, and the bidirectional marks, overrides and isolates that can reorder what a reader
 * sees. A log reader takes a line that starts with `::` or `##[` as a command, so a line break
 * from input would let an assessment speak for the tool.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const escaped = (c: string): string => SHORT[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`;

/**
 * Text from an input file made safe for one line of a terminal or a log: every unsafe character,
 * line breaks and tabs included, is shown as an escape (`\n`, `\r`, `\t`, `\u{2028}`).
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** The same for the tool's own text of several lines (help, usage errors): its line breaks stay. */
export function printableLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escaped);
}

/**
 * JSON made safe to print: JSON.stringify leaves U+0085, U+2028 and U+2029 as they are inside
 * strings, and some readers end a line at them; as `\u` escapes the document means the same.
 */
export function jsonPrintable(json: string): string {
  // Three searches for one character each are some ten times sooner than the pattern's, and most JSON has none.
  if (!json.includes("\u0085") && !json.includes("\u2028") && !json.includes("\u2029")) return json;
  return json.replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
