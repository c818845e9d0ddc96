import { closeSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type Picomatch from "picomatch";
import { UsageError } from "../model/errors.js";
import { RUN_INPUTS } from "./inputs.js";
import { holdYoungGeneration, runOf } from "./memory.js";
import { compareText } from "../model/findings.js";
import type { MemberDisk, PathKind } from "../assessment/members.js";

/** What the command line's paths turned into. */
export interface Inputs {
  /** Absolute paths of the files to check, each once, in display order. */
  readonly files: readonly string[];
  /** The same files as the user reads them (see displayPath). */
  readonly display: readonly string[];
  /** Arguments that named nothing that can be checked. */
  readonly missing: readonly { readonly arg: string; readonly reason: "not-found" | "no-yaml" }[];
  /**
   * The files a walk or a glob found (not named), each with the argument that found it: with
   * `later`, the reader of each leaves it out if it is a framework (see frameworkText). Each
   * was a regular file in its folder's listing, not a link.
   */
  readonly found: ReadonlyMap<string, string>;
}

export const YAML_FILE = /\.ya?ml$/i;
const load = createRequire(import.meta.url);
let picomatch: typeof Picomatch | undefined;
const GLOB_CHARS = /[*?[{]/;
/** Folders a walk never enters: tool caches and version control. */
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".hg", ".svn"]);

/**
 * Expands files, folders and glob patterns into the YAML files to check. Folders are walked for
 * `*.yaml` and `*.yml`; symbolic links and anything that is not a regular file are skipped on
 * the way, so a walk can neither loop nor leave the folder.
 */
export function expandInputs(args: readonly string[], cwd: string, later = false, soon?: (found: number) => void): Inputs {
  const found = new Set<string>();
  const missing: { arg: string; reason: "not-found" | "no-yaml" }[] = [];
  // Peeking at each file here would read it twice: with `later`, the reader does it.
  const kept = later ? () => true : (f: string) => !frameworkFile(f);
  const foundBy = new Map<string, string>();
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    const kind = pathKind(absolute);
    let matched: string[];
    const seen = soon === undefined ? undefined : (more: number) => soon(found.size + more);
    if (kind === "directory") matched = walk(absolute, seen).filter((f) => YAML_FILE.test(f) && kept(f));
    else if (kind !== "missing") matched = [absolute];
    else if (GLOB_CHARS.test(arg)) matched = glob(arg, cwd, seen).filter(kept);
    else {
      missing.push({ arg, reason: "not-found" });
      continue;
    }
    if (matched.length === 0) missing.push({ arg, reason: kind === "directory" ? "no-yaml" : "not-found" });
    // A file named on the command line is read as named, even if a walk found it too.
    const named = kind === "file" || kind === "other";
    for (const f of matched) {
      if (named) foundBy.delete(f);
      else if (!found.has(f)) foundBy.set(f, arg);
    }
    matched.forEach((f) => found.add(f));
  }
  runOf(found.size);
  holdYoungGeneration();
  // Each path is made readable once, not at every comparison of the sort.
  const shown = [...found].map((absolute) => ({ absolute, display: displayPath(absolute, cwd) }));
  holdYoungGeneration();
  shown.sort((a, b) => compareText(a.display, b.display));
  return { files: shown.map((f) => f.absolute), display: shown.map((f) => f.display), missing, found: foundBy };
}

/** How far into a file a walk looks for the key that makes it a framework. */
const FRAMEWORK_PEEK = 16 * 1024;

/**
 * Whether a file a walk or a glob found is a framework, which is left out of the assessments:
 * a top-level `x-framework` key in its first 16 KB and no `smartregion` key there. A framework
 * named on the command line is read, and said to be one (`framework-file`).
 */
export function frameworkFile(path: string): boolean {
  const framework = frameworkText(peek(path));
  // Read, though left out: an input of the run all the same, which no output may replace.
  if (framework) RUN_INPUTS.notePath(path, path);
  return framework;
}

/** Whether the start of a file's text is a framework's: a top-level `x-framework` key, no `smartregion` key. */
export const frameworkText = (head: string): boolean => /^x-framework[ \t]*:/m.test(head) && !/^smartregion[ \t]*:/m.test(head);

/** Whether the start of a file's text is an assessment's: the top-level `smartregion` key, and not a framework. */
export const assessmentText = (head: string): boolean => /^smartregion[ \t]*:/m.test(head) && !frameworkText(head);

/** The first bytes of a file as the text a peek reads. */
export const headText = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, FRAMEWORK_PEEK)).toString("utf8");

/** The first 16 KB of a regular file as text; empty when it cannot be read. */
function peek(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buffer = Buffer.alloc(FRAMEWORK_PEEK);
    return buffer.subarray(0, readSync(fd, buffer, 0, FRAMEWORK_PEEK, 0)).toString("utf8");
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A path as the user reads it: relative to where they stand, with forward slashes. */
export function displayPath(absolute: string, cwd: string): string {
  // The common case, a normalised path below the working folder, without path.relative's work.
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  if (absolute.startsWith(prefix) && !absolute.includes(`${sep}.`)) {
    const below = absolute.slice(prefix.length);
    return sep === "/" ? below : below.split(sep).join("/");
  }
  const rel = relative(cwd, absolute);
  return (rel === "" ? "." : rel).split(sep).join("/");
}

export function pathKind(path: string): PathKind {
  try {
    const stat = statSync(path);
    return stat.isFile() ? "file" : stat.isDirectory() ? "directory" : "other";
  } catch {
    return "missing";
  }
}

/** The disk as member paths see it. */
export const nodeMemberDisk: MemberDisk = {
  kind: pathKind,
  realpath: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  },
  identity: (path) => {
    try {
      const stat = statSync(path, { bigint: true });
      return `${stat.dev}:${stat.ino}`;
    } catch {
      return undefined;
    }
  },
};

/**
 * Every regular file below a folder, without following symbolic links. `seen` is told, after
 * each folder, how many YAML files the walk has found so far.
 */
function walk(root: string, seen?: (yaml: number) => void): string[] {
  const files: string[] = [];
  let yaml = 0;
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    runOf(files.length + entries.length);
    holdYoungGeneration();
    if (seen !== undefined) {
      for (const entry of entries) if (entry.isFile() && YAML_FILE.test(entry.name)) yaml++;
      seen(yaml);
    }
    // A listed name is one part, never `.` or `..`, and the folder is already normal: joined as is.
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const entry of entries) {
      const path = prefix + entry.name;
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) pending.push(path);
      else if (entry.isFile()) files.push(path);
    }
  }
  return files;
}

/**
 * Matches a glob (`*`, `**`, `?`, `[…]`, `{a,b}`, `{1..3}`, `!(…)`) against the files below its
 * fixed prefix, with picomatch: the matcher of the wider Node ecosystem, so a pattern means here
 * what it means to the tools beside this one. Loaded only when a pattern is given.
 */
/** A file as the user names it (from `cwd`), as a `/`-separated path from `folder`; undefined outside it. */
export const relativeFrom =
  (cwd: string) =>
  (file: string, folder: string): string | undefined => {
    const rel = relative(folder, resolve(cwd, file)).split(sep).join("/");
    return rel === "" || rel === ".." || rel.startsWith("../") || isAbsolute(rel) ? undefined : rel;
  };

/** A glob as the source of a regular expression over a `/`-separated relative path; a plain path matches itself and what is under it. */
export function globSource(pattern: string): string {
  const normalised = pattern.split(sep).join("/").replace(/^\.\//, "").replace(/\/$/, "");
  picomatch ??= load("picomatch") as typeof Picomatch;
  if (!GLOB_CHARS.test(normalised)) return `^${normalised.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(/.*)?$`;
  try {
    return picomatch.makeRe(normalised, { dot: true, strictBrackets: true }).source;
  } catch {
    throw new UsageError(`${pattern} is not a pattern that can match a file name`, `${pattern} 不是有效的文件名通配符`);
  }
}

function glob(pattern: string, cwd: string, seen?: (yaml: number) => void): string[] {
  const normalised = pattern.split(sep).join("/");
  const parts = normalised.split("/");
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const prefix = parts.slice(0, firstGlob).join("/");
  const base = resolve(cwd, prefix !== "" ? prefix : normalised.startsWith("/") ? "/" : ".");
  if (pathKind(base) !== "directory" || lstatSync(base).isSymbolicLink()) return [];
  let matches: (path: string) => boolean;
  try {
    picomatch ??= load("picomatch") as typeof Picomatch;
    matches = picomatch(parts.slice(firstGlob).join("/"), { dot: true, strictBrackets: true });
  } catch {
    // A pattern picomatch cannot read is the user's mistake, not a crash.
    throw new UsageError(`${pattern} is not a pattern that can match a file name`, `${pattern} 不是有效的文件名通配符`);
  }
  return walk(base, seen).filter((f) => matches(relative(base, f).split(sep).join("/")));
}
