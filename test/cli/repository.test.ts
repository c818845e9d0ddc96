import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

const GIT_ENV = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org", HOME: tmpdir() };
type Json = { files: { file: string; findings: { code: string }[] }[] };
const files = (stdout: string) => (JSON.parse(stdout) as Json).files.map((f) => f.file);

describe("a repository of assessments", () => {
  const repo = mkdtempSync(join(tmpdir(), "smartregion-repo-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, env: { ...process.env, ...GIT_ENV }, encoding: "utf8" });
  beforeAll(() => {
    git("init", "-q", "-b", "main");
    for (const dir of ["assessments/cities", "frameworks", ".github/workflows", "notes"]) mkdirSync(join(repo, dir), { recursive: true });
    cpSync(join(ROOT, "examples", "city.yaml"), join(repo, "assessments", "cities", "riverton.yaml"));
    cpSync(join(ROOT, "examples", "lakeland-destination.yaml"), join(repo, "assessments", "lakeland.yaml"));
    cpSync(join(ROOT, "examples", "custom-frameworks", "tourism-destination.yaml"), join(repo, "frameworks", "tourism-destination.yaml"));
    writeFileSync(join(repo, ".github", "workflows", "check.yml"), "name: check\non: pull_request\njobs: {}\n");
    writeFileSync(join(repo, "notes", "todo.yaml"), "- ask the transport department\n");
    writeFileSync(join(repo, ".smartregion.yaml"), 'frameworks: frameworks\nassessments:\n  - "assessments/**/*.yaml"\n');
  });

  it("checks exactly the assessments .smartregion.yaml lists when given no paths, from any folder below it", () => {
    const run = smartregion(["validate", "--format", "json"], repo);
    expect(run.code).toBe(0);
    expect(files(run.stdout)).toEqual(["assessments/cities/riverton.yaml", "assessments/lakeland.yaml"]);
    expect(files(smartregion(["validate", "--format", "json"], join(repo, "assessments")).stdout)).toEqual(["cities/riverton.yaml", "lakeland.yaml"]);
    expect(smartregion(["score"], repo).code).toBe(0);
    // Without the list, no paths is a usage error.
    expect(smartregion(["--no-config", "validate"], repo).code).toBe(2);
  });

  it("leaves framework files out of a walk, and says what one is when it is named", () => {
    const walked = smartregion(["validate", ".", "--format", "json"], repo);
    expect(files(walked.stdout)).not.toContain("frameworks/tourism-destination.yaml");
    const named = JSON.parse(smartregion(["validate", "frameworks/tourism-destination.yaml", "--format", "json"], repo).stdout) as Json;
    expect(named.files[0]!.findings.map((f) => f.code)).toEqual(["framework-file"]);
  });

  it("leaves a walk's frameworks out of every command, in worker threads too, and says a folder of frameworks only holds nothing to check", () => {
    for (const jobs of ["1", "2"]) {
      const walked = smartregion(["validate", ".", "--format", "json", "--jobs", jobs], repo);
      expect(files(walked.stdout)).not.toContain("frameworks/tourism-destination.yaml");
      const scored = smartregion(["--no-config", "score", "assessments", "frameworks", "--format", "json", "--jobs", jobs], repo);
      expect(scored.code).toBe(2);
      const json = JSON.parse(scored.stdout) as { results: { file: string }[]; findings: { file: string; code: string }[] };
      expect(json.results.map((s) => s.file)).toEqual(["assessments/cities/riverton.yaml"]);
      expect(json.findings.map((p) => [p.file, p.code])).toContainEqual(["frameworks", "not-found"]);
      expect(json.findings.map((p) => p.file)).not.toContain("frameworks/tourism-destination.yaml");
      const only = smartregion(["--no-config", "validate", "frameworks", "--format", "json", "--jobs", jobs], repo);
      expect(only.code).toBe(2);
      expect((JSON.parse(only.stdout) as Json).files.flatMap((f) => f.findings.map((x) => [f.file, x.code]))).toEqual([["frameworks", "not-found"]]);
      const globbed = smartregion(["--no-config", "validate", "frameworks/*.yaml", "--format", "json", "--jobs", jobs], repo);
      expect(globbed.code).toBe(2);
    }
  });

  it("refuses an assessments entry that leads out of the repository, with its position", () => {
    const other = mkdtempSync(join(tmpdir(), "smartregion-repo-bad-"));
    writeFileSync(join(other, ".smartregion.yaml"), 'assessments:\n  - "../**/*.yaml"\n  - 5\n');
    const run = smartregion(["validate"], other);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.smartregion\.yaml:2:5 .*outside-config-folder/);
    expect(run.stderr).toMatch(/\.smartregion\.yaml:3:5 .*wrong-type/);
  });

  it("checks with --staged only the staged assessments: not the workflow, notes or frameworks beside them", () => {
    git("add", "-A");
    const clean = smartregion(["validate", "--staged", "--format", "json"], repo);
    expect(clean.code).toBe(0);
    expect(files(clean.stdout)).toEqual(["assessments/cities/riverton.yaml", "assessments/lakeland.yaml"]);
    git("commit", "-qm", "base");
    // Nothing staged: nothing printed, exit 0.
    const none = smartregion(["validate", "--staged"], repo);
    expect([none.code, none.stdout]).toEqual([0, ""]);
    const city = join(repo, "assessments", "cities", "riverton.yaml");
    writeFileSync(city, readFileSync(city, "utf8").replace("level: 4", "level: 9"));
    writeFileSync(join(repo, ".github", "workflows", "check.yml"), "name: check again\non: push\n");
    git("add", "-A");
    const broken = smartregion(["validate", "--staged", "--format", "json"], join(repo, "assessments"));
    expect(broken.code).toBe(1);
    expect(files(broken.stdout)).toEqual(["cities/riverton.yaml"]);
    // Without a list, a staged file counts when it starts as an assessment does.
    const bare = smartregion(["--no-config", "--frameworks", "frameworks", "validate", "--staged", "--format", "json"], repo);
    expect(files(bare.stdout)).toEqual(["assessments/cities/riverton.yaml"]);
    // What the commit will hold is checked, not the working file: a broken file fixed on disk
    // but not staged is still refused, and a good file staged is let through whatever is on disk.
    git("add", "-A");
    git("commit", "-qm", "broken", "--no-verify");
    const fixed = readFileSync(city, "utf8").replace(/level: 9/g, "level: 4");
    writeFileSync(city, fixed.replace("level: 4", "level: 7"));
    git("add", city);
    writeFileSync(city, fixed);
    expect(smartregion(["validate", "--staged"], repo).code).toBe(1);
    git("add", city);
    writeFileSync(city, fixed.replace("level: 4", "level: 8"));
    expect(smartregion(["validate", "--staged"], repo).code).toBe(0);
    expect(smartregion(["validate", "--staged", "x.yaml"], repo).code).toBe(2);
    expect(smartregion(["validate", "--staged"], mkdtempSync(join(tmpdir(), "smartregion-nogit-"))).code).toBe(2);
  });

  it("maps the schema to the listed assessments in .vscode/settings.json, keeping other settings, and never through a link", () => {
    const vscode = join(repo, ".vscode");
    mkdirSync(vscode, { recursive: true });
    writeFileSync(join(vscode, "settings.json"), JSON.stringify({ "editor.tabSize": 2, "yaml.schemas": { "other.json": ["other/*.yaml"] } }));
    expect(smartregion(["schema", "--editor-settings"], join(repo, "assessments")).code).toBe(0);
    const settings = JSON.parse(readFileSync(join(vscode, "settings.json"), "utf8")) as Record<string, unknown>;
    expect(settings["editor.tabSize"]).toBe(2);
    // The repository loads a custom framework: the schema of the loaded frameworks is written beside the settings.
    expect(settings["yaml.schemas"]).toEqual({ "other.json": ["other/*.yaml"], "./.vscode/smartregion.schema.json": ["assessments/**/*.yaml"] });
    expect(readFileSync(join(vscode, "smartregion.schema.json"), "utf8")).toContain("tourism-destination");
    // Comments: left alone, with the entry to add shown.
    writeFileSync(join(vscode, "settings.json"), '{\n  // mine\n  "editor.tabSize": 2\n}\n');
    const jsonc = smartregion(["schema", "--editor-settings"], repo);
    expect(jsonc.code).toBe(2);
    expect(jsonc.stderr).toContain("yaml.schemas");
    expect(readFileSync(join(vscode, "settings.json"), "utf8")).toContain("// mine");
    const linked = mkdtempSync(join(tmpdir(), "smartregion-repo-link-"));
    writeFileSync(join(linked, ".smartregion.yaml"), 'assessments: "a/*.yaml"\n');
    const elsewhere = mkdtempSync(join(tmpdir(), "smartregion-repo-elsewhere-"));
    symlinkSync(elsewhere, join(linked, ".vscode"));
    expect(smartregion(["schema", "--editor-settings"], linked).code).toBe(2);
    expect(existsSync(join(elsewhere, "settings.json"))).toBe(false);
  });
});
