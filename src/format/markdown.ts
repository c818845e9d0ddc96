import { printable } from "./printable.js";

/** Line breaks and tabs: a space in Markdown, where a line break would end a table row or a list item. */
const BREAKS = /[\n\r\t\u0085\u2028\u2029]/g;

/** Text as it may stand in Markdown: breaks as spaces, every other control and bidirectional mark as an escape that shows. */
const visible = (text: string): string => printable(text.replace(BREAKS, " "));

/** Text from input made safe inside Markdown: no markup, no HTML, no table breaks. */
export function mdText(text: string): string {
  return visible(text)
    .replace(/[\\`*_{}[\]()#+!|<>~&]/g, (c) => `\\${c}`);
}

/**
 * Text from input as a Markdown code span, shown as written: no backslash escapes (they would
 * show inside a span), a fence longer than any run of backticks in it, controls as escapes.
 */
export function mdCode(text: string): string {
  const clean = visible(text);
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
