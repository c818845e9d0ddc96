import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "../cli/run.js";

/** A repository whose custom folder replaces the shipped `integrated` framework. */
function replacing(): string {
  const dir = mkdtempSync(join(tmpdir(), "smartregion-outputs-"));
  mkdirSync(join(dir, ".git"));
  mkdirSync(join(dir, "fw"));
  writeFileSync(join(dir, "fw", "integrated.yaml"), readFileSync(join(ROOT, "frameworks", "integrated.yaml"), "utf8").replace(/version: 1\.0\.0/, "version: 1.0.1"));
  writeFileSync(join(dir, ".smartregion.yaml"), "frameworks: [fw]\n");
  cpSync(join(ROOT, "examples", "city.yaml"), join(dir, "city.yaml"));
  return dir;
}

describe("outputs a run must refuse or announce", () => {
  it("refuses two formats to one file, and a file name that ends in a slash, before any work", () => {
    const dir = mkdtempSync(join(tmpdir(), "smartregion-outputs-"));
    cpSync(join(ROOT, "examples", "city.yaml"), join(dir, "city.yaml"));
    for (const args of [
      ["validate", "city.yaml", "--format", "json=a.out", "--format", "sarif=./a.out"],
      ["validate", "city.yaml", "--format", "json=x.json", "--format", "stylish", "-o", "x.json"],
      ["score", "city.yaml", "-o", "out/"],
      ["report", "city.yaml", "-o", "new/"],
    ]) {
      const run = smartregion(args, dir);
      expect(run.code, args.join(" ")).toBe(2);
    }
    expect(readdirSync(dir)).toEqual(["city.yaml"]);
  });

  it("announces a replaced framework in every command, --quiet or not", () => {
    const dir = replacing();
    const quiet = smartregion(["validate", "city.yaml", "-q", "--format", "json"], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toContain("framework-replaced");
    for (const args of [["frameworks", "list"], ["frameworks", "show", "integrated"], ["schema"], ["init", "-"]]) {
      const run = smartregion(args, dir);
      expect(run.code, args.join(" ")).toBe(0);
      expect(run.stderr, args.join(" ")).toContain("framework-replaced");
    }
    // `init -` writes the template to stdout and nothing to the disk.
    expect(readdirSync(dir).sort()).toEqual([".git", ".smartregion.yaml", "city.yaml", "fw"]);
  });

  it("escapes line separators from framework texts in the editor schema", () => {
    const dir = replacing();
    writeFileSync(join(dir, "fw", "integrated.yaml"), readFileSync(join(dir, "fw", "integrated.yaml"), "utf8").replace("en: Integrated innovation", 'en: "Integrated\\Linnovation\\N"'));
    const run = smartregion(["schema"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Integrated\\u2028innovation\\u0085");
    expect(/[\u0085\u2028\u2029]/.test(run.stdout)).toBe(false);
  });

  it("writes nothing through a linked folder below the working folder, for an output or the cache", () => {
    const root = mkdtempSync(join(tmpdir(), "smartregion-outputs-"));
    const dir = join(root, "repo");
    mkdirSync(dir);
    mkdirSync(join(root, "victim"));
    writeFileSync(join(root, "victim", "r.json"), "precious");
    writeFileSync(join(root, "victim", "smartregion"), "precious");
    cpSync(join(ROOT, "examples", "city.yaml"), join(dir, "city.yaml"));
    symlinkSync("../victim", join(dir, "out"));
    expect(smartregion(["score", "city.yaml", "-o", "out/r.json"], dir).code).toBe(2);
    expect(smartregion(["validate", "city.yaml", "--format", "json=out/new.json"], dir).code).toBe(2);
    const cached = smartregion(["validate", "city.yaml", "--cache", "--cache-location", "out/smartregion"], dir, { XDG_CACHE_HOME: join(root, "xdg") });
    expect(cached.code).toBe(0);
    expect(readdirSync(join(root, "victim")).sort()).toEqual(["r.json", "smartregion"]);
    expect(readFileSync(join(root, "victim", "r.json"), "utf8")).toBe("precious");
    expect(readFileSync(join(root, "victim", "smartregion"), "utf8")).toBe("precious");
    // Two formats to one file through a link to the working folder are one file too.
    symlinkSync(".", join(dir, "self"));
    expect(smartregion(["validate", "city.yaml", "--format", "json=self/a", "--format", "junit=a"], dir).code).toBe(2);
    expect(readdirSync(dir).includes("a")).toBe(false);
  });

  it("keeps init within the assessment's limits and escapes line separators in the template", () => {
    const tooMany = smartregion(["init", "--kind", "region", "--members", Array.from({ length: 501 }, (_, i) => `m${i}`).join(","), "-"]);
    expect(tooMany.code).toBe(2);
    const named = smartregion(["init", "--subject", "a\u2028b", "-"]);
    expect(named.code).toBe(0);
    expect(/[\u0085\u2028\u2029]/.test(named.stdout)).toBe(false);
    expect(named.stdout).toContain('"a\\u2028b"');
  });

  it("answers an output or a cache under a file, not a folder, with a message and no internal error", () => {
    const dir = mkdtempSync(join(tmpdir(), "smartregion-outputs-"));
    cpSync(join(ROOT, "examples", "city.yaml"), join(dir, "city.yaml"));
    for (const [args, code] of [
      [["validate", "city.yaml", "--cache", "--cache-location", "city.yaml/c"], 0],
      [["validate", "city.yaml", "--cache", "--cache-location", "city.yaml/c/"], 2],
      [["score", "city.yaml", "-o", "city.yaml/x/y.json"], 2],
      [["validate", "city.yaml", "--format", "json=city.yaml/z/q.json"], 2],
    ] as const) {
      const run = smartregion(args, dir, { XDG_CACHE_HOME: join(dir, "xdg") });
      expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(code);
      expect(run.stderr).not.toMatch(/internal error/);
    }
    expect(readdirSync(dir).sort()).toEqual(["city.yaml", "xdg"]);
  });
});
