import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { MemberDisk, PathKind } from "../assessment/members.js";
import { CODES } from "../findings.js";
import type { Finding } from "../findings.js";
import { pathKind } from "./files.js";

/**
 * What `validate --cache` remembers of each file: its findings, under a key of the file's size
 * and modification time (or its content, with `--cache-strategy content`). A region's findings
 * also depend on its member files: every answer the disk gave while it was checked is kept and
 * asked again before the findings are reused.
 *
 * The whole cache belongs to one tool version, one set of frameworks and one set of options;
 * when any of them differs, or the file cannot be read as a cache, it is started afresh.
 */
export type CacheStrategy = "metadata" | "content";

const FORMAT = 1;

/** What the disk answered while a file was checked: a path's kind, or where a path really leads. */
export type DiskAnswer = readonly ["kind", string, PathKind] | readonly ["realpath", string, string];

interface Entry {
  readonly size: number;
  readonly mtime: number;
  readonly hash: string | null;
  readonly disk: readonly DiskAnswer[];
  /** The findings, with `file` left out when it is the file itself. */
  readonly findings: readonly (Omit<Finding, "file"> & { file?: string })[];
}

interface CacheFile {
  readonly "smartregion-cache": number;
  readonly key: string;
  readonly files: Record<string, Entry>;
}

const contentDigest = (bytes: Uint8Array): string => createHash("sha1").update(bytes).digest("hex");

export const DEFAULT_CACHE_FILE = ".smartregion-cache";

export class CheckCache {
  private readonly files: Record<string, Entry>;
  private changed = false;

  private constructor(
    private readonly location: string,
    private readonly key: string,
    private readonly strategy: CacheStrategy,
    files: Record<string, Entry> | undefined,
  ) {
    this.files = files ?? Object.create(null);
    this.changed = files === undefined;
  }

  /**
   * Opens the cache at `location` (a file, or a folder to keep `.smartregion-cache` in). `key`
   * names everything besides the file that its findings depend on.
   */
  static open(location: string, cwd: string, key: string, strategy: CacheStrategy, disk: MemberDisk): CheckCache {
    let file = resolve(cwd, location);
    if (disk.kind(file) === "directory") file = join(file, DEFAULT_CACHE_FILE);
    const fullKey = createHash("sha256").update(key).update("\0").update(strategy).digest("hex");
    return new CheckCache(file, fullKey, strategy, load(file, fullKey));
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
    const entry = this.files[absolute];
    if (entry === undefined || entry.size !== stat.size) return undefined;
    if (this.strategy === "metadata" ? entry.mtime !== stat.mtimeMs : entry.hash !== hash) return undefined;
    for (const answer of entry.disk) {
      const now = answer[0] === "kind" ? disk.kind(answer[1]) : disk.realpath(answer[1]);
      if (now !== answer[2]) return undefined;
    }
    return entry.findings.map((f) => ({ ...f, file: f.file ?? file }));
  }

  store(absolute: string, file: string, stat: Stats, hash: string | null, answers: readonly DiskAnswer[], findings: readonly Finding[]): void {
    this.files[absolute] = {
      size: stat.size,
      mtime: stat.mtimeMs,
      hash,
      disk: answers,
      findings: findings.map(({ file: own, ...rest }) => (own === file ? rest : { ...rest, file: own })),
    };
    this.changed = true;
  }

  /** Writes the cache beside its final place and renames it there; a cache that cannot be written is skipped. */
  save(): { location: string; reason: string } | undefined {
    if (!this.changed) return undefined;
    const content: CacheFile = { "smartregion-cache": FORMAT, key: this.key, files: this.files };
    const temporary = join(dirname(this.location), `.${basename(this.location)}.${process.pid}.tmp`);
    try {
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, this.location);
      return undefined;
    } catch (error) {
      rmSync(temporary, { force: true });
      return { location: this.location, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
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
    },
  };
}

/** The entries of a cache file, or undefined when it is missing, corrupt or made for something else. */
function load(file: string, key: string): Record<string, Entry> | undefined {
  if (pathKind(file) !== "file") return undefined;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    if (data["smartregion-cache"] !== FORMAT || data.key !== key) return undefined;
    const files = data.files;
    if (typeof files !== "object" || files === null || Array.isArray(files)) return undefined;
    const entries: Record<string, Entry> = Object.create(null);
    for (const [path, entry] of Object.entries(files)) {
      if (valid(entry)) entries[path] = entry;
    }
    return entries;
  } catch {
    return undefined;
  }
}

/** Enough of an entry's shape to use it; anything else is dropped, not trusted. */
function valid(entry: unknown): entry is Entry {
  if (typeof entry !== "object" || entry === null) return false;
  const e = entry as Record<string, unknown>;
  return (
    typeof e["size"] === "number" &&
    typeof e["mtime"] === "number" &&
    (e["hash"] === null || typeof e["hash"] === "string") &&
    Array.isArray(e["disk"]) &&
    e["disk"].every((a) => Array.isArray(a) && a.length === 3 && (a[0] === "kind" || a[0] === "realpath") && typeof a[1] === "string" && typeof a[2] === "string") &&
    Array.isArray(e["findings"]) &&
    e["findings"].every(
      (f) =>
        typeof f === "object" && f !== null && typeof f.code === "string" && Object.hasOwn(CODES, f.code) && f.severity === CODES[f.code as keyof typeof CODES].severity &&
        Number.isInteger(f.line) && Number.isInteger(f.col) && typeof f.path === "string" && typeof f.facts === "object" && f.facts !== null && (f.file === undefined || typeof f.file === "string"),
    )
  );
}
