import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readYaml } from "../../src/yaml/source.js";
import { DEFAULT_LIMITS } from "../../src/yaml/source.js";
import { codes, ROOT } from "../helpers.js";

const read = (text: string | Uint8Array, limits = DEFAULT_LIMITS) =>
  readYaml("f.yaml", typeof text === "string" ? new TextEncoder().encode(text) : text, limits);

describe("readYaml", () => {
  it("reads a mapping and keeps positions", () => {
    const result = read("a: 1\nb: [x, y]\n");
    expect(result.findings).toEqual([]);
    expect(result.source?.data).toEqual({ a: 1, b: ["x", "y"] });
  });

  it.each([
    ["", "empty-file@1:1"],
    ["   \n\t\n", "empty-file@1:1"],
    ["# only a comment\n", "empty-file@1:1"],
    ["- a\n- b\n", "not-a-mapping@1:1"],
    ["just text\n", "not-a-mapping@1:1"],
    ["a: 1\nb: 2\na: 3\n", "duplicate-key@3:1"],
    ["a: 1\n---\nb: 2\n", "multiple-documents@2:1"],
    ["a: [1, 2\n", "yaml-syntax@2:1"],
    ["a: 'open\n", "yaml-syntax@1:4"],
    ["a: !foo x\n", "unsupported-tag@1:4"],
    ["a: !!binary aGVsbG8=\n", "unsupported-tag@1:13"],
  ])("refuses %j with a positioned finding", (text, expected) => {
    const result = read(text);
    expect(result.source).toBeUndefined();
    expect(codes(result.findings)).toContain(expected);
  });

  it("refuses binary data and invalid UTF-8", () => {
    expect(codes(read(new Uint8Array([0x61, 0x3a, 0x00, 0x01])).findings)).toEqual(["binary-file@1:1"]);
    expect(codes(read(new Uint8Array([0x61, 0x3a, 0x0a, 0x62, 0x3a, 0x20, 0xc3, 0x28])).findings)).toEqual(["bad-encoding@2:4"]);
  });

  it("reads UTF-8 with a byte-order mark and UTF-16", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("a: 1\n")]);
    expect(read(bom).source?.data).toEqual({ a: 1 });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a: 1\n", "utf16le")]);
    expect(read(utf16).source?.data).toEqual({ a: 1 });
  });

  it("refuses files over the size limit without parsing them", () => {
    expect(codes(read("a: 1\n", { ...DEFAULT_LIMITS, maxBytes: 3 }).findings)).toEqual(["too-large@1:1"]);
  });

  it("stops alias-expansion bombs", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++) bomb.push(`${"bcdefghij"[i - 1]}: &${"bcdefghij"[i - 1]} [${Array(10).fill(`*${"abcdefghij"[i - 1]}`).join(", ")}]`);
    const result = read(bomb.join("\n") + "\n");
    expect(result.findings.map((f) => f.code)).toEqual(["too-many-aliases"]);
  });

  it("stops nesting past the limit, at the node that goes too deep", () => {
    const deep = "a:\n" + Array.from({ length: 70 }, (_, i) => `${"  ".repeat(i + 1)}k:`).join("\n") + " 1\n";
    const result = read(deep);
    expect(result.findings.map((f) => f.code)).toEqual(["too-deep"]);
    expect(result.findings[0]!.line).toBe(DEFAULT_LIMITS.maxDepth + 1);
  });

  it("survives nesting thousands deep in flow style, at the bracket past the limit, before parsing", () => {
    for (const n of [65, 5000, 100000]) {
      const result = read(`b: 1\na: ${"[".repeat(n)}${"]".repeat(n)}\n`);
      expect(result.source).toBeUndefined();
      expect(result.findings.map((f) => `${f.code}@${f.line}:${f.col}`)).toEqual([`too-deep@2:${"a: ".length + DEFAULT_LIMITS.maxDepth + 1}`]);
    }
    for (const n of [65, 5000]) expect(read(`a: {b: ${"[".repeat(n)}${"]".repeat(n)}}\n`).findings[0]?.code).toBe("too-deep");
  });

  it("survives block nesting thousands deep, at the same place however much stack the parser has", () => {
    let block = "smartregion: 1\nassessors:\n";
    for (let i = 0; i < 1000; i++) block += `${"  ".repeat(i + 1)}- \n`;
    const expected = `too-deep@${DEFAULT_LIMITS.maxDepth + 1}:${2 * (DEFAULT_LIMITS.maxDepth - 1) + 1}`;
    expect(read(block).findings.map((f) => `${f.code}@${f.line}:${f.col}`)).toEqual([expected]);
    // The same answer from the command line with a small and a large stack.
    const dir = mkdtempSync(join(tmpdir(), "smartregion-deep-"));
    writeFileSync(join(dir, "deep.yaml"), block);
    for (const stack of [400, 984, 4000]) {
      const run = spawnSync(process.execPath, [`--stack-size=${stack}`, join(ROOT, "bin", "smartregion.js"), "validate", join(dir, "deep.yaml"), "--format", "json"], { encoding: "utf8", env: { PATH: process.env["PATH"], XDG_CACHE_HOME: dir } });
      const found = (JSON.parse(run.stdout) as { files: { findings: { code: string; line: number; col: number }[] }[] }).files[0]!.findings;
      expect(found.map((f) => `${f.code}@${f.line}:${f.col}`), `--stack-size=${stack}`).toEqual([expected]);
    }
  });

  it("does not count brackets in quotes, comments or plain text as nesting", () => {
    const many = "[".repeat(200);
    const result = read(`a: "${many}"\nb: '${many}'' ${many}'\nc: x${many}\n# ${many}\nd: [1, "${many}", [2]]\n`);
    expect(result.findings).toEqual([]);
    expect((result.source?.data as Record<string, unknown>)["c"]).toBe(`x${many}`);
  });

  it("keeps YAML 1.1 words and dates as strings", () => {
    expect(read("a: yes\nb: no\nc: 2026-01-01\n").source?.data).toEqual({ a: "yes", b: "no", c: "2026-01-01" });
  });
});

describe("readYaml on hostile structure", () => {
  it("reads YAML 1.2 whatever a %YAML directive says", () => {
    for (const directive of ["", "%YAML 1.1\n---\n", "%YAML 1.2\n---\n"]) {
      const result = read(`${directive}a: 0b11\nb: yes\nc: 0o7\nd: 07\ne: 1_000\nf: 1:30\ng: 2026-01-01\nh: 010\n<<: {x: 1}\n`);
      expect(result.findings, directive).toEqual([]);
      expect(result.source?.data, directive).toEqual({ a: "0b11", b: "yes", c: 7, d: 7, e: "1_000", f: "1:30", g: "2026-01-01", h: 10, "<<": { x: 1 } });
    }
  });

  it.each([
    ["? [a, b]\n: 1\n", "bad-key@1:3"],
    ["? {a: 1}\n: 1\n", "bad-key@1:3"],
    ["[a]: x\n", "bad-key@1:1"],
    ["b: {[a]: x}\n", "bad-key@1:5"],
    ["x: &k [1]\n? *k\n: 2\n", "bad-key@2:3"],
  ])("refuses the collection key of %j at its position", (text, expected) => {
    const result = read(text);
    expect(result.source).toBeUndefined();
    expect(codes(result.findings)).toEqual([expected]);
  });

  it("finds repeated keys in one pass, whatever form the key takes", () => {
    expect(codes(read("a: 1\n'a': 2\n").findings)).toEqual(["duplicate-key@2:1"]);
    expect(codes(read("1: a\n\"1\": b\n").findings)).toEqual(["duplicate-key@2:1"]);
    expect(codes(read("x: &k a\na: 1\n*k : 2\n").findings)).toEqual(["duplicate-key@3:1"]);
    expect(codes(read("m: {a: 1, a: 2}\n").findings)).toEqual(["duplicate-key@1:11"]);
    const many = Array.from({ length: 60000 }, (_, i) => `k${i}: ${i}\n`).join("");
    expect(codes(read(`${many}k7: again\n`).findings)).toEqual(["duplicate-key@60001:1"]);
  });

  it("gives an alias the value of the last anchor before it, shared, not copied", () => {
    const data = read("a: &x [1]\nb: *x\nc: &x [2]\nd: *x\n").source?.data as Record<string, unknown>;
    expect(data).toEqual({ a: [1], b: [1], c: [2], d: [2] });
    expect(data["b"]).toBe(data["a"]);
  });

  it("refuses aliases that expand past the limit, at the alias that passes it", () => {
    const big = "x".repeat(400_000);
    const result = read(`a: &s ${big}\nb: *s\nc: *s\nd: *s\n`);
    expect(codes(result.findings)).toEqual(["too-many-aliases@4:4"]);
    expect(result.findings[0]!.facts).toEqual({ limit: DEFAULT_LIMITS.maxExpansion, detail: "expansion" });
    expect(read(`a: &s ${big}\nb: *s\nc: *s\n`).findings).toEqual([]);
  });

  it("refuses an anchor used more than the limit", () => {
    const uses = (n: number) => `a: &s 1\nb:\n${"  - *s\n".repeat(n)}`;
    expect(read(uses(DEFAULT_LIMITS.maxAliases)).findings).toEqual([]);
    expect(codes(read(uses(DEFAULT_LIMITS.maxAliases + 1)).findings)).toEqual([`too-many-aliases@${DEFAULT_LIMITS.maxAliases + 3}:5`]);
  });

  it("refuses an alias inside the node it names", () => {
    expect(codes(read("a: &x [1, *x]\n").findings)).toEqual(["too-many-aliases@1:11"]);
    expect(codes(read("a: &x {b: *x}\n").findings)).toEqual(["too-many-aliases@1:11"]);
  });
});

describe("a tab used as indentation", () => {
  const template = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);
  const body = ["smartregion: 1", "subject:", "  name: Riverton", "  kind: city", "indicators:", "  integrated:"];
  const answers = Array.from({ length: 12 }, (_, i) => [`    indicator-${i}:`, "      level: 3", "      notes: fine"]).flat();

  it("is said once, where it is, without the misaligned mappings that only follow from it", () => {
    const lines = [...body, ...answers];
    lines[body.length + 1] = "\tlevel: 3";
    const { findings } = readYaml("tab.yaml", template(lines), DEFAULT_LIMITS);
    expect(findings.map((f) => [f.code, f.facts.reason?.[0], f.line])).toEqual([["yaml-syntax", "TAB_AS_INDENT", body.length + 2]]);
  });

  it("leaves a misaligned mapping before the tab to be said too", () => {
    const lines = [...body, ...answers];
    lines[body.length + 1] = "       level: 3";
    lines[body.length + 7] = "\tlevel: 3";
    const reasons = readYaml("tab.yaml", template(lines), DEFAULT_LIMITS).findings.map((f) => f.facts.reason?.[0]);
    expect(reasons).toContain("TAB_AS_INDENT");
    expect(reasons.filter((r) => r !== "TAB_AS_INDENT").length).toBeGreaterThan(0);
  });
});

describe("a quoted value left open", () => {
  it("is said where its quote opens, not at the end of the file where the parser gave up", () => {
    const lines = ["smartregion: 1", "subject:", '  name: "Riverton', "  kind: city", ...Array.from({ length: 30 }, (_, i) => `k${i}: ${i}`)];
    const [double] = readYaml("q.yaml", new TextEncoder().encode(`${lines.join("\n")}\n`), DEFAULT_LIMITS).findings;
    expect([double?.code, double?.line, double?.col]).toEqual(["yaml-syntax", 3, 9]);
    const single = readYaml("q.yaml", new TextEncoder().encode("list:\n  - 'open\n  - b\n"), DEFAULT_LIMITS).findings[0];
    expect([single?.line, single?.col]).toEqual([2, 5]);
  });
});
