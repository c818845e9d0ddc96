import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

const GIT_ENV = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org", HOME: tmpdir() };

describe("diff --since: a file against itself at a git revision", () => {
  const repo = mkdtempSync(join(tmpdir(), "smartregion-git-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, env: { ...process.env, ...GIT_ENV }, encoding: "utf8" });
  beforeAll(() => {
    git("init", "-q", "-b", "main");
    cpSync(join(ROOT, "examples", "dublin-region"), join(repo, "assessments"), { recursive: true });
    git("add", "-A");
    git("commit", "-qm", "base");
    git("checkout", "-qb", "change");
  });
  const member = join(repo, "assessments", "members", "fingal.yaml");

  it("reads the region and its members as they were at the revision, and fails the gate on a member's regression", () => {
    expect(smartregion(["diff", "--since", "main", "assessments/region.yaml", "--fail-on-regression"], repo).code).toBe(0);
    writeFileSync(member, readFileSync(member, "utf8").replace("    fundamental-databases: 3", "    fundamental-databases: 1"));
    git("commit", "-qam", "lower");
    const run = smartregion(["diff", "--since", "main", "assessments/region.yaml", "--fail-on-regression", "--format", "json"], repo);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const diff = JSON.parse(run.stdout) as { regressions: { member?: string; indicator?: string }[] };
    expect(diff.regressions.some((r) => JSON.stringify(r).includes("fundamental-databases"))).toBe(true);
    // From a subfolder, the same; and against the branch itself, no change.
    expect(smartregion(["diff", "--since", "main", "region.yaml", "--fail-on-regression"], join(repo, "assessments")).code).toBe(1);
    expect(smartregion(["diff", "--since", "HEAD", "assessments/region.yaml", "--fail-on-regression"], repo).code).toBe(0);
  });

  it("names files of the revision by it, and finds a member missing there", () => {
    writeFileSync(join(repo, "assessments", "members", "extra.yaml"), readFileSync(member, "utf8").replace("name: Fingal", "name: Extra"));
    const last = "    population: 233860\n";
    writeFileSync(join(repo, "assessments", "region.yaml"), readFileSync(join(repo, "assessments", "region.yaml"), "utf8").replace(last, `${last}  - file: members/extra.yaml\n    population: 1000\n`));
    git("add", "-A");
    git("commit", "-qm", "extra");
    writeFileSync(join(repo, "assessments", "region.yaml"), readFileSync(join(repo, "assessments", "region.yaml"), "utf8"));
    const run = smartregion(["diff", "--since", "HEAD~1", "assessments/region.yaml"], repo);
    // At HEAD~1 the region did not list the extra member: it joined.
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("HEAD~1:assessments/region.yaml");
  });

  it("treats a link in the revision as no member file", () => {
    symlinkSync("/etc/passwd", join(repo, "assessments", "members", "link.yaml"));
    const region = readFileSync(join(repo, "assessments", "region.yaml"), "utf8");
    writeFileSync(join(repo, "assessments", "region.yaml"), region.replace("file: members/extra.yaml", "file: members/link.yaml"));
    git("add", "-A");
    git("commit", "-qm", "link");
    const run = smartregion(["diff", "--since", "HEAD", "assessments/region.yaml", "--format", "json"], repo);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/HEAD:assessments\/region\.yaml:\d+:\d+ +error .*member-(not-a-file|not-found|outside-folder)/);
  });

  it("refuses a revision that is not one, one that would be an option, a file outside a repository, and two files with --since", () => {
    for (const rev of ["nope", "--output=/tmp/smartregion-pwned", "-p", "main\nx"]) {
      const run = smartregion(["diff", `--since=${rev}`, "assessments/region.yaml"], repo);
      expect(run.code, rev).toBe(2);
      expect(run.stderr, rev).not.toMatch(/\n.*\n.*\n/);
    }
    expect(existsSync("/tmp/smartregion-pwned")).toBe(false);
    const outside = mkdtempSync(join(tmpdir(), "smartregion-nogit-"));
    cpSync(join(ROOT, "examples", "city.yaml"), join(outside, "city.yaml"));
    expect(smartregion(["diff", "--since", "main", "city.yaml"], outside).code).toBe(2);
    expect(smartregion(["diff", "--since", "main", "assessments/region.yaml", "assessments/region.yaml"], repo).code).toBe(2);
    expect(smartregion(["diff", "assessments/region.yaml"], repo).code).toBe(2);
  });
});
