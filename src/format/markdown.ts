/** Controls, line breaks and bidirectional marks: shown as a space in Markdown. */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text from input made safe inside Markdown: no markup, no HTML, no table breaks. */
export function mdText(text: string): string {
  return text
    .replace(HIDDEN, " ")
    .replace(/[\\`*_{}[\]()#+!|<>~&]/g, (c) => `\\${c}`);
}

/**
 * Text from input as a Markdown code span, shown as written: no backslash escapes (they would
 * show inside a span), a fence longer than any run of backticks in it, controls as spaces.
 */
export function mdCode(text: string): string {
  const clean = text.replace(HIDDEN, " ");
  const fence = "`".repeat(Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly ("left" | "right")[]): string {
  const rule = head.map((_, i) => (align?.[i] === "right" ? "---:" : "---"));
  return [head, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** A section of a streamed document: it starts with a blank line, so sections join cleanly. */
export const mdSection = (lines: readonly string[]): string => `\n${lines.join("\n").trimEnd()}\n`;

/** Between the documents of two languages: a thematic break. */
export const MARKDOWN_BETWEEN_LANGUAGES = "\n---\n\n";
