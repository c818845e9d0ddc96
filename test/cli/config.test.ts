import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

/** A repository with its own frameworks named in .smartregion.yaml, and an assessment in a sub-folder. */
function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), "smartregion-config-"));
  cpSync(join(ROOT, "examples", "custom-frameworks"), join(dir, "our-frameworks"), { recursive: true });
  mkdirSync(join(dir, "assessments"));
  cpSync(join(ROOT, "examples", "lakeland-destination.yaml"), join(dir, "assessments", "lakeland.yaml"));
  writeFileSync(join(dir, ".smartregion.yaml"), config);
  return join(dir, "assessments");
}

describe(".smartregion.yaml", () => {
  it("loads the frameworks it names, relative to itself, in every command run below it", () => {
    const cwd = project("frameworks:\n  - our-frameworks\n");
    expect(smartregion(["validate", "lakeland.yaml"], cwd).code).toBe(0);
    const score = smartregion(["score", "lakeland.yaml", "--format", "json"], cwd);
    expect(score.code).toBe(0);
    expect((JSON.parse(score.stdout) as { results: { fit: { best: string } }[] }).results[0]!.fit.best).toBe("tourism-destination");
    expect(smartregion(["frameworks", "show", "tourism-destination"], cwd).code).toBe(0);
    // --no-config: the custom framework is unknown again.
    expect(smartregion(["--no-config", "validate", "lakeland.yaml"], cwd).code).toBe(1);
  });

  it("refuses a file it cannot use, with the position of each problem, and exit 2", () => {
    const cwd = project("frameworks:\n  - nowhere\n  - 3\ncolour: yes\n");
    const run = smartregion(["validate", "lakeland.yaml"], cwd);
    expect(run.code).toBe(2);
    const positions = [...run.stderr.matchAll(/\.smartregion\.yaml:(\d+:\d+) .* ([a-z-]+)$/gm)].map((m) => `${m[2]}@${m[1]}`);
    expect(positions).toEqual(["not-found@2:5", "wrong-type@3:5", "unknown-key@4:1"]);
    expect(smartregion(["validate", "lakeland.yaml"], project("frameworks: [\n")).code).toBe(2);
  });

  it("is looked for no higher than the top of the repository", () => {
    const cwd = project("frameworks:\n  - our-frameworks\n");
    // The same tree, with the assessments' folder made a repository of its own: the config above it is not read.
    mkdirSync(join(cwd, ".git"));
    expect(smartregion(["validate", "lakeland.yaml"], cwd).code).toBe(1);
    writeFileSync(join(cwd, ".git", "HEAD"), "");
    expect(smartregion(["score", "lakeland.yaml", "--format", "json"], cwd).code).toBe(1);
  });

  it("refuses framework folders outside its own folder, by name or through a link, with their position", () => {
    const outside = mkdtempSync(join(tmpdir(), "smartregion-elsewhere-"));
    cpSync(join(ROOT, "examples", "custom-frameworks"), join(outside, "fw"), { recursive: true });
    const cwd = project(`frameworks:\n  - ${join(outside, "fw")}\n  - ../${outside.split("/").pop()}/fw\n  - linked\n`);
    symlinkSync(join(outside, "fw"), join(cwd, "..", "linked"));
    const run = smartregion(["validate", "lakeland.yaml"], cwd);
    expect(run.code).toBe(2);
    const positions = [...run.stderr.matchAll(/\.smartregion\.yaml:(\d+:\d+) .* ([a-z-]+)$/gm)].map((m) => `${m[2]}@${m[1]}`);
    expect(positions).toEqual(["outside-config-folder@2:5", "outside-config-folder@3:5", "outside-config-folder@4:5"]);
  });

  it("says in every format that a custom framework replaces a shipped one", () => {
    const cwd = project("frameworks:\n  - our-frameworks\n");
    const replaced = readFileSync(join(ROOT, "frameworks", "integrated.yaml"), "utf8").replace(/version: 1\.0\.0/, "version: 1.0.1");
    writeFileSync(join(cwd, "..", "our-frameworks", "integrated.yaml"), replaced);
    cpSync(join(ROOT, "examples", "city.yaml"), join(cwd, "city.yaml"));
    const idLine = replaced.split("\n").findIndex((l) => /^ {2}id: integrated$/.test(l)) + 1;
    const runs: [string, string[]][] = [
      ["validate", ["stylish", "json", "sarif", "junit", "github"]],
      ["score", ["terminal", "json", "markdown", "sarif", "junit", "github"]],
      ["report", ["terminal", "json", "markdown", "html", "sarif", "junit", "github"]],
    ];
    // Every format of a command in one run, each to its own file.
    const out = mkdtempSync(join(tmpdir(), "smartregion-replaced-"));
    for (const [command, formats] of runs) {
      const run = smartregion([command, "city.yaml", ...formats.flatMap((f) => ["-f", `${f}=${join(out, `${command}.${f}`)}`])], cwd);
      expect(run.code, command).toBe(0);
      for (const f of formats) {
        // HTML names the file and line of each problem rather than its code.
        expect(readFileSync(join(out, `${command}.${f}`), "utf8"), `${command} ${f}`).toContain(f === "html" ? `our-frameworks/integrated.yaml:${idLine}` : "framework-replaced");
      }
    }
    const json = JSON.parse(smartregion(["validate", "city.yaml", "-f", "json"], cwd).stdout) as { files: { file: string; findings: { code: string; line: number }[] }[] };
    const notice = json.files.find((f) => f.file === "../our-frameworks/integrated.yaml")!.findings;
    expect(notice.map((f) => `${f.code}@${f.line}`)).toEqual([`framework-replaced@${idLine}`]);
    expect(smartregion(["diff", "city.yaml", "city.yaml"], cwd).stderr).toContain("framework-replaced");
    // A custom framework of a new id replaces nothing and says nothing.
    expect(smartregion(["validate", "lakeland.yaml", "-f", "json"], project("frameworks:\n  - our-frameworks\n")).stdout).not.toContain("framework-replaced");
  }, 120_000);
});
