import { words } from "../../i18n/words.js";
import type { Style } from "../style.js";
import { table } from "../table.js";
import { findingLines } from "../validate/stylish.js";
import type { Block, Inline, Medium, Tone } from "./model.js";
import { append, drawnTable, shown } from "./shown.js";

const MEDIUM: Medium = "terminal";

export function inlineTerminal(text: Inline, style: Style): string {
  if (typeof text === "string") return text;
  if (Array.isArray(text)) return (text as readonly Inline[]).map((t) => inlineTerminal(t, style)).join("");
  const { tone, text: inner } = text as { tone: Tone; text: Inline };
  const s = inlineTerminal(inner, style);
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
 * The blocks as terminal lines: a section's title in bold and its text indented under it;
 * tables drawn in boxes; pictures left out, since the tables carry their numbers.
 */
export function renderTerminal(blocks: readonly Block[], style: Style, locale: string): string {
  return lines(blocks, style, locale, "").join("\n");
}

function lines(blocks: readonly Block[], style: Style, locale: string, indent: string): string[] {
  const w = words(locale);
  const t = (x: Inline) => inlineTerminal(x, style);
  const out: string[] = [];
  for (const block of blocks.filter((b) => shown(b, MEDIUM))) {
    if (out.length > 0 && APART.has(block.type) && !(block.type === "section" && block.level === 4)) out.push("");
    switch (block.type) {
      case "title":
        break;
      case "subject":
        out.push(style.bold(`${t(block.name)}${w.paren(block.kind)}`) + style.dim(`  ${block.date}  ${block.file}`));
        break;
      case "heading":
        out.push(indent + style.bold(t(block.text)));
        break;
      case "facts":
        for (const f of block.items) out.push(`${indent}${f.label}${w.colon}${t(f.value)}${f.detail === undefined ? "" : t(f.detail)}`);
        break;
      case "paragraph":
        out.push(indent + (block.tone === undefined ? t(block.text) : inlineTerminal({ tone: block.tone, text: block.text }, style)));
        break;
      case "table": {
        const { columns, rows } = drawnTable(block, MEDIUM, t, { group: style.bold, member: (cell) => `  ${cell}` });
        out.push(table(columns.map((c) => c.head), rows, style, columns.map((c) => c.align ?? "left")));
        break;
      }
      case "list":
        append(out, block.items.map((item) => `${indent}• ${t(item)}`));
        break;
      case "section":
        out.push(indent + style.bold(t(block.title)) + (block.aside === undefined ? "" : ` ${style.dim(t(block.aside))}`));
        append(out, lines(block.blocks, style, locale, `${indent}  `));
        break;
      case "steps":
        out.push(`${indent}${t(block.intro)}${w.colon.trimEnd()}`);
        for (const s of block.steps) {
          out.push(`${indent}  ${style.bold(t(s.title))} ${s.from} → ${s.to}` + style.dim(`  ${w.paren(t(s.aside)).trim()}`));
          const level = t(s.level);
          if (level !== "") out.push(`${indent}    ${style.dim(w.plan.levelLabel(s.to))}${w.afterLabel}${level}`);
          out.push(`${indent}    ${style.dim(w.plan.adviceLabel)}${w.afterLabel}${t(s.advice)}`);
        }
        break;
      case "findings":
        append(out, findingLines(block.findings, style, locale));
        break;
      case "chart":
        break;
    }
  }
  return out;
}
