import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { chmodSync, chownSync, cpSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { jsonFindings, smartregion } from "../cli/run.js";
import type { Run } from "../cli/run.js";

/**
 * A cache file arrives in a pull request like any other file. These tests forge one as an
 * attacker would (with a MAC under their own machine's secret, or with none) and tamper with a
 * genuine one, and expect every run to answer exactly as a run without the cache does.
 */

const CITY = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8");
const BAD = CITY.replace("kind: city", "kind: town");
const FORMAT = 3;

interface Entry {
  size: number;
  mtime: number;
  hash: string | null;
  disk: unknown[];
  findings: Record<string, unknown>[];
  mac: string;
}
interface CacheFile {
  "smartregion-cache": number;
  key: string;
  files: Record<string, Entry>;
}

/** A repository with a valid city and an invalid one (`not-allowed-value` at 6:9), and a cache folder for each of two users. */
function workspace(): { dir: string; mine: string; theirs: string } {
  const root = mkdtempSync(join(tmpdir(), "smartregion-forged-"));
  const dir = join(root, "repo");
  mkdirSync(dir);
  writeFileSync(join(dir, "city.yaml"), CITY);
  writeFileSync(join(dir, "bad.yaml"), BAD);
  cpSync(join(ROOT, "examples", "dublin-region"), join(dir, "dublin"), { recursive: true });
  return { dir, mine: join(root, "mine"), theirs: join(root, "theirs") };
}

const CONTENT = ["--cache", "--cache-strategy", "content"];
const run = (dir: string, cacheHome: string | undefined, ...extra: string[]): Run =>
  smartregion(["validate", ".", "--format", "json", ...extra], dir, cacheHome === undefined ? {} : { XDG_CACHE_HOME: cacheHome });
const readCache = (dir: string): CacheFile => JSON.parse(readFileSync(join(dir, ".smartregion-cache"), "utf8")) as CacheFile;
const writeCache = (dir: string, cache: unknown) => writeFileSync(join(dir, ".smartregion-cache"), JSON.stringify(cache));
const secretOf = (cacheHome: string) => readFileSync(join(cacheHome, "smartregion", "cache-key"));

/** Written independently of the tool: JSON with every object's keys in order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Signs an entry as the tool does, with the secret of whoever forges it. */
function sign(secret: Buffer, key: string, absolute: string, entry: Entry): Entry {
  const covered = [FORMAT, key, absolute, entry.size, entry.mtime, entry.hash, entry.disk, entry.findings];
  return { ...entry, mac: createHmac("sha256", secret).update(canonical(covered)).digest("hex") };
}

/** The cache's entry for the file named `name`, with its absolute path. */
function entryFor(cache: CacheFile, name: string): [string, Entry] {
  const found = Object.entries(cache.files).find(([path]) => path.endsWith(`/${name}`));
  expect(found, name).toBeDefined();
  return found!;
}

function sameAsWithoutCache(got: Run, plain: Run, what: string): void {
  expect(got.code, what).toBe(plain.code);
  expect(got.stdout, what).toBe(plain.stdout);
  expect(got.stderr, what).toBe("");
}

describe("a cache nobody can forge", () => {
  it("does not trust a committed entry that says an invalid file has no problems, made with another machine's secret", () => {
    const { dir, mine, theirs } = workspace();
    const plain = run(dir, undefined);
    expect(plain.code).toBe(1);
    expect(jsonFindings(plain.stdout)["bad.yaml"]).toEqual(["not-allowed-value@6:9"]);
    // The attacker fills a cache on their machine and signs an entry with the right size and digest and no findings.
    run(dir, theirs, ...CONTENT);
    const forged = readCache(dir);
    const [path, entry] = entryFor(forged, "bad.yaml");
    forged.files[path] = sign(secretOf(theirs), forged.key, path, { ...entry, findings: [] });
    writeCache(dir, forged);
    // Their own machine would believe it, which shows the forgery is complete...
    expect(run(dir, theirs, ...CONTENT).code).toBe(0);
    // ...this one checks the file afresh.
    writeCache(dir, forged);
    const victim = run(dir, mine, ...CONTENT);
    sameAsWithoutCache(victim, plain, "forged");
    expect(jsonFindings(victim.stdout)["bad.yaml"]).toEqual(["not-allowed-value@6:9"]);
  });

  it("does not trust an entry in the older format, or one without a MAC or with a made-up one", () => {
    const { dir, mine } = workspace();
    const plain = run(dir, undefined);
    run(dir, mine, ...CONTENT);
    const genuine = readCache(dir);
    const [path, entry] = entryFor(genuine, "bad.yaml");
    const { mac: _, ...unsigned } = entry;
    const forgeries: [string, unknown][] = [
      ["format 1, no MAC", { ...genuine, "smartregion-cache": 1, files: { ...genuine.files, [path]: { ...unsigned, findings: [] } } }],
      ["no MAC", { ...genuine, files: { ...genuine.files, [path]: { ...unsigned, findings: [] } } }],
      ["made-up MAC", { ...genuine, files: { ...genuine.files, [path]: { ...entry, findings: [], mac: "0".repeat(64) } } }],
      ["MAC of another entry", { ...genuine, files: { ...genuine.files, [path]: { ...entry, findings: [], mac: entryFor(genuine, "city.yaml")[1].mac } } }],
      ["entry moved to another path", { ...genuine, files: { ...genuine.files, [path]: entryFor(genuine, "city.yaml")[1] } }],
    ];
    for (const [what, cache] of forgeries) {
      writeCache(dir, cache);
      sameAsWithoutCache(run(dir, mine, ...CONTENT), plain, what);
    }
  });

  it("checks afresh the files of a genuine cache made under another user's secret", () => {
    const { dir, mine, theirs } = workspace();
    const file = join(dir, "city.yaml");
    // A whole second, which every file system keeps exactly.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(run(dir, theirs, "--cache").code).toBe(1);
    // Same size and time, other content: an entry that is trusted serves the stale result.
    writeFileSync(file, BAD);
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const committed = readFileSync(join(dir, ".smartregion-cache"));
    expect(jsonFindings(run(dir, theirs, "--cache").stdout)["city.yaml"]).toEqual([]);
    writeFileSync(join(dir, ".smartregion-cache"), committed);
    expect(jsonFindings(run(dir, mine, "--cache").stdout)["city.yaml"]).toEqual(["not-allowed-value@6:9"]);
  });

  it("never crashes on, or trusts, a correctly signed entry whose findings are not of the right shape", () => {
    const { dir, mine } = workspace();
    const plain = run(dir, undefined);
    run(dir, mine, ...CONTENT);
    const genuine = readCache(dir);
    const [path, entry] = entryFor(genuine, "bad.yaml");
    const good = entry.findings[0]!;
    expect(good["code"]).toBe("not-allowed-value");
    const facts = good["facts"] as Record<string, unknown>;
    const findings: [string, unknown][] = [
      ["allowed as a string", { ...good, facts: { ...facts, allowed: "city" } }],
      ["allowed holding a number", { ...good, facts: { ...facts, allowed: ["city", 5] } }],
      ["value as a number", { ...good, facts: { ...facts, value: 5 } }],
      ["value as an object", { ...good, facts: { ...facts, value: { toString: 1 } } }],
      ["limit as a string", { ...good, code: "too-long", facts: { limit: "80" } }],
      ["an unknown fact", { ...good, facts: { ...facts, values: ["a"] } }],
      ["a fact named __proto__", { ...good, facts: JSON.parse('{"__proto__": {"value": "x"}}') as unknown }],
      ["facts as a list", { ...good, facts: ["town"] }],
      ["facts missing", { ...good, facts: undefined }],
      ["facts null", { ...good, facts: null }],
      ["an unknown code", { ...good, code: "no-such-code" }],
      ["a code from the prototype", { ...good, code: "constructor" }],
      ["a warning posing as an error", { ...good, code: "framework-version", severity: "error" }],
      ["line 0", { ...good, line: 0 }],
      ["a fractional column", { ...good, col: 1.5 }],
      ["a column as a string", { ...good, col: "9" }],
      ["path as a number", { ...good, path: 7 }],
      ["file as a number", { ...good, file: 7 }],
      ["an extra field", { ...good, message: "fine" }],
      ["a finding that is a string", "not-allowed-value"],
      ["a finding that is null", null],
    ];
    const others: [string, Record<string, unknown>][] = [
      ["findings not a list", { findings: { 0: good } }],
      ["size as a string", { size: String(entry.size) }],
      ["a digest of the wrong shape", { hash: "x" }],
      ["a disk answer of an unknown kind", { disk: [["kind", "/x", "socket"]] }],
      ["a disk answer that is a string", { disk: ["kind"] }],
      ["an extra field", { extra: true }],
    ];
    const cases = [...findings.map(([what, f]): [string, Record<string, unknown>] => [what, { findings: [f] }]), ...others];
    for (const [what, change] of cases) {
      const tampered = { ...entry, ...change } as Entry;
      // Signed with this machine's own secret, so only the check of the structure stands in the way.
      writeCache(dir, { ...genuine, files: { ...genuine.files, [path]: sign(secretOf(mine), genuine.key, path, tampered) } });
      sameAsWithoutCache(run(dir, mine, ...CONTENT), plain, what);
    }
    // The same re-signing of the genuine entry is trusted, so the cases above were refused for their shape alone.
    writeCache(dir, { ...genuine, files: { ...genuine.files, [path]: sign(secretOf(mine), genuine.key, path, { ...entry, findings: [{ ...good, line: 2 }] }) } });
    expect(jsonFindings(run(dir, mine, ...CONTENT).stdout)["bad.yaml"]).toEqual(["not-allowed-value@2:9"]);
  });

  it("sees a member listed again through a hard link on a cached run as on a plain one", () => {
    const { dir, mine } = workspace();
    const region = readFileSync(join(dir, "dublin", "region.yaml"), "utf8");
    linkSync(join(dir, "dublin", "members", "fingal.yaml"), join(dir, "dublin", "members", "fingal-again.yaml"));
    writeFileSync(join(dir, "dublin", "region.yaml"), region.replace("  - file: members/fingal.yaml", "  - file: members/fingal.yaml\n  - file: members/fingal-again.yaml"));
    const plain = smartregion(["validate", "dublin/region.yaml", "-f", "json"], dir, { XDG_CACHE_HOME: mine });
    expect(plain.code).toBe(1);
    expect(jsonFindings(plain.stdout)["dublin/region.yaml"]!.some((f) => f.startsWith("duplicate-member@"))).toBe(true);
    for (let i = 0; i < 2; i++) {
      const cached = smartregion(["validate", "dublin/region.yaml", "-f", "json", "--cache"], dir, { XDG_CACHE_HOME: mine });
      expect(cached.code).toBe(1);
      expect(cached.stdout).toBe(plain.stdout);
    }
  });
});

describe("the secret the cache is signed with", () => {
  /** Each way a key file or its folder can be unfit, set up in `home`'s smartregion folder. */
  const unfit: [string, (folder: string, outside: string) => void][] = [
    ["the key file is a link", (folder, outside) => {
      mkdirSync(folder, { mode: 0o700 });
      writeFileSync(join(outside, "key"), Buffer.alloc(32, 7), { mode: 0o600 });
      symlinkSync(join(outside, "key"), join(folder, "cache-key"));
    }],
    ["the key file is a dangling link", (folder, outside) => {
      mkdirSync(folder, { mode: 0o700 });
      symlinkSync(join(outside, "nothing-yet"), join(folder, "cache-key"));
    }],
    ["the key file is readable by others", (folder) => {
      mkdirSync(folder, { mode: 0o700 });
      writeFileSync(join(folder, "cache-key"), Buffer.alloc(32, 7));
      chmodSync(join(folder, "cache-key"), 0o644);
    }],
    ["the key file is a folder", (folder) => {
      mkdirSync(join(folder, "cache-key"), { recursive: true, mode: 0o700 });
    }],
    ["the key file is short", (folder) => {
      mkdirSync(folder, { mode: 0o700 });
      writeFileSync(join(folder, "cache-key"), "short", { mode: 0o600 });
    }],
    ["the folder is a link", (folder, outside) => {
      symlinkSync(outside, folder);
    }],
    ["the folder is writable by others", (folder) => {
      mkdirSync(folder);
      chmodSync(folder, 0o777);
    }],
    ["the folder is a file", (folder) => {
      writeFileSync(folder, "");
    }],
  ];
  if (process.getuid?.() === 0) {
    unfit.push(["the key file belongs to another user", (folder) => {
      mkdirSync(folder, { mode: 0o700 });
      writeFileSync(join(folder, "cache-key"), Buffer.alloc(32, 7), { mode: 0o600 });
      chownSync(join(folder, "cache-key"), 65534, 65534);
    }]);
  }

  it.each(unfit)("runs as without the cache, says so once, and leaves everything as it was, when %s", (_, plant) => {
    const { dir, mine } = workspace();
    const outside = join(mine, "..", "outside");
    mkdirSync(outside);
    mkdirSync(mine);
    const folder = join(mine, "smartregion");
    plant(folder, outside);
    const before = snapshot(join(mine, ".."));
    const plain = run(dir, undefined);
    const cached = run(dir, mine, "--cache");
    expect(cached.code).toBe(plain.code);
    expect(cached.stdout).toBe(plain.stdout);
    expect(cached.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(cached.stderr).toMatch(/^smartregion: .*cache/);
    // No cache was written, and nothing in the cache folder or beside it changed.
    expect(readdirSync(dir)).not.toContain(".smartregion-cache");
    expect(snapshot(join(mine, ".."))).toEqual(before);
  });

  it("is made once, 32 bytes of mode 0600 in a folder of mode 0700, and kept", () => {
    const { dir, mine } = workspace();
    run(dir, mine, "--cache");
    const folder = join(mine, "smartregion");
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, "cache-key")).mode & 0o777).toBe(0o600);
    expect(statSync(join(folder, "cache-key")).size).toBe(32);
    expect(readdirSync(folder)).toEqual(["cache-key"]);
    const secret = secretOf(mine);
    run(dir, mine, "--cache");
    expect(secretOf(mine)).toEqual(secret);
  });

  it("is the same for processes that race to make it", async () => {
    // Each process waits for the same moment, so that they look for the key file together.
    const script = `import(${JSON.stringify(join(ROOT, "dist", "node", "cache-secret.js"))}).then((m) => { while (Date.now() < Number(process.argv[2])); const s = m.cacheSecret(process.argv[1]); process.stdout.write("secret" in s ? s.secret.toString("hex") : s.problem); })`;
    for (let round = 0; round < 3; round++) {
      const folder = join(mkdtempSync(join(tmpdir(), "smartregion-race-")), "smartregion");
      const start = String(Date.now() + 1500);
      const runs = Array.from({ length: 6 }, () =>
        new Promise<string>((resolve) => {
          const child = spawn(process.execPath, ["-e", script, folder, start], { stdio: ["ignore", "pipe", "inherit"] });
          let out = "";
          child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
          child.on("close", () => resolve(out));
        }),
      );
      const secrets = await Promise.all(runs);
      expect(secrets[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(new Set(secrets)).toEqual(new Set([readFileSync(join(folder, "cache-key")).toString("hex")]));
      // The temporary files of the losers are gone.
      expect(readdirSync(folder)).toEqual(["cache-key"]);
    }
  });

  it("never keeps the cache where its own key is kept", () => {
    const { dir, mine } = workspace();
    expect(run(dir, mine, "--cache").code).toBe(1);
    const key = readFileSync(join(mine, "smartregion", "cache-key"));
    const over = smartregion(["validate", "city.yaml", "--cache", "--cache-location", join(mine, "smartregion", "cache-key")], dir, { XDG_CACHE_HOME: mine });
    expect(over.code).toBe(2);
    expect(readFileSync(join(mine, "smartregion", "cache-key"))).toEqual(key);
  });
});

/** Every path below `root` with its kind, mode and content, to see that nothing changed. */
function snapshot(root: string): Record<string, string> {
  const seen: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (path.includes(`${join(root, "repo")}`)) continue;
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) seen[path] = `link ${readlinkSync(path)}`;
      else if (stat.isDirectory()) {
        seen[path] = `dir ${(stat.mode & 0o777).toString(8)}`;
        walk(path);
      } else seen[path] = `file ${(stat.mode & 0o777).toString(8)} ${readFileSync(path).toString("hex")}`;
    }
  };
  walk(root);
  return seen;
}
