import { isUtf8 } from "node:buffer";
import { CST, isMap, isNode, isPair, isScalar, isSeq, LineCounter, Parser, parseDocument } from "yaml";
import type { Alias, Document, Node, YAMLError } from "yaml";
import { finding, START } from "../model/findings.js";
import type { Code, Finding, Position } from "../model/findings.js";
import { firstSpot, parseFast } from "./fast.js";
import type { Spots } from "./fast.js";
import { aliasTargets, keyText, toData } from "./nodes.js";

/** How much one file may ask of the tool. Past these the file is refused, not processed. */
export interface Limits {
  /** Largest file read, in bytes. */
  readonly maxBytes: number;
  /** Deepest nesting of mappings and sequences. */
  readonly maxDepth: number;
  /** How often one anchor may be used. */
  readonly maxAliases: number;
  /** Most entries (keys of mappings and items of sequences, all counted together) in one document. */
  readonly maxEntries: number;
  /**
   * How much all aliases together may add to the document, in nodes and scalar characters: the
   * guard against alias-expansion bombs, and what keeps outputs in proportion to the file.
   */
  readonly maxExpansion: number;
}

export const DEFAULT_LIMITS: Limits = { maxBytes: 5 * 1024 * 1024, maxDepth: 64, maxAliases: 100, maxExpansion: 1_000_000, maxEntries: 100_000 };

/** The full parser's node tree, which knows where every node stands in the text. */
export interface YamlTree {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** A parsed YAML file: its data, and the positions of its nodes when they are asked for. */
export interface YamlSource {
  readonly file: string;
  /** The plain data, as JSON-like values. */
  readonly data: unknown;
  /** The node tree with positions; built on first use when the quick reader read the file. */
  tree(): YamlTree;
  /** When the quick reader read the file: where its keys and values stand, noted by a second quick read on first use. */
  spots?(): QuickSpots | undefined;
}

/** The data of a second quick read, and where each of its keys and values stands. */
export interface QuickSpots {
  readonly data: unknown;
  readonly spots: Spots;
  readonly root: Position;
}

export type ReadResult =
  | { readonly source: YamlSource; readonly findings: readonly Finding[] }
  | { readonly source: undefined; readonly findings: readonly Finding[] };

const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`),
);

/**
 * Decodes and parses one YAML file. Every way the bytes can be unusable gives a finding with
 * a position instead of an exception; `source` is set only when the data can be trusted.
 */
export function readYaml(file: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): ReadResult {
  const fail = (code: Code, at: Position = START, facts = {}): ReadResult => ({
    source: undefined,
    findings: [finding(code, file, at, "", facts)],
  });
  if (bytes.length > limits.maxBytes) return fail("too-large", START, { limit: limits.maxBytes, value: String(bytes.length) });

  const decoded = decode(bytes);
  if (decoded.kind === "binary") return fail("binary-file");
  if (decoded.kind === "bad-encoding") return fail("bad-encoding", decoded.at, { detail: "UTF-8" });
  const text = decoded.text;
  // Nothing but white space (what trim would take away), found without copying the text.
  if (!/\S/.test(text)) return fail("empty-file");

  const quick = parseFast(text, limits.maxDepth, limits.maxEntries);
  if (quick !== undefined) {
    let tree: YamlTree | undefined;
    let spots: QuickSpots | undefined;
    const spotted = (): QuickSpots | undefined => {
      if (spots !== undefined) return spots;
      const found: Spots = new WeakMap();
      const data = parseFast(text, limits.maxDepth, limits.maxEntries, found);
      const root = firstSpot(text);
      return data === undefined || root === undefined ? undefined : (spots = { data, spots: found, root });
    };
    return { source: { file, data: quick, tree: () => (tree ??= parseTree(text)), spots: spotted }, findings: [] };
  }
  return readYamlText(file, text, limits);
}

/**
 * Parses decoded YAML text with the full parser, which keeps positions and explains every
 * problem: what readYaml does with whatever the quick reader hands over.
 */
export function readYamlText(file: string, text: string, limits: Limits = DEFAULT_LIMITS): ReadResult {
  const fail = (code: Code, at: Position = START, facts = {}): ReadResult => ({
    source: undefined,
    findings: [finding(code, file, at, "", facts)],
  });
  // Flow collections nested past the limit are refused before the parser recurses into them,
  // so the answer never depends on how much stack the parser happens to have left.
  const deep = flowTooDeep(text, limits.maxDepth) ?? blockTooDeep(text, limits.maxDepth);
  if (deep !== undefined) return fail("too-deep", deep, { limit: limits.maxDepth });

  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseTree(text, lines).doc;
  } catch (error) {
    if (error instanceof RangeError) return fail("too-deep", START, { limit: limits.maxDepth });
    throw error;
  }

  const problems = followOn([...doc.errors, ...doc.warnings]).map((e) => yamlFinding(file, e, lines.linePos(unclosedQuote(text, e) ?? e.pos[0]), limits));
  if (problems.length > 0) return { source: undefined, findings: problems };
  if (doc.contents === null) return fail("empty-file");

  const targets = aliasTargets(doc);
  const structural = checkNodes(file, text, doc, lines, limits, targets);
  if (structural.length > 0) return { source: undefined, findings: structural };
  if (!isMap(doc.contents)) {
    return fail("not-a-mapping", lines.linePos(doc.contents.range[0]), { actual: isSeq(doc.contents) ? "sequence" : "scalar", found: isSeq(doc.contents) ? "array" : "scalar" });
  }

  // The plain data is made here, not by the parser's toJS, whose aliases cost a walk each.
  const converted = toData(doc.contents, targets, limits);
  if ("problem" in converted) {
    const { alias, reason } = converted.problem;
    const facts = reason === "count" ? { limit: limits.maxAliases } : reason === "expansion" ? { limit: limits.maxExpansion, detail: "expansion" } : { detail: "cycle" };
    return fail("too-many-aliases", at(lines, alias), facts);
  }
  const tree = { doc, lines };
  return { source: { file, data: converted.data, tree: () => tree }, findings: [] };
}

const at = (lines: LineCounter, node: Node | Alias): Position => lines.linePos(node.range?.[0] ?? 0);

/**
 * Where block indentation first nests deeper than `maxDepth` levels: each line opens a level at
 * its indentation (closing those at or beyond it), and each `- ` it starts with opens one more.
 * A block sequence written at its key's indentation adds a level no indentation shows, so the
 * true depth may be up to twice this count: still far from where the parser would run out of
 * stack, which is what this check is for. The exact depth is checked on the parsed tree.
 */
export function blockTooDeep(text: string, maxDepth: number): Position | undefined {
  const open: number[] = [];
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf("\n", start);
    const raw = text.slice(start, end < 0 ? text.length : end);
    line++;
    start = end < 0 ? text.length + 1 : end + 1;
    const m = /^( *)((?:-[ \t]+)*)([\s\S]*)$/.exec(raw)!;
    const indent = m[1]!.length;
    const rest = m[3]!.trim();
    if (m[2] === "" && (rest === "" || rest.startsWith("#"))) continue;
    while (open.length > 0 && open.at(-1)! >= indent) open.pop();
    open.push(indent);
    if (open.length + (m[2]!.match(/-/g) ?? []).length > maxDepth) return { line, col: indent + 1 };
  }
  return undefined;
}

/**
 * Where flow brackets (`[`, `{`) first nest deeper than `maxDepth`, skipping comments and quoted
 * scalars. A bracket counts only where a flow collection can start (after a line's indentation,
 * `:`, `-`, `?`, `,` or another bracket), so brackets inside plain text are left alone.
 */
export function flowTooDeep(text: string, maxDepth: number): Position | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let previous = "\n"; // the last character that was not a space
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      lineStart = i + 1;
      previous = "\n";
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") continue;
    const opens = previous === "\n" || previous === ":" || previous === "-" || previous === "?" || previous === "," || previous === "[" || previous === "{";
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    if ((c === '"' || c === "'") && opens) {
      for (i++; i < text.length; i++) {
        const d = text[i]!;
        if (d === "\n") {
          line++;
          lineStart = i + 1;
        } else if (c === '"' && d === "\\") i++;
        else if (d === c) {
          if (c === "'" && text[i + 1] === "'") i++;
          else break;
        }
      }
      previous = c;
      continue;
    }
    if (c === "[" || c === "{") {
      if (!opens) {
        previous = "x"; // inside plain text
        continue;
      }
      depth++;
      if (depth > maxDepth) return { line, col: i - lineStart + 1 };
    } else if ((c === "]" || c === "}") && depth > 0) {
      depth--;
    }
    previous = c;
  }
  return undefined;
}

/**
 * The parser's options. YAML 1.2's core schema whatever a `%YAML 1.1` directive says, so `yes`,
 * `0b11`, `1_000` or `1:30` mean the same in every file (the schema option wins over the
 * directive; the version option alone does not). Keys are checked for repeats in checkNodes, in
 * one pass: the parser's own check compares each key with every key before it.
 */
const PARSE_OPTIONS = { uniqueKeys: false, schema: "core", resolveKnownTags: true, merge: false, prettyErrors: false, strict: true } as const;

function parseTree(text: string, lines = new LineCounter()): YamlTree {
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  return { doc, lines };
}

type Decoded =
  | { kind: "text"; text: string }
  | { kind: "binary" }
  | { kind: "bad-encoding"; at: Position };

/** UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark. */
function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: "text", text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: "text", text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  if (bytes.includes(0)) return { kind: "binary" };
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  // Checked whole first (one quick pass), then decoded as Node decodes a buffer; a byte-order
  // mark left at the start is dropped, as a TextDecoder drops it.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    return { kind: "text", text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const offset = lenient.indexOf("\uFFFD");
  const before = lenient.slice(0, Math.max(offset, 0)).split("\n");
  return { kind: "bad-encoding", at: { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 } };
}

/**
 * The parser's problems without those that only follow from a tab used as indentation: after
 * one, the parser reads the rest of the file at other columns and reports mappings as
 * misaligned or keys as broken (one tab in a template gave fifteen errors). Each tab is said
 * where it is, with what comes before the first; what comes after returns, if real, once the
 * tabs are gone.
 */
function followOn(errors: readonly YAMLError[]): YAMLError[] {
  const tab = errors.find((e) => e.code === "TAB_AS_INDENT");
  if (tab === undefined) return [...errors];
  return errors.filter((e) => e.code === "TAB_AS_INDENT" || e.pos[0] < tab.pos[0]);
}

/**
 * Where the quoted value that never closes opens: the parser says so where it gave up, at the
 * end of the file (line 908 of a template for a quote left open on line 22).
 */
function unclosedQuote(text: string, error: YAMLError): number | undefined {
  if (error.code !== "MISSING_CHAR" || !/quote/.test(error.message)) return undefined;
  let start: number | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== "document") continue;
    CST.visit(token, (item) => {
      for (const part of [item.key, item.value]) {
        if (start !== undefined || part === null || part === undefined) continue;
        if (part.type !== "double-quoted-scalar" && part.type !== "single-quoted-scalar") continue;
        const quote = part.type === "double-quoted-scalar" ? '"' : "'";
        const source = part.source;
        if (part.offset + source.length >= error.pos[0] && (source.length < 2 || !source.endsWith(quote))) start = part.offset;
      }
    });
  }
  return start;
}

function yamlFinding(file: string, error: YAMLError, at: Position, limits: Limits): Finding {
  const detail = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "";
  switch (error.code) {
    case "DUPLICATE_KEY":
      return finding("duplicate-key", file, at, "", {});
    case "MULTIPLE_DOCS":
      return finding("multiple-documents", file, at, "", {});
    case "RESOURCE_EXHAUSTION":
      return finding("too-deep", file, at, "", { detail, limit: limits.maxDepth });
    case "TAG_RESOLVE_FAILED":
      return finding("unsupported-tag", file, at, "", { detail });
    default:
      // The parser's code, for the languages that word the error themselves.
      return finding("yaml-syntax", file, at, "", { detail, reason: [error.code] });
  }
}

/**
 * Walks the node tree without recursion: nesting depth, tags outside YAML's core schema, and
 * keys, which must be scalars (plain data has no mapping or sequence keys) and must differ
 * within their mapping.
 */
function checkNodes(file: string, text: string, doc: Document.Parsed, lines: LineCounter, limits: Limits, targets: ReadonlyMap<Alias, Node>): Finding[] {
  const found: Finding[] = [];
  const stack: Array<[unknown, number]> = [[doc.contents, 1]];
  let count = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth > limits.maxDepth) {
        found.push(finding("too-deep", file, at(lines, node), "", { limit: limits.maxDepth }));
        return found;
      }
      // Past this many entries the file is refused before any check: each could be a finding.
      count += node.items.length;
      if (count > limits.maxEntries) {
        const item = node.items[node.items.length - (count - limits.maxEntries)];
        const where = isPair(item) && isNode(item.key) ? item.key : isNode(item) ? item : node;
        found.push(finding("too-many-items", file, at(lines, where), "", { limit: limits.maxEntries, detail: "entries" }));
        return found;
      }
      checkTag(node);
      if (isMap(node)) checkKeys(node.items);
      for (const item of node.items) stack.push([item, depth + 1]);
    } else if (isPair(node)) {
      stack.push([node.value, depth], [node.key, depth]);
    } else if (isScalar(node)) {
      checkTag(node);
    }
  }
  return found;

  function checkTag(node: Node): void {
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      found.push(finding("unsupported-tag", file, at(lines, node), "", { value: node.tag }));
    }
  }

  function checkKeys(pairs: readonly { key: unknown }[]): void {
    const seen = new Set<string>();
    for (const { key } of pairs) {
      const where = isNode(key) ? at(lines, key) : START;
      const name = keyText(key, targets);
      if (name === undefined) {
        const written = isNode(key) && key.range ? text.slice(key.range[0], key.range[1]) : String(key);
        found.push(finding("bad-key", file, where, "", { key: shown(written), expected: "a plain key (text or a number)", expects: ["plain-key"] }));
      } else if (seen.has(name)) {
        found.push(finding("duplicate-key", file, where, "", {}));
      } else seen.add(name);
    }
  }
}

/** A key's text as a message shows it: one line, and not much of it. */
function shown(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
