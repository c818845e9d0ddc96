import { createRequire } from "node:module";

/** Loaded when a run uses the cache, and only then. */
const crypto = (): typeof import("node:crypto") => createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
import { isBelow, isLink } from "./paths.js";
import { UsageError } from "../model/errors.js";
import { writeFileSafely } from "./output.js";
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import { join, resolve } from "node:path";
import type { MemberDisk, PathKind } from "../assessment/members.js";
import { CODES, compareText } from "../model/findings.js";
import type { Code, Facts, Finding } from "../model/findings.js";
import { cacheSecret, secretFolder } from "./cache-secret.js";
import { displayPath, pathKind } from "./files.js";
import { identityOf, RUN_INPUTS } from "./inputs.js";
import type { CacheSecret } from "./cache-secret.js";

/**
 * What `validate --cache` remembers of each file: its findings, under a key of the file's size
 * and modification time (or its content, with `--cache-strategy content`). A region's findings
 * also depend on its member files: every answer the disk gave while it was checked is kept and
 * asked again before the findings are reused.
 *
 * The whole cache belongs to one tool version, one set of frameworks and one set of options;
 * when any of them differs, or the file cannot be read as a cache, it is started afresh.
 *
 * The cache file may come from anywhere (a repository, a pull request), so nothing in it is
 * trusted for its own sake: each entry carries a MAC made with this machine's secret (see
 * cache-secret.ts), and an entry whose structure or MAC is not exactly right is dropped and its
 * file checked afresh.
 */
export type CacheStrategy = "metadata" | "content";

const FORMAT = 3;

/** What the disk answered while a file was checked: a path's kind, where a path really leads, or which file it is (device and inode). */
export type DiskAnswer = readonly ["kind", string, PathKind] | readonly ["realpath", string, string] | readonly ["identity", string, string];

/** A finding as kept, with `file` left out when it is the file itself. */
type StoredFinding = Omit<Finding, "file"> & { file?: string };

interface Entry {
  readonly size: number;
  readonly mtime: number;
  readonly hash: string | null;
  readonly disk: readonly DiskAnswer[];
  readonly findings: readonly StoredFinding[];
  /** The HMAC of all the above, the cache's key and the file's path (see entryMac). */
  readonly mac: string;
}

interface CacheFile {
  readonly "smartregion-cache": number;
  readonly key: string;
  readonly files: Record<string, Entry>;
}

/** Why a cache was not used at all: its secret could not be trusted. */
export type UntrustedCache = Exclude<CacheSecret, { secret: Buffer }>;

const contentDigest = (bytes: Uint8Array): string => crypto().createHash("sha1").update(bytes).digest("hex");

export const DEFAULT_CACHE_FILE = ".smartregion-cache";

/**
 * The file `--cache-location` names (a folder holds the cache under its usual name), refused
 * when it is a link, in the folder of the cache's signing key, or one of the run's inputs, and
 * noted as held by the cache, so that no output replaces it and the cache replaces nothing else.
 */
export function cacheFileAt(location: string, cwd: string): string {
  const named = resolve(cwd, location);
  // A link where the cache goes (a committed `.smartregion-cache` that leads elsewhere) is refused, never followed.
  const linked = (path: string) =>
    new UsageError(`refusing to keep the cache in ${displayPath(path, cwd)}: it is a symbolic link`, `拒绝将缓存保存在 ${displayPath(path, cwd)}：它是符号链接`);
  if (isLink(named)) throw linked(named);
  const folder = pathKind(named) === "directory";
  if (/[\\/]$/.test(location) && !folder) throw new UsageError(`--cache-location ${location}: no such folder`, `--cache-location ${location}：没有这个文件夹`);
  const file = folder ? join(named, DEFAULT_CACHE_FILE) : named;
  if (isLink(file)) throw linked(file);
  const display = displayPath(file, cwd);
  // The folder of the secret the cache is signed with is never the cache's: it would replace the key.
  const secrets = secretFolder();
  if (secrets !== undefined && isBelow(secrets, file)) {
    throw new UsageError(`refusing to keep the cache in ${display}: it is where the cache's signing key is kept`, `拒绝将缓存保存在 ${display}：那里存放着缓存的签名密钥`);
  }
  let stat;
  try {
    stat = statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    // Under something that is not a folder: writing the cache says so, and the run goes on.
    stat = undefined;
  }
  const input = stat === undefined ? undefined : RUN_INPUTS.find(identityOf(stat), "cache");
  if (input !== undefined) throw new UsageError(`refusing to keep the cache in ${display}: it is the input file ${input}`, `拒绝将缓存保存在 ${display}：它就是输入文件 ${input}`);
  RUN_INPUTS.notePath(file, display, "cache");
  return file;
}

export class CheckCache {
  private readonly files: Map<string, Entry>;
  private changed = false;

  private constructor(
    private readonly location: string,
    private readonly key: string,
    private readonly strategy: CacheStrategy,
    private readonly secret: Buffer,
    files: Map<string, Entry> | undefined,
  ) {
    this.files = files ?? new Map();
    this.changed = files === undefined;
  }

  /**
   * Opens the cache file `file` (see `cacheFileAt`). `key` names everything besides the file
   * that its findings depend on. When the machine's secret cannot be trusted, no cache is
   * opened, and the reason is returned instead.
   */
  static open(file: string, key: string, strategy: CacheStrategy, secret: CacheSecret = cacheSecret()): CheckCache | UntrustedCache {
    if (!("secret" in secret)) return secret;
    const fullKey = crypto().createHash("sha256").update(key).update("\0").update(strategy).digest("hex");
    return new CheckCache(file, fullKey, strategy, secret.secret, load(file, fullKey, strategy, secret.secret));
  }

  /** The digest of a file's content, when the strategy asks for it. */
  digest(bytes: Uint8Array): string | null {
    return this.strategy === "content" ? contentDigest(bytes) : null;
  }

  /** Whether the file can be answered without reading it (the metadata strategy). */
  get needsContent(): boolean {
    return this.strategy === "content";
  }

  /** The findings remembered for `absolute`, shown as `file`, if nothing they depend on changed. */
  lookup(absolute: string, file: string, stat: Stats, hash: string | null, disk: MemberDisk): Finding[] | undefined {
    const entry = this.files.get(absolute);
    if (entry === undefined || entry.size !== stat.size) return undefined;
    if (this.strategy === "metadata" ? entry.mtime !== stat.mtimeMs : entry.hash !== hash) return undefined;
    for (const answer of entry.disk) {
      const now = answer[0] === "kind" ? disk.kind(answer[1]) : answer[0] === "realpath" ? disk.realpath(answer[1]) : (disk.identity(answer[1]) ?? "");
      if (now !== answer[2]) return undefined;
    }
    return entry.findings.map((f) => ({ ...f, file: f.file ?? file }));
  }

  /**
   * Remembers a file's findings. They are kept as they will be read back (through JSON), and only
   * when they pass the same checks, so what is used later is exactly what was checked and signed.
   */
  store(absolute: string, file: string, stat: Stats, hash: string | null, answers: readonly DiskAnswer[], findings: readonly Finding[]): void {
    const kept = findings.map(({ file: own, ...rest }) => (own === file ? rest : { ...rest, file: own }));
    const body: unknown = JSON.parse(JSON.stringify({ size: stat.size, mtime: stat.mtimeMs, hash, disk: answers, findings: kept, mac: "0".repeat(64) }));
    if (!isEntry(body, this.strategy)) return;
    this.files.set(absolute, { ...body, mac: entryMac(this.secret, this.key, absolute, body) });
    this.changed = true;
  }

  /** Writes the cache beside its final place and renames it there; a cache that cannot be written is skipped. */
  save(): { location: string; reason: UsageError } | undefined {
    if (!this.changed) return undefined;
    const content: CacheFile = { "smartregion-cache": FORMAT, key: this.key, files: Object.fromEntries(this.files) };
    try {
      // Exclusive, unpredictable temporary file, never through a link, never over a file the run read.
      writeFileSafely(this.location, JSON.stringify(content), { own: "cache", sync: true });
      return undefined;
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      return { location: this.location, reason: error };
    }
  }
}

/** A disk that remembers its answers, to check a file with before it is stored in the cache. */
export function recordingDisk(disk: MemberDisk): { disk: MemberDisk; answers: DiskAnswer[] } {
  const answers: DiskAnswer[] = [];
  return {
    answers,
    disk: {
      kind: (path) => {
        const kind = disk.kind(path);
        answers.push(["kind", path, kind]);
        return kind;
      },
      realpath: (path) => {
        const real = disk.realpath(path);
        answers.push(["realpath", path, real]);
        return real;
      },
      // Members are told apart by identity, so a hard link to another member is seen on a cached run too.
      identity: (path) => {
        const identity = disk.identity(path);
        answers.push(["identity", path, identity ?? ""]);
        return identity;
      },
    },
  };
}

/** The deepest a cache file's JSON is: the file, its entries, their findings, their facts, the lists in those. */
const MAX_CACHE_DEPTH = 8;

/** Whether JSON text nests arrays and objects deeper than `limit`, brackets inside strings aside; one pass, no parse. */
function nestedDeeper(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** A cache file larger than this is not read (and is started afresh). */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The entries of a cache file that pass every check, or undefined when it is missing, corrupt or made for something else. */
function load(file: string, key: string, strategy: CacheStrategy, secret: Buffer): Map<string, Entry> | undefined {
  const text = readCapped(file);
  if (text === undefined) return undefined;
  // A cache is never nested deeper than a few levels: a file of nothing but brackets is not parsed at all.
  if (nestedDeeper(text, MAX_CACHE_DEPTH)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data["smartregion-cache"] !== FORMAT || data["key"] !== key) return undefined;
  const files = data["files"];
  if (!isRecord(files)) return undefined;
  const entries = new Map<string, Entry>();
  for (const [path, entry] of Object.entries(files)) {
    // The structure is checked before the MAC is computed over it, so nothing of unknown shape is walked.
    if (isEntry(entry, strategy) && entry.mac === entryMac(secret, key, path, entry)) entries.set(path, entry);
  }
  return entries;
}

/** The text of a regular file of at most MAX_CACHE_BYTES, or undefined. */
function readCapped(file: string): string | undefined {
  let fd: number;
  try {
    // Non-blocking, so a FIFO in the cache's place cannot hold the run.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return undefined;
    const bytes = Buffer.alloc(stat.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return bytes.toString("utf8", 0, got);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The MAC of an entry: an HMAC-SHA256, under this machine's secret, of everything its trust
 * rests on (the cache's key, the file's absolute path, and the entry itself), written canonically.
 */
function entryMac(secret: Buffer, key: string, absolute: string, entry: Omit<Entry, "mac">): string {
  const covered = [FORMAT, key, absolute, entry.size, entry.mtime, entry.hash, entry.disk, entry.findings];
  return crypto().createHmac("sha256", secret).update(canonical(covered)).digest("hex");
}

/** JSON with the keys of every object in order, so equal data gives equal text whatever the order it was built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort(compareText);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether `value` has exactly the keys `required` and possibly some of `optional`. */
function hasKeys(value: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): boolean {
  const keys = Object.keys(value);
  return required.every((k) => Object.hasOwn(value, k)) && keys.every((k) => required.includes(k) || optional.includes(k));
}

const ENTRY_KEYS = ["size", "mtime", "hash", "disk", "findings", "mac"] as const;
const FINDING_KEYS = ["code", "severity", "line", "col", "path", "facts"] as const;
const PATH_KINDS: readonly PathKind[] = ["file", "directory", "missing", "other"];
const HEX_SHA1 = /^[0-9a-f]{40}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** The type of each fact, as the message tables read it; the compiler sees that none is left out. */
const FACT_TYPES = {
  key: "string",
  value: "string",
  expected: "string",
  actual: "string",
  allowed: "strings",
  suggestion: "string",
  limit: "number",
  detail: "string",
  context: "string",
  expects: "strings",
  found: "string",
  reason: "strings",
  titles: "titles",
} as const satisfies Record<keyof Facts, "string" | "strings" | "number" | "titles">;

/** Exactly the shape `store` writes: anything else is dropped, not trusted. */
function isEntry(entry: unknown, strategy: CacheStrategy): entry is Entry {
  return (
    isRecord(entry) &&
    hasKeys(entry, ENTRY_KEYS) &&
    Number.isSafeInteger(entry["size"]) &&
    (entry["size"] as number) >= 0 &&
    Number.isFinite(entry["mtime"]) &&
    (strategy === "content" ? typeof entry["hash"] === "string" && HEX_SHA1.test(entry["hash"]) : entry["hash"] === null) &&
    Array.isArray(entry["disk"]) &&
    entry["disk"].every(isDiskAnswer) &&
    Array.isArray(entry["findings"]) &&
    entry["findings"].every(isFinding) &&
    typeof entry["mac"] === "string" &&
    HEX_SHA256.test(entry["mac"])
  );
}

function isDiskAnswer(answer: unknown): answer is DiskAnswer {
  if (!Array.isArray(answer) || answer.length !== 3 || typeof answer[1] !== "string" || typeof answer[2] !== "string") return false;
  return answer[0] === "realpath" || answer[0] === "identity" || (answer[0] === "kind" && PATH_KINDS.includes(answer[2] as PathKind));
}

function isFinding(f: unknown): f is StoredFinding {
  if (!isRecord(f) || !hasKeys(f, FINDING_KEYS, ["file"])) return false;
  const code = f["code"];
  return (
    typeof code === "string" &&
    Object.hasOwn(CODES, code) &&
    f["severity"] === CODES[code as Code].severity &&
    isPosition(f["line"]) &&
    isPosition(f["col"]) &&
    typeof f["path"] === "string" &&
    (f["file"] === undefined || typeof f["file"] === "string") &&
    isFacts(f["facts"])
  );
}

const isPosition = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 1;

function isFacts(facts: unknown): facts is Facts {
  if (!isRecord(facts)) return false;
  return Object.entries(facts).every(([name, value]) => {
    if (!Object.hasOwn(FACT_TYPES, name)) return false;
    const type = FACT_TYPES[name as keyof Facts];
    if (type === "string") return typeof value === "string";
    if (type === "number") return Number.isFinite(value);
    if (type === "titles") return isRecord(value) && Object.values(value).every((v) => typeof v === "string");
    return Array.isArray(value) && value.every((v) => typeof v === "string");
  });
}
