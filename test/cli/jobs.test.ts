import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

/** 150 cities with their levels shuffled, some broken files, and a region with member files. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "smartregion-jobs-"));
  const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8");
  for (let i = 0; i < 150; i++) {
    const text = city.replace("name: Riverton", `name: Town ${i}`).replace(/level: (\d)/g, (_, level: string) => `level: ${(Number(level) + i) % 6}`);
    writeFileSync(join(dir, `city-${String(i).padStart(3, "0")}.yaml`), text);
  }
  cpSync(join(ROOT, "examples", "invalid.yaml"), join(dir, "city-050-invalid.yaml"));
  writeFileSync(join(dir, "city-090-binary.yaml"), Buffer.from([0, 1, 2, 3]));
  writeFileSync(join(dir, "city-120-syntax.yaml"), "smartregion: 1\nsubject: [unclosed\n");
  cpSync(join(ROOT, "examples", "dublin-region"), join(dir, "dublin"), { recursive: true });
  return dir;
}

describe("--jobs: worker threads", () => {
  let dir = "";
  beforeAll(() => {
    dir = corpus();
  });

  // The first format to stdout, the others each to a file of their own, in one run.
  const runs: [string[], string[]][] = [
    [["validate", "."], ["stylish", "json"]],
    [["score", ".", "--min-stage", "open"], ["terminal", "json", "markdown"]],
    [["report", "."], ["terminal", "json"]],
  ];

  it.each(runs)("gives the same bytes and exit code with and without workers: %s in %s", (args, formats) => {
    const run = (jobs: string) => {
      const out = mkdtempSync(join(tmpdir(), "smartregion-jobs-out-"));
      const [first, ...rest] = formats;
      const result = smartregion(["--jobs", jobs, ...args, "--format", first!, ...rest.flatMap((f) => ["--format", `${f}=${join(out, f)}`])], dir);
      return { ...result, files: rest.map((f) => readFileSync(join(out, f), "utf8")) };
    };
    const one = run("1");
    const two = run("2");
    expect(one.code).toBe(1);
    expect(two.stderr).toBe(one.stderr);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.length).toBeGreaterThan(1000);
    expect(two.files).toEqual(one.files);
    for (const file of one.files) expect(file.length).toBeGreaterThan(1000);
  });

  it("scores every sound file once, in path order, from the workers", () => {
    const run = smartregion(["--jobs", "2", "score", ".", "--format", "json"], dir);
    const json = JSON.parse(run.stdout) as { results: { file: string }[]; findings: { file: string }[] };
    const files = json.results.map((r) => r.file);
    expect(files).toHaveLength(155);
    expect(files).toEqual([...files].sort());
    expect(new Set(json.findings.map((f) => f.file))).toEqual(new Set(["city-050-invalid.yaml", "city-090-binary.yaml", "city-120-syntax.yaml"]));
  });

  it("fills and uses the cache from the workers", () => {
    const first = smartregion(["--jobs", "2", "validate", ".", "--format", "json", "--cache"], dir);
    const second = smartregion(["--jobs", "2", "validate", ".", "--format", "json", "--cache"], dir);
    expect(second.stdout).toBe(first.stdout);
    const cache = JSON.parse(readFileSync(join(dir, ".smartregion-cache"), "utf8")) as { files: Record<string, unknown> };
    expect(Object.keys(cache.files).length).toBeGreaterThanOrEqual(153);
  });

  it("refuses a --jobs that is not a whole number", () => {
    expect(smartregion(["--jobs", "two", "validate", "."], dir).code).toBe(2);
  });
});
