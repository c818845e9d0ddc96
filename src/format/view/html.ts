import { words } from "../../i18n/words.js";
import { bars, esc, radar } from "../html.js";
import { message } from "../messages.js";
import { drawInline, unstressed } from "./model.js";
import type { Block, Inline, Medium, Tone } from "./model.js";
import { append, drawnTable, shown } from "./shown.js";

const MEDIUM: Medium = "html";

const TONE_CLASS: Record<Exclude<Tone, "strong" | "em">, string> = { dim: "advice", good: "ok", bad: "no", warn: "warn" };

const HTML_INLINE = {
  tone: (tone: Tone, s: string) => (tone === "strong" ? `<strong>${s}</strong>` : tone === "em" ? `<em>${s}</em>` : `<span class="${TONE_CLASS[tone]}">${s}</span>`),
  link: (href: string, s: string) => `<a href="${esc(href)}" rel="noopener noreferrer">${s}</a>`,
  stack: (lines: readonly string[]) => lines.map((line) => `<div>${line}</div>`).join(""),
  code: (raw: string) => `<code>${esc(raw)}</code>`,
};

export const inlineHtml = (text: Inline): string => drawInline(text, HTML_INLINE);

/** The series colours of the bar charts, as the page's style draws them. */
export const SERIES_COLOURS = ["#1f6feb", "#7aa7f0", "#b9cff7"];

const td = (text: string, num = false, nowrap = false) => `<td${num ? ' class="num"' : nowrap ? ' class="date"' : ""}>${text}</td>`;
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
      case "subject": {
        const meta = block.by === undefined ? `${w.assessed(esc(block.date))} · ${esc(block.file)}` : w.brief.assessedBy(esc(block.date), t(block.by));
        out.push(`<h2>${t(block.name)} <span class="advice">${w.paren(block.kind).trim()}</span></h2><p class="meta">${meta}</p>`);
        break;
      }
      case "heading":
        out.push(`<h${block.level}>${t(block.text)}</h${block.level}>`);
        break;
      case "facts":
        if (block.cards === true) {
          const cards = block.items.map(
            (f) => `<div class="card"><div class="label">${f.label}</div><div class="value">${t(f.value)}</div>${f.detail === undefined ? "" : `<div class="advice">${t(f.detail).replace(/^(?:[,;] |[，；])/, "")}</div>`}</div>`,
          );
          out.push(`<div class="cards">${cards.join("")}</div>`);
        } else if (block.grid === true) {
          out.push(`<dl class="facts">${block.items.map((f) => `<dt>${f.label}</dt><dd>${t(unstressed(f.value))}${f.detail === undefined ? "" : t(f.detail)}</dd>`).join("")}</dl>`);
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
        const body = rows.map((cells, r) => `<tr${kinds[r] === "group" ? ' class="group"' : ""}>${cells.map((cell, i) => td(cell, columns[i]!.align === "right", columns[i]!.nowrap === true)).join("")}</tr>`);
                // A short table is kept on one printed page; a long one breaks between rows, its head repeated.
        const classes = [...(block.dense === true ? ["dense"] : []), ...(rows.length <= 12 ? ["keep"] : [])];
        out.push(`<div class="table"><table${classes.length === 0 ? "" : ` class="${classes.join(" ")}"`}><thead><tr>${head}</tr></thead><tbody>${body.join("")}</tbody></table></div>`);
        break;
      }
      case "list": {
        const tag = block.ordered === true ? "ol" : "ul";
        out.push(`<${tag}>${block.items.map((item) => `<li>${t(item)}</li>`).join("")}</${tag}>`);
        break;
      }
      case "terms":
        out.push(`<dl class="terms">${block.items.map(([term, meaning]) => `<dt>${t(term)}</dt><dd>${t(meaning)}</dd>`).join("")}</dl>`);
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
        const svg = c.kind === "radar" ? radar(c.labels, c.series, c.bar, block.title, w.gaps.unanswered) : bars(c.items, c.series, block.title, w.gaps.unanswered, w.afterLabel === "" ? w.colon : " ");
        const legend = c.kind === "bars" && c.legend ? `<p class="legend">${c.series.map((name, i) => `<span style="background:${SERIES_COLOURS[i] ?? "#ccc"}"></span>${name}`).join("")}</p>` : "";
        out.push(`<figure>${svg}${legend}<figcaption>${block.caption}</figcaption></figure>`);
        break;
      }
    }
  }
  return out.join("");
}
