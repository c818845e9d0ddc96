import { displayWidth } from "./width.js";

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const OPENING = /[“‘（《「『【〔〈]/;
const CLOSING = /[，。、；：！？”’）》」』】〕〉…]/;
/** An opening bracket, which (unlike an opening quote) belongs to the word it follows: 3级（稳健级）, 接口（API）. */
const BRACKET = /[（《「『【〔〈]/;
/** The widest a bracket may be, brackets included, to stay with the word before it as its gloss. */
const GLOSS = 20;

/**
 * Whether the bracket that opens piece `i` is a short gloss of the word before it (3级（稳健级）,
 * 接口（API）, 中心（城市大脑）): closed within GLOSS columns, with no clause in it. A longer
 * aside (（如在规定天数内完成更新的记录占比）) may start a line, as Chinese allows.
 */
function gloss(pieces: readonly { piece: string }[], i: number): boolean {
  if (!BRACKET.test(pieces[i]!.piece.charAt(0))) return false;
  let text = "";
  for (let k = i; k < pieces.length && displayWidth(text) <= GLOSS; k++) {
    text += pieces[k]!.piece;
    const close = text.search(/[）》」』】〕〉]/);
    if (close >= 0) return displayWidth(text.slice(0, close + 1)) <= GLOSS && !/[，。、；：！？]/.test(text.slice(0, close));
  }
  return false;
}

/**
 * Where a phrase too wide for a line may break before a bracket: after a word, and before a
 * number with its unit rather than between them and their bracket ("等级为／3级（稳健级）").
 */
const BEFORE_BRACKET = /(?<=[^\s“‘（《「『【〔〈])(?<![0-9.][级个项件次年月日名位家倍万人]?)(?=(?:[0-9][0-9.]*[级个项件次年月日名位家倍万人]?)?[（《「『【〔〈])/u;
const ANY_SPECIAL = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef“‘（《「『【〔〈，。、；：！？”’）》」』】〕〉…]/;

/**
 * The pieces a line may break between: words of Latin text, and single Chinese characters, each
 * with the punctuation that must stay on its line (a closing mark after it, an opening one before).
 */
export function breakable(text: string): { piece: string; spaced: boolean }[] {
  // Text with no wide character and no CJK punctuation breaks between words only.
  if (!ANY_SPECIAL.test(text)) return text.trim().split(/ +/).filter((word) => word !== "").map((piece, i) => ({ piece, spaced: i > 0 }));
  const pieces: { piece: string; spaced: boolean }[] = [];
  for (const word of text.trim().split(/ +/)) {
    let spaced = pieces.length > 0;
    let current = "";
    let open = false;
    const flush = () => {
      if (current === "") return;
      pieces.push({ piece: current, spaced });
      current = "";
      spaced = false;
    };
    for (const char of word) {
      const wide = CJK.test(char);
      if (CLOSING.test(char)) current += char;
      else if (OPENING.test(char)) {
        if (!open) flush();
        current += char;
        open = true;
        continue;
      } else if (wide) {
        if (!open) flush();
        current += char;
      } else {
        if (current !== "" && CJK.test(current.slice(-1)) && !open) flush();
        current += char;
      }
      open = false;
    }
    flush();
  }
  return pieces;
}

/**
 * The pieces a line may break between when no word may be split: words of Latin text, and runs
 * of Chinese that end after punctuation (，。、；：？！）” and the like) or before an opening
 * quote (“). Chinese has no spaces between its words, and a break between two characters may fall
 * inside one ("若／干", "信／息"), so a run of Chinese characters, digits and Latin letters with no
 * punctuation or space in it is not broken: it goes whole onto the next line. A short bracket
 * that follows a word stays with it (see `gloss`), as a level's name with its number (3级（稳健级）),
 * a gloss with its term (接口（API）) and a score with its dimension (多方参与（2.44 < 3.00）);
 * a longer aside may start a line, as an opening quote may. Only a run wider
 * than `room` columns (a whole line) is broken: before such a bracket, where a Chinese table puts
 * a gloss that does not fit ("城市运行管理中心／（城市大脑）"), and then after the particle 的,
 * which ends the word before it ("负责人的／牵头机构"); one with neither stands on a line longer
 * than the width. A code span between backticks is one piece, spaces and all.
 */
export function phrases(text: string, room = Infinity): { piece: string; spaced: boolean }[] {
  // Text with no wide character, no CJK punctuation and no code span is its words, as they are.
  if (!ANY_SPECIAL.test(text) && !text.includes("`")) return breakable(text);
  const out: { piece: string; spaced: boolean }[] = [];
  // A code span (`smartregion validate FILE`) is typed as it is: it is never broken. A backtick
  // with no partner after it opens nothing.
  const ticks = (piece: string) => piece.split("`").length - 1;
  let left = ticks(text);
  let inCode = false;
  const pieces = breakable(text);
  for (const [i, next] of pieces.entries()) {
    const last = out.at(-1);
    const open = OPENING.test(next.piece.charAt(0));
    const own = ticks(next.piece);
    const wasInCode = inCode;
    left -= own;
    if (own % 2 === 1) inCode = !inCode && left > 0;
    if (last !== undefined && wasInCode) last.piece += `${next.spaced ? " " : ""}${next.piece}`;
    else if (last === undefined || next.spaced || CLOSING.test(last.piece.slice(-1)) || (open && !OPENING.test(last.piece.slice(-1)) && !gloss(pieces, i))) out.push({ ...next });
    else last.piece += next.piece;
  }
  const wide = (piece: string) => displayWidth(piece) > room;
  return out.flatMap((phrase) => {
    if (!wide(phrase.piece)) return [phrase];
    const parts = phrase.piece.split(BEFORE_BRACKET).flatMap((part) => (wide(part) ? part.split(/(?<=的)(?=\p{Script=Han})/u) : [part]));
    return parts.map((piece, i) => ({ piece, spaced: i === 0 ? phrase.spaced : false }));
  });
}

/**
 * `text` in lines of at most `width` terminal columns, broken between words (and Chinese between
 * phrases, keeping punctuation on its line): the first line starts with `first`, the others
 * with `hang`. A text that fits is returned as it is, spaces and all; a word longer than a line
 * is cut.
 */
export function wrapText(text: string, width: number, first = "", hang = ""): string[] {
  if (displayWidth(first) + displayWidth(text) <= width) return [`${first}${text}`];
  // A line of output that starts with "::" or "##[" is a command to a CI runner: input text that
  // holds one is never broken there, even if the line grows past the width.
  const lines: string[] = [];
  let line = first;
  let lead = first;
  let empty = true;
  // Chinese breaks between phrases (see `phrases`), so that no word is split; only a phrase
  // wider than the line is cut where the line ends.
  for (const { piece, spaced } of phrases(text, Math.max(1, width - Math.max(displayWidth(first), displayWidth(hang))))) {
    const gap = spaced && !empty ? " " : "";
    let rest = piece;
    if (!empty && displayWidth(line) + gap.length + displayWidth(piece) > width && !commandLike(piece)) {
      // A Chinese phrase that does not fit fills the line up to a word it may break after (的)
      // rather than leave the line short: "连续地域的／若干地方政府组成的区域。"
      const head = afterDe(piece, width - displayWidth(line) - gap.length);
      lines.push(head === undefined ? line : `${line}${gap}${head}`);
      if (head !== undefined) rest = piece.slice(head.length);
      line = hang;
      lead = hang;
      empty = true;
    }
    // A piece wider than a whole line (a long path, a URL) is cut where the line ends.
    while (displayWidth(lead) + displayWidth(rest) > width && [...rest].length > 1) {
      const room = Math.max(1, width - displayWidth(line) - (empty ? 0 : gap.length));
      let [head, tail] = cut(rest, room);
      // A path or a URL is cut after a slash where one fits ("riverton-review/", "second-assessor.yaml"),
      // a hyphenated word after its hyphen ("Machine-", "readable").
      const slash = head.lastIndexOf("/") + 1;
      const dash = Math.max(head.lastIndexOf("-"), head.lastIndexOf("–")) + 1;
      if (tail !== "" && slash > 0 && slash < head.length) [head, tail] = [rest.slice(0, slash), rest.slice(slash)];
      else if (tail !== "" && dash > 1 && dash < head.length) [head, tail] = [rest.slice(0, dash), rest.slice(dash)];
      // Cut sooner than a place where the rest would read as a command.
      for (let tries = 0; commandLike(tail) && tries < 8; tries++) {
        const shorter = cut(rest, Math.max(0, displayWidth(head) - 1));
        if (shorter[0].length >= head.length || shorter[0] === "") break;
        [head, tail] = shorter;
      }
      if (head === "") break;
      lines.push(`${line}${empty ? "" : gap}${head}`);
      line = hang;
      lead = hang;
      empty = true;
      rest = tail;
    }
    line = `${line}${empty ? "" : gap}${rest}`;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd());
}

/**
 * The longest start of a Chinese phrase that fits in `room` columns and ends with the particle 的
 * before another Chinese character: the end of a word, where a line may break ("负责人的／牵头机构").
 * Undefined when there is none (的确 is one word).
 */
function afterDe(piece: string, room: number): string | undefined {
  let best: string | undefined;
  for (let at = piece.indexOf("的"); at > 0; at = piece.indexOf("的", at + 1)) {
    const next = piece.charAt(at + 1);
    if (!/\p{Script=Han}/u.test(next) || next === "确") continue;
    const head = piece.slice(0, at + 1);
    if (displayWidth(head) > room) break;
    best = head;
  }
  return best;
}

/**
 * The first characters of `text` that fit in `room` columns, and the rest; a colour code is never
 * split. The cut goes back, while there is a character left before it, from a place a Chinese
 * line may not break: before closing punctuation, after an opening mark, and inside a number or
 * between a number and its unit (3.30, 3级, 12个).
 */
function cut(text: string, room: number): [string, string] {
  // The characters that fit, and the first that does not (read no further: a piece may be long).
  const tokens: string[] = [];
  let fit = -1;
  let width = 0;
  for (const [token] of text.matchAll(/\x1b\[[0-9;]*m|[\s\S]/gu)) {
    tokens.push(token);
    if ((width += displayWidth(token)) > room) {
      fit = tokens.length - 1;
      break;
    }
  }
  if (fit < 0) fit = tokens.length;
  const visible = (from: number, step: 1 | -1) => {
    for (let i = from; i >= 0 && i < tokens.length; i += step) if (!ANSI_TOKEN.test(tokens[i]!)) return tokens[i]!;
    return "";
  };
  const allowed = (at: number) => breaksBetween(visible(at - 1, -1), visible(at, 1));
  let at = fit;
  while (at > 1 && !allowed(at)) at--;
  const head = tokens.slice(0, allowed(at) ? at : fit).join("");
  return [head, text.slice(head.length)];
}

const ANSI_TOKEN = /^\x1b\[[0-9;]*m$/;
/** A number's digits and marks, and the units that follow one in Chinese. */
const NUMBER = /[0-9.,%]/;
const UNIT = /[级个项件次年月日名位家倍万人]/;

/** Whether a line may break between the characters `before` and `after`. */
function breaksBetween(before: string, after: string): boolean {
  if (before === "" || after === "") return true;
  if (CLOSING.test(after) || OPENING.test(before)) return false;
  return !(/[0-9]/.test(before) && (NUMBER.test(after) || UNIT.test(after))) && !(/[.,]/.test(before) && /[0-9]/.test(after));
}

/** A terminal colour code: no width of its own, and never to be split. */
export const ANSI = /\x1b\[[0-9;]*m/g;
/** Whether a line that started with this would be taken as a CI command (GitHub's `::`, Azure's `##[`). */
const commandLike = (text: string) => /^(?:::|##\[)/.test(text.replace(ANSI, ""));
