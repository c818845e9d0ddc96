import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  return rows;
}
const records = (text: string) => {
  const [head, ...rows] = parseCsv(text);
  for (const r of rows) expect(r.length).toBe(head!.length);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
};

describe("CSV of scores and gaps", () => {
  it("gives a row per subject, stage or model, and dimension, with the same numbers as the JSON", () => {
    const args = ["score", "examples/city.yaml", "examples/dublin-region/region.yaml"];
    const csv = smartregion([...args, "--format", "csv"]);
    expect(csv.code).toBe(0);
    expect(smartregion([...args, "--format", "csv"]).stdout).toBe(csv.stdout);
    const rows = records(csv.stdout);
    const json = JSON.parse(smartregion([...args, "--format", "json"]).stdout) as { results: { file: string; profile?: { stages: { id: string; score: number | null; dimensions: { id: string; score: number | null }[] }[] } }[] };
    const city = json.results.find((r) => r.file === "examples/city.yaml")!;
    for (const stage of city.profile!.stages) {
      const row = rows.find((r) => r["file"] === "examples/city.yaml" && r["member"] === "" && r["row"] === "stage" && r["framework"] === stage.id)!;
      expect(Number(row["score"])).toBeCloseTo(stage.score ?? NaN, 3);
      for (const d of stage.dimensions) {
        const dim = rows.find((r) => r["file"] === "examples/city.yaml" && r["row"] === "dimension" && r["framework"] === stage.id && r["dimension"] === d.id)!;
        expect(dim["score"] === "" ? null : Number(dim["score"])).toEqual(d.score === null ? null : expect.closeTo(d.score, 3));
      }
    }
    expect(rows.filter((r) => r["row"] === "subject").map((r) => r["kind"])).toEqual(["city", "region"]);
    // Each of Dublin's four members has its stage rows.
    expect(new Set(rows.filter((r) => r["file"] === "examples/dublin-region/region.yaml" && r["row"] === "stage").map((r) => r["member"])).size).toBe(4);
  });

  it("gives a row per gap in report's order, the JSON's gaps", () => {
    const csv = smartregion(["report", "examples/city.yaml", "--format", "csv"]);
    const json = JSON.parse(smartregion(["report", "examples/city.yaml", "--format", "json"]).stdout) as { reports: { gaps: { indicator: string; priority: number }[] }[] };
    const rows = records(csv.stdout);
    expect(rows.map((r) => r["indicator"])).toEqual(json.reports[0]!.gaps.map((g) => g.indicator));
    expect(rows.map((r) => Number(r["priority"]))).toEqual(json.reports[0]!.gaps.map((g) => g.priority));
  });

  it("keeps names with commas, quotes and breaks whole, shows controls as escapes, and never starts a field as a formula", () => {
    const dir = mkdtempSync(join(tmpdir(), "smartregion-csv-"));
    const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8").replace("name: Riverton", 'name: "=HYPERLINK(\\"http://x\\"), \\"quoted\\"\\nnext\\u0007"');
    writeFileSync(join(dir, "city.yaml"), city);
    const run = smartregion(["score", join(dir, "city.yaml"), "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f]/);
    const names = new Set(records(run.stdout).map((r) => r["subject"]));
    expect([...names]).toEqual(['\'=HYPERLINK("http://x"), "quoted"\\nnext\\u{7}']);
    // Problems of files it could not score go to stderr, where a CSV has no place for them.
    const broken = smartregion(["score", "examples/invalid.yaml", "--format", "csv"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/examples\/invalid\.yaml:\d+:\d+ +error/);
  });
});
