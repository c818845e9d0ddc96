import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

/** The command line's bundle, in the function bin/smartregion.js runs it in. */
const BUNDLE = join(ROOT, "dist", "cli", "smartregion.wrapped.cjs");

/** A copy of the package's files, to change, and a run of its command line. */
function packageCopy(): { copy: string; run: (args: string[]) => ReturnType<typeof smartregion> } {
  const copy = mkdtempSync(join(tmpdir(), "sr-package-"));
  for (const part of ["bin", "dist", "frameworks", "package.json"]) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
  return { copy, run: (args) => smartregion(args, ROOT, {}, join(copy, "bin", "smartregion.js")) };
}

describe("the precompiled shipped frameworks", () => {
  it("are used only while the framework files are unchanged", () => {
    const { copy, run } = packageCopy();
    expect(run(["frameworks", "show", "open"]).stdout).toContain("Open innovation");

    const file = join(copy, "frameworks", "open.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("en: Open innovation", "en: Open innovation, edited"));
    expect(run(["frameworks", "show", "open"]).stdout).toContain("Open innovation, edited");

    writeFileSync(file, readFileSync(file, "utf8").replace("kind: stage", "kind: phase"));
    const broken = run(["validate", "examples/city.yaml"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/frameworks\/open\.yaml:\d+:\d+\s+error/);
  });
});

describe("the validator the command line's bundle carries", () => {
  it("is taken only while its digest is the one the build wrote beside the shipped frameworks", () => {
    const { copy, run } = packageCopy();
    // A validator file beside the frameworks that finds every assessment sound: read only when the carried copy does not fit.
    const shipped = join(copy, "dist", "shipped");
    writeFileSync(join(shipped, "validate-assessment.cjs"), "module.exports = function validate() { validate.errors = null; return true; };\n");
    // An answer of level 9 is wrong by the schema alone.
    writeFileSync(join(copy, "city.yaml"), readFileSync(join(ROOT, "examples", "city.yaml"), "utf8").replace(/level: \d/, "level: 9"));
    const bad = ["validate", join(copy, "city.yaml")];
    expect(run(bad).code).toBe(1);
    const frameworks = join(shipped, "frameworks.json");
    const data = JSON.parse(readFileSync(frameworks, "utf8")) as { validator: string };
    expect(data.validator).toMatch(/^[0-9a-f]{32}$/);
    writeFileSync(frameworks, JSON.stringify({ ...data, validator: "0".repeat(32) }));
    expect(run(bad).code).toBe(0);
  });
});

describe("the code cache of the command line's bundle", () => {
  it("is taken by V8 in a fresh process, as bin/smartregion.js hands it over", () => {
    // A cache made after a run changed V8's flags would be refused by every run that did not.
    const probe = `
      const { readFileSync } = require("node:fs");
      const { Script } = require("node:vm");
      const bundle = ${JSON.stringify(BUNDLE)};
      const source = readFileSync(bundle, "utf8");
      const taken = [".v8cache", ".validate.v8cache"].map((cache) => !new Script(source, { filename: bundle, cachedData: readFileSync(bundle + cache) }).cachedDataRejected);
      process.stdout.write(JSON.stringify(taken));`;
    const out = execFileSync(process.execPath, ["-e", probe], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
    // The cache of every command, and validate's own.
    expect(JSON.parse(out)).toEqual([true, true]);
  });

  it("is built from a bundle of ASCII alone, which V8 holds at one byte a character", () => {
    const text = readFileSync(BUNDLE, "utf8");
    expect([...text].filter((c) => c.charCodeAt(0) > 0x7f).slice(0, 5)).toEqual([]);
    // Its Chinese still reads as Chinese.
    expect(smartregion(["score", "examples/city.yaml", "--lang", "zh-CN"], ROOT).stdout).toContain("集成创新");
  });

  it("has a cache for the worker threads that start once a long run has held its heap", () => {
    // V8's flags are the process's: a long run holds its heap by changing them, after which the
    // build's other caches are refused, and the cache made under the held flags is taken.
    const probe = `
      import { readFileSync } from "node:fs";
      import { createRequire } from "node:module";
      import { Script } from "node:vm";
      import { heldMark, holdYoungGeneration, runOf } from ${JSON.stringify(join(ROOT, "dist", "node", "memory.js"))};
      const bundle = ${JSON.stringify(BUNDLE)};
      const source = readFileSync(bundle, "utf8");
      // Each under a name of its own: V8 would otherwise find the script it compiled before, and read no cache.
      let n = 0;
      const taken = (cache) => !new Script(source, { filename: bundle + "#" + n++, cachedData: readFileSync(bundle + cache) }).cachedDataRejected;
      const mark = heldMark();
      const before = [taken(".v8cache"), taken(".held.v8cache"), mark[0]];
      // Objects that live through many collections make V8 grow its young generation.
      const kept = [];
      for (let i = 0; i < 3e6; i++) kept.push({ i });
      runOf(10000, "score");
      holdYoungGeneration();
      process.stdout.write(JSON.stringify([before, [taken(".v8cache"), taken(".held.v8cache"), mark[0]], kept.length]));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
    // Before the hold, the usual cache is taken and the mark is clear; after it, the held one, and the mark says so.
    expect(JSON.parse(out)).toEqual([[true, false, 0], [false, true, 1], 3e6]);
  });

  it("gives a worker thread of a long run the cache its flags fit", () => {
    const dir = mkdtempSync(join(tmpdir(), "smartregion-held-"));
    for (let i = 0; i < 1200; i++) cpSync(join(ROOT, "examples", "city.yaml"), join(dir, `city-${String(i).padStart(4, "0")}.yaml`));
    const probe = `
      const { Worker } = require("node:worker_threads");
      const made = Worker;
      // Every worker the run starts is told, in its own thread, whether its cache was taken.
      require("node:worker_threads").Worker = class extends made {
        constructor(url, options) {
          super(url, { ...options, execArgv: ["--require", ${JSON.stringify(join(ROOT, "test", "fixtures", "cache-probe.cjs"))}] });
        }
      };
      process.argv = [process.argv[0], ${JSON.stringify(join(ROOT, "bin", "smartregion.js"))}, "score", ${JSON.stringify(dir)}, "--format", "json", "-o", ${JSON.stringify(join(dir, "out.json"))}, "--jobs", "2"];
      require(${JSON.stringify(join(ROOT, "bin", "smartregion.js"))});`;
    const run = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
    expect(run.status).toBe(0);
    const said = run.stderr.split("\n").filter((line) => line.startsWith("cache "));
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((line) => line === "cache taken")).toBe(true);
  });
});
