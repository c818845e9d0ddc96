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

  const runs = [
    ["validate", ".", "--format", "json"],
    ["validate", "."],
    ["score", ".", "--format", "json", "--min-stage", "open"],
    ["score", ".", "--format", "markdown"],
    ["score", "."],
    ["report", ".", "--format", "json"],
    ["report", "."],
  ];

  it.each(runs)("gives the same bytes and exit code with and without workers: %s %s %s %s", (...args) => {
    const one = smartregion(["--jobs", "1", ...args], dir);
    const two = smartregion(["--jobs", "2", ...args], dir);
    expect(one.code).toBe(1);
    expect(two.stderr).toBe(one.stderr);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.length).toBeGreaterThan(1000);
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
