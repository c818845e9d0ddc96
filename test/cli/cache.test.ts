import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_CACHE_BYTES } from "../../src/node/cache.js";
import { progressFor } from "../../src/cli/progress.js";
import { ROOT } from "../helpers.js";
import { jsonFindings, smartregion } from "./run.js";

const CITY = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8");

/** A folder with a valid city, and a copy of the Dublin region with its members. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "smartregion-cache-"));
  writeFileSync(join(dir, "city.yaml"), CITY);
  cpSync(join(ROOT, "examples", "dublin-region"), join(dir, "dublin"), { recursive: true });
  utimesSync(join(dir, "city.yaml"), FIXED_TIME, FIXED_TIME);
  return dir;
}

/** A whole second, which every file system keeps exactly. */
const FIXED_TIME = 1_700_000_000;

/** Rewrites the city with new content of the same size, and puts its modification time back. */
function sneakyEdit(file: string, from: string, to: string): void {
  expect(to.length).toBe(from.length);
  const before = statSync(file).mtimeMs;
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
  utimesSync(file, FIXED_TIME, FIXED_TIME);
  expect(statSync(file).mtimeMs).toBe(before);
}

/** The cache's secret is kept beside the workspace, not in the user's own cache folder. */
const keys = (dir: string) => ({ XDG_CACHE_HOME: `${dir}.keys` });
const validate = (dir: string, ...extra: string[]) => smartregion(["validate", ".", "--format", "json", ...extra], dir, keys(dir));

describe("validate --cache", () => {
  it("gives the same output with and without the cache, and writes the cache only when asked", () => {
    const dir = workspace();
    const plain = validate(dir);
    expect(() => statSync(join(dir, ".smartregion-cache"))).toThrow();
    const first = validate(dir, "--cache");
    const second = validate(dir, "--cache");
    expect(statSync(join(dir, ".smartregion-cache")).isFile()).toBe(true);
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
    expect([plain.code, first.code, second.code]).toEqual([0, 0, 0]);
  });

  it("reuses findings of a file whose size and time did not change, and sees any other change", () => {
    const dir = workspace();
    expect(validate(dir, "--cache").code).toBe(0);
    // Same size, same time: the metadata strategy serves the remembered (now stale) result...
    sneakyEdit(join(dir, "city.yaml"), "kind: city", "kind: town");
    expect(validate(dir, "--cache").code).toBe(0);
    // ...the content strategy does not, and neither does a run without the cache.
    expect(jsonFindings(validate(dir, "--cache", "--cache-strategy", "content").stdout)["city.yaml"]).toEqual(["not-allowed-value@6:9"]);
    expect(validate(dir).code).toBe(1);
    // A change of time is seen by the metadata strategy too.
    utimesSync(join(dir, "city.yaml"), new Date(), new Date(Date.now() + 5000));
    expect(jsonFindings(validate(dir, "--cache").stdout)["city.yaml"]).toEqual(["not-allowed-value@6:9"]);
  });

  it("checks a region again when one of its member files goes, though the region file is unchanged", () => {
    const dir = workspace();
    expect(validate(dir, "--cache").code).toBe(0);
    rmSync(join(dir, "dublin", "members", "fingal.yaml"));
    const run = validate(dir, "--cache");
    expect(run.code).toBe(1);
    expect(jsonFindings(run.stdout)["dublin/region.yaml"]?.some((f) => f.startsWith("member-not-found@"))).toBe(true);
  });

  it("starts afresh when the frameworks change", () => {
    const dir = workspace();
    expect(validate(dir, "--cache").code).toBe(0);
    sneakyEdit(join(dir, "city.yaml"), "kind: city", "kind: town");
    expect(validate(dir, "--cache").code).toBe(0);
    // One more framework (a copy of a model under a new id) makes every remembered result stale.
    mkdirSync(join(dir, "fw"));
    const model = readFileSync(join(ROOT, "frameworks", "core-led.yaml"), "utf8");
    writeFileSync(join(dir, "fw", "copy.yaml"), model.replace("id: core-led", "id: core-led-copy").replace("/core-led.json", "/core-led-copy.json"));
    const run = smartregion(["--frameworks", "fw", "validate", "city.yaml", "--format", "json", "--cache"], dir, keys(dir));
    expect(jsonFindings(run.stdout)["city.yaml"]).toEqual(["not-allowed-value@6:9"]);
  });

  it("ignores a corrupt cache file and replaces it", () => {
    const dir = workspace();
    for (const junk of ["{not json", '{"smartregion-cache": 1, "key": 5}', "null", '{"smartregion-cache":1,"key":"x","files":[]}']) {
      writeFileSync(join(dir, ".smartregion-cache"), junk);
      const run = validate(dir, "--cache");
      expect(run.code, junk).toBe(0);
      expect(run.stderr, junk).toBe("");
      expect(() => JSON.parse(readFileSync(join(dir, ".smartregion-cache"), "utf8"))).not.toThrow();
    }
  });

  it("starts afresh from a cache file that is empty, garbage, of another format, a folder or a FIFO, with the output of no cache", () => {
    const dir = workspace();
    sneakyEdit(join(dir, "city.yaml"), "kind: city", "kind: town");
    const plain = validate(dir);
    expect(plain.code).toBe(1);
    const cache = join(dir, ".smartregion-cache");
    const junk: [string, () => void][] = [
      ["empty", () => writeFileSync(cache, "")],
      ["garbage", () => writeFileSync(cache, Buffer.from([0xff, 0xfe, 0, 1, 0x7b]))],
      ["a JSON string", () => writeFileSync(cache, '"smartregion-cache"')],
      ["another format", () => writeFileSync(cache, '{"smartregion-cache":99,"key":"","files":{}}')],
    ];
    for (const [what, plant] of junk) {
      rmSync(cache, { recursive: true, force: true });
      plant();
      const run = validate(dir, "--cache");
      expect(run.code, what).toBe(1);
      expect(run.stdout, what).toBe(plain.stdout);
      expect(run.stderr, what).toBe("");
      expect(statSync(cache).size, what).toBeLessThan(MAX_CACHE_BYTES);
    }
    // A folder in the cache file's place (inside the folder it names) cannot be replaced; that is said, and the run is as without it.
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(join(cache, ".smartregion-cache"), { recursive: true });
    const folder = validate(dir, "--cache");
    expect(folder.code).toBe(1);
    expect(folder.stdout).toBe(plain.stdout);
    expect(statSync(join(cache, ".smartregion-cache")).isDirectory()).toBe(true);
    rmSync(cache, { recursive: true, force: true });
    if (spawnSync("mkfifo", [cache]).status === 0) {
      const fifo = validate(dir, "--cache");
      expect(fifo.code).toBe(1);
      expect(fifo.stdout).toBe(plain.stdout);
    }
  });

  it("does not read a cache file of more than 64 MB, though it is genuine", () => {
    const dir = workspace();
    expect(validate(dir, "--cache").code).toBe(0);
    sneakyEdit(join(dir, "city.yaml"), "kind: city", "kind: town");
    // Padded with spaces, the genuine cache still parses, and would serve the stale result.
    const cache = join(dir, ".smartregion-cache");
    const genuine = readFileSync(cache);
    writeFileSync(cache, Buffer.concat([genuine, Buffer.alloc(MAX_CACHE_BYTES - genuine.length, " ")]));
    expect(validate(dir, "--cache").code).toBe(0);
    writeFileSync(cache, Buffer.concat([genuine, Buffer.alloc(MAX_CACHE_BYTES + 1 - genuine.length, " ")]));
    const run = validate(dir, "--cache");
    expect(jsonFindings(run.stdout)["city.yaml"]).toEqual(["not-allowed-value@6:9"]);
    expect(run.stderr).toBe("");
  });

  it("does not trust a cache whose entries were tampered with", () => {
    const dir = workspace();
    validate(dir, "--cache");
    const cache = JSON.parse(readFileSync(join(dir, ".smartregion-cache"), "utf8")) as { files: Record<string, { findings: unknown[] }> };
    for (const entry of Object.values(cache.files)) entry.findings = [{ code: "no-such-code", line: 1, col: 1, path: "", facts: {} }];
    writeFileSync(join(dir, ".smartregion-cache"), JSON.stringify(cache));
    const run = validate(dir, "--cache");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("keeps the cache where --cache-location says: a file, or a folder", () => {
    const dir = workspace();
    mkdirSync(join(dir, "tmp"));
    validate(dir, "--cache", "--cache-location", "tmp");
    expect(statSync(join(dir, "tmp", ".smartregion-cache")).isFile()).toBe(true);
    validate(dir, "--cache", "--cache-location", "tmp/mine.json");
    expect(statSync(join(dir, "tmp", "mine.json")).isFile()).toBe(true);
    const unwritable = validate(dir, "--cache", "--cache-location", "no/such/folder/cache");
    expect(unwritable.code).toBe(0);
    expect(unwritable.stderr).toMatch(/cache/);
  });
});

describe("progress", () => {
  const terminal = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, write: (text: string) => written.push(text), written };
  };

  it("counts files on a terminal once a run is long, and clears its line at the end", () => {
    const stream = terminal(true);
    let now = 0;
    const progress = progressFor(1000, "checked", "en", stream, () => now);
    for (let i = 0; i < 1000; i++) {
      now += 2;
      progress.tick();
    }
    progress.done();
    expect(stream.written.length).toBeGreaterThan(5);
    expect(stream.written.length).toBeLessThan(30);
    expect(stream.written.at(-2)).toMatch(/\d+\/1000/);
    expect(stream.written.at(-1)).toBe("\r\x1b[K");
  });

  it("writes nothing for a short run, or when stderr is not a terminal", () => {
    for (const [isTTY, step] of [[true, 0.1], [false, 10]] as const) {
      const stream = terminal(isTTY);
      let now = 0;
      const progress = progressFor(1000, "checked", "en", stream, () => now);
      for (let i = 0; i < 1000; i++) {
        now += step;
        progress.tick();
      }
      progress.done();
      expect(stream.written).toEqual([]);
    }
  });

  it("stays off stderr when the command line is piped", () => {
    const run = smartregion(["validate", "examples"]);
    expect(run.stderr).toBe("");
  });
});
