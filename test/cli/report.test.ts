import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { smartregion } from "./run.js";
import { ROOT } from "../helpers.js";

const CITY = `smartregion: 1
subject:
  name: Evidence Town
  kind: city
date: 2026-06-30
targets:
  indicators:
    integrated:
      data-catalogue: 5
indicators:
  integrated:
    data-catalogue:
      level: 3
    sharing-platform:
      level: 4
      evidence:
        - title: Old audit
          date: 2021-01-01
          method: measured
    fundamental-databases:
      level: 3
      evidence:
        - title: Our own survey
          date: 2026-01-01
          method: self-reported
    business-databases:
      level: 2
`;

interface ReportJson {
  reports: { gaps: { indicator: string; target: number; targetFrom: string }[]; plan: { stage: string } | null; region: { holdingBack: { name: string }[] } | null; evidence: { code: string; line: number; severity: string }[] }[];
}

describe("smartregion report", () => {
  const dir = mkdtempSync(join(tmpdir(), "sr-report-"));
  writeFileSync(join(dir, "town.yaml"), CITY);

  it("warns about missing, stale and self-reported evidence, counted from the assessment date", () => {
    const run = smartregion(["report", "--format", "json", "town.yaml"], dir);
    expect(run.code).toBe(0);
    const report = (JSON.parse(run.stdout) as ReportJson).reports[0]!;
    expect(report.evidence.map((e) => `${e.code}@${e.line}:${e.severity}`)).toEqual([
      "evidence-missing@12:warning",
      "evidence-stale@14:warning",
      "evidence-self-reported@20:warning",
    ]);
    const younger = JSON.parse(smartregion(["report", "--format", "json", "--evidence-max-age", "120", "town.yaml"], dir).stdout) as ReportJson;
    expect(younger.reports[0]!.evidence.map((e) => e.code)).not.toContain("evidence-stale");
  });

  it("takes each indicator's evidence rule from its framework, and the command line's over it", () => {
    const example = readFileSync(join(ROOT, "examples", "custom-frameworks", "tourism-destination.yaml"), "utf8");
    const frameworks = join(dir, "evidence-frameworks");
    mkdirSync(frameworks, { recursive: true });
    const codes = (args: string[]) =>
      (JSON.parse(smartregion(["--frameworks", frameworks, "report", "--format", "json", ...args, join(ROOT, "examples", "lakeland-destination.yaml")], dir).stdout) as ReportJson).reports[0]!.evidence.filter((e) => e.code === "evidence-missing").length;
    writeFileSync(join(frameworks, "tourism-destination.yaml"), example);
    const asShipped = codes([]);
    // The framework asks for evidence from level 1: more levels lack it.
    writeFileSync(join(frameworks, "tourism-destination.yaml"), example.replace("  attainment:\n", "  evidence: {from-level: 1}\n  attainment:\n"));
    const stricter = codes([]);
    expect(stricter).toBeGreaterThan(asShipped);
    // The command line's rule stands over the framework's.
    expect(codes(["--evidence-from-level", "5"])).toBeLessThan(stricter);
  });

  it("makes evidence problems errors under --strict-evidence (exit 1)", () => {
    const run = smartregion(["report", "--strict-evidence", "--format", "json", "town.yaml"], dir);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as ReportJson).reports[0]!.evidence.every((e) => e.severity === "error")).toBe(true);
  });

  it("takes targets from the assessment, else from the bar, and puts the next stage first", () => {
    const report = (JSON.parse(smartregion(["report", "--format", "json", "town.yaml"], dir).stdout) as ReportJson).reports[0]!;
    expect(report.gaps.find((g) => g.indicator === "data-catalogue")).toMatchObject({ target: 5, targetFrom: "assessment" });
    expect(report.gaps.find((g) => g.indicator === "business-databases")).toMatchObject({ target: 3, targetFrom: "bar" });
    expect(report.plan?.stage).toBe("integrated");
  });

  it("names the members that hold a region back", () => {
    const run = smartregion(["report", "--format", "json", "examples/dublin-region/region.yaml"]);
    const report = (JSON.parse(run.stdout) as ReportJson).reports[0]!;
    expect(report.region!.holdingBack.map((m) => m.name)).toEqual(["Fingal", "South Dublin", "Dún Laoghaire–Rathdown"]);
  });

  it("gives JSON that validates against its schema", () => {
    const run = smartregion(["report", "--format", "json", "examples/city.yaml", "examples/dublin-region/region.yaml", "examples/seattle-region.yaml"]);
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(JSON.parse(readFileSync("schema/score-output.schema.json", "utf8")) as object);
    const validate = ajv.compile(JSON.parse(readFileSync("schema/report-output.schema.json", "utf8")) as object);
    expect(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("writes one self-contained HTML file, escaping every input text", () => {
    writeFileSync(join(dir, "xss.yaml"), CITY.replace("name: Evidence Town", 'name: "<script>alert(1)</script> & <img src=x onerror=alert(2)>"'));
    const out = join(dir, "xss.html");
    const run = smartregion(["report", "xss.yaml", "--format", "html", "-o", out], dir);
    expect(run.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).not.toMatch(/<script|<img|<link|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain("@media print");
  });

  it("refuses to write over an input", () => {
    const run = smartregion(["report", "town.yaml", "--format", "html", "-o", "town.yaml"], dir);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, "town.yaml"), "utf8")).toBe(CITY);
  });

  it("gives the same bytes twice in every format", () => {
    const run = () => {
      const out = mkdtempSync(join(tmpdir(), "smartregion-twice-"));
      const formats = ["terminal", "json", "markdown", "html"];
      smartregion(["report", ...formats.flatMap((f) => ["--format", `${f}=${join(out, f)}`]), "examples/city.yaml", "examples/six-city-alliance.yaml"]);
      return Object.fromEntries(formats.map((f) => [f, readFileSync(join(out, f), "utf8")]));
    };
    const first = run();
    expect(Object.values(first).every((text) => text.length > 500)).toBe(true);
    expect(run()).toEqual(first);
  });

  it("writes file names in Markdown code spans as they are, with a longer fence around a backtick", () => {
    writeFileSync(join(dir, "my_city.yaml"), CITY);
    writeFileSync(join(dir, "a`b.yaml"), CITY);
    const md = smartregion(["report", "--format", "markdown", "my_city.yaml", "a`b.yaml"], dir).stdout;
    expect(md).toContain(" · `my_city.yaml`");
    expect(md).toContain(" · ``a`b.yaml``");
    expect(md).not.toContain("my\\_city");
  });

  it("writes Markdown that keeps its tables intact whatever the input holds", () => {
    writeFileSync(join(dir, "pipes.yaml"), CITY.replace("name: Evidence Town", 'name: "A | B ` C *D*"'));
    const md = smartregion(["report", "--format", "markdown", "pipes.yaml"], dir).stdout;
    expect(md).toContain("## A \\| B \\` C \\*D\\*");
    // Every row of every table has as many cells as its table's head.
    const cells = (line: string) => line.replace(/\\\|/g, "").split("|").length;
    let head: number | undefined;
    let tables = 0;
    for (const line of md.split("\n")) {
      if (!line.startsWith("|")) head = undefined;
      else if (head === undefined) (head = cells(line)), tables++;
      else expect(cells(line), line).toBe(head);
    }
    expect(tables).toBeGreaterThanOrEqual(2);
  });
});
