import { words } from "../../i18n/words.js";
import type { Style } from "../style.js";
import { printable } from "../printable.js";
import { table } from "../table.js";
import { wrapText } from "../wrap.js";
import { findingLines } from "../validate/stylish.js";
import { drawInline } from "./model.js";
import type { Block, Inline, Medium, Tone } from "./model.js";
import { append, drawnTable, shown } from "./shown.js";

const MEDIUM: Medium = "terminal";

export function inlineTerminal(text: Inline, style: Style): string {
  return drawInline(text, {
    tone: (tone, s) => toned(tone, s, style),
    link: (href, s) => `${s} <${printable(href)}>`,
    stack: (parts) => parts.join("; "),
    code: printable,
  });
}

function toned(tone: Tone, s: string, style: Style): string {
  switch (tone) {
    case "strong":
      return style.bold(s);
    case "dim":
      return style.dim(s);
    case "good":
      return style.good(s);
    case "bad":
      return style.error(s);
    case "warn":
      return style.warning(s);
    case "em":
      return s;
  }
}

/** Blocks that stand apart: a blank line before each, unless it opens its section. */
const APART = new Set<Block["type"]>(["table", "section", "findings", "list", "heading"]);

/**
 * The blocks as terminal lines of at most `width` columns: a section's title in bold and its text
 * indented under it, long lines wrapped between words with the rest indented; tables drawn in
 * boxes and fitted to the width; pictures left out, since the tables carry their numbers.
 */
export function renderTerminal(blocks: readonly Block[], style: Style, locale: string, width = Infinity, showExcepted = false): string {
  return lines(blocks, style, locale, "", width, showExcepted).join("\n");
}

function lines(blocks: readonly Block[], style: Style, locale: string, indent: string, width: number, showExcepted = false): string[] {
  const w = words(locale);
  const t = (x: Inline) => inlineTerminal(x, style);
  const out: string[] = [];
  /** A line of text at the indent, wrapped with what follows the first line indented `hang` more. */
  const say = (text: string, lead = indent, hang = "  ") => append(out, wrapText(text, width, lead, `${lead}${hang}`));
  for (const block of blocks.filter((b) => shown(b, MEDIUM))) {
    if (out.length > 0 && APART.has(block.type) && !(block.type === "section" && block.level === 4)) out.push("");
    switch (block.type) {
      case "title":
        break;
      case "subject":
        say(style.bold(`${t(block.name)}${w.paren(block.kind)}`) + style.dim(`  ${printable(block.date)}  ${printable(block.file)}`));
        break;
      case "heading":
        say(style.bold(t(block.text)));
        break;
      case "facts":
        for (const f of block.items) say(`${f.label}${w.colon}${t(f.value)}${f.detail === undefined ? "" : t(f.detail)}`);
        break;
      case "paragraph":
        say(block.tone === undefined ? t(block.text) : inlineTerminal({ tone: block.tone, text: block.text }, style));
        break;
      case "table": {
        const { columns, rows } = drawnTable(block, MEDIUM, t, { group: style.bold, member: (cell) => `  ${cell}` });
        // The bar of 0 to 5 is the first to go when the table is too wide: the numbers stay.
        const optional = columns.flatMap((c, i) => (c.only !== undefined ? [i] : []));
        out.push(table(columns.map((c) => c.head), rows, style, columns.map((c) => c.align ?? "left"), width, optional));
        break;
      }
      case "list":
        block.items.forEach((item, i) => say(`${block.ordered === true ? `${i + 1}.` : "•"} ${t(item)}`));
        break;
      case "terms":
        for (const [term, meaning] of block.items) say(`${style.bold(t(term))}${w.colon}${t(meaning)}`);
        break;
      case "section":
        say(style.bold(t(block.title)) + (block.aside === undefined ? "" : ` ${style.dim(t(block.aside))}`));
        append(out, lines(block.blocks, style, locale, `${indent}  `, width, showExcepted));
        break;
      case "steps":
        say(`${t(block.intro)}${w.colon.trimEnd()}`);
        for (const s of block.steps) {
          say(w.plan.step(style.bold(t(s.title)), style.dim(w.paren(t(s.aside)).trim()), s.from, s.to).join(""), `${indent}  `);
          const level = t(s.level);
          if (level !== "") say(`${style.dim(w.plan.levelLabel(s.to))}${w.afterLabel}${level}`, `${indent}    `);
          say(`${style.dim(w.plan.adviceLabel)}${w.afterLabel}${t(s.advice)}`, `${indent}    `);
        }
        break;
      case "findings":
        for (const line of findingLines(block.findings, style, locale, showExcepted, true)) say(line, indent, "    ");
        {
          const excepted = block.findings.filter((f) => f.excepted !== undefined).length;
          if (excepted > 0) say(style.dim(w.excepted.count(excepted, showExcepted)), indent, "    ");
        }
        break;
      case "chart":
        break;
    }
  }
  return out;
}
