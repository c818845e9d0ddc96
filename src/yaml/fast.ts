/**
 * A quick reader for the plain block YAML that assessments are written in: mappings with
 * simple keys, block sequences, and one-line scalars, plain or quoted. It gives exactly the data
 * the full parser gives for such text, ten times sooner, and gives up (returns `undefined`) at
 * the first thing outside that subset — flow collections, anchors, tags, block scalars,
 * escapes, multi-line scalars, duplicate keys, anything odd — so the full parser, which keeps
 * positions and explains every problem, reads it instead.
 *
 * Positions are kept only when asked for (`spotsFast`): a file's problems are placed by a second
 * quick read that notes where each key and value starts, as the full parser would place them.
 */

/** A line and a column, from 1. */
interface Position {
  readonly line: number;
  readonly col: number;
}

/**
 * Where the quick reader found things, by the mappings and sequences of the data it made: each
 * key's place and its value's (undefined for an empty one), each item's.
 */
export type Spots = WeakMap<object, { readonly keys: Map<string, { key: Position; value: Position | undefined }> } | { readonly items: (Position | undefined)[] }>;

/** Returned by the inner functions to say "not in the subset". */
const GIVE_UP: unique symbol = Symbol("give-up");
type Value = unknown;

interface Line {
  /** The line's number in the text, from 1. */
  no: number;
  /** Where the line ends, trailing spaces included, as a column from 1: an empty value stands there. */
  end: number;
  indent: number;
  /** The line without its indentation and trailing spaces; comment-only lines are dropped. */
  text: string;
  /** Where `text` starts in the whole text: keys are read there, from the one flat string, not from `text`. */
  at: number;
  /** Blank lines just before this one: they matter inside a multi-line scalar. */
  blanks: number;
  /** Whether a comment line came just before this one (a multi-line scalar cannot go on past it). */
  afterComment: boolean;
}

/**
 * Characters the fast path never handles: controls, tabs, YAML 1.1's extra line breaks, and the
 * white space that JavaScript trims but YAML keeps as text (U+00A0, U+3000 and the like), so
 * that `name: 杭州<U+3000>` keeps its last character; and a carriage return that is not
 * part of a CRLF line end. One pattern, so the text is searched once.
 */
const AWKWARD = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|\r(?!\n)/;
/** A key this long or longer is for the full parser, which refuses one of over 1024 characters. */
const LONG_KEY = 1024;
/** Key characters by code: 1 for a letter, digit or `_` (which may start a key), 2 for `.`, `/` and `-` too. */
const KEY_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_]/.test(ch)) KEY_CHAR[c] = 1;
  else if (/[./-]/.test(ch)) KEY_CHAR[c] = 2;
}

/** Where the value of the last key `keyLength` found starts: after the colon and its spaces. */
let valueStart = 0;
/** A hash of the last key `keyLength` found, for `KEYS`. */
let keyHash = 0;

/**
 * A block mapping key (a word, then `:` and a space or the end of the line) at `at` in
 * `source`, a line's text of `length` characters, found without a regular expression or the
 * array it makes: the key's length, or -1; `valueStart` is then where its value starts in the
 * line's text, and `keyHash` a hash of the key.
 */
function keyLength(source: string, at: number, length: number): number {
  const first = source.charCodeAt(at);
  if (!(length > 0 && first < 128 && KEY_CHAR[first] === 1)) return -1;
  const stop = at + length;
  let hash = first;
  let i = at + 1;
  for (; i < stop; i++) {
    const c = source.charCodeAt(i);
    if (!(c < 128 && KEY_CHAR[c] !== 0)) break;
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  if (i === stop || source.charCodeAt(i) !== 58 /* : */) return -1;
  let rest = i + 1;
  if (rest < stop && source.charCodeAt(rest) !== 32) return -1;
  while (rest < stop && source.charCodeAt(rest) === 32) rest++;
  valueStart = rest - at;
  keyHash = hash;
  return i - at;
}

/**
 * Keys met before, as the strings the engine keeps for property names. The same few keys come
 * back in file after file (level, evidence, an indicator's id): a property set with a key cut
 * freshly from the text costs the engine a search for its name every time, one found here does not.
 * A key is kept only once it has passed as a plain string key that is not `__proto__`.
 */
const KEYS: (string | undefined)[] = new Array<string | undefined>(4096).fill(undefined);

/** Whether `source` holds `word` at `at`, compared character by character (sooner than startsWith for a short word). */
function sameAt(source: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (source.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** The key of `length` characters at `at` in `source` (as `keyLength` found it), or undefined if it is no plain string key. */
function keyOf(source: string, at: number, length: number): string | undefined {
  const slot = keyHash & 4095;
  const known = KEYS[slot];
  if (known !== undefined && known.length === length && sameAt(source, at, known)) return known;
  const key = source.slice(at, at + length);
  if (key === "__proto__" || typeof plain(key) !== "string") return undefined;
  // The engine's own copy of the name, which a property set finds at once.
  const name = Object.keys({ [key]: 0 })[0]!;
  KEYS[slot] = name;
  return name;
}

// YAML 1.2 core schema, as the full parser resolves plain scalars.
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const SIMPLE_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
const ANY_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * The data of `text` when it is a mapping in the plain block subset, else `undefined`. A line
 * holds at most two entries here (`- key: value`), so a text of more than `maxEntries / 2`
 * lines is handed to the full parser, which counts them and says where the limit is passed.
 */
export function parseFast(text: string, maxDepth: number, maxEntries = Infinity, spots?: Spots): Record<string, Value> | undefined {
  if (AWKWARD.test(text)) return undefined;
  const lines = splitLines(text);
  if (lines === undefined || lines.length === 0 || lines[0]!.indent !== 0 || isItem(lines[0]!.text)) return undefined;
  if (lines.length * 2 > maxEntries) return undefined;
  const reader = new Reader(text, lines, maxDepth, spots);
  try {
    const root = reader.block(0, 0, 1);
    if (root === GIVE_UP || reader.at !== lines.length) return undefined;
    return root as Record<string, Value>;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** Where the first key of a text the quick reader reads stands: where the full parser places the document. */
export function firstSpot(text: string): Position | undefined {
  const first = splitLines(text)?.[0];
  return first === undefined ? undefined : { line: first.no, col: first.indent + 1 };
}

function splitLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let first = true;
  let blanks = 0;
  let afterComment = false;
  let no = 0;
  for (let start = 0; start <= text.length; ) {
    let stop = text.indexOf("\n", start);
    if (stop < 0) stop = text.length;
    const next = stop + 1;
    no++;
    // The line is text[start, end), without its CR.
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    let body = start;
    while (body < end && text.charCodeAt(body) === 32) body++;
    if (body === end) {
      blanks++;
      start = next;
      continue;
    }
    if (text.charCodeAt(body) === 35 /* # */) {
      afterComment = true;
      start = next;
      continue;
    }
    // Trailing white space is only spaces here: tabs and the like never reach this far.
    let last = end;
    while (text.charCodeAt(last - 1) === 32) last--;
    if (last - body > LONG_KEY) {
      const colon = text.indexOf(":", body);
      if (colon >= 0 && colon < last && colon - body >= LONG_KEY) return undefined;
    }
    const indent = body - start;
    if (first && indent === 0 && last - body === 3 && text.startsWith("---", body)) {
      first = false;
      start = next;
      continue;
    }
    first = false;
    lines.push({ no, end: end - start + 1, indent, text: text.slice(body, last), at: body, blanks, afterComment });
    blanks = 0;
    afterComment = false;
    start = next;
  }
  return lines;
}

const isItem = (text: string): boolean => text === "-" || text.startsWith("- ");

class Reader {
  at = 0;
  constructor(
    /** The whole text, which each line's `at` points into. */
    private readonly source: string,
    private readonly lines: Line[],
    private readonly maxDepth: number,
    private readonly spots?: Spots,
  ) {}

  /** Where the next line's content starts, as the full parser places the node it opens. */
  private here(): Position | undefined {
    const next = this.lines[this.at];
    return next === undefined ? undefined : { line: next.no, col: next.indent + 1 };
  }

  /** A mapping or a sequence whose lines start at `indent`. */
  block(start: number, indent: number, depth: number): Value {
    if (depth > this.maxDepth) throw GIVE_UP;
    this.at = start;
    return isItem(this.lines[start]!.text) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  /** The block after a line that ends in `key:` or `-`, or null when nothing is nested. */
  private nested(parentIndent: number, depth: number, sequenceAllowed: boolean): Value {
    const next = this.lines[this.at];
    if (next === undefined || next.indent < parentIndent) return null;
    if (next.indent > parentIndent) return this.block(this.at, next.indent, depth + 1);
    // A sequence may sit at its key's own indentation.
    if (sequenceAllowed && isItem(next.text)) {
      if (depth + 1 > this.maxDepth) throw GIVE_UP;
      return this.sequence(parentIndent, depth + 1);
    }
    return null;
  }

  /** After a one-line value, the next line may not be deeper (that would be a continuation). */
  private noContinuation(indent: number): void {
    const next = this.lines[this.at];
    if (next !== undefined && next.indent > indent) throw GIVE_UP;
  }

  private mapping(indent: number, depth: number): Record<string, Value> {
    const map: Record<string, Value> = {};
    const keys = this.spots === undefined ? undefined : new Map<string, { key: Position; value: Position | undefined }>();
    if (keys !== undefined) this.spots!.set(map, { keys });
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw GIVE_UP;
      const length = keyLength(this.source, line.at, line.text.length);
      if (length < 0) throw GIVE_UP;
      const start = valueStart;
      const key = keyOf(this.source, line.at, length);
      if (key === undefined || Object.hasOwn(map, key)) throw GIVE_UP;
      this.at++;
      if (start === line.text.length || line.text.charCodeAt(start) === 35 /* # */) {
        if (keys === undefined) {
          map[key] = this.nested(indent, depth, true);
          continue;
        }
        const at = this.here();
        const value = (map[key] = this.nested(indent, depth, true));
        // An empty value stands after the colon and its spaces, before any comment.
        const empty = { line: line.no, col: start === line.text.length ? line.end : line.indent + start + 1 };
        keys.set(key, { key: { line: line.no, col: line.indent + 1 }, value: value === null ? empty : at });
      } else {
        keys?.set(key, { key: { line: line.no, col: line.indent + 1 }, value: { line: line.no, col: line.indent + start + 1 } });
        map[key] = this.scalar(line.text.slice(start), indent);
        this.noContinuation(indent);
      }
    }
    return map;
  }

  private sequence(indent: number, depth: number): Value[] {
    const list: Value[] = [];
    const items = this.spots === undefined ? undefined : ([] as (Position | undefined)[]);
    if (items !== undefined) this.spots!.set(list, { items });
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw GIVE_UP;
      if (!isItem(line.text)) break;
      if (line.text === "-") {
        this.at++;
        const at = items === undefined ? undefined : this.here();
        list.push(this.nested(indent, depth, false));
        items?.push(list.at(-1) === null ? { line: line.no, col: line.end } : at);
        continue;
      }
      let offset = 2;
      while (line.text.charCodeAt(offset) === 32) offset++;
      const rest = line.text.slice(offset);
      if (rest.startsWith("#")) {
        this.at++;
        const at = items === undefined ? undefined : this.here();
        list.push(this.nested(indent, depth, false));
        items?.push(list.at(-1) === null ? { line: line.no, col: line.indent + offset + 1 } : at);
      } else if (keyLength(this.source, line.at + offset, rest.length) >= 0) {
        // `- key: value` opens a mapping whose keys line up with `key`.
        if (depth + 1 > this.maxDepth) throw GIVE_UP;
        items?.push({ line: line.no, col: line.indent + offset + 1 });
        // The line is this read's own: it is changed in place rather than copied.
        line.indent = indent + offset;
        line.text = rest;
        line.at += offset;
        list.push(this.mapping(indent + offset, depth + 1));
      } else {
        this.at++;
        items?.push({ line: line.no, col: line.indent + offset + 1 });
        list.push(this.scalar(rest, indent));
        this.noContinuation(indent);
      }
    }
    return list;
  }

  /**
   * A scalar that starts on the current line (already consumed) after its key or dash, and
   * may go on over lines deeper than `parent`, folded as YAML folds them.
   */
  private scalar(text: string, parent: number): Value {
    const first = text.charCodeAt(0);
    if (first === 34 /* " */ || first === 39 /* ' */) return this.quoted(text, parent, first === 34 ? '"' : "'");
    const comment = text.indexOf(" #");
    let body = comment < 0 ? text : text.slice(0, comment).trimEnd();
    if (!this.continues(parent)) return plain(body);
    if (comment >= 0) throw GIVE_UP;
    while (this.continues(parent)) {
      const line = this.lines[this.at++]!;
      if (line.text.includes(" #") || /^[-?:,[\]{}#&*!|>'"%@`]/.test(line.text)) throw GIVE_UP;
      body += this.fold(line) + line.text;
    }
    if (/:(?:\s|$)/.test(body)) throw GIVE_UP;
    return plain(body);
  }

  /** Whether the next line carries on a scalar begun above it. */
  private continues(parent: number): boolean {
    const next = this.lines[this.at];
    if (next === undefined || next.indent <= parent) return false;
    if (next.afterComment) throw GIVE_UP;
    return true;
  }

  /** What a line break becomes inside a flow scalar: a space, or one newline per blank line. */
  private fold(line: Line): string {
    return line.blanks === 0 ? " " : "\n".repeat(line.blanks);
  }

  private quoted(text: string, parent: number, quote: '"' | "'"): Value {
    let segment = text.slice(1);
    let value = "";
    for (;;) {
      const end = closing(segment, quote);
      const content = end < 0 ? segment : segment.slice(0, end);
      if (quote === '"' && content.includes("\\")) throw GIVE_UP;
      value += quote === "'" && doubled ? content.replaceAll("''", "'") : content;
      if (end >= 0) {
        afterQuote(segment.slice(end + 1));
        return value;
      }
      // The scalar goes on: an empty first or last piece folds in ways not worth copying here.
      if (content === "" || !this.continues(parent)) throw GIVE_UP;
      const line = this.lines[this.at++]!;
      value += this.fold(line);
      segment = line.text;
    }
  }
}

function afterQuote(rest: string): void {
  if (rest !== "" && !/^ +(?:#.*)?$/.test(rest)) throw GIVE_UP;
}

/** Whether the last `closing` of a single-quoted scalar passed over a doubled quote (`''`, one quote in the value). */
let doubled = false;

/** Where the closing quote stands in `text`, or -1. */
function closing(text: string, quote: '"' | "'"): number {
  if (quote === '"') return text.indexOf('"');
  let at = 0;
  doubled = false;
  for (;;) {
    at = text.indexOf("'", at);
    if (at < 0 || text.charCodeAt(at + 1) !== 39) return at;
    doubled = true;
    at += 2;
  }
}

/** Characters a plain scalar may not start with (a flow, an indicator, a quote, a directive). */
const SPECIAL_START = new Uint8Array(128);
for (const c of "-?:,[]{}#&*!|>'\"%@`") SPECIAL_START[c.charCodeAt(0)] = 1;

/**
 * A plain scalar resolved by the core schema; anything unusual gives up. Each pattern is tried
 * only on text whose first character it can match: most values are words, never a null, a
 * boolean or a number.
 */
function plain(text: string): Value {
  const first = text.charCodeAt(0);
  if (text === "" || (first < 128 && SPECIAL_START[first] === 1)) {
    // A leading minus is fine when it is a number: `-1`.
    if (!(first === 45 /* - */ && text.charCodeAt(1) >= 48 && text.charCodeAt(1) <= 57)) throw GIVE_UP;
  }
  if (text.includes(": ") || text.charCodeAt(text.length - 1) === 58 /* : */) throw GIVE_UP;
  switch (first) {
    case 126 /* ~ */:
    case 110 /* n */:
    case 78 /* N */:
      return NULL.test(text) ? null : text;
    case 116 /* t */:
    case 84 /* T */:
      return TRUE.test(text) ? true : text;
    case 102 /* f */:
    case 70 /* F */:
      return FALSE.test(text) ? false : text;
    case 46 /* . */:
    case 43 /* + */:
    case 45 /* - */:
      break;
    default:
      if (first < 48 || first > 57) return text;
  }
  if (ANY_NUMBER.test(text)) {
    if (SIMPLE_NUMBER.test(text)) return Number(text);
    throw GIVE_UP;
  }
  return text;
}
