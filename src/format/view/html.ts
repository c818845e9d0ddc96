import { words } from "../../i18n/words.js";
import { bars, esc, radar } from "../html.js";
import { message } from "../messages.js";
import { unstressed } from "./model.js";
import type { Block, Inline, Medium, Tone } from "./model.js";
import { append, drawnTable, shown } from "./shown.js";

const MEDIUM: Medium = "html";

const TONE_CLASS: Record<Exclude<Tone, "strong" | "em">, string> = { dim: "advice", good: "ok", bad: "no", warn: "warn" };

export function inlineHtml(text: Inline): string {
  if (typeof text === "string") return text;
  if (Array.isArray(text)) return (text as readonly Inline[]).map(inlineHtml).join("");
  const { tone, text: inner } = text as { tone: Tone; text: Inline };
  const s = inlineHtml(inner);
  return tone === "strong" ? `<strong>${s}</strong>` : tone === "em" ? `<em>${s}</em>` : `<span class="${TONE_CLASS[tone]}">${s}</span>`;
}

/** The series colours of the bar charts, as the page's style draws them. */
export const SERIES_COLOURS = ["#1f6feb", "#7aa7f0", "#b9cff7"];

const td = (text: string, num = false) => `<td${num ? ' class="num"' : ""}>${text}</td>`;
const th = (text: string, num = false) => `<th${num ? ' class="num"' : ""}>${text}</th>`;

/** The blocks as HTML; texts in them are escaped already, by the names they were built with. */
export function renderHtml(blocks: readonly Block[], locale: string): string {
  const w = words(locale);
  const h = (text: string) => w.heading(text);
  const t = inlineHtml;
  const out: string[] = [];
  for (const block of blocks.filter((b) => shown(b, MEDIUM))) {
    switch (block.type) {
      case "title":
        out.push(`<h1>${t(block.text)}</h1>`);
        break;
      case "subject":
        out.push(`<h2>${t(block.name)} <span class="advice">${w.paren(block.kind).trim()}</span></h2><p class="meta">${w.assessed(esc(block.date))} · ${esc(block.file)}</p>`);
        break;
      case "heading":
        out.push(`<h${block.level}>${t(block.text)}</h${block.level}>`);
        break;
      case "facts":
        if (block.cards === true) {
          const cards = block.items.map(
            (f) => `<div class="card"><div class="label">${f.label}</div><div class="value">${t(f.value)}</div>${f.detail === undefined ? "" : `<div class="advice">${t(f.detail).replace(/^(?:[,;] |[，；])/, "")}</div>`}</div>`,
          );
          out.push(`<div class="cards">${cards.join("")}</div>`);
        } else {
          append(out, block.items.map((f) => `<p><strong>${f.label}${w.colon.trimEnd()}</strong> ${t(unstressed(f.value))}${f.detail === undefined ? "" : t(f.detail)}</p>`));
        }
        break;
      case "paragraph": {
        const cls = block.tone !== undefined && block.tone !== "strong" && block.tone !== "em" ? TONE_CLASS[block.tone] : block.small === true ? "advice" : undefined;
        out.push(`<p${cls === undefined ? "" : ` class="${cls}"`}>${t(block.text)}</p>`);
        break;
      }
      case "table": {
        const { columns, rows, kinds } = drawnTable(block, MEDIUM, t, { group: (cell) => `<strong>${cell}</strong>`, member: (cell) => `<span class="sub">${cell}</span>` });
        const head = columns.map((c) => th(h(c.head), c.align === "right")).join("");
        const body = rows.map((cells, r) => `<tr${kinds[r] === "group" ? ' class="group"' : ""}>${cells.map((cell, i) => td(cell, columns[i]!.align === "right")).join("")}</tr>`);
        out.push(`<div class="table"><table><thead><tr>${head}</tr></thead><tbody>${body.join("")}</tbody></table></div>`);
        break;
      }
      case "list":
        out.push(`<ul>${block.items.map((item) => `<li>${t(item)}</li>`).join("")}</ul>`);
        break;
      case "section": {
        const tag = `h${block.level}`;
        out.push(`<${tag}>${t(block.title)}${block.aside === undefined ? "" : ` <span class="advice">${t(block.aside)}</span>`}</${tag}>${renderHtml(block.blocks, locale)}`);
        break;
      }
      case "steps": {
        const rows = block.steps.map(
          (s) =>
            `<tr>${td(`<strong>${t(s.title)}</strong><div class="advice">${t(s.aside)}</div>`)}${td(`${s.from} → ${s.to}`, true)}${td(`${t(s.level)}<div class="advice">${t(s.advice)}</div>`)}</tr>`,
        );
        out.push(
          `<p>${t(block.intro)}${w.period}</p><div class="table"><table class="plan"><thead><tr>${th(h(w.head.indicator))}${th(h(w.head.level), true)}${th(h(w.head.newLevelAndHow))}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`,
        );
        break;
      }
      case "findings":
        out.push(`<ul class="evidence">${block.findings.map((f) => `<li><code>${esc(`${f.file}:${f.line}:${f.col}`)}</code> ${w.severity[f.severity]}${w.colon}${esc(message(f, locale))}</li>`).join("")}</ul>`);
        break;
      case "chart": {
        const c = block.chart;
        const svg = c.kind === "radar" ? radar(c.labels, c.series, c.bar, block.title) : bars(c.items, c.series, block.title);
        const legend = c.kind === "bars" && c.legend ? `<p class="legend">${c.series.map((name, i) => `<span style="background:${SERIES_COLOURS[i] ?? "#ccc"}"></span>${name}`).join("")}</p>` : "";
        out.push(`<figure>${svg}${legend}<figcaption>${block.caption}</figcaption></figure>`);
        break;
      }
    }
  }
  return out.join("");
}
