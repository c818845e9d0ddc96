import { printable } from "./printable.js";

/**
 * Text made safe inside HTML elements and attribute values: markup characters as references,
 * and control characters and bidirectional overrides shown as escapes, so that no input text
 * can reorder or hide what the page shows.
 */
export function esc(text: string): string {
  let out = "";
  // Line breaks and tabs become character references: the page reads the same, and a log that
  // shows the file has no line of input text to take as a command.
  for (const part of text.split(/([\n\r\t\u0085\u2028\u2029])/)) {
    out += BREAKS.test(part) ? `&#${part.charCodeAt(0)};` : printable(part).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  }
  return out;
}
const BREAKS = /^[\n\r\t\u0085\u2028\u2029]$/;

/** Numbers in SVG coordinates: fixed, so the same input gives the same bytes. */
export const n = (value: number): string => (Math.round(value * 100) / 100).toFixed(2).replace(/\.?0+$/, "") || "0";

export interface RadarSeries {
  readonly label: string;
  readonly values: readonly (number | undefined)[];
  readonly className: string;
}

/** The font size of chart text, in the chart's own units. */
const FONT = 11;

/**
 * How wide a label is drawn, in the chart's units: a generous measure (wide letters, and a full
 * em for Chinese), so a label planned to fit does fit in any of the fonts the page may fall to.
 */
export function textWidth(escaped: string): number {
  let width = 0;
  for (const c of escaped.replace(/&#?\w+;/g, "x")) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? FONT : /[A-Z@%MW]/.test(c) ? FONT * 0.72 : FONT * 0.6;
  return width;
}

/**
 * A label broken into lines of at most `max` units, at spaces (or between any two Chinese
 * characters), in at most `lines` lines; what does not fit ends in an ellipsis, and the whole
 * label stays in the chart's tooltip.
 */
export function labelLines(escaped: string, max: number, lines = 2): string[] {
  // Words, and a word too long for a line cut into pieces that fit (an entity kept whole).
  const words = escaped.split(/(?<= )|(?<=[\u2e80-\u9fff\uff00-\uffef])(?=[\u2e80-\u9fff\uff00-\uffef])/).flatMap((word) => {
    if (textWidth(word) <= max) return [word];
    const pieces: string[] = [""];
    for (const c of word.match(/&#?\w+;|[\s\S]/gu) ?? []) {
      if (pieces.at(-1) !== "" && textWidth(pieces.at(-1)! + c) > max) pieces.push("");
      pieces[pieces.length - 1] += c;
    }
    return pieces;
  });
  const out: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && textWidth((line + word).trimEnd()) > max) {
      out.push(line.trimEnd());
      line = "";
    }
    line += word;
  }
  if (line !== "") out.push(line.trimEnd());
  if (out.length <= lines) return out;
  let last = out.slice(lines - 1).join(" ");
  while (last.length > 1 && textWidth(`${last}…`) > max) last = last.slice(0, -1);
  return [...out.slice(0, lines - 1), `${last.trimEnd()}…`];
}

/** A text of one or more lines, the block centred on `y`. */
function svgText(lines: readonly string[], x: number, y: number, anchor: string, className?: string): string {
  const lead = FONT * 1.2;
  const top = y - ((lines.length - 1) * lead) / 2;
  const spans = lines.map((line, i) => `<tspan x="${n(x)}" y="${n(top + i * lead + FONT * 0.35)}">${line}</tspan>`).join("");
  return `<text${className === undefined ? "" : ` class="${className}"`} text-anchor="${anchor}">${spans}</text>`;
}

/**
 * A radar chart of 0-5 scores, one axis a label, with a dashed ring at `bar` and the scale along
 * the first axis. A series is drawn through its answered axes only: an unanswered one is never a
 * 0, and an axis no series answers is labelled so. Labels are HTML already escaped.
 */
export function radar(labels: readonly string[], series: readonly RadarSeries[], bar: number | undefined, title: string, unanswered: string): string {
  const width = 700;
  const r = 170;
  // Room above and below for a label of three lines (two, and "unanswered").
  const height = Math.ceil(2 * (r + 12 + 3 * FONT * 1.2 + 6));
  const c = width / 2;
  const cy = height / 2;
  const room = c - r - 18;
  const count = labels.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / count;
  const point = (i: number, value: number) => `${n(c + Math.cos(angle(i)) * r * (value / 5))},${n(cy + Math.sin(angle(i)) * r * (value / 5))}`;
  const rings = [1, 2, 3, 4, 5].map((v) => `<polygon class="ring" points="${labels.map((_, i) => point(i, v)).join(" ")}"/>`);
  const scale = [1, 2, 3, 4, 5].map((v) => `<text class="tick-label" x="${n(c + 4)}" y="${n(cy - (r * v) / 5 + 11)}">${v}</text>`);
  const barRing = bar === undefined ? "" : `<polygon class="bar" points="${labels.map((_, i) => point(i, bar)).join(" ")}"/>`;
  const empty = labels.map((_, i) => series.every((s) => s.values[i] === undefined));
  const axes = labels.map((_, i) => `<line class="axis${empty[i] ? " none" : ""}" x1="${c}" y1="${cy}" x2="${n(c + Math.cos(angle(i)) * r)}" y2="${n(cy + Math.sin(angle(i)) * r)}"/>`);
  const text = labels.map((label, i) => {
    const cos = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    const side = Math.abs(cos) >= 0.2;
    const lines = labelLines(label, side ? room : 2 * room * 0.8);
    if (empty[i]) lines.push(`(${unanswered})`);
    const x = c + cos * (r + 12);
    const lead = FONT * 1.2 * (lines.length - 1);
    const y = cy + sin * (r + 12) + (side ? 0 : sin > 0 ? lead / 2 + 4 : -lead / 2 - 4);
    return svgText(lines, x, y, side ? (cos > 0 ? "start" : "end") : "middle", empty[i] ? "none" : undefined);
  });
  const shapes = series.map((s) => {
    const points = s.values.flatMap((v, i) => (v === undefined ? [] : [point(i, v)]));
    const dots = s.values.flatMap((v, i) => (v === undefined ? [] : [`<circle class="dot ${s.className}" cx="${point(i, v).split(",")[0]}" cy="${point(i, v).split(",")[1]}" r="2.5"/>`]));
    return `<g><title>${s.label}</title><polygon class="series ${s.className}" points="${points.join(" ")}"/>${dots.join("")}</g>`;
  });
  return `<svg class="chart radar" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${rings.join("")}${barRing}${axes.join("")}${shapes.join("")}${scale.join("")}${text.join("")}</svg>`;
}

export interface BarRow {
  readonly label: string;
  /** 0-5 values, one per series. */
  readonly values: readonly (number | undefined)[];
  /** A marker (target or bar) on the same scale. */
  readonly marker?: number;
}

/**
 * Horizontal bars on the 0-5 scale; several series a row are drawn side by side. The labels'
 * column is as wide as the longest label needs (up to two lines), and an unanswered value is
 * written as such, never drawn as a bar of 0. Labels are HTML already escaped.
 */
export function bars(rows: readonly BarRow[], seriesNames: readonly string[], title: string, unanswered: string, tipSep = " "): string {
  const width = 720;
  const lines = rows.map((row) => labelLines(row.label, 250));
  const labelWidth = Math.ceil(Math.max(60, ...lines.flat().map(textWidth))) + 16;
  const scale = (width - labelWidth - 24) / 5;
  const barHeight = 12;
  const rowHeight = Math.max(seriesNames.length * (barHeight + 2) + 12, 2 * FONT * 1.2 + 10);
  const height = rows.length * rowHeight + 40;
  const ticks = [0, 1, 2, 3, 4, 5].map(
    (v) => `<line class="tick" x1="${n(labelWidth + v * scale)}" y1="8" x2="${n(labelWidth + v * scale)}" y2="${height - 22}"/><text class="tick-label" x="${n(labelWidth + v * scale)}" y="${height - 8}" text-anchor="middle">${v}</text>`,
  );
  const body = rows.map((row, ri) => {
    const top = 12 + ri * rowHeight;
    const drawn = row.values.length * (barHeight + 2) - 2;
    const label = svgText(lines[ri]!, labelWidth - 8, top + drawn / 2, "end");
    const rects = row.values.map((v, si) => {
      const y = top + si * (barHeight + 2);
      const tip = `<title>${seriesNames[si] ?? ""}${tipSep}${v === undefined ? unanswered : v.toFixed(2)}</title>`;
      return v === undefined
        ? `<text class="none" x="${n(labelWidth + 4)}" y="${n(y + barHeight - 2)}">${unanswered}${tip}</text>`
        : `<rect class="bar s${si}" x="${labelWidth}" y="${n(y)}" width="${n(v * scale)}" height="${barHeight}">${tip}</rect>`;
    });
    const marker =
      row.marker === undefined ? "" : `<line class="marker" x1="${n(labelWidth + row.marker * scale)}" y1="${n(top - 2)}" x2="${n(labelWidth + row.marker * scale)}" y2="${n(top + drawn + 2)}"/>`;
    return label + rects.join("") + marker;
  });
  return `<svg class="chart bars" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${ticks.join("")}${body.join("")}</svg>`;
}
