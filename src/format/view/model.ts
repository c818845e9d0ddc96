import type { Finding } from "../../model/findings.js";

/**
 * The document every human format draws: score, report and diff each lay out their sections
 * once, as these blocks, and the terminal, Markdown and HTML renderers each draw them in their
 * own way. Texts from the input are already made safe for the medium by the `Names` the
 * sections were built with; tones and structure are the renderer's.
 */
export type Medium = "terminal" | "markdown" | "html";

export type Tone = "strong" | "em" | "dim" | "good" | "bad" | "warn";

/**
 * A run of text: plain, toned, pieces one after another, a web link (its address as read, each
 * medium escaping it its own way), lines stacked in one cell, or a name shown as written.
 */
export type Inline =
  | string
  | { readonly tone: Tone; readonly text: Inline }
  | { readonly link: string; readonly text: Inline }
  | { readonly stack: readonly Inline[] }
  /** A name as read (a file), shown as written: each medium escapes it its own way. */
  | { readonly code: string }
  | readonly Inline[];

/** The one part of an inline that is not plain text or a list, by its kind. */
export type InlinePart = Exclude<Inline, string | readonly Inline[]>;

/** Draws an inline: each medium says how a tone, a link and a stack look. */
export function drawInline(
  text: Inline,
  draw: { tone: (tone: Tone, s: string) => string; link: (href: string, s: string) => string; stack: (lines: readonly string[]) => string; code: (raw: string) => string },
): string {
  if (typeof text === "string") return text;
  if (Array.isArray(text)) return (text as readonly Inline[]).map((t) => drawInline(t, draw)).join("");
  const part = text as InlinePart;
  if ("link" in part) return draw.link(part.link, drawInline(part.text, draw));
  if ("code" in part) return draw.code(part.code);
  if ("stack" in part) return draw.stack(part.stack.map((t) => drawInline(t, draw)));
  return draw.tone(part.tone, drawInline(part.text, draw));
}

/** An address that may be linked: http and https only, as the URL parser writes it; anything else stays text. */
export function webLink(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export const tone = (t: Tone, text: Inline): Inline => ({ tone: t, text });
export const strong = (text: Inline): Inline => tone("strong", text);

/** The text without the strong tone it opens with: a value after a strong label needs none. */
export const unstressed = (text: Inline): Inline => (typeof text === "object" && !Array.isArray(text) && (text as { tone?: Tone }).tone === "strong" ? (text as { text: Inline }).text : text);

export interface Fact {
  readonly label: string;
  readonly value: Inline;
  /** Said after the value, or under it on a card. */
  readonly detail?: Inline;
}

export interface Column {
  readonly head: string;
  readonly align?: "left" | "right";
  /** Cells kept on one line (dates). */
  readonly nowrap?: boolean;
  /** Drawn only in these media (the terminal's bar of 0 to 5, for one). */
  readonly only?: readonly Medium[];
}

export interface Row {
  readonly cells: readonly Inline[];
  /** A group's own row (a stage), its first cell strong; or a row under it, indented. */
  readonly kind?: "group" | "member";
}

export interface Step {
  readonly title: Inline;
  readonly aside: Inline;
  readonly from: number;
  readonly to: number;
  readonly level: Inline;
  readonly advice: Inline;
}

export interface RadarSeries {
  readonly label: string;
  readonly values: readonly (number | undefined)[];
  readonly className: string;
}

export type Chart =
  | { readonly kind: "radar"; readonly labels: readonly string[]; readonly series: readonly RadarSeries[]; readonly bar: number | undefined }
  | {
      readonly kind: "bars";
      readonly items: readonly { readonly label: string; readonly values: readonly (number | undefined)[]; readonly marker?: number }[];
      readonly series: readonly string[];
      readonly legend: boolean;
    };

/** Blocks a medium may leave out: a document's register and method are for readers of HTML and Markdown. */
interface Scoped {
  readonly only?: readonly Medium[];
}

export type Block = (

  /** The title of a whole document. */
  | { readonly type: "title"; readonly text: Inline }
  /** A subject's heading: its name, its kind, and the date and file it was read from (these two as read: each medium shows them its own way). */
  | { readonly type: "subject"; readonly name: Inline; readonly kind: string; readonly date: string; readonly file: string; readonly by?: Inline }
  /** Facts: as cards, as a grid of labels and values, or one a line. */
  | { readonly type: "facts"; readonly items: readonly Fact[]; readonly cards?: boolean; readonly grid?: boolean }
  | { readonly type: "paragraph"; readonly text: Inline; readonly tone?: Tone; readonly small?: boolean }
  | { readonly type: "heading"; readonly level: 2 | 3; readonly text: Inline }
  /** A table; a dense one (an appendix) is set smaller. */
  | { readonly type: "table"; readonly columns: readonly Column[]; readonly rows: readonly Row[]; readonly dense?: boolean }
  | { readonly type: "list"; readonly items: readonly Inline[]; readonly ordered?: boolean }
  /** Terms and what they mean. */
  | { readonly type: "terms"; readonly items: readonly (readonly [Inline, Inline])[] }
  | { readonly type: "section"; readonly level: 2 | 3 | 4; readonly title: Inline; readonly aside?: Inline; readonly blocks: readonly Block[] }
  /** The steps of a plan: which indicator goes from which level to which, and how. */
  | { readonly type: "steps"; readonly intro: Inline; readonly steps: readonly Step[] }
  /** Problems found in files, by position. */
  | { readonly type: "findings"; readonly findings: readonly Finding[] }
  /** A picture; the media that cannot draw one leave it out. */
  | { readonly type: "chart"; readonly chart: Chart; readonly title: string; readonly caption: string }
) &
  Scoped;
