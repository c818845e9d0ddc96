import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFast } from "../../src/yaml/fast.js";
import { readYaml, readYamlText } from "../../src/yaml/source.js";
import { locate } from "../../src/yaml/locate.js";

/** What the full parser makes of the text: its data, or `undefined` when it has a complaint. */
function full(text: string): unknown {
  const read = readYamlText("f.yaml", text);
  return read.findings.length > 0 ? undefined : read.source?.data;
}

let answered = 0;
// FUZZ_RUNS and FUZZ_SEED widen the search locally: FUZZ_RUNS=200000 npx vitest run test/yaml/fast.test.ts
const runs = Number(process.env["FUZZ_RUNS"] ?? 3000);
const seed = Number(process.env["FUZZ_SEED"] ?? 20261121);
/** Time enough for a widened search: some 0.7 ms a run for the slowest property here, with room to spare. */
const searchTimeout = Math.max(20000, runs * 3);

/** The quick reader must agree with the full parser whenever it answers at all. */
function agrees(text: string): void {
  const quick = parseFast(text, 64);
  if (quick === undefined) return;
  answered++;
  const reference = full(text);
  expect(reference, JSON.stringify(text)).toBeDefined();
  expect(quick, JSON.stringify(text)).toEqual(reference);
}

// Scalars chosen to sit on the edges of the core schema and of plain-scalar syntax.
const SCALARS = [
  "a", "a b", "a: b", "a:b", "a #b", "a#b", "x:", ":x", "?x", "-", "- a", "-a", "-1", "-1.5", "+1", "1", "01", "1.", ".5",
  "1.50", "1e3", "0x1F", "0o7", ".inf", "-.Inf", ".NaN", "~", "null", "Null", "NULL", "true", "False", "yes", "no", "on",
  "2026-06-30", "12:30", "[x]", "{x}", "a [b]", "a {b}", "a, b", "&a", "*a", "!t", "!!str x", "|", ">", "%x", "@x", "`x`",
  "'q'", "'it''s'", "'a' b", "'a' # c", '"d"', '"a\\"b"', '"a\\nb"', '"a #b"', "'", '"', "https://example.org/a#f",
  "a\\b", "é中文", "a  ", "  a", "#", "a # b # c", "--- x", "... x", "a\tb", "'a\tb'", "1_000", "0", "-0", "0.0",
  // White space JavaScript trims and YAML does not, CJK text and its full-width space.
  "b\u00a0", "\u00a0b", "杭州\u3000", "\u3000", "a\u3000b", "a\u2028b", "'x'\u3000", "中文 值", "全角，标点。",
];
// Ordinary values, most of what real files hold; some run over several lines.
const ORDINARY = ["a", "a b", "Evidence 12", "3", "0", "12.5", "2026-06-30", "https://example.org/x", "measured", "true", "null", "x-y", "long text\nover two lines", "p\n\nq", '"quoted\ntext"', "'single\nquoted'", "'it''s'", '"a # b"', "é中文"];
const KEYS = ["a", "b", "key", "x-y", "a.b", "a/b", "_u", "1", "1a", "true", "null", "~", "0x1", "__proto__", "constructor", "level", "a b", "'q'", "\"d\"", "k:", "键", "a\u00a0", "\u3000", "k".repeat(1023), "k".repeat(1100)];

type Tree = string | { kind: "map"; pairs: Array<[string, Tree]> } | { kind: "seq"; items: Tree[] };
const scalar = fc.oneof({ arbitrary: fc.constantFrom(...ORDINARY), weight: 12 }, { arbitrary: fc.constantFrom(...SCALARS), weight: 1 });
const key = fc.oneof({ arbitrary: fc.constantFrom("a", "b", "c", "level", "x-y", "notes"), weight: 12 }, { arbitrary: fc.constantFrom(...KEYS), weight: 1 });
const { map } = fc.letrec<{ tree: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("map"), tie("seq")),
  map: fc.array(fc.tuple(key, tie("tree")), { minLength: 1, maxLength: 4 }).map((pairs) => ({ kind: "map" as const, pairs })),
  seq: fc.array(tie("tree"), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: "seq" as const, items })),
}));

interface Style {
  step: number;
  seqAtKey: boolean;
  dashSpaces: number;
  comments: boolean;
  crlf: boolean;
  marker: boolean;
}

function render(node: Tree, style: Style): string {
  const out: string[] = [];
  const comment = () => (style.comments ? " # note" : "");
  // Later lines of a multi-line scalar go deeper than the line that holds it.
  const lines = (value: string, indent: number) => value.replaceAll("\n", `\n${" ".repeat(indent + style.step + 1)}`);
  const isMap = (n: Tree): n is { kind: "map"; pairs: Array<[string, Tree]> } => typeof n !== "string" && n.kind === "map";
  const write = (n: Tree, indent: number, lead: string) => {
    const pad = " ".repeat(indent);
    if (typeof n === "string") {
      out.push(`${lead}${lines(n, indent)}${comment()}`);
      return;
    }
    if (isMap(n)) {
      n.pairs.forEach(([key, value], i) => {
        const prefix = i === 0 && lead !== "" ? lead : pad;
        if (typeof value === "string") out.push(`${prefix}${key}: ${lines(value, indent)}${comment()}`);
        else {
          out.push(`${prefix}${key}:${comment()}`);
          const childIndent = !isMap(value) && style.seqAtKey ? indent : indent + style.step;
          write(value, childIndent, "");
        }
      });
      return;
    }
    for (const [i, item] of n.items.entries()) {
      const dash = `${i === 0 && lead !== "" ? lead : pad}-${" ".repeat(style.dashSpaces)}`;
      if (typeof item === "string" || isMap(item)) write(item, indent + 1 + style.dashSpaces, dash);
      else {
        out.push(`${dash.trimEnd()}${comment()}`);
        write(item, indent + style.step, "");
      }
    }
  };
  write(node, 0, "");
  const text = `${style.marker ? "---\n" : ""}${out.join("\n")}\n`;
  return style.crlf ? text.replaceAll("\n", "\r\n") : text;
}

const style = fc.record({
  step: fc.constantFrom(1, 2, 4),
  seqAtKey: fc.boolean(),
  dashSpaces: fc.constantFrom(1, 1, 3),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  marker: fc.boolean(),
});
const mapTree = map;

/** Every path into the data, and a missing step below each mapping and sequence. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...paths(v, [...at, i])));
    out.push([...at, value.length], [...at, "x"]);
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
    out.push([...at, "missing-key"], [...at, 0]);
  }
  return out;
}

let placed = 0;
/** Where the quick reader's second read places each path is where the full parser places it. */
function placesAgree(text: string): void {
  const quick = readYaml("f.yaml", new TextEncoder().encode(text)).source;
  if (quick?.spots?.() === undefined) return;
  placed++;
  const tree = readYamlText("f.yaml", text).source!;
  for (const path of paths(quick.data)) expect(locate(quick, path), `${JSON.stringify(text)} at ${path.join(".")}`).toEqual(locate(tree, path));
}

describe("parseFast", () => {
  it("places every key and value where the full parser does", () => {
    placed = 0;
    fc.assert(fc.property(mapTree, style, (t, s) => placesAgree(render(t, s))), { seed, numRuns: runs });
    expect(placed).toBeGreaterThan(runs / 6);
    const root = join(import.meta.dirname, "..", "..", "examples");
    for (const file of ["city.yaml", "seattle-region.yaml", "six-city-alliance.yaml", "lakeland-destination.yaml", join("dublin-region", "region.yaml"), join("dublin-region", "members", "fingal.yaml")]) placesAgree(readFileSync(join(root, file), "utf8"));
  }, searchTimeout);

  it("agrees with the full parser on generated block YAML", () => {
    answered = 0;
    fc.assert(fc.property(mapTree, style, (t, s) => agrees(render(t, s))), { seed, numRuns: runs });
    // The comparison means something only if the quick reader answers for a good share.
    expect(answered).toBeGreaterThan(runs / 6);
  }, searchTimeout);

  it("agrees with the full parser after random edits", () => {
    const edit = fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(" ", ":", "-", "#", "'", '"', "\n", "\t", "[", "{", "&", "!", "x", "\r", "  ", "\u00a0", "\u3000", "\u2028", "中"));
    fc.assert(
      fc.property(mapTree, style, fc.array(edit, { maxLength: 4 }), (t, s, edits) => {
        let text = render(t, s);
        for (const [at, remove, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
        }
        agrees(text);
      }),
      { seed, numRuns: runs },
    );
  }, searchTimeout);

  it("reads every example assessment without falling back, and gives the full parser's data", () => {
    const root = join(import.meta.dirname, "..", "..", "examples");
    const files = ["city.yaml", "seattle-region.yaml", "six-city-alliance.yaml", ...readdirSync(join(root, "dublin-region")).filter((f) => f.endsWith(".yaml")).map((f) => join("dublin-region", f))];
    for (const file of files) {
      const text = readFileSync(join(root, file), "utf8");
      const quick = parseFast(text, 64);
      expect(quick, file).toBeDefined();
      expect(quick, file).toEqual(full(text));
    }
  });

  it("agrees on the white space and key lengths it once got wrong", () => {
    for (const text of ["a: b\u00a0\n", "name: 杭州\u3000\n", "level:\u3000\n", "level:\u3000\nnotes: |\n  x\n", `${"k".repeat(1100)}: 1\n`, `${"k".repeat(1024)}: 1\n`, "a: 'x'\u3000\n", "a\u00a0: 1\n"]) {
      const quick = parseFast(text, 64);
      if (quick !== undefined) expect(quick, JSON.stringify(text)).toEqual(full(text));
    }
    // The full parser's answers, which the quick reader must never contradict.
    expect(full("name: 杭州\u3000\n")).toEqual({ name: "杭州\u3000" });
    expect(full(`${"k".repeat(1100)}: 1\n`)).toBeUndefined();
  });

  it("falls back on what it does not handle", () => {
    for (const text of ["a: [1, 2]\n", "a: &x 1\nb: *x\n", "a: |\n  text\n", "a: b\n  c: d\n", "a: b # x\n  c\n", "a: 1\na: 2\n", "a: !t x\n", "- a\n", "a: \"\\n\"\n", "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: 0b11\n", "? [a, b]\n: 1\n", "[a]: x\n", "? a\n: 1\n"]) {
      expect(parseFast(text, 64), text).toBeUndefined();
    }
    const deep = Array.from({ length: 70 }, (_, i) => `${" ".repeat(i)}k:`).join("\n");
    expect(parseFast(deep, 64)).toBeUndefined();
  });
});
