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

/** A radar chart of 0-5 scores, one axis a label, with a dashed ring at `bar`. Labels are HTML already escaped. */
export function radar(labels: readonly string[], series: readonly RadarSeries[], bar: number | undefined, title: string): string {
  const width = 860;
  const height = 500;
  const c = width / 2;
  const cy = height / 2;
  const r = 180;
  const count = labels.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / count;
  const point = (i: number, value: number) => `${n(c + Math.cos(angle(i)) * r * (value / 5))},${n(cy + Math.sin(angle(i)) * r * (value / 5))}`;
  const rings = [1, 2, 3, 4, 5].map((v) => `<polygon class="ring" points="${labels.map((_, i) => point(i, v)).join(" ")}"/>`);
  const barRing = bar === undefined ? "" : `<polygon class="bar" points="${labels.map((_, i) => point(i, bar)).join(" ")}"/>`;
  const axes = labels.map((_, i) => `<line class="axis" x1="${c}" y1="${cy}" x2="${n(c + Math.cos(angle(i)) * r)}" y2="${n(cy + Math.sin(angle(i)) * r)}"/>`);
  const text = labels.map((label, i) => {
    const x = c + Math.cos(angle(i)) * (r + 14);
    const y = cy + Math.sin(angle(i)) * (r + 14);
    const anchor = Math.abs(Math.cos(angle(i))) < 0.2 ? "middle" : Math.cos(angle(i)) > 0 ? "start" : "end";
    return `<text x="${n(x)}" y="${n(y + 4)}" text-anchor="${anchor}">${label}</text>`;
  });
  const shapes = series.map(
    (s) => `<polygon class="series ${s.className}" points="${s.values.map((v, i) => point(i, v ?? 0)).join(" ")}"><title>${s.label}</title></polygon>`,
  );
  return `<svg class="chart radar" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${rings.join("")}${barRing}${axes.join("")}${shapes.join("")}${text.join("")}</svg>`;
}

export interface BarRow {
  readonly label: string;
  /** 0-5 values, one per series. */
  readonly values: readonly (number | undefined)[];
  /** A marker (target or bar) on the same scale. */
  readonly marker?: number;
}

/** Horizontal bars on the 0-5 scale; several series a row are drawn side by side. Labels are HTML already escaped. */
export function bars(rows: readonly BarRow[], seriesNames: readonly string[], title: string): string {
  const labelWidth = 260;
  const width = 720;
  const scale = (width - labelWidth - 40) / 5;
  const barHeight = 12;
  const rowHeight = seriesNames.length * (barHeight + 2) + 12;
  const height = rows.length * rowHeight + 40;
  const ticks = [0, 1, 2, 3, 4, 5].map(
    (v) => `<line class="tick" x1="${n(labelWidth + v * scale)}" y1="8" x2="${n(labelWidth + v * scale)}" y2="${height - 22}"/><text class="tick-label" x="${n(labelWidth + v * scale)}" y="${height - 8}" text-anchor="middle">${v}</text>`,
  );
  const body = rows.map((row, ri) => {
    const top = 12 + ri * rowHeight;
    const label = `<text x="${labelWidth - 8}" y="${n(top + (rowHeight - 12) / 2 + 4)}" text-anchor="end">${row.label}</text>`;
    const rects = row.values.map((v, si) => {
      const y = top + si * (barHeight + 2);
      return `<rect class="bar s${si}" x="${labelWidth}" y="${n(y)}" width="${n((v ?? 0) * scale)}" height="${barHeight}"><title>${seriesNames[si] ?? ""} ${v === undefined ? "–" : v.toFixed(2)}</title></rect>`;
    });
    const marker =
      row.marker === undefined ? "" : `<line class="marker" x1="${n(labelWidth + row.marker * scale)}" y1="${n(top - 2)}" x2="${n(labelWidth + row.marker * scale)}" y2="${n(top + rowHeight - 10)}"/>`;
    return label + rects.join("") + marker;
  });
  return `<svg class="chart bars" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${ticks.join("")}${body.join("")}</svg>`;
}
