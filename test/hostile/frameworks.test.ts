import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonFindings, smartregion } from "../cli/run.js";
import type { Run } from "../cli/run.js";
import { CITY, ROOT, checkText, codes } from "../helpers.js";

/** Every name a plain JavaScript object answers to without having it. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
/** The few that go through the whole command line; the loader's tests take every one. */
const SOME = ["constructor", "__proto__", "toString", "hasOwnProperty"];
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

const EXAMPLE = readFileSync(join(ROOT, "examples", "custom-frameworks", "tourism-destination.yaml"), "utf8");

/** Exited as a tool that knew what went wrong: no internal error, no stack, no stringified object. */
function clean(run: Run, what: string): void {
  expect(run.code, `${what}: ${run.stderr.slice(0, 300)}`).not.toBeNull();
  expect(run.stderr, what).not.toContain("smartregion: internal error");
  expect(run.stderr, what).not.toMatch(STACK);
  expect(run.stdout + run.stderr, what).not.toContain("[object Object]");
}

/** `file:line:col code` of each finding a broken framework printed on stderr. */
function stderrFindings(stderr: string): string[] {
  return [...stderr.matchAll(/^(\S+):(\d+):(\d+)\s+error\s+.*\s(\S+)$/gm)].map((m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]}`);
}

/** 1-based `line:col` of the first occurrence of `needle`, `skip` characters in. */
function at(text: string, needle: string, skip = 0): string {
  const index = text.indexOf(needle);
  expect(index, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index + skip);
  return `${before.split("\n").length}:${index + skip - before.lastIndexOf("\n")}`;
}

/** The example framework with one id replaced by `name`, and where that id now is. */
function hostileFramework(place: "framework" | "dimension" | "indicator", name: string): { text: string; where: string } {
  if (place === "framework") {
    const text = EXAMPLE.replace("  id: tourism-destination\n", `  id: ${name}\n`);
    return { text, where: at(text, `  id: ${name}\n`, 6) };
  }
  if (place === "dimension") {
    const text = EXAMPLE.replace("- id: visitor-data\n", `- id: ${name}\n`).replaceAll("dimension: visitor-data\n", `dimension: ${name}\n`);
    return { text, where: at(text, `- id: ${name}\n`, 6) };
  }
  const text = EXAMPLE.replace("\n  destination-management:\n", `\n  ${name}:\n`);
  return { text, where: at(text, `\n  ${name}:\n`, 3) };
}

describe("custom frameworks that try to break every run", () => {
  let dir = "";
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => smartregion(args, dir, env);
  const folder = (name: string, files: Record<string, string>) => {
    mkdirSync(join(dir, name), { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, name, file), text);
    return name;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "smartregion-hostile-frameworks-"));
    copyFileSync(join(ROOT, "examples", "city.yaml"), join(dir, "city.yaml"));
    copyFileSync(join(ROOT, "examples", "lakeland-destination.yaml"), join(dir, "lakeland.yaml"));
  });

  describe.each(["framework", "dimension", "indicator"] as const)("an Object.prototype name as the %s id", (place) => {
    it.each(SOME)("%s: a lint error at the id, and a broken framework (exit 2) for every other command", (name) => {
      const { text, where } = hostileFramework(place, name);
      const fw = folder(`fw-${place}-${name}`, { "t.yaml": text });

      const lint = run(["frameworks", "lint", fw, "--format", "json"]);
      clean(lint, "lint");
      expect(lint.code).toBe(1);
      expect(jsonFindings(lint.stdout)[`${fw}/t.yaml`]).toContain(`reserved-id@${where}`);

      // Every command loads the frameworks the same way: one name goes through them all.
      const commands = [["validate", "city.yaml"], ["score", "city.yaml"], ["report", "lakeland.yaml", "--format", "json"], ["frameworks", "list"]];
      for (const args of name === "constructor" ? commands : commands.slice(0, 1)) {
        const other = run([...args, "--frameworks", fw]);
        clean(other, args.join(" "));
        expect(other.code, args.join(" ")).toBe(2);
        expect(other.stdout, args.join(" ")).toBe("");
        expect(stderrFindings(other.stderr), args.join(" ")).toContain(`${fw}/t.yaml:${where} reserved-id`);
      }
    });
  });

  describe("a $id that is already taken", () => {
    const ID_AT = at(EXAMPLE, "$id: ", 5);
    const withId = (id: string) => EXAMPLE.replace(/^\$id: .*$/m, `$id: ${id}`);

    it.each([
      ["a shipped framework's", "https://smartregion.dev/frameworks/open.json"],
      ["a shipped framework's, spelt otherwise", "https://SmartRegion.dev/./frameworks/open.json"],
      ["the answer schema's", "https://smartregion.dev/schema/answer.json"],
      ["the assessment schema's", "https://smartregion.dev/schema/assessment.json"],
      ["the framework meta-schema's", "https://smartregion.dev/schema/framework.json"],
      ["JSON Schema's own", "https://json-schema.org/draft/2020-12/schema"],
    ])("%s: duplicate-schema-id at the $id in lint, and exit 2 elsewhere", (_what, id) => {
      const fw = folder(`id-${id.replace(/[^a-z0-9]+/gi, "-")}`, { "t.yaml": withId(id) });
      const lint = run(["frameworks", "lint", fw, "--format", "json"]);
      clean(lint, "lint");
      expect(lint.code).toBe(1);
      expect(jsonFindings(lint.stdout)[`${fw}/t.yaml`]).toEqual([`duplicate-schema-id@${ID_AT}`]);
      const commands = [["validate", "lakeland.yaml"], ["score", "lakeland.yaml"], ["report", "lakeland.yaml"], ["init", "-"]];
      for (const args of id.includes("open.json") ? commands : commands.slice(0, 1)) {
        const other = run([...args, "--frameworks", fw]);
        clean(other, args.join(" "));
        expect(other.code, args.join(" ")).toBe(2);
        expect(stderrFindings(other.stderr), args.join(" ")).toEqual([`${fw}/t.yaml:${ID_AT} duplicate-schema-id`]);
      }
    });

    it("another custom framework's, in another folder: the later one is reported", () => {
      const first = folder("twin-a", { "t.yaml": EXAMPLE });
      const second = folder("twin-b", { "u.yaml": EXAMPLE.replace("  id: tourism-destination\n", "  id: tourism-twin\n") });
      const other = run(["validate", "lakeland.yaml", "--frameworks", first, "--frameworks", second]);
      clean(other, "validate");
      expect(other.code).toBe(2);
      expect(stderrFindings(other.stderr)).toEqual([`${second}/u.yaml:${ID_AT} duplicate-schema-id`]);
    });

    it("a replacement of a shipped framework keeps its $id or takes a new one, and the run works", () => {
      const open = readFileSync(join(ROOT, "frameworks", "open.yaml"), "utf8").replace("version: 1.0.0", "version: 1.1.0");
      const kept = folder("replace-kept", { "open.yaml": open });
      const moved = folder("replace-moved", { "open.yaml": open.replace(/^\$id: .*$/m, "$id: https://example.org/open.json") });
      for (const fw of [kept, moved]) {
        const lint = run(["frameworks", "lint", fw, "--format", "json"]);
        expect(lint.code, lint.stdout).toBe(0);
        const validate = run(["validate", "city.yaml", "--frameworks", fw, "--format", "json"]);
        clean(validate, fw);
        expect(validate.code, validate.stdout).toBe(0);
      }
    });
  });
});

/**
 * Every Object.prototype name as a key at every level an assessment has: each one an unknown key
 * at its own line, never a crash, never taken for something the tool knows.
 */
function hostileAssessment(kind: "city" | "region"): { text: string; expected: string[] } {
  const lines: string[] = [];
  const expected: string[] = [];
  const keys = (indent: number, code: string, value = "1") => {
    for (const name of PROTOTYPE_NAMES) {
      lines.push(`${" ".repeat(indent)}${name}: ${value}`);
      expected.push(`${code}@${lines.length}:${indent + 1}`);
    }
  };
  lines.push("smartregion: 1");
  keys(0, "unknown-key");
  lines.push("subject:", "  name: Hostile", `  kind: ${kind}`);
  keys(2, "unknown-key");
  lines.push("date: 2026-01-31", "assessors:", "  - name: A");
  keys(4, "unknown-key");
  lines.push("frameworks:", `  ${kind === "city" ? "integrated" : "core-led"}: 1.0.0`);
  keys(2, "unknown-framework", "1.0.0");
  if (kind === "city") {
    lines.push("targets:", "  stage: open");
    keys(2, "unknown-key");
    lines.push("  indicators:", "    integrated:", "      fundamental-databases: 3");
    keys(6, "unknown-indicator", "3");
    keys(4, "unknown-framework", "{}");
  }
  lines.push("indicators:", `  ${kind === "city" ? "integrated" : "core-led"}:`);
  lines.push(`    ${kind === "city" ? "fundamental-databases" : "core-regional-mandate"}:`, "      level: 2", "      evidence:", "        - title: A report");
  keys(10, "unknown-key", "x");
  keys(6, "unknown-key");
  keys(4, "unknown-indicator", "2");
  keys(2, "unknown-framework", "{}");
  if (kind === "region") {
    lines.push("members:", "  - name: Inline town", "    indicators:", "      integrated:", "        fundamental-databases: 3");
    keys(8, "unknown-indicator", "3");
    keys(6, "unknown-framework", "{}");
    keys(4, "unknown-key");
    lines.push("  - name: Another town");
  }
  return { text: `${lines.join("\n")}\n`, expected };
}

describe("assessments whose keys are Object.prototype names, at every level", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "smartregion-hostile-keys-"));
    for (const kind of ["city", "region"] as const) writeFileSync(join(dir, `${kind}.yaml`), hostileAssessment(kind).text);
  });

  it.each(["city", "region"] as const)("%s: every key an unknown key at its position, with and without custom frameworks", (kind) => {
    const { expected } = hostileAssessment(kind);
    for (const extra of [[], ["--frameworks", join(ROOT, "examples", "custom-frameworks")]]) {
      const run = smartregion(["validate", `${kind}.yaml`, "--format", "json", ...extra], dir);
      clean(run, kind);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toBe("");
      const found = jsonFindings(run.stdout)[`${kind}.yaml`]!;
      for (const wanted of expected) expect(found, wanted).toContain(wanted);
    }
    for (const command of ["score", "report"]) {
      const run = smartregion([command, `${kind}.yaml`, "--format", "json"], dir);
      clean(run, command);
      expect(run.code, run.stderr).toBe(1);
    }
  });

  it("leaves Object.prototype as it was after checking them", () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const kind of ["city", "region"] as const) {
      const { text, expected } = hostileAssessment(kind);
      const found = codes(checkText(text));
      for (const wanted of expected) expect(found, wanted).toContain(wanted);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>)["level"]).toBeUndefined();
    expect(codes(checkText(`${CITY}__proto__:\n  level: 1\n`))).toEqual(["unknown-key@6:1"]);
  });
});

describe("names given on the command line that are Object.prototype names", () => {
  it.each(PROTOTYPE_NAMES)("validate --format %s is a usage error (exit 2), alone or with a file", (name) => {
    for (const format of SOME.includes(name) ? [name, `${name}=out.txt`] : [name]) {
      const run = smartregion(["validate", "examples/city.yaml", "--format", format]);
      clean(run, format);
      expect(run.code, format).toBe(2);
      expect(run.stdout, format).toBe("");
      expect(run.stderr, format).toContain("stylish");
    }
  });

  it.each(SOME.slice(0, 3))("%s as a format, framework, dimension, stage or language is a usage error (exit 2)", (name) => {
    for (const args of [
      ["score", "examples/city.yaml", "--format", name],
      ["report", "examples/city.yaml", "--format", name],
      ["diff", "examples/city.yaml", "examples/city.yaml", "--format", name],
      ["frameworks", "lint", "frameworks", "--format", name],
      ["frameworks", "list", "--format", name],
      ["frameworks", "show", name],
      ["score", "examples/city.yaml", "--fail-under", `${name}=50`],
      ["score", "examples/city.yaml", "--fail-under", `integrated.${name}=50`],
      ["score", "examples/city.yaml", "--min-stage", name],
      ["init", "-", "--only", name],
      ["--lang", name, "validate", "examples/city.yaml"],
    ]) {
      const run = smartregion(args);
      clean(run, args.join(" "));
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stdout, args.join(" ")).toBe("");
    }
    // A locale the tool does not speak, from the environment, is English. (Node 20 itself dies of
    // some such names before any script runs, `LANG=hasOwnProperty node -e ""`; those are left out.)
    const env = { LANG: name, LC_ALL: name };
    if (spawnSync(process.execPath, ["-e", ""], { env }).status !== 0) return;
    const run = smartregion(["validate", "examples/city.yaml"], undefined, env);
    clean(run, "LANG");
    expect(run.code).toBe(0);
  });
});

describe("custom frameworks of any size", () => {
  const folder = () => mkdtempSync(join(tmpdir(), "smartregion-fwsize-"));
  const indicator = /\n {2}destination-management:\n[\s\S]*?(?=\n {2}[a-z-]+:\n|$)/;

  it("refuses a framework of more than 200 indicators, a file over 1 MB and a folder of more than 50 files, quickly", () => {
    const block = indicator.exec(EXAMPLE)![0];
    const many = folder();
    writeFileSync(join(many, "big.yaml"), EXAMPLE.replace(block, Array.from({ length: 300 }, (_, i) => block.replace("destination-management:", `destination-management-${i}:`)).join("")));
    const tooMany = smartregion(["frameworks", "lint", many, "--format", "json"]);
    clean(tooMany, "300 indicators");
    expect(tooMany.code).toBe(1);
    expect(Object.values(jsonFindings(tooMany.stdout)).flat().map((f) => f.split("@")[0])).toEqual(["too-many-items"]);
    const huge = folder();
    writeFileSync(join(huge, "huge.yaml"), `${EXAMPLE}\n# ${"x".repeat(1024 * 1024)}\n`);
    const large = smartregion(["--frameworks", huge, "validate", "examples/city.yaml"]);
    clean(large, "1 MB");
    expect(large.code).toBe(2);
    expect(large.stderr).toContain("too-large");
    const crowded = folder();
    for (let i = 0; i < 51; i++) writeFileSync(join(crowded, `f${i}.yaml`), EXAMPLE.replace("id: tourism-destination", `id: tourism-destination-${i}`));
    const full = smartregion(["--frameworks", crowded, "validate", "examples/city.yaml"]);
    clean(full, "51 files");
    expect(full.code).toBe(2);
    expect(full.stderr).toContain("too-many-items");
  });
});
