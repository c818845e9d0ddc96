import type { Words } from "../../i18n/words.js";
import { esc } from "../html.js";
import { mdSection, mdText } from "../markdown.js";
import { namer } from "../names.js";
import type { Names } from "../names.js";
import type { FormatOptions } from "../options.js";
import { articleOpen, htmlPage, pageLocales } from "../page.js";
import { printable } from "../printable.js";
import { blankLineBetween, gathering } from "../stream.js";
import type { StreamFormat } from "../stream.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import type { Block } from "./model.js";
import { renderTerminal } from "./terminal.js";

/**
 * What a command's human formats show, laid out once: each subject's sections, the sections of
 * what is known only at the end, and the document's title. The terminal, Markdown and HTML
 * formats of `score` and `report` are these three drawn by each renderer.
 */
export interface Layout<Item, Summary> {
  readonly view: (item: Item, names: Names, options: FormatOptions) => Block[];
  readonly tail: (summary: Summary, names: Names) => Block[];
  /** The document's title; with one subject, named after it (its name already escaped). */
  readonly title: (w: Words, only: string | undefined) => string;
  /** The subject's name, for the title. */
  readonly name: (item: Item) => string;
}

/** The terminal view: a subject's sections after another, then the tail, fitted to the width. */
export function terminalFormat<Item, Summary>(layout: Layout<Item, Summary>): StreamFormat<Item, Summary> {
  return (options) => {
    const names = namer(options.frameworks, options.locale, printable);
    const draw = (blocks: readonly Block[]) => renderTerminal(blocks, options.style, options.locale, options.width, options.showExcepted === true);
    return {
      ignoresRemarks: true,
      head: () => "",
      item: (item) => draw(layout.view(item, names, options)),
      before: blankLineBetween.before,
      tail: (summary, count) => {
        const tail = layout.tail(summary, names);
        return blankLineBetween.tail(tail.length === 0 ? [] : [draw(tail)], count);
      },
    };
  };
}

/** Markdown in one language: the title, a section a subject, then the tail. */
export function markdownFormat<Item, Summary>(layout: Layout<Item, Summary>): StreamFormat<Item, Summary> {
  return (options) => {
    const names = namer(options.frameworks, options.locale, mdText);
    return {
      ignoresRemarks: true,
      head: () => `# ${layout.title(names.w, undefined)}\n`,
      before: () => "",
      item: (item) => mdSection(renderMarkdown(layout.view(item, names, options), options.locale)),
      tail: (summary) => {
        const tail = layout.tail(summary, names);
        return tail.length === 0 ? "" : mdSection(renderMarkdown(tail, options.locale));
      },
    };
  };
}

/**
 * One self-contained page in each language asked for: the title, the scale, the tail's problems,
 * then a section a subject. The page's title needs every subject, so it gathers them.
 */
export function htmlFormat<Item, Summary>(layout: Layout<Item, Summary>): StreamFormat<Item, Summary> {
  return (options) =>
    gathering<Item, Summary>((items, summary) =>
      htmlPage(pageLocales(options.locale, options.locales), (locale, id) => {
        const names = namer(options.frameworks, locale, esc);
        const { w } = names;
        const sections = items.map((item) => `<section>${renderHtml(layout.view(item, names, options), locale)}</section>`);
        const tail = layout.tail(summary, names);
        const problems = tail.length === 0 ? "" : `<section>${renderHtml(tail, locale)}</section>`;
        const title = layout.title(w, items.length === 1 ? esc(layout.name(items[0]!)) : undefined);
        return {
          title,
          running: layout.title(w, items.length === 1 ? layout.name(items[0]!) : undefined),
          html: `${articleOpen(locale, id)}\n${renderHtml([{ type: "title", text: title }], locale)}\n<p class="meta">${w.documents.scale(names.scale())}</p>\n${problems}${sections.join("\n")}\n</article>`,
        };
      }),
    );
}
