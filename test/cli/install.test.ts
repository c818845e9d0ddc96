import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

/**
 * The package as a user installs it: packed, then installed into an empty project as a dev
 * dependency and into a global prefix, and run from there. The pack is of the built tree as it
 * stands (`--ignore-scripts`), so the suite's other runs of dist/ are not disturbed.
 */
describe("installed outside the clone", () => {
  const dir = mkdtempSync(join(tmpdir(), "smartregion-install-"));
  const npm = (args: string[], cwd: string) => execFileSync("npm", [...args, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  let tarball = "";
  beforeAll(() => {
    execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", dir, "--loglevel=error"], { cwd: ROOT, encoding: "utf8" });
    tarball = join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz"))!);
  }, 120_000);

  const run = (bin: string, args: string[], cwd: string) => spawnSync(bin.endsWith(".js") ? process.execPath : bin, bin.endsWith(".js") ? [bin, ...args] : args, { cwd, encoding: "utf8", env: { PATH: process.env["PATH"], NO_COLOR: "1", XDG_CACHE_HOME: dir } });

  function tryIt(bin: string, cwd: string, command: string) {
    const init = run(bin, ["init", "new-city.yaml"], cwd);
    expect(init.status, init.stderr).toBe(0);
    // The message names a command that works for this install.
    expect(init.stdout).toContain(`Check it with: ${command} validate new-city.yaml`);
    const line = readFileSync(join(cwd, "new-city.yaml"), "utf8").split("\n")[0]!;
    const schema = /\$schema=(.*)$/.exec(line)![1]!;
    expect(existsSync(resolve(cwd, schema)), schema).toBe(true);
    cpSync(join(ROOT, "examples", "city.yaml"), join(cwd, "riverton.yaml"));
    cpSync(join(ROOT, "examples", "dublin-region"), join(cwd, "dublin"), { recursive: true });
    expect(run(bin, ["validate", "new-city.yaml", "riverton.yaml", "dublin"], cwd).status).toBe(0);
    expect(run(bin, ["score", "riverton.yaml", "--format", "json"], cwd).status).toBe(0);
    const report = run(bin, ["report", "dublin/region.yaml", "--format", "html=report.html"], cwd);
    expect(report.status, report.stderr).toBe(0);
    expect(readFileSync(join(cwd, "report.html"), "utf8")).toContain("<h3>Summary</h3>");
    return schema;
  }

  it("runs as a dev dependency of a repository of assessments, with npx and a schema line teammates share", () => {
    const project = join(dir, "assessments");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "assessments", private: true }));
    npm(["install", "--save-dev", tarball], project);
    const schema = tryIt(join(project, "node_modules", ".bin", "smartregion"), project, "npx smartregion");
    expect(schema).toBe("node_modules/smartregion/schema/assessment.schema.json");
    const npx = spawnSync("npx", ["--no-install", "smartregion", "validate", "riverton.yaml"], { cwd: project, encoding: "utf8" });
    expect(npx.status, npx.stderr).toBe(0);
  }, 120_000);

  it("runs as a global command", () => {
    const prefix = join(dir, "global");
    npm(["install", "--global", "--prefix", prefix, tarball], dir);
    const work = join(dir, "elsewhere");
    mkdirSync(work);
    tryIt(join(prefix, "bin", "smartregion"), work, "smartregion");
    expect(dirname(tarball)).toBe(dir);
  }, 120_000);
});
