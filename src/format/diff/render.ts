import type { SubjectDiff } from "../../analysis/diff/model.js";
import { MARKDOWN_BETWEEN_LANGUAGES, mdTable, mdText } from "../markdown.js";
import { words } from "../../i18n/words.js";
import { nullForAbsent } from "../options.js";
import type { FormatOptions } from "../options.js";
import { jsonPrintable, printable } from "../printable.js";
import { table } from "../table.js";
import { DOWN, UP, diffView } from "./view.js";

export type DiffFormatName = "terminal" | "json" | "markdown";

/** The version of the JSON structure of `diff`. */
export const DIFF_JSON_VERSION = 1;

const terminal = (diff: SubjectDiff, options: FormatOptions): string => {
  const { style } = options;
  const w = words(options.locale).diff;
  const up = `${UP} ${w.up}`;
  const down = `${DOWN} ${w.down}`;
  const mark = (cell: string) => (cell.startsWith(UP) ? style.good(cell) : cell.startsWith(DOWN) ? style.error(cell) : cell);
  const out: string[] = [];
  for (const block of diffView(diff, options.frameworks, options.locale, printable, "  ")) {
    switch (block.type) {
      case "heading":
        out.push("", style.bold(block.text));
        break;
      case "line":
        out.push(block.text.replace(up, style.good(up)).replace(down, style.error(down)));
        break;
      case "table":
        out.push("", table(block.head, block.rows.map((row) => row.map(mark)), style, block.align));
        break;
      case "list":
        out.push("", ...block.items.map((item) => `  • ${item}`));
        break;
    }
  }
  return `${out.join("\n").replace(/^\n/, "")}\n`;
};

/** Markdown, once in each language asked for. */
const markdown = (diff: SubjectDiff, options: FormatOptions): string =>
  (options.locales ?? [options.locale]).map((locale) => markdownIn(diff, options, locale)).join(MARKDOWN_BETWEEN_LANGUAGES);

const markdownIn = (diff: SubjectDiff, options: FormatOptions, locale: string): string => {
  const out: string[] = [];
  for (const block of diffView(diff, options.frameworks, locale, mdText, "&nbsp;&nbsp;")) {
    switch (block.type) {
      case "heading":
        out.push(`${"#".repeat(block.level)} ${block.text}`, "");
        break;
      case "line":
        out.push(block.text, "");
        break;
      case "table":
        out.push(mdTable(block.head, block.rows, block.align), "");
        break;
      case "list":
        out.push(...block.items.map((item) => `- ${item}`), "");
        break;
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
};

const json = (diff: SubjectDiff): string => `${jsonPrintable(JSON.stringify({ smartregion: "diff", version: DIFF_JSON_VERSION, ...diff }, nullForAbsent, 2))}\n`;

export const DIFF_FORMATS: Record<DiffFormatName, (diff: SubjectDiff, options: FormatOptions) => string> = { terminal, json, markdown };
