import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { EN, ZH } from "../../src/i18n/words.js";
import { smartregion } from "./run.js";

interface ScoreJson {
  results: {
    kind: string;
    file: string;
    profile?: { current: string };
    fit?: { best: string | null };
    rollup?: { stage: string; stages: { id: string; min: number; mean: number; max: number; spread: number }[] };
    members?: { name: string; profile: unknown; problem: string | null }[];
  }[];
  gates: { passed: boolean; shortBy: number }[];
  findings: { code: string; file: string; line: number; col: number }[];
}
const scoreJson = (args: string[], cwd?: string) => {
  const run = smartregion(["score", "--format", "json", ...args], cwd);
  return { run, json: JSON.parse(run.stdout) as ScoreJson };
};

const CITY = `smartregion: 1
subject:
  name: Member
  kind: city
date: 2026-01-31
indicators:
  integrated:
    data-catalogue: 3
`;

describe("smartregion score", () => {
  it.each([
    ["examples/seattle-region.yaml", "core-led"],
    ["examples/dublin-region/region.yaml", "contiguous-federation"],
    ["examples/six-city-alliance.yaml", "networked-alliance"],
  ])("finds the model of the case %s was drawn from", (file, model) => {
    const { run, json } = scoreJson([file]);
    expect(run.code).toBe(0);
    expect(json.results[0]!.fit!.best).toBe(model);
  });

  it("shows the region's stage, its members and its best fit in the terminal", () => {
    const run = smartregion(["score", "examples/dublin-region/region.yaml"]);
    expect(run.code).toBe(0);
    for (const text of ["Contiguous federation", "Dublin City", "Fingal", "South Dublin", "weighted mean", "spread"]) expect(run.stdout).toContain(text);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it("rolls a region up from member files: minimum, weighted mean, spread", () => {
    const { json } = scoreJson(["examples/dublin-region/region.yaml"]);
    const region = json.results[0]!;
    expect(region.members!.map((m) => m.name)).toEqual(["Dublin City", "Fingal", "South Dublin", "Dún Laoghaire–Rathdown"]);
    for (const s of region.rollup!.stages) {
      expect(s.min).toBeLessThanOrEqual(s.mean);
      expect(s.mean).toBeLessThanOrEqual(s.max);
      expect(s.spread).toBeCloseTo(s.max - s.min, 6);
    }
  });

  it("gives JSON that validates against its schema", () => {
    const { json } = scoreJson(["examples/city.yaml", "examples/seattle-region.yaml", "examples/dublin-region/region.yaml", "--min-stage", "open", "--fail-under", "50"]);
    const schema = JSON.parse(readFileSync("schema/score-output.schema.json", "utf8")) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(json.results.map((r) => r.kind)).toEqual(["city", "region", "region"]);
  });

  it("changes the exit code with the gates and says by how much", () => {
    expect(smartregion(["score", "examples/city.yaml", "--min-stage", "integrated"]).code).toBe(0);
    const { run, json } = scoreJson(["examples/city.yaml", "--min-stage", "merged", "--fail-under", "integrated=50"]);
    expect(run.code).toBe(1);
    expect(json.gates.map((g) => [g.passed, g.shortBy])).toEqual([
      [false, 2],
      [true, 0],
    ]);
    const text = smartregion(["score", "examples/city.yaml", "--fail-under", "open.participation=90"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/open\.participation=90.*FAILED/);
  });

  it("refuses gates that name nothing, with exit 2", () => {
    for (const gate of [["--min-stage", "opne"], ["--fail-under", "120"], ["--fail-under", "open.nothing=5"], ["--fail-under", "x=5"]]) {
      const run = smartregion(["score", "examples/city.yaml", ...gate]);
      expect(run.code, gate.join(" ")).toBe(2);
      expect(run.stderr).toContain("smartregion:");
    }
  });

  it("refuses member paths that leave the folder, loop back or name no file", () => {
    const dir = mkdtempSync(join(tmpdir(), "sr-members-"));
    const region = join(dir, "region");
    mkdirSync(region);
    writeFileSync(join(dir, "outside.yaml"), CITY.replace("Member", "SECRET-OUTSIDE"));
    writeFileSync(join(region, "good.yaml"), CITY);
    writeFileSync(join(region, "broken.yaml"), "smartregion: 1\nsubject: [\n");
    writeFileSync(join(region, "other-region.yaml"), "smartregion: 1\nsubject:\n  name: O\n  kind: region\ndate: 2026-01-31\nmembers:\n  - file: region.yaml\n");
    symlinkSync(join(dir, "outside.yaml"), join(region, "link.yaml"));
    mkdirSync(join(region, "folder.yaml"));
    writeFileSync(
      join(region, "region.yaml"),
      `smartregion: 1
subject:
  name: R
  kind: region
date: 2026-01-31
members:
  - file: good.yaml
  - file: missing.yaml
  - file: ../outside.yaml
  - file: link.yaml
  - file: broken.yaml
  - file: other-region.yaml
  - file: region.yaml
  - file: folder.yaml
`,
    );
    const { run, json } = scoreJson(["region/region.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toContain("SECRET-OUTSIDE");
    // Members that cannot be used make the region file itself invalid: reported, not scored.
    expect(json.findings.map((f) => `${f.file}:${f.code}@${f.line}:${f.col}`)).toEqual([
      "region/region.yaml:member-not-found@8:11",
      "region/region.yaml:member-outside-folder@9:11",
      "region/region.yaml:member-outside-folder@10:11",
      "region/region.yaml:member-cycle@13:11",
      "region/region.yaml:member-not-a-file@14:11",
    ]);
    expect(json.results).toEqual([]);
  });

  it("scores a region whose member files are fine, noting an invalid or region member", () => {
    const dir = mkdtempSync(join(tmpdir(), "sr-members2-"));
    writeFileSync(join(dir, "good.yaml"), CITY);
    writeFileSync(join(dir, "broken.yaml"), CITY.replace("data-catalogue: 3", "data-catalogue: 9"));
    writeFileSync(join(dir, "nested.yaml"), "smartregion: 1\nsubject:\n  name: N\n  kind: region\ndate: 2026-01-31\nmembers:\n  - name: X\n");
    writeFileSync(join(dir, "region.yaml"), "smartregion: 1\nsubject:\n  name: R\n  kind: region\ndate: 2026-01-31\nmembers:\n  - file: good.yaml\n  - file: broken.yaml\n  - file: nested.yaml\n");
    const { run, json } = scoreJson(["region.yaml"], dir);
    expect(run.code).toBe(1);
    expect(json.findings.map((f) => `${f.file}:${f.code}@${f.line}:${f.col}`)).toEqual([
      "broken.yaml:out-of-range@8:21",
      "region.yaml:member-invalid@8:11",
      "region.yaml:member-is-region@9:11",
    ]);
    expect(json.results[0]!.members!.map((m) => m.problem)).toEqual([null, "invalid", "region"]);
  });

  it("keeps control characters from the input out of the terminal", () => {
    const dir = mkdtempSync(join(tmpdir(), "sr-ctl-"));
    writeFileSync(join(dir, "c.yaml"), CITY.replace("name: Member", 'name: "Evil\\e[31mRed\\u202eCity"'));
    const run = smartregion(["score", "c.yaml"], dir, { FORCE_COLOR: "0" });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(run.stdout).toContain("Evil\\u{1b}[31mRed\\u{202e}City");
  });

  it("colours only when asked or on a terminal", () => {
    expect(smartregion(["score", "examples/city.yaml"], undefined, { FORCE_COLOR: "1", NO_COLOR: "" }).stdout).toMatch(/\u001b\[/);
    expect(smartregion(["score", "examples/city.yaml"], undefined, { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toMatch(/\u001b\[/);
  });

  it("gives the same bytes for the same input, in every format, whatever the order of files", () => {
    const files = ["examples/city.yaml", "examples/dublin-region/region.yaml", "examples/six-city-alliance.yaml"];
    // Every format of one run, each to its own file.
    const run = (order: readonly string[]) => {
      const out = mkdtempSync(join(tmpdir(), "smartregion-order-"));
      const formats = ["terminal", "json", "markdown", "html"];
      smartregion(["score", ...formats.flatMap((f) => ["--format", `${f}=${join(out, f)}`]), ...order]);
      return Object.fromEntries(formats.map((f) => [f, readFileSync(join(out, f), "utf8")]));
    };
    const first = run(files);
    expect(Object.values(first).every((text) => text.length > 500)).toBe(true);
    expect(run([...files].reverse())).toEqual(first);
  });

  it("writes Markdown with the stage table and the best fit", () => {
    const run = smartregion(["score", "--format", "markdown", "examples/six-city-alliance.yaml"]);
    expect(run.stdout).toMatch(/^# /);
    expect(run.stdout).toContain("| Stage / dimension |");
    expect(run.stdout).toContain("**Best-fit model:** Networked alliance");
  });
});

describe("the members table", () => {
  const region = (members: string) => `smartregion: 1
subject:
  name: R
  kind: region
date: 2026-01-31
members:
${members}`;
  /** The members table of `score --format markdown`: its head and each member's weight cell. */
  const membersTable = (yaml: string, lang: "en" | "zh-CN") => {
    const dir = mkdtempSync(join(tmpdir(), "sr-weights-"));
    writeFileSync(join(dir, "region.yaml"), yaml);
    const run = smartregion(["score", "--format", "markdown", "--lang", lang, "region.yaml"], dir);
    expect(run.code, run.stderr).toBe(0);
    const w = lang === "en" ? EN : ZH;
    const lines = run.stdout.split("\n");
    const head = lines.findIndex((l) => l.startsWith(`| ${w.heading(w.head.member)} |`));
    const cells = (line: string) => line.split(" | ").map((c) => c.replace(/^\| |\s\|$/g, ""));
    const rows = lines.slice(head + 2).filter((l) => l.startsWith("| ")).map(cells);
    return { head: cells(lines[head]!)[1], weights: rows.map((r) => r[1]), w };
  };

  for (const lang of ["en", "zh-CN"] as const) {
    it(`heads the column with what its numbers are (${lang}): populations, or weights with a population marked`, () => {
      const people = membersTable(region("  - {name: A, population: 1000}\n  - {name: B, population: 2000}\n"), lang);
      expect(people.head).toBe(people.w.heading(people.w.head.population));
      expect(people.weights).toEqual(["1,000", "2,000"]);
      const mixed = membersTable(region("  - {name: A, population: 1000}\n  - {name: B, weight: 3}\n  - {name: C}\n"), lang);
      expect(mixed.head).toBe(mixed.w.heading(mixed.w.head.weight));
      expect(mixed.weights).toEqual([mixed.w.populationWeight("1,000"), "3", mixed.w.equalWeight]);
    });
  }
});
