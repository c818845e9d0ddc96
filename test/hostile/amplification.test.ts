import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { MAX_FINDINGS } from "../../src/assessment/check.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonFindings, smartregion } from "../cli/run.js";
import type { Run } from "../cli/run.js";

/**
 * Files within every limit that once cost time or memory out of proportion to their size: a
 * heap this small, and the runner's time limit, fail any run that does.
 */
const BOUNDED = { NODE_OPTIONS: "--max-old-space-size=256" };
const HEAD = "smartregion: 1\nsubject:\n  name: T\n  kind: city\ndate: 2026-01-31\n";
const HEAD_LINES = 5;

interface JsonFinding {
  code: string;
  line: number;
  col: number;
  path: string;
}
const findingsOf = (run: Run): JsonFinding[] =>
  (JSON.parse(run.stdout) as { files: { findings: JsonFinding[] }[] }).files.flatMap((f) => f.findings);

/** The indicator ids of a shipped framework, in the order the framework lists them. */
function indicatorIds(framework: string): string[] {
  const text = readFileSync(join(import.meta.dirname, "..", "..", "frameworks", `${framework}.yaml`), "utf8");
  return [...text.matchAll(/^ {2}([a-z0-9-]+):\n {4}\$ref: .*\n {4}x-indicator:/gm)].map((m) => m[1]!);
}

describe("amplification within the limits", () => {
  let dir = "";
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sr-amplification-"));
  });

  it("answers 60,000 keys in one mapping, the first thousand findings each at its own line, then how many more", () => {
    const keys = 60000;
    write("keys.yaml", HEAD + Array.from({ length: keys }, (_, i) => `k${i}: ${i}\n`).join(""));
    const run = smartregion(["validate", "keys.yaml", "--format", "json"], dir, BOUNDED);
    expect(run.code, run.stderr.slice(0, 300)).toBe(1);
    const found = findingsOf(run);
    expect(found).toHaveLength(MAX_FINDINGS + 1);
    expect(found.slice(0, MAX_FINDINGS).map((f) => `${f.code}@${f.line}:${f.col}`)).toEqual(Array.from({ length: MAX_FINDINGS }, (_, i) => `unknown-key@${HEAD_LINES + 1 + i}:1`));
    // Every key was checked and placed: the last finding says how many more there are, from the first one left out.
    expect(found.at(-1)).toMatchObject({ code: "too-many-problems", line: HEAD_LINES + 1 + MAX_FINDINGS, col: 1, facts: { value: String(keys - MAX_FINDINGS) } });
  });

  it("refuses a document of more than 100,000 entries at the entry past the limit, before checking any", () => {
    write("entries.yaml", `smartregion: 1\n${Array.from({ length: 130_000 }, (_, i) => `k${i}: 1\n`).join("")}`);
    const run = smartregion(["validate", "entries.yaml", "--format", "json"], dir, BOUNDED);
    expect(run.code, run.stderr.slice(0, 300)).toBe(1);
    expect(jsonFindings(run.stdout)["entries.yaml"]).toEqual(["too-many-items@100001:1"]);
  });

  it("lists a thousand problems a file, and never fails on very many problems across files", () => {
    mkdirSync(join(dir, "many"));
    for (let f = 0; f < 150; f++) write(`many/f${f}.yaml`, HEAD + Array.from({ length: 1000 }, (_, i) => `k${i}: ${i}\n`).join(""));
    // 150,000 findings in all: more than a call can take as spread arguments.
    for (const args of [["validate", "many"], ["score", "many"]]) {
      const run = smartregion(args, dir);
      expect(run.code, `${args.join(" ")}: ${run.stderr.slice(0, 300)}`).toBe(1);
      expect(run.stderr).not.toMatch(/internal error/);
    }
  }, 60_000);

  it("answers 60,000 keys in one mapping that only the full parser reads", () => {
    // The anchor sends the file past the quick reader, to the parser and its key check.
    const body = Array.from({ length: 60000 }, (_, i) => `  k${i}: ${i}\n`).join("");
    write("nested.yaml", `${HEAD}extra: &e\n${body}`);
    const run = smartregion(["validate", "nested.yaml", "--format", "json"], dir, BOUNDED);
    expect(run.code, run.stderr.slice(0, 300)).toBe(1);
    expect(jsonFindings(run.stdout)["nested.yaml"]).toEqual([`unknown-key@${HEAD_LINES + 1}:1`]);
    write("repeated.yaml", `${HEAD}extra: &e\n${body}  k7: again\n`);
    const repeated = smartregion(["validate", "repeated.yaml", "--format", "json"], dir, BOUNDED);
    expect(repeated.code).toBe(1);
    expect(jsonFindings(repeated.stdout)["repeated.yaml"]).toEqual([`duplicate-key@${HEAD_LINES + 2 + 60000}:3`]);
  });

  it("answers an 85 KB file with aliases on the path to each finding, each at the line of its node", () => {
    const anchors = 4;
    const items = 700;
    let text = `${HEAD}defs:\n`;
    for (let a = 0; a < anchors; a++) {
      text += `  e${a}: &e${a}\n`;
      for (let i = 0; i < items; i++) text += `    - {title: t, wrong${i}: 1}\n`;
    }
    text += "indicators:\n";
    let uses = 0;
    for (const framework of ["integrated", "open", "merged"]) {
      text += `  ${framework}:\n`;
      for (const id of indicatorIds(framework)) text += `    ${id}:\n      level: 3\n      evidence: *e${uses++ % anchors}\n`;
    }
    expect(text.length).toBeGreaterThan(80_000);
    write("aliases.yaml", text);
    const run = smartregion(["validate", "aliases.yaml", "--format", "json"], dir, BOUNDED);
    expect(run.code, run.stderr.slice(0, 300)).toBe(1);
    const all = findingsOf(run);
    const marker = all.pop()!;
    const [defs, ...found] = all;
    expect(`${defs!.code}@${defs!.line}:${defs!.col}`).toBe(`unknown-key@${HEAD_LINES + 1}:1`);
    // Every finding was made and placed; the first thousand are listed, and the count of the rest.
    expect(found).toHaveLength(MAX_FINDINGS - 1);
    expect(marker).toMatchObject({ code: "too-many-problems", facts: { value: String(uses * items + 1 - MAX_FINDINGS) } });
    // Each finding stands where its evidence item is written, inside the anchored list.
    const firstItem = HEAD_LINES + 3;
    for (const f of found) {
      const [, , , , index, key] = f.path.split(".");
      expect(key).toBe(`wrong${index}`);
      expect(f.code).toBe("unknown-key");
      expect((f.line - firstItem) % (items + 1)).toBe(Number(index));
      expect(f.col).toBe("    - {title: t, ".length + 1);
    }
  });

  it("refuses 100 uses of one 4.8 MB scalar at the alias that expands too far, with a small output", () => {
    const big = "x".repeat(4_800_000);
    write("scalar.yaml", `${HEAD}assessors:\n  - name: &n ${big}\n${"  - name: *n\n".repeat(100)}`);
    for (const format of ["json", "stylish"]) {
      const run = smartregion(["validate", "scalar.yaml", "--format", format], dir, BOUNDED);
      expect(run.code, run.stderr.slice(0, 300)).toBe(1);
      expect(run.stdout.length).toBeLessThan(10_000);
      if (format === "json") expect(jsonFindings(run.stdout)["scalar.yaml"]).toEqual([`too-many-aliases@${HEAD_LINES + 3}:11`]);
    }
    const score = smartregion(["score", "scalar.yaml", "--format", "json"], dir, BOUNDED);
    expect(score.code).toBe(1);
    expect(score.stdout.length).toBeLessThan(10_000);
  });

  it("refuses an alias inside the node it names", () => {
    write("cycle.yaml", `${HEAD}assessors: &a\n  - name: x\n  - *a\n`);
    const run = smartregion(["validate", "cycle.yaml", "--format", "json"], dir, BOUNDED);
    expect(run.code).toBe(1);
    expect(jsonFindings(run.stdout)["cycle.yaml"]).toEqual([`too-many-aliases@${HEAD_LINES + 3}:5`]);
  });

  describe("one member file under 500 names", () => {
    let region = "";
    beforeAll(() => {
      region = join(dir, "region");
      mkdirSync(join(region, "sub"), { recursive: true });
      writeFileSync(join(region, "m.yaml"), `${HEAD.replace("name: T", "name: M")}assessors:\n  - name: ${"x".repeat(4_900_000)}\n`);
      symlinkSync("m.yaml", join(region, "link.yaml"));
      linkSync(join(region, "m.yaml"), join(region, "hard.yaml"));
      const names = ["m.yaml", "link.yaml", "hard.yaml", "sub/../m.yaml", "./sub/../link.yaml"];
      for (let k = 1; names.length < 500; k++) names.push(`${"./".repeat(k)}m.yaml`);
      const head = "smartregion: 1\nsubject:\n  name: R\n  kind: region\ndate: 2026-01-31\nmembers:\n";
      writeFileSync(join(region, "region.yaml"), head + names.map((n) => `  - file: ${n}\n`).join(""));
    });

    it("is one member: every other name is a duplicate-member at its file", () => {
      const run = smartregion(["validate", "region.yaml", "--format", "json"], region, BOUNDED);
      expect(run.code, run.stderr.slice(0, 300)).toBe(1);
      const expected = Array.from({ length: 499 }, (_, i) => `duplicate-member@${HEAD_LINES + 3 + i}:11`);
      expect(jsonFindings(run.stdout)["region.yaml"]).toEqual(expected);
    });

    it("is read at most once by the commands that read members", () => {
      for (const command of ["score", "report"]) {
        const run = smartregion([command, "region.yaml", "--format", "json"], region, BOUNDED);
        expect(run.code, `${command}: ${run.stderr.slice(0, 300)}`).toBe(1);
        // The findings of the region file, and nothing of the 4.9 MB member.
        expect(run.stdout.length).toBeLessThan(1_000_000);
      }
    });
  });

  describe("YAML 1.2 whatever the directives", () => {
    // What each value means in YAML 1.2, and what YAML 1.1 would have made of it.
    const cases: [string, string, string[]][] = [
      ["binary", "level: 0b11", ["wrong-type@9:14"]],
      ["octal", "level: 0o3", []],
      ["leading-zero", "level: 08", ["out-of-range@9:14"]],
      ["underscores", "level: 1_000", ["wrong-type@9:14"]],
      ["sexagesimal", "level: 1:30", ["wrong-type@9:14"]],
      ["yes", "not-applicable: yes", []],
    ];
    const text = (answer: string, directive: string) => `${directive}${HEAD}indicators:\n  integrated:\n    data-catalogue:\n      ${answer}\n`;

    it.each(cases)("reads %s as YAML 1.2, with or without a YAML 1.1 directive", (name, answer, expected) => {
      write(`${name}.yaml`, text(answer, ""));
      write(`${name}-1.1.yaml`, text(answer, "%YAML 1.1\n---\n"));
      const run = smartregion(["validate", `${name}.yaml`, `${name}-1.1.yaml`, "--format", "json"], dir, BOUNDED);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(expected.length > 0 ? 1 : 0);
      const found = jsonFindings(run.stdout);
      expect(found[`${name}.yaml`]).toEqual(expected);
      // The directive takes two lines; nothing else changes.
      expect(found[`${name}-1.1.yaml`]).toEqual(expected.map((f) => f.replace(/@(\d+)/, (_, line: string) => `@${Number(line) + 2}`)));
    });
  });

  it.each([
    ["sequence", "? [a, b]\n: 1\n", `bad-key@${HEAD_LINES + 1}:3`],
    ["mapping", "? {a: 1}\n: 1\n", `bad-key@${HEAD_LINES + 1}:3`],
    ["flow", "[a]: x\n", `bad-key@${HEAD_LINES + 1}:1`],
    ["alias", "assessors: &k\n  - name: x\n? *k\n: 1\n", `bad-key@${HEAD_LINES + 3}:3`],
  ])("refuses a %s as a key, at its position, with nothing on stderr", (name, body, expected) => {
    write(`key-${name}.yaml`, HEAD + body);
    for (const command of ["validate", "score"]) {
      const run = smartregion([command, `key-${name}.yaml`, "--format", "json"], dir, BOUNDED);
      expect(run.stderr, command).toBe("");
      expect(run.code, command).toBe(1);
    }
    const run = smartregion(["validate", `key-${name}.yaml`, "--format", "json"], dir, BOUNDED);
    expect(jsonFindings(run.stdout)[`key-${name}.yaml`]).toEqual([expected]);
  });

  it("bounds populations and weights, so the roll-up stays finite", () => {
    const region = (population: string, weight = "") =>
      `smartregion: 1\nsubject:\n  name: R\n  kind: region\n  population: ${population}\ndate: 2026-01-31\nmembers:\n` +
      `  - name: A\n    population: ${population}\n${weight}    indicators: {integrated: {data-catalogue: 4}}\n` +
      `  - name: B\n    population: ${population}\n    indicators: {integrated: {data-catalogue: 2}}\n`;
    write("huge.yaml", region("1e308"));
    write("heavy.yaml", region("1", "    weight: 1e300\n"));
    write("largest.yaml", region("10000000000", "    weight: 10000000000\n"));
    const run = smartregion(["validate", "huge.yaml", "heavy.yaml", "--format", "json"], dir, BOUNDED);
    expect(run.code).toBe(1);
    expect(jsonFindings(run.stdout)).toEqual({
      "heavy.yaml": ["out-of-range@10:13"],
      "huge.yaml": ["out-of-range@5:15", "out-of-range@9:17", "out-of-range@12:17"],
    });
    const score = smartregion(["score", "largest.yaml", "--format", "json"], dir, BOUNDED);
    expect(score.code, score.stderr).toBe(0);
    expect(score.stdout).not.toMatch(/NaN|Infinity|null,\s*"max": ?[0-9]/);
    const means = [...score.stdout.matchAll(/"mean": ?([^,\n}]+)/g)].map((m) => m[1]!);
    expect(means.length).toBeGreaterThan(0);
    for (const mean of means) expect(mean === "null" || Number.isFinite(Number(mean)), mean).toBe(true);
  });
});
