import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";
import { smartregion } from "./cli/run.js";

/** The library as a user imports it: the built bundle that package.json exports. */
const library = () => import(join(ROOT, "dist", "lib", "index.mjs")) as Promise<typeof import("../src/index.js")>;
const nullForAbsent = (_key: string, value: unknown): unknown => (value === undefined ? null : value);
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value, nullForAbsent));

describe("the library", () => {
  it("scores as `score --format json` does, to the last digit", async () => {
    const { score } = await library();
    for (const paths of [["examples/dublin-region/region.yaml"], ["examples/"], ["examples/city.yaml", "examples/six-city-alliance.yaml"]]) {
      const cli = JSON.parse(smartregion(["score", ...paths, "--format", "json"]).stdout) as { results: unknown[]; findings: { code: string; file: string; line: number; col: number }[] };
      const api = score(paths, { cwd: ROOT });
      expect(asJson(api.results), paths.join(" ")).toEqual(cli.results);
      expect(api.findings.map((f) => `${f.file}:${f.line}:${f.col} ${f.code}`)).toEqual(cli.findings.map((f) => `${f.file}:${f.line}:${f.col} ${f.code}`));
    }
  });

  it("validates files named by path or held in memory, with the command line's findings", async () => {
    const { validate } = await library();
    const cli = JSON.parse(smartregion(["validate", "examples/invalid.yaml", "examples/city.yaml", "--format", "json"]).stdout) as { files: { file: string; findings: { code: string; line: number; col: number }[] }[] };
    const positions = (files: readonly { file: string; findings: readonly { code: string; line: number; col: number }[] }[]) => files.map((f) => [f.file, f.findings.map((x) => `${x.code}@${x.line}:${x.col}`)]);
    const byPath = validate(["examples/invalid.yaml", "examples/city.yaml"], { cwd: ROOT });
    expect(positions(byPath.files)).toEqual(positions(cli.files));
    expect(byPath.valid).toBe(false);
    const inMemory = validate([{ file: "examples/invalid.yaml", content: readFileSync(join(ROOT, "examples", "invalid.yaml"), "utf8") }], { cwd: ROOT });
    expect(positions(inMemory.files)).toEqual(positions(cli.files.filter((f) => f.file === "examples/invalid.yaml")));
    expect(validate(["examples/city.yaml"], { cwd: ROOT }).valid).toBe(true);
  });

  it("reports and diffs, with frameworks loaded once and given to every call", async () => {
    const { diff, loadFrameworks, message, report } = await library();
    const frameworks = loadFrameworks({ custom: ["examples/custom-frameworks"], cwd: ROOT });
    expect(frameworks.byId.has("tourism-destination")).toBe(true);
    const cli = JSON.parse(smartregion(["--frameworks", "examples/custom-frameworks", "report", "examples/lakeland-destination.yaml", "--format", "json"]).stdout) as { reports: { evidence: { message: string }[] }[] };
    const api = report(["examples/lakeland-destination.yaml"], { cwd: ROOT, frameworks });
    const withMessages = api.reports.map((r) => ({ ...r, evidence: r.evidence.map((f) => ({ ...f, message: message(f) })) }));
    expect(asJson(withMessages)).toEqual(cli.reports);
    const older = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8").replace("level: 4", "level: 2");
    const moved = diff({ file: "examples/older.yaml", content: older }, "examples/city.yaml", { cwd: ROOT });
    expect(moved.diff?.regressions).toEqual([]);
    expect(moved.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(diff("examples/invalid.yaml", "examples/city.yaml", { cwd: ROOT }).diff).toBeUndefined();
  });
});
