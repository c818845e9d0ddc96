import type { Reconciliation } from "../../analysis/reconcile/model.js";
import { esc } from "../html.js";
import { MARKDOWN_BETWEEN_LANGUAGES, mdText } from "../markdown.js";
import { namer } from "../names.js";
import { nullForAbsent } from "../options.js";
import type { FormatOptions } from "../options.js";
import { articleOpen, htmlPage, pageLocales } from "../page.js";
import { jsonPrintable, printable } from "../printable.js";
import { renderHtml } from "../view/html.js";
import { renderMarkdown } from "../view/markdown.js";
import { renderTerminal } from "../view/terminal.js";
import { reconcileView } from "./view.js";

export type ReconcileFormatName = "terminal" | "json" | "markdown" | "html";

/** The version of the JSON structure of `reconcile`. */
export const RECONCILE_JSON_VERSION = 1;

const terminal = (r: Reconciliation, options: FormatOptions): string =>
  `${renderTerminal(reconcileView(r, options.frameworks, options.locale, printable), options.style, options.locale, options.width)}\n`;

const markdown = (r: Reconciliation, options: FormatOptions): string =>
  (options.locales ?? [options.locale]).map((locale) => `${renderMarkdown(reconcileView(r, options.frameworks, locale, mdText), locale).join("\n").trimEnd()}\n`).join(MARKDOWN_BETWEEN_LANGUAGES);

const json = (r: Reconciliation): string => `${jsonPrintable(JSON.stringify({ smartregion: "reconcile", version: RECONCILE_JSON_VERSION, ...r }, nullForAbsent, 2))}\n`;

const html = (r: Reconciliation, options: FormatOptions): string =>
  htmlPage(pageLocales(options.locale, options.locales), (locale, id) => {
    const names = namer(options.frameworks, locale, esc);
    const title = names.w.reconcile.title(esc(r.name));
    return { title, running: names.w.reconcile.title(r.name), html: `${articleOpen(locale, id)}\n${renderHtml([{ type: "title", text: title }, ...reconcileView(r, options.frameworks, locale, esc)], locale)}\n</article>` };
  });

export const RECONCILE_FORMATS: Record<ReconcileFormatName, (r: Reconciliation, options: FormatOptions) => string> = { terminal, json, markdown, html };
