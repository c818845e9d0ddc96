import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

describe("the precompiled shipped frameworks", () => {
  it("are used only while the framework files are unchanged", () => {
    const copy = mkdtempSync(join(tmpdir(), "sr-package-"));
    for (const part of ["bin", "dist", "frameworks", "package.json"]) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
    const run = (args: string[]) => smartregion(args, ROOT, {}, join(copy, "bin", "smartregion.js"));
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

describe("the code cache of the command line's bundle", () => {
  it("is taken by V8 in a fresh process, as bin/smartregion.js hands it over", () => {
    // A cache made after a run changed V8's flags would be refused by every run that did not.
    const probe = `
      const { readFileSync } = require("node:fs");
      const { Script } = require("node:vm");
      const { CJS_WRAPPER } = require(${JSON.stringify(join(ROOT, "bin", "wrapper.js"))});
      const bundle = ${JSON.stringify(join(ROOT, "dist", "cli", "smartregion.cjs"))};
      const source = CJS_WRAPPER[0] + readFileSync(bundle, "utf8") + CJS_WRAPPER[1];
      const taken = [".v8cache", ".validate.v8cache"].map((cache) => !new Script(source, { filename: bundle, cachedData: readFileSync(bundle + cache) }).cachedDataRejected);
      process.stdout.write(JSON.stringify(taken));`;
    const out = execFileSync(process.execPath, ["-e", probe], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });
    // The cache of every command, and validate's own.
    expect(JSON.parse(out)).toEqual([true, true]);
  });
});
