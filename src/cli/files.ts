import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { compareText } from "../findings.js";
import type { MemberDisk, PathKind } from "../assessment/members.js";

/** What the command line's paths turned into. */
export interface Inputs {
  /** Absolute paths of the files to check, each once, in display order. */
  readonly files: readonly string[];
  /** The same files as the user reads them (see displayPath). */
  readonly display: readonly string[];
  /** Arguments that named nothing that can be checked. */
  readonly missing: readonly { readonly arg: string; readonly reason: "not-found" | "no-yaml" }[];
}

const YAML_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[{]/;
/** Folders a walk never enters: tool caches and version control. */
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".hg", ".svn"]);

/**
 * Expands files, folders and glob patterns into the YAML files to check. Folders are walked for
 * `*.yaml` and `*.yml`; symbolic links and anything that is not a regular file are skipped on
 * the way, so a walk can neither loop nor leave the folder.
 */
export function expandInputs(args: readonly string[], cwd: string): Inputs {
  const found = new Set<string>();
  const missing: { arg: string; reason: "not-found" | "no-yaml" }[] = [];
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    const kind = pathKind(absolute);
    let matched: string[];
    if (kind === "directory") matched = walk(absolute).filter((f) => YAML_FILE.test(f));
    else if (kind !== "missing") matched = [absolute];
    else if (GLOB_CHARS.test(arg)) matched = glob(arg, cwd);
    else {
      missing.push({ arg, reason: "not-found" });
      continue;
    }
    if (matched.length === 0) missing.push({ arg, reason: kind === "directory" ? "no-yaml" : "not-found" });
    matched.forEach((f) => found.add(f));
  }
  // Each path is made readable once, not at every comparison of the sort.
  const shown = [...found].map((absolute) => ({ absolute, display: displayPath(absolute, cwd) }));
  shown.sort((a, b) => compareText(a.display, b.display));
  return { files: shown.map((f) => f.absolute), display: shown.map((f) => f.display), missing };
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

/** Every regular file below a folder, without following symbolic links. */
function walk(root: string): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) pending.push(path);
      else if (entry.isFile()) files.push(path);
    }
  }
  return files;
}

/** Matches a glob (`*`, `**`, `?`, `[…]`, `{a,b}`) against the files below its fixed prefix. */
function glob(pattern: string, cwd: string): string[] {
  const normalised = pattern.split(sep).join("/");
  const parts = normalised.split("/");
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = resolve(cwd, parts.slice(0, firstGlob).join("/") || ".");
  if (pathKind(base) !== "directory" || lstatSync(base).isSymbolicLink()) return [];
  const matcher = globToRegExp(isAbsolute(normalised) ? normalised : resolve(cwd, normalised).split(sep).join("/"));
  return walk(base).filter((f) => matcher.test(f.split(sep).join("/")));
}

export function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      out += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      if (end < 0) out += "\\{";
      else {
        out += `(?:${glob.slice(i + 1, end).split(",").map(escape).join("|")})`;
        i = end;
      }
    } else if (c === "[") {
      const end = glob.indexOf("]", i);
      if (end < 0) out += "\\[";
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
