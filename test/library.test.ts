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

  it("says plainly what is wrong with what it was given, and takes one path as a list of one", async () => {
    const { diff, loadFrameworks, score, validate } = await library();
    const misuses: (() => unknown)[] = [
      () => validate(null as never),
      () => validate([{ file: "a.yaml", content: 5 }] as never),
      () => score([{ file: "a.yaml", content: { code: "unknown-key" } }] as never),
      () => diff(null as never, null as never),
      () => validate(["examples/city.yaml"], { frameworks: "/tmp" } as never),
      () => validate(["examples/city.yaml"], { frameworks: {} } as never),
      () => validate(["examples/city.yaml"], { maxFileSize: Number.NaN }),
      () => loadFrameworks({ custom: "/tmp" } as never),
      () => loadFrameworks({ custom: [5] } as never),
    ];
    for (const misuse of misuses) expect(misuse).toThrow(/^smartregion: /);
    expect(validate("examples/city.yaml", { cwd: ROOT }).files.map((f) => f.file)).toEqual(["examples/city.yaml"]);
    const big = validate([{ file: "big.yaml", content: `smartregion: 1\n# ${"x".repeat(2000)}\n` }], { cwd: ROOT, maxFileSize: 1000 });
    expect(big.files[0]!.findings.map((f) => f.code)).toEqual(["too-large"]);
  });
});
