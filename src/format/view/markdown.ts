import { words } from "../../i18n/words.js";
import { mdCode, mdTable, mdText } from "../markdown.js";
import { message } from "../messages.js";
import { drawInline, unstressed } from "./model.js";
import type { Block, Inline, Medium, Tone } from "./model.js";
import { append, drawnTable, shown } from "./shown.js";

const MEDIUM: Medium = "markdown";

const MARKDOWN_INLINE = {
  tone: (tone: Tone, s: string) => (tone === "strong" ? `**${s}**` : tone === "em" ? `*${s}*` : s),
  // The address as the URL parser wrote it has no space or angle bracket; brackets that could close the link are encoded.
  link: (href: string, s: string) => `[${s}](${href.replace(/[()\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`,
  stack: (lines: readonly string[]) => lines.join("<br>"),
  code: mdCode,
};

export const inlineMarkdown = (text: Inline): string => drawInline(text, MARKDOWN_INLINE);

/** The blocks as Markdown lines, each block followed by a blank line. */
export function renderMarkdown(blocks: readonly Block[], locale: string): string[] {
  const w = words(locale);
  const h = (text: string) => w.heading(text);
  const t = inlineMarkdown;
  const out: string[] = [];
  for (const block of blocks.filter((b) => shown(b, MEDIUM))) {
    switch (block.type) {
      case "title":
        out.push(`# ${t(block.text)}`, "");
        break;
      case "subject":
        out.push(`## ${t(block.name)}${w.paren(block.kind)}`, "", block.by === undefined ? `${w.assessed(mdText(block.date))} · ${mdCode(block.file)}` : w.brief.assessedBy(mdText(block.date), t(block.by)), "");
        break;
      case "heading":
        out.push(`${"#".repeat(block.level)} ${t(block.text)}`, "");
        break;
      case "facts":
        // A full-width colon stands outside the stress: "**目标：**2028" would not close it, and a space after it is not Chinese.
        for (const f of block.items) out.push(`${w.afterLabel === "" ? `**${f.label}**${w.colon}` : `**${f.label}${w.colon.trimEnd()}** `}${t(unstressed(f.value))}${f.detail === undefined ? "" : t(f.detail)}`, "");
        break;
      case "paragraph":
        out.push(block.tone === "bad" ? `**${t(block.text)}**` : t(block.text), "");
        break;
      case "table": {
        const { columns, rows } = drawnTable(block, MEDIUM, t, { group: (cell) => `**${cell}**`, member: (cell) => `&nbsp;&nbsp;${cell}` });
        out.push(mdTable(columns.map((c) => (c.head === "%" ? c.head : h(c.head))), rows, columns.map((c) => c.align ?? "left")), "");
        break;
      }
      case "list":
        append(out, block.items.map((item, i) => `${block.ordered === true ? `${i + 1}.` : "-"} ${t(item)}`), "");
        break;
      case "terms":
        append(out, block.items.map(([term, meaning]) => `- **${t(term)}**${w.colon}${t(meaning)}`), "");
        break;
      case "section":
        out.push(`${"#".repeat(block.level)} ${t(block.title)}${block.aside === undefined ? "" : ` ${t(block.aside)}`}`, "", ...renderMarkdown(block.blocks, locale));
        break;
      case "steps":
        out.push(
          `${t(block.intro)}${w.colon.trimEnd()}`,
          "",
          mdTable(
            [h(w.head.indicator), h(w.head.dimension), h(w.head.from), h(w.head.to), h(w.head.newLevel), h(w.head.advice)],
            block.steps.map((s) => [t(s.title), t(s.aside), String(s.from), String(s.to), t(s.level), t(s.advice)]),
            ["left", "left", "right", "right", "left", "left"],
          ),
          "",
        );
        break;
      case "findings":
        append(out, block.findings.map((f) => `- ${mdCode(`${f.file}:${f.line}:${f.col}`)} ${w.severity[f.severity]}${w.colon}${mdText(message(f, locale))} (${f.code})`), "");
        break;
      case "chart":
        break;
    }
  }
  return out;
}
