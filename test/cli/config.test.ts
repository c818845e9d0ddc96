import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
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
});
