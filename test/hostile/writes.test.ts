import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, cpSync, existsSync, fstatSync, openSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "../cli/run.js";
import { fstatExact, InputFiles } from "../../src/node/inputs.js";
import { openFileSafely, writeFileSafely } from "../../src/node/output.js";

const BIN = join(ROOT, "bin", "smartregion.js");
const CITY = readFileSync(join(ROOT, "examples", "city.yaml"));
const VICTIM = "a file outside the case folder that no run may touch\n";

/** Every case gets a fresh folder `case`, with a victim file beside it (outside it). */
interface Case {
  readonly root: string;
  readonly dir: string;
  readonly victim: string;
}
const made: string[] = [];
function freshCase(): Case {
  const root = mkdtempSync(join(tmpdir(), "smartregion-writes-"));
  made.push(root);
  const dir = join(root, "case");
  mkdirSync(dir);
  writeFileSync(join(dir, "city.yaml"), CITY);
  const victim = join(root, "victim.txt");
  writeFileSync(victim, VICTIM);
  return { root, dir, victim };
}
afterEach(() => {
  for (const root of made.splice(0)) {
    spawnSync("umount", [join(root, "case", "full")], { stdio: "ignore" });
    rmSync(root, { recursive: true, force: true });
  }
});

/** Each path below `root` with its kind, mode and content (a digest) or link target; nothing is followed. */
function snapshot(root: string): Map<string, string> {
  const state = new Map<string, string>();
  const visit = (path: string) => {
    const stat = lstatSync(path);
    const mode = (stat.mode & 0o7777).toString(8);
    const name = relative(root, path) || ".";
    if (stat.isSymbolicLink()) state.set(name, `link ${readlinkSync(path)}`);
    else if (stat.isFile()) state.set(name, `file ${mode} ${stat.nlink} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`);
    else if (stat.isDirectory()) {
      state.set(name, `folder ${mode}`);
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else state.set(name, `other ${mode} ${stat.isFIFO() ? "fifo" : stat.isCharacterDevice() ? `char ${stat.rdev}` : stat.isSocket() ? "socket" : "block"}`);
  };
  visit(root);
  return state;
}

/** What changed between two snapshots, but for the paths a run was asked to write. */
function changes(before: Map<string, string>, after: Map<string, string>, allowed: readonly string[] = []): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => !allowed.includes(n) && before.get(n) !== after.get(n)).map((n) => `${n}: ${before.get(n) ?? "(none)"} -> ${after.get(n) ?? "(none)"}`);
}

/** Runs the command in the case folder and asserts its exit code and that nothing but `allowed` (relative to the root) changed. */
function expectRun(c: Case, args: readonly string[], code: number, allowed: readonly string[] = []): string {
  const before = snapshot(c.root);
  const run = smartregion(args, c.dir);
  expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(code);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(changes(before, snapshot(c.root), allowed), args.join(" ")).toEqual([]);
  expect(readFileSync(c.victim, "utf8")).toBe(VICTIM);
  return run.stderr;
}

/** A folder `d` of `count` copies of the example city, the one at `bad` (if any) broken. */
function manyCities(c: Case, count: number, bad?: number): void {
  mkdirSync(join(c.dir, "d"));
  for (let i = 0; i < count; i++) writeFileSync(join(c.dir, "d", `c${String(i).padStart(4, "0")}.yaml`), i === bad ? "bad: [\n" : CITY);
}

/** The example region with its member files. */
function region(c: Case): void {
  cpSync(join(ROOT, "examples", "dublin-region"), join(c.dir, "r"), { recursive: true });
}

function customFrameworks(c: Case): void {
  cpSync(join(ROOT, "examples", "custom-frameworks"), join(c.dir, "fw"), { recursive: true });
}

/** The pid the next process will likely get, from a process started now. */
function nextPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout) || 1;
}

const DEFAULT_CACHE = ".smartregion-cache";

describe("writes through planted links", () => {
  it("never writes through links planted under the names a temporary file could have", () => {
    const c = freshCase();
    const pid = nextPid();
    // The old naming (.FILE.PID.tmp) for the next thousand pids and the first ones, and other likely names.
    const names = ["out.html.tmp", ".out.html.tmp", "out.html~", ".out.html.swp", "out.html.new"];
    for (let p = pid; p < pid + 1000; p++) names.push(`.out.html.${p}.tmp`, `out.html.${p}.tmp`, `.out.html.${p}`);
    for (let p = 1; p < 300; p++) names.push(`.out.html.${p}.tmp`);
    for (const name of names) symlinkSync("../victim.txt", join(c.dir, name));
    expectRun(c, ["report", "city.yaml", "-f", "html", "-o", "out.html"], 0, ["case/out.html"]);
    const out = lstatSync(join(c.dir, "out.html"));
    expect(out.isFile()).toBe(true);
    expect(readFileSync(join(c.dir, "out.html"), "utf8")).toMatch(/^<!DOCTYPE html>/i);
    expect(readdirSync(c.dir).filter((n) => n.endsWith(".tmp")).length).toBe(names.filter((n) => n.endsWith(".tmp")).length);
  });

  it("never writes the cache through links planted under the names its temporary file could have", () => {
    const c = freshCase();
    const pid = nextPid();
    const names: string[] = [];
    for (let p = pid; p < pid + 1000; p++) names.push(`.${DEFAULT_CACHE}.${p}.tmp`);
    for (let p = 1; p < 300; p++) names.push(`.${DEFAULT_CACHE}.${p}.tmp`);
    for (const name of names) symlinkSync("../victim.txt", join(c.dir, name));
    expectRun(c, ["validate", "city.yaml", "--cache"], 0, [`case/${DEFAULT_CACHE}`]);
    expect(lstatSync(join(c.dir, DEFAULT_CACHE)).isFile()).toBe(true);
    // A cache location that is itself a planted link is refused too: the link and what it leads to stay.
    const d = freshCase();
    symlinkSync("../victim.txt", join(d.dir, DEFAULT_CACHE));
    const run = expectRun(d, ["validate", "city.yaml", "--cache"], 2);
    expect(run).toContain(DEFAULT_CACHE);
  });

  it("refuses a cache location that is a link, to a folder or a file, and writes nothing through it", () => {
    for (const [location, args] of [[DEFAULT_CACHE, []], ["cdir", ["--cache-location", "cdir"]], [`real/${DEFAULT_CACHE}`, ["--cache-location", "real"]]] as const) {
      const c = freshCase();
      const elsewhere = join(c.root, "elsewhere");
      mkdirSync(elsewhere);
      writeFileSync(join(elsewhere, DEFAULT_CACHE), VICTIM);
      mkdirSync(join(c.dir, "real"));
      symlinkSync(elsewhere, join(c.dir, location));
      expectRun(c, ["validate", "city.yaml", "--cache", ...args], 2);
      expect(readFileSync(join(elsewhere, DEFAULT_CACHE), "utf8")).toBe(VICTIM);
    }
  });

  it("refuses an output that is a link, to a file or to nothing, and leaves what it leads to alone", () => {
    const c = freshCase();
    symlinkSync("../victim.txt", join(c.dir, "out.html"));
    symlinkSync("../created-outside.txt", join(c.dir, "dangling.html"));
    expectRun(c, ["report", "city.yaml", "-f", "html", "-o", "out.html"], 2);
    expectRun(c, ["score", "city.yaml", "-o", "dangling.html"], 2);
    expectRun(c, ["schema", "-o", "dangling.html"], 2);
    expectRun(c, ["validate", "city.yaml", "-o", "/dev/stdout"], 2);
    expectRun(c, ["validate", "city.yaml", "-o", "/proc/self/fd/1"], 2);
  });
});

describe("outputs over inputs, compared by identity", () => {
  it("refuses an input reached through a link to its folder, a link to it, or a hard link", () => {
    const c = freshCase();
    symlinkSync(".", join(c.dir, "link"));
    symlinkSync("city.yaml", join(c.dir, "alias.yaml"));
    linkSync(join(c.dir, "city.yaml"), join(c.dir, "hard.yaml"));
    mkdirSync(join(c.dir, "deep"));
    symlinkSync("..", join(c.dir, "deep", "up"));
    expect(expectRun(c, ["score", "city.yaml", "-o", "link/city.yaml"], 2)).toContain("city.yaml");
    expect(expectRun(c, ["score", "alias.yaml", "-o", "city.yaml"], 2)).toContain("alias.yaml");
    expect(expectRun(c, ["score", "city.yaml", "-o", "hard.yaml"], 2)).toContain("city.yaml");
    expectRun(c, ["validate", "hard.yaml", "-f", "json", "-o", "deep/up/city.yaml"], 2);
    expectRun(c, ["report", "city.yaml", "-o", "deep/up/link/alias.yaml"], 2);
    expectRun(c, ["diff", "city.yaml", "alias.yaml", "-o", "hard.yaml"], 2);
  });

  it("refuses a file a folder's walk found, by its own name, through a linked folder, or as a hard link elsewhere", () => {
    const c = freshCase();
    mkdirSync(join(c.dir, "walked", "deep"), { recursive: true });
    cpSync(join(c.dir, "city.yaml"), join(c.dir, "walked", "deep", "a.yaml"));
    symlinkSync("walked", join(c.dir, "via"));
    linkSync(join(c.dir, "walked", "deep", "a.yaml"), join(c.dir, "other-name.json"));
    for (const command of ["validate", "score", "report"]) {
      expect(expectRun(c, [command, "walked", "-f", "json", "-o", "walked/deep/a.yaml"], 2)).toContain("a.yaml");
      expectRun(c, [command, "walked", "-f", "json", "-o", "via/deep/a.yaml"], 2);
      expectRun(c, [command, "walked", "-f", "json", "-o", "other-name.json"], 2);
      expectRun(c, [command, "via", "-f", "json", "-o", "walked/deep/a.yaml"], 2);
    }
    // A file of its own beside the walked ones is written.
    expectRun(c, ["validate", "walked", "-f", "json", "-o", "walked/out.json"], 0, ["case/walked/out.json"]);
  });

  it("refuses a member file of a region, and one validate only looked at", () => {
    const c = freshCase();
    region(c);
    expect(expectRun(c, ["report", "r/region.yaml", "-o", "r/members/fingal.yaml"], 2)).toContain("fingal.yaml");
    expectRun(c, ["score", "r/region.yaml", "-f", "json", "-o", "r/members/../members/fingal.yaml"], 2);
    expectRun(c, ["validate", "r/region.yaml", "-o", "r/members/fingal.yaml"], 2);
  });

  it("refuses a member file read only in worker threads", () => {
    const c = freshCase();
    region(c);
    // Enough region files for two worker threads: the members are read there, not here.
    const regionText = readFileSync(join(c.dir, "r", "region.yaml"));
    const files: string[] = [];
    for (let i = 0; i < 130; i++) {
      files.push(`r/region${i}.yaml`);
      writeFileSync(join(c.dir, files[i]!), regionText);
    }
    expectRun(c, ["score", ...files, "-j", "2", "-f", "json", "-o", "r/members/south-dublin.yaml"], 2);
  });

  it("refuses a framework file, the config file and the cache's file", () => {
    const c = freshCase();
    customFrameworks(c);
    expectRun(c, ["score", "city.yaml", "--frameworks", "fw", "-o", "fw/tourism-destination.yaml"], 2);
    expectRun(c, ["schema", "--frameworks", "fw", "-o", "fw/tourism-destination.yaml"], 2);
    expectRun(c, ["frameworks", "lint", "fw", "-o", "fw/tourism-destination.yaml"], 2);
    writeFileSync(join(c.dir, ".smartregion.yaml"), "frameworks: fw\n");
    symlinkSync(".", join(c.dir, "link"));
    expectRun(c, ["score", "city.yaml", "-o", ".smartregion.yaml"], 2);
    expectRun(c, ["validate", "city.yaml", "-o", "link/.smartregion.yaml"], 2);
    // The cache kept in an input, and an output over the cache.
    expectRun(c, ["validate", "city.yaml", "--cache", "--cache-location", "city.yaml"], 2);
    expectRun(c, ["validate", "city.yaml", "--cache", "--cache-location", "link/city.yaml"], 2);
    expectRun(c, ["validate", "city.yaml", "--cache"], 0, ["case/.smartregion-cache"]);
    expectRun(c, ["validate", "city.yaml", "--cache", "-f", "json", "-o", ".smartregion-cache"], 2);
    expectRun(c, ["validate", "city.yaml", "--cache", "-f", "json", "-o", "link/.smartregion-cache"], 2);
  });

  it("refuses to replace init's schema file without --force, and replaces it with --force", () => {
    const c = freshCase();
    customFrameworks(c);
    writeFileSync(join(c.dir, "smartregion.schema.json"), "{}\n");
    expectRun(c, ["init", "new.yaml", "--frameworks", "fw"], 2);
    symlinkSync("../victim.txt", join(c.dir, "smartregion.schema.json.link"));
    mkdirSync(join(c.dir, "sub"));
    symlinkSync("../../victim.txt", join(c.dir, "sub", "smartregion.schema.json"));
    expectRun(c, ["init", "sub/new.yaml", "--frameworks", "fw"], 2);
    expectRun(c, ["init", "sub/new.yaml", "--frameworks", "fw", "--force"], 2);
    expectRun(c, ["init", "new.yaml", "--frameworks", "fw", "--force"], 0, ["case/new.yaml", "case/smartregion.schema.json"]);
  });
});

describe("outputs that are not regular files", () => {
  it("refuses a FIFO, a device and a folder, without opening them", () => {
    const c = freshCase();
    mkdirSync(join(c.dir, "folder"));
    expect(spawnSync("mkfifo", [join(c.dir, "fifo")]).status).toBe(0);
    expectRun(c, ["score", "city.yaml", "-o", "fifo"], 2);
    expectRun(c, ["validate", "city.yaml", "--format", "json=fifo"], 2);
    expectRun(c, ["score", "city.yaml", "-o", "folder"], 2);
    // A device node of our own, like /dev/null, where the system lets us make one (as root).
    if (spawnSync("mknod", [join(c.dir, "null"), "c", "1", "3"]).status === 0) {
      expectRun(c, ["report", "city.yaml", "-o", "null"], 2);
      expectRun(c, ["init", "null", "--force"], 2);
    }
  });
});

describe("signals during -o", () => {
  for (const [signal, code, jobs] of [
    ["SIGTERM", 143, "1"],
    ["SIGINT", 130, "2"],
  ] as const) {
    it(`removes the temporary file on ${signal} and leaves the target as it was (-j ${jobs})`, async () => {
      const c = freshCase();
      manyCities(c, 300);
      writeFileSync(join(c.dir, "out.json"), "the previous output\n");
      const before = snapshot(c.root);
      const child = spawn(process.execPath, [BIN, "score", "d", "-j", jobs, "-f", "json", "-o", "out.json"], { cwd: c.dir, stdio: "ignore" });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
      // Once the temporary file exists the run is writing its output.
      let seen = false;
      for (let i = 0; i < 400 && !seen; i++) {
        seen = readdirSync(c.dir).some((n) => n.endsWith(".tmp"));
        if (!seen) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(seen).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(readdirSync(c.dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
      expect(changes(before, snapshot(c.root))).toEqual([]);
    }, 30000);
  }
});

describe("exit codes with a closed pipe", () => {
  /** The exit code of smartregion when its reader takes one line and stops. */
  const throughHead = (c: Case, args: string): number | null =>
    spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" ${args} | head -1 > /dev/null`], { cwd: c.dir, env: { PATH: process.env["PATH"], NO_COLOR: "1" }, timeout: 60000 }).status;

  it("gives the verdict of every file when the reader stops early, with and without workers", () => {
    const c = freshCase();
    manyCities(c, 520, 400);
    const before = snapshot(c.root);
    expect(throughHead(c, "score d -j 1")).toBe(1);
    expect(throughHead(c, "score d -j 2")).toBe(1);
    expect(throughHead(c, "score d")).toBe(1);
    rmSync(join(c.dir, "d", "c0400.yaml"));
    writeFileSync(join(c.dir, "d", "c0400.yaml"), CITY);
    expect(throughHead(c, "score d -j 2")).toBe(0);
    expect(changes(before, snapshot(c.root), ["case/d/c0400.yaml"])).toEqual([]);
  }, 120000);
});

describe("a full disk", () => {
  it("fails with exit 2 and leaves the target as it was", (ctx) => {
    const c = freshCase();
    manyCities(c, 40);
    // Small broken files: their findings make a validate output many times the disk's size, written in one piece.
    mkdirSync(join(c.dir, "e"));
    for (let i = 0; i < 400; i++) writeFileSync(join(c.dir, "e", `e${i}.yaml`), "bad: [\n");
    const full = join(c.dir, "full");
    mkdirSync(full);
    const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", full], { encoding: "utf8" });
    if (mount.status !== 0) {
      ctx.skip(`cannot mount a small tmpfs here: ${mount.stderr.trim()}`);
      return;
    }
    writeFileSync(join(full, "v.json"), "the previous output\n");
    expect(expectRun(c, ["validate", "e", "-f", "json", "-o", "full/v.json"], 2)).toContain("ENOSPC");
    expect(expectRun(c, ["score", "d", "-f", "json", "-o", "full/v.json"], 2)).toContain("full/v.json");
    expectRun(c, ["report", "d", "-f", "html", "-o", "full/new.html"], 2);
    expect(readdirSync(full)).toEqual(["v.json"]);
    // Standard output redirected to a file on the full disk fails the run too.
    const redirected = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" score d -f json > full/w.json`], { cwd: c.dir, env: { PATH: process.env["PATH"], NO_COLOR: "1" }, encoding: "utf8" });
    expect(redirected.status).toBe(2);
    expect(redirected.stderr).toContain("ENOSPC");
  });
});

describe("standard output that is not a plain pipe", () => {
  it("fails with exit 2 on a device that takes nothing (/dev/full)", (ctx) => {
    if (!existsSync("/dev/full")) {
      ctx.skip("no /dev/full here");
      return;
    }
    const c = freshCase();
    const run = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" validate city.yaml > /dev/full`], { cwd: c.dir, env: { PATH: process.env["PATH"], NO_COLOR: "1" }, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("ENOSPC");
  });

  it("writes every byte, in order, to a pipe left non-blocking that fills up", () => {
    const c = freshCase();
    manyCities(c, 120);
    const args = ["score", "d", "-f", "json", "-j", "1"];
    const expected = spawnSync(process.execPath, [BIN, ...args], { cwd: c.dir, env: { PATH: process.env["PATH"], NO_COLOR: "1" }, maxBuffer: 1 << 28 });
    expect(expected.stdout.length).toBeGreaterThan(1 << 18);
    // The write end is made non-blocking, as some parents leave it, and read only after the pipe has filled.
    const script = [
      "import fcntl, os, subprocess, sys, time",
      "r, w = os.pipe()",
      "fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)",
      "p = subprocess.Popen(sys.argv[1:], stdout=w)",
      "os.close(w)",
      "time.sleep(1)",
      "out = b''",
      "while True:",
      "    chunk = os.read(r, 1 << 16)",
      "    if not chunk: break",
      "    out += chunk",
      "sys.stdout.buffer.write(out)",
      "sys.exit(p.wait())",
    ].join("\n");
    const run = spawnSync("python3", ["-c", script, process.execPath, BIN, ...args], { cwd: c.dir, env: { PATH: process.env["PATH"], NO_COLOR: "1" }, maxBuffer: 1 << 28 });
    expect(run.stderr.toString()).toBe("");
    expect(run.status).toBe(expected.status);
    expect(run.stdout.equals(expected.stdout)).toBe(true);
  }, 60000);
});

describe("writeFileSafely, the writer the cache uses", () => {
  it("writes whole files, never through a link, never over an input; the cache may replace only its own file", () => {
    const c = freshCase();
    const inputs = new InputFiles();
    inputs.notePath(join(c.dir, "city.yaml"), "city.yaml");
    const cache = join(c.dir, ".smartregion-cache");
    writeFileSync(cache, "{}");
    inputs.notePath(cache, ".smartregion-cache", "cache");
    const before = snapshot(c.root);
    for (const p of [process.pid, ...Array.from({ length: 300 }, (_, i) => process.pid + i + 1)]) symlinkSync("../victim.txt", join(c.dir, `..smartregion-cache.${p}.tmp`));
    writeFileSafely(cache, "new cache", { inputs, own: "cache" });
    expect(readFileSync(cache, "utf8")).toBe("new cache");
    expect(() => writeFileSafely(join(c.dir, "city.yaml"), "x", { inputs, own: "cache" })).toThrow(/city\.yaml/);
    expect(() => writeFileSafely(cache, "x", { inputs })).toThrow(/\.smartregion-cache/);
    symlinkSync("../victim.txt", join(c.dir, "link"));
    expect(() => writeFileSafely(join(c.dir, "link"), "x", { inputs, own: "cache" })).toThrow(/link/);
    const after = snapshot(c.root);
    expect(changes(before, after, ["case/.smartregion-cache", "case/link"]).filter((line) => !line.includes(".tmp"))).toEqual([]);
    expect(readFileSync(c.victim, "utf8")).toBe(VICTIM);
  });
});

describe("InputFiles, looking up listed paths", () => {
  it("finds a listed file by its own name, a link to it under any name, and the rest when asked without a name", () => {
    const c = freshCase();
    const inputs = new InputFiles();
    const a = join(c.dir, "city.yaml");
    const id = `${lstatSync(a, { bigint: true }).dev}:${lstatSync(a, { bigint: true }).ino}`;
    inputs.notePath(a, "city.yaml", "read", true);
    // A listed path of another name is not the file: it is not looked up for it.
    expect(inputs.find(id, undefined, "other.yaml")).toBeUndefined();
    expect(inputs.find(id, undefined, "city.yaml")).toBe("city.yaml");
    const fresh = new InputFiles();
    symlinkSync("city.yaml", join(c.dir, "alias.yaml"));
    fresh.notePath(join(c.dir, "alias.yaml"), "alias.yaml");
    fresh.notePath(a, "city.yaml", "read", true);
    // A path that was not listed may be a link: it is looked up whatever its name.
    expect(fresh.find(id, undefined, "other.yaml")).toBe("alias.yaml");
    const later = new InputFiles();
    later.notePath(a, "city.yaml", "read", true);
    expect(later.find(id, undefined, "other.yaml")).toBeUndefined();
    // Left for later, not dropped: a lookup without a name finds it.
    expect(later.find(id)).toBe("city.yaml");
  });
});

describe("openFileSafely, writing in pieces", () => {
  it("writes every piece in order, whole, across many gathered writes, and nothing when abandoned", () => {
    const c = freshCase();
    const target = join(c.dir, "big.json");
    const pieces = Array.from({ length: 3000 }, (_, i) => `${i}:杭州-${"x".repeat(i % 500)}\n`);
    // One piece larger than what is gathered at once.
    pieces.splice(1500, 0, `${"z".repeat(400 * 1024)}杭州\n`);
    const output = openFileSafely(target);
    pieces.forEach((p, i) => (i % 7 === 0 ? output.writeBytes(Buffer.from(p, "utf8")) : output.write(p)));
    output.close();
    expect(readFileSync(target, "utf8")).toBe(pieces.join(""));
    const again = openFileSafely(target);
    again.write("y".repeat(300 * 1024));
    again.abandon();
    expect(readFileSync(target, "utf8")).toBe(pieces.join(""));
    expect(readdirSync(c.dir).filter((name) => name.includes("big.json"))).toEqual(["big.json"]);
  });
});

describe("fstatExact", () => {
  it("gives an open file the identity its big-integer numbers give, and its kind and size", () => {
    const c = freshCase();
    const file = join(c.dir, "city.yaml");
    const fd = openSync(file, "r");
    try {
      const exact = fstatSync(fd, { bigint: true });
      expect(fstatExact(fd)).toEqual({ isFile: true, size: Number(exact.size), id: `${exact.dev}:${exact.ino}` });
    } finally {
      closeSync(fd);
    }
  });
});
