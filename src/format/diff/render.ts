import type { SubjectDiff } from "../../analysis/diff/model.js";
import { MARKDOWN_BETWEEN_LANGUAGES, mdText } from "../markdown.js";
import { nullForAbsent } from "../options.js";
import type { FormatOptions } from "../options.js";
import { jsonPrintable, printable } from "../printable.js";
import { esc } from "../html.js";
import { namer } from "../names.js";
import { articleOpen, htmlPage, pageLocales } from "../page.js";
import { renderHtml } from "../view/html.js";
import { renderMarkdown } from "../view/markdown.js";
import { renderTerminal } from "../view/terminal.js";
import { diffView } from "./view.js";

export type DiffFormatName = "terminal" | "json" | "markdown" | "html";

/** The version of the JSON structure of `diff`. */
export const DIFF_JSON_VERSION = 1;

const terminal = (diff: SubjectDiff, options: FormatOptions): string =>
  `${renderTerminal(diffView(diff, options.frameworks, options.locale, printable), options.style, options.locale, options.width)}\n`;

/** Markdown, once in each language asked for. */
const markdown = (diff: SubjectDiff, options: FormatOptions): string =>
  (options.locales ?? [options.locale]).map((locale) => `${renderMarkdown(diffView(diff, options.frameworks, locale, mdText), locale).join("\n").trimEnd()}\n`).join(MARKDOWN_BETWEEN_LANGUAGES);

const json = (diff: SubjectDiff): string => `${jsonPrintable(JSON.stringify({ smartregion: "diff", version: DIFF_JSON_VERSION, ...diff }, nullForAbsent, 2))}\n`;

/** One self-contained page, in each language asked for. */
const html = (diff: SubjectDiff, options: FormatOptions): string =>
  htmlPage(pageLocales(options.locale, options.locales), (locale, id) => {
    const names = namer(options.frameworks, locale, esc);
    const title = names.w.diff.title(esc(diff.name));
    return { title, running: names.w.diff.title(diff.name), html: `${articleOpen(locale, id)}\n${renderHtml([{ type: "title", text: title }, ...diffView(diff, options.frameworks, locale, esc)], locale)}\n</article>` };
  });

export const DIFF_FORMATS: Record<DiffFormatName, (diff: SubjectDiff, options: FormatOptions) => string> = { terminal, json, markdown, html };
