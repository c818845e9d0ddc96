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

/**
 * The lines of the text being read, blank and comment-only lines left out: columns of numbers,
 * one entry a line, rather than an object and a string a line. A line's content is its text
 * without indentation and trailing spaces, read from the one flat string where it stands. One
 * set serves every read in the thread (no read is ever inside another), grown as texts need.
 */
class Lines {
  /** The line's number in the text, from 1. */
  no = new Int32Array(256);
  /** Where the line ends, trailing spaces included, as a column from 1: an empty value stands there. */
  end = new Int32Array(256);
  indent = new Int32Array(256);
  /** Where the content starts in the whole text. */
  at = new Int32Array(256);
  /** The content's length. */
  length = new Int32Array(256);
  /** Blank lines just before this one: they matter inside a multi-line scalar. */
  blanks = new Int32Array(256);
  /** 1 when a comment line came just before this one (a multi-line scalar cannot go on past it). */
  afterComment = new Uint8Array(256);

  /** Room for `count` lines, keeping those already there. */
  grow(count: number): void {
    const size = Math.max(count, this.no.length * 2);
    const more = <T extends Int32Array | Uint8Array>(old: T, make: new (n: number) => T): T => {
      const next = new make(size);
      next.set(old);
      return next;
    };
    this.no = more(this.no, Int32Array);
    this.end = more(this.end, Int32Array);
    this.indent = more(this.indent, Int32Array);
    this.at = more(this.at, Int32Array);
    this.length = more(this.length, Int32Array);
    this.blanks = more(this.blanks, Int32Array);
    this.afterComment = more(this.afterComment, Uint8Array);
  }
}
/** Lines this many or fewer are kept room for between reads; a longer text's room is let go after it. */
const KEPT_LINES = 16384;
let L = new Lines();
/** A line's content as a string, where it is needed whole. */
const lineText = (source: string, i: number): string => source.slice(L.at[i]!, L.at[i]! + L.length[i]!);
/** Whether line `i` is a sequence item: `-` alone or followed by a space. */
const isItemAt = (source: string, i: number): boolean => source.charCodeAt(L.at[i]!) === 45 /* - */ && (L.length[i] === 1 || source.charCodeAt(L.at[i]! + 1) === 32);

/**
 * Characters the fast path never handles: controls, tabs, YAML 1.1's extra line breaks, and the
 * white space that JavaScript trims but YAML keeps as text (U+00A0, U+3000 and the like), so
 * that `name: 杭州<U+3000>` keeps its last character; and a carriage return that is not
 * part of a CRLF line end.
 */
const AWKWARD = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** A carriage return that does not end a CRLF line, looked for only in a text with one: the two searches take a fifth less time than one pattern with both. */
const LONE_CR = /\r(?!\n)/;
const awkward = (text: string): boolean => AWKWARD.test(text) || (text.includes("\r") && LONE_CR.test(text));
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
  if (awkward(text)) return undefined;
  try {
    const count = splitLines(text);
    if (count <= 0 || L.indent[0] !== 0 || isItemAt(text, 0)) return undefined;
    if (count * 2 > maxEntries) return undefined;
    const reader = new Reader(text, count, maxDepth, spots);
    const root = reader.block(0, 0, 1);
    if (root === GIVE_UP || reader.at !== count) return undefined;
    return root as Record<string, Value>;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  } finally {
    if (L.no.length > KEPT_LINES) L = new Lines();
  }
}

/** Where the first key of a text the quick reader reads stands: where the full parser places the document. */
export function firstSpot(text: string): Position | undefined {
  const count = splitLines(text);
  const spot = count <= 0 ? undefined : { line: L.no[0]!, col: L.indent[0]! + 1 };
  if (L.no.length > KEPT_LINES) L = new Lines();
  return spot;
}

/** Fills `L` with the text's lines: how many there are, or -1 to give up. */
function splitLines(text: string): number {
  let count = 0;
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
      if (colon >= 0 && colon < last && colon - body >= LONG_KEY) return -1;
    }
    const indent = body - start;
    if (first && indent === 0 && last - body === 3 && text.startsWith("---", body)) {
      first = false;
      start = next;
      continue;
    }
    first = false;
    if (count === L.no.length) L.grow(count + 1);
    L.no[count] = no;
    L.end[count] = end - start + 1;
    L.indent[count] = indent;
    L.at[count] = body;
    L.length[count] = last - body;
    L.blanks[count] = blanks;
    L.afterComment[count] = afterComment ? 1 : 0;
    count++;
    blanks = 0;
    afterComment = false;
    start = next;
  }
  return count;
}

class Reader {
  at = 0;
  constructor(
    /** The whole text, which each line's `at` points into. */
    private readonly source: string,
    /** How many lines `L` holds for it. */
    private readonly count: number,
    private readonly maxDepth: number,
    private readonly spots?: Spots,
  ) {}

  /** Where the next line's content starts, as the full parser places the node it opens. */
  private here(): Position | undefined {
    const next = this.at;
    return next >= this.count ? undefined : { line: L.no[next]!, col: L.indent[next]! + 1 };
  }

  /** A mapping or a sequence whose lines start at `indent`. */
  block(start: number, indent: number, depth: number): Value {
    if (depth > this.maxDepth) throw GIVE_UP;
    this.at = start;
    return isItemAt(this.source, start) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  /** The block after a line that ends in `key:` or `-`, or null when nothing is nested. */
  private nested(parentIndent: number, depth: number, sequenceAllowed: boolean): Value {
    const next = this.at;
    if (next >= this.count || L.indent[next]! < parentIndent) return null;
    if (L.indent[next]! > parentIndent) return this.block(next, L.indent[next]!, depth + 1);
    // A sequence may sit at its key's own indentation.
    if (sequenceAllowed && isItemAt(this.source, next)) {
      if (depth + 1 > this.maxDepth) throw GIVE_UP;
      return this.sequence(parentIndent, depth + 1);
    }
    return null;
  }

  /** After a one-line value, the next line may not be deeper (that would be a continuation). */
  private noContinuation(indent: number): void {
    if (this.at < this.count && L.indent[this.at]! > indent) throw GIVE_UP;
  }

  private mapping(indent: number, depth: number): Record<string, Value> {
    const map: Record<string, Value> = {};
    const keys = this.spots === undefined ? undefined : new Map<string, { key: Position; value: Position | undefined }>();
    if (keys !== undefined) this.spots!.set(map, { keys });
    const source = this.source;
    while (this.at < this.count) {
      const i = this.at;
      const lineIndent = L.indent[i]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent) throw GIVE_UP;
      const at = L.at[i]!;
      const textLength = L.length[i]!;
      const length = keyLength(source, at, textLength);
      if (length < 0) throw GIVE_UP;
      const start = valueStart;
      const key = keyOf(source, at, length);
      if (key === undefined || Object.hasOwn(map, key)) throw GIVE_UP;
      this.at++;
      if (start === textLength || source.charCodeAt(at + start) === 35 /* # */) {
        if (keys === undefined) {
          map[key] = this.nested(indent, depth, true);
          continue;
        }
        const here = this.here();
        const value = (map[key] = this.nested(indent, depth, true));
        // An empty value stands after the colon and its spaces, before any comment.
        const empty = { line: L.no[i]!, col: start === textLength ? L.end[i]! : lineIndent + start + 1 };
        keys.set(key, { key: { line: L.no[i]!, col: lineIndent + 1 }, value: value === null ? empty : here });
      } else {
        keys?.set(key, { key: { line: L.no[i]!, col: lineIndent + 1 }, value: { line: L.no[i]!, col: lineIndent + start + 1 } });
        map[key] = this.scalar(source.slice(at + start, at + textLength), indent);
        this.noContinuation(indent);
      }
    }
    return map;
  }

  private sequence(indent: number, depth: number): Value[] {
    const list: Value[] = [];
    const items = this.spots === undefined ? undefined : ([] as (Position | undefined)[]);
    if (items !== undefined) this.spots!.set(list, { items });
    const source = this.source;
    while (this.at < this.count) {
      const i = this.at;
      if (L.indent[i]! < indent) break;
      if (L.indent[i]! > indent) throw GIVE_UP;
      if (!isItemAt(source, i)) break;
      const no = L.no[i]!;
      const at = L.at[i]!;
      const length = L.length[i]!;
      if (length === 1) {
        // `-` alone: the item is the block below, or null.
        this.at++;
        const here = items === undefined ? undefined : this.here();
        list.push(this.nested(indent, depth, false));
        items?.push(list.at(-1) === null ? { line: no, col: L.end[i]! } : here);
        continue;
      }
      let offset = 2;
      while (offset < length && source.charCodeAt(at + offset) === 32) offset++;
      if (source.charCodeAt(at + offset) === 35 /* # */) {
        this.at++;
        const here = items === undefined ? undefined : this.here();
        list.push(this.nested(indent, depth, false));
        items?.push(list.at(-1) === null ? { line: no, col: indent + offset + 1 } : here);
      } else if (keyLength(source, at + offset, length - offset) >= 0) {
        // `- key: value` opens a mapping whose keys line up with `key`.
        if (depth + 1 > this.maxDepth) throw GIVE_UP;
        items?.push({ line: no, col: indent + offset + 1 });
        // The line is this read's own: it is changed in place, to start at the key.
        L.indent[i] = indent + offset;
        L.at[i] = at + offset;
        L.length[i] = length - offset;
        list.push(this.mapping(indent + offset, depth + 1));
      } else {
        this.at++;
        items?.push({ line: no, col: indent + offset + 1 });
        list.push(this.scalar(source.slice(at + offset, at + length), indent));
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
      const i = this.at++;
      const text = lineText(this.source, i);
      if (text.includes(" #") || /^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) throw GIVE_UP;
      body += fold(i) + text;
    }
    if (/:(?:\s|$)/.test(body)) throw GIVE_UP;
    return plain(body);
  }

  /** Whether the next line carries on a scalar begun above it. */
  private continues(parent: number): boolean {
    const next = this.at;
    if (next >= this.count || L.indent[next]! <= parent) return false;
    if (L.afterComment[next] === 1) throw GIVE_UP;
    return true;
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
      const i = this.at++;
      value += fold(i);
      segment = lineText(this.source, i);
    }
  }
}

/** What the line break before line `i` becomes inside a flow scalar: a space, or one newline per blank line. */
const fold = (i: number): string => (L.blanks[i] === 0 ? " " : "\n".repeat(L.blanks[i]!));

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
