import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "../cli/run.js";

type Library = typeof import("../../src/index.js");
let lib: Library;
beforeAll(async () => {
  lib = (await import(join(ROOT, "dist", "lib", "index.mjs"))) as Library;
});

const fingal = readFileSync(join(ROOT, "examples", "dublin-region", "members", "fingal.yaml"), "utf8");
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

function roadmapOf(content: string) {
  const { reports, findings } = lib.report([{ file: "city.yaml", content }], { cwd: ROOT });
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  return reports[0]!.roadmap;
}

describe("the roadmap to the target stage", () => {
  it("goes through every stage up to the target, each with its plan, phased by effort to the target date", () => {
    const roadmap = roadmapOf(fingal)!;
    expect(roadmap.target).toBe("open");
    expect(roadmap.milestones.map((m) => m.stage)).toEqual(["integrated", "open"]);
    const [first, second] = roadmap.milestones;
    expect(second!.by).toBe("2029-12-31");
    expect(first!.by! > "2026-06-30" && first!.by! < "2029-12-31").toBe(true);
    // The first stage's share of the time is its share of the effort.
    const share = first!.plan.effort / (first!.plan.effort + second!.plan.effort);
    expect(days("2026-06-30", first!.by!)).toBe(Math.round(days("2026-06-30", "2029-12-31") * share));
    for (const m of roadmap.milestones) expect(m.plan.steps.length).toBeGreaterThan(0);
    expect(roadmap.overdue).toBe(false);
  });

  it("is undated without a target date, due now when the date has passed, empty once the target is reached, and absent without a target", () => {
    expect(roadmapOf(fingal.replace("  by: 2029-12-31\n", ""))!.milestones.map((m) => m.by)).toEqual([undefined, undefined]);
    const late = roadmapOf(fingal.replace("  by: 2029-12-31", "  by: 2026-01-01"))!;
    expect(late.overdue).toBe(true);
    expect(late.milestones.map((m) => m.by)).toEqual(["2026-01-01", "2026-01-01"]);
    expect(roadmapOf(fingal.replace("  stage: open", "  stage: integrated"))!.milestones.map((m) => m.stage)).toEqual(["integrated"]);
    const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8");
    expect(roadmapOf(city.replace("  stage: open", "  stage: integrated"))!.milestones).toEqual([]);
    expect(roadmapOf(fingal.replace(/# The council's own target[^\n]*\ntargets:\n {2}stage: open\n {2}by: 2029-12-31\n/, ""))).toBeUndefined();
  });

  it("is in the report's JSON and in every human format, with no step to level 5 on the way to the first stage", () => {
    const json = JSON.parse(smartregion(["report", "examples/dublin-region/members/fingal.yaml", "--format", "json"]).stdout) as { reports: { roadmap: { milestones: { stage: string; by: string; plan: { steps: { to: number }[] } }[] } }[] };
    const milestones = json.reports[0]!.roadmap.milestones;
    expect(milestones.map((m) => m.stage)).toEqual(["integrated", "open"]);
    expect(milestones[0]!.plan.steps.every((s) => s.to < 5)).toBe(true);
    for (const format of ["terminal", "markdown", "html"]) {
      const run = smartregion(["report", "examples/dublin-region/members/fingal.yaml", "--format", format]);
      expect(run.code, format).toBe(0);
      expect(run.stdout, format).toContain(milestones[0]!.by);
    }
    const region = JSON.parse(smartregion(["report", "examples/dublin-region/region.yaml", "--format", "json"]).stdout) as { reports: { region: { holdingBack: { plan: { stage: string; steps: { to: number }[] } }[] } }[] };
    const toIntegrated = region.reports[0]!.region.holdingBack.filter((m) => m.plan.stage === "integrated");
    expect(toIntegrated.length).toBeGreaterThan(0);
    expect(toIntegrated.flatMap((m) => m.plan.steps).every((s) => s.to < 5)).toBe(true);
  });
});
