import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

interface Change {
  framework: string;
  indicator: string;
  movement: string;
  before: { level: number | null; notApplicable: boolean };
  after: { level: number | null; notApplicable: boolean };
}
interface Score {
  framework: string;
  dimension: string | null;
  before: number | null;
  after: number | null;
  delta: number | null;
}
interface Answers {
  stage: { before: string; after: string; direction: string } | null;
  scores: Score[];
  indicators: Change[];
  evidence: { framework: string; indicator: string; added: string[]; withdrawn: string[] }[];
}
interface Diff {
  smartregion: string;
  kind: string;
  own: Answers;
  regionStage: { direction: string } | null;
  members: { name: string; presence: string; changes: Answers | null }[];
  regressions: { what: string; member: string | null; framework: string | null; indicator: string | null }[];
}

const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8");
/** Sets the level of one indicator, written as `indicator:\n      level: N`, in the example city. */
const setLevel = (text: string, indicator: string, level: number | string) => {
  const pattern = new RegExp(`(\\n    ${indicator}:\\n      level: )\\S+`);
  expect(pattern.test(text), indicator).toBe(true);
  return text.replace(pattern, `$1${level}`);
};

describe("diff", () => {
  let dir = "";
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const diff = (...args: string[]) => smartregion(["diff", ...args], dir);
  const json = (...args: string[]) => {
    const run = diff(...args, "--format", "json");
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Diff;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "smartregion-diff-"));
    write("2026.yaml", city);
    let newer = city.replace("date: 2026-06-30", "date: 2027-06-30");
    newer = setLevel(newer, "sharing-platform", 5);
    newer = setLevel(newer, "business-databases", 2);
    newer = newer.replace("title: Fundamental databases quality report 2025", "title: Fundamental databases quality report 2026");
    write("2027.yaml", newer);
    // Every level at 1: still in informatization.
    write("2025.yaml", city.replace("date: 2026-06-30", "date: 2025-06-30").replace(/level: \d/g, "level: 1").replace(/^(\s+[a-z-]+): \d$/gm, "$1: 1"));
    write("elsewhere.yaml", city.replace("name: Riverton", "name: Elsewhere"));
    write("spacing.yaml", city.replace("name: Riverton", "name: '  riverton '"));
    cpSync(join(ROOT, "examples", "seattle-region.yaml"), join(dir, "region-2026.yaml"));
    cpSync(join(ROOT, "examples", "invalid.yaml"), join(dir, "invalid.yaml"));
  });

  it("lists the indicators that moved, the evidence that changed, and the scores before and after", () => {
    const d = json("2026.yaml", "2027.yaml");
    expect(d.smartregion).toBe("diff");
    const moved = Object.fromEntries(d.own.indicators.map((c) => [`${c.framework}.${c.indicator}`, [c.before.level, c.after.level, c.movement]]));
    expect(moved).toEqual({ "integrated.sharing-platform": [4, 5, "up"], "integrated.business-databases": [3, 2, "down"] });
    expect(d.own.evidence).toEqual([
      { framework: "integrated", indicator: "fundamental-databases", added: ["Fundamental databases quality report 2026"], withdrawn: ["Fundamental databases quality report 2025"] },
    ]);
    // Scores: the dimensions that hold the two indicators move; the other stages do not.
    const score = (framework: string, dimension: string | null) => d.own.scores.find((s) => s.framework === framework && s.dimension === dimension)!;
    expect(score("integrated", "sharing").delta).toBeCloseTo(score("integrated", "sharing").after! - score("integrated", "sharing").before!, 6);
    for (const s of d.own.scores.filter((x) => x.framework !== "integrated")) expect(s.delta).toBe(0);
    expect(d.own.stage).toEqual({ before: "integrated", after: "integrated", direction: "same" });
    expect(d.regressions.map((r) => `${r.what}:${r.framework}.${r.indicator ?? ""}`)).toContain("indicator:integrated.business-databases");
  });

  it("exits 1 with --fail-on-regression only when something went down", () => {
    expect(diff("2026.yaml", "2027.yaml").code).toBe(0);
    expect(diff("2026.yaml", "2027.yaml", "--fail-on-regression").code).toBe(1);
    expect(diff("2025.yaml", "2026.yaml", "--fail-on-regression").code).toBe(0);
    expect(diff("2026.yaml", "2026.yaml", "--fail-on-regression").code).toBe(0);
  });

  it("counts a first answer as coverage gained, never as a regression, and a withdrawn answer or piece of evidence as one", () => {
    // twin-simulation is unanswered in the example: answering it at 1 lowers the mean of its dimension.
    const answered = city.replace("    twin-simulation:\n", "    twin-simulation:\n      level: 1\n").replace("date: 2026-06-30", "date: 2027-06-30");
    expect(answered).not.toBe(city);
    write("first-answer.yaml", answered);
    const d = json("2026.yaml", "first-answer.yaml");
    const moved = d.own.scores.find((s) => s.framework === "merged" && s.dimension !== null && s.delta !== null && s.delta < 0);
    expect(moved, "a dimension mean fell").toBeDefined();
    expect(d.own.indicators.map((c) => `${c.indicator}:${c.movement}`)).toEqual(["twin-simulation:answered"]);
    expect(d.regressions).toEqual([]);
    expect(diff("2026.yaml", "first-answer.yaml", "--fail-on-regression").code).toBe(0);
    // Back again: the answer is withdrawn.
    const back = json("first-answer.yaml", "2026.yaml");
    expect(back.regressions.map((r) => `${r.what}:${r.indicator}`)).toEqual(["answer-withdrawn:twin-simulation"]);
    expect(diff("first-answer.yaml", "2026.yaml", "--fail-on-regression").code).toBe(1);
    // A piece of evidence withdrawn, the level unchanged.
    const withdrawn = city.replace("      evidence:\n        - title: Riverton 3D city model, update log\n          link: https://example.org/riverton/planning/3d-city-model\n          date: 2026-04-02\n          method: measured\n", "");
    expect(withdrawn).not.toBe(city);
    write("withdrawn.yaml", withdrawn);
    expect(json("2026.yaml", "withdrawn.yaml").regressions.map((r) => `${r.what}:${r.indicator}`)).toEqual(["evidence-withdrawn:digital-twin"]);
  });

  it("reports a stage reached, and a stage lost as a regression", () => {
    const up = json("2025.yaml", "2026.yaml");
    expect(up.own.stage).toEqual({ before: "informatization", after: "integrated", direction: "up" });
    expect(up.regressions).toEqual([]);
    const down = json("2026.yaml", "2025.yaml");
    expect(down.own.stage?.direction).toBe("down");
    expect(down.regressions.map((r) => r.what)).toContain("stage");
  });

  it("refuses assessments of different subjects unless --force, and a city against a region always", () => {
    const refused = diff("2026.yaml", "elsewhere.yaml");
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(diff("2026.yaml", "elsewhere.yaml", "--force").code).toBe(0);
    expect(diff("2026.yaml", "spacing.yaml").code).toBe(0);
    expect(diff("2026.yaml", "region-2026.yaml", "--force").code).toBe(2);
  });

  it("compares a region per member: members that joined or left, and each member's changes", () => {
    const region = readFileSync(join(dir, "region-2026.yaml"), "utf8");
    const names = [...region.slice(region.indexOf("\nmembers:")).matchAll(/^ {2}- name: (.+)$/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(2);
    const last = region.lastIndexOf("\n  - name:");
    const first = names[0]!;
    // The newer one: the last member gone, a new one in, and the first member's first indicator up.
    let newer = `${region.slice(0, last)}\n  - name: Newtown\n    indicators:\n      integrated:\n        fundamental-databases: 2\n`;
    newer = newer.replace(/(\n {6}integrated:\n {8}fundamental-databases: )(\d)/, (_, head: string, level: string) => `${head}${Math.min(5, Number(level) + 1)}`);
    write("region-2027.yaml", newer);
    const d = json("region-2026.yaml", "region-2027.yaml");
    expect(d.kind).toBe("region");
    const presence = Object.fromEntries(d.members.map((m) => [m.name, m.presence]));
    expect(presence["Newtown"]).toBe("joined");
    expect(presence[names[names.length - 1]!]).toBe("left");
    const moved = d.members.find((m) => m.name === first)!.changes!.indicators;
    expect(moved.map((c) => `${c.framework}.${c.indicator}:${c.movement}`)).toEqual(["integrated.fundamental-databases:up"]);
    expect(d.regionStage).not.toBeNull();
  });

  it("writes terminal and Markdown views that name every moved indicator, the same bytes each run", () => {
    for (const format of ["terminal", "markdown", "json"]) {
      const first = diff("2026.yaml", "2027.yaml", "--format", format);
      expect(first.code).toBe(0);
      expect(diff("2026.yaml", "2027.yaml", "--format", format).stdout).toBe(first.stdout);
      if (format === "json") continue;
      // On a terminal wide enough that no name is wrapped inside its table cell.
      const wide = smartregion(["diff", "2026.yaml", "2027.yaml", "--format", format], dir, { COLUMNS: "200" }).stdout;
      expect(wide).toContain("Data sharing and exchange platform");
      expect(wide).toContain("Departmental business databases shared");
    }
    expect(diff("2026.yaml", "2027.yaml", "--format", "markdown", "-o", "out.md").code).toBe(0);
    expect(readFileSync(join(dir, "out.md"), "utf8")).toBe(diff("2026.yaml", "2027.yaml", "--format", "markdown").stdout);
  });

  it("stops on an invalid or missing assessment with its problems and exit 1 or 2", () => {
    const invalid = diff("2026.yaml", "invalid.yaml");
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/invalid\.yaml:\d+:\d+/);
    expect(invalid.stdout).toBe("");
    const missing = diff("2026.yaml", "nowhere.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nowhere.yaml");
  });
});
