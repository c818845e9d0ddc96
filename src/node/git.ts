import { createRequire } from "node:module";
import { dirname, relative, resolve, sep } from "node:path";
import type { MemberDisk, PathKind } from "../assessment/members.js";
import type { MemberReader } from "../assessment/region.js";

/** git is run only by the commands that read a revision or the staging area: node:child_process is loaded then. */
const spawnSync: typeof import("node:child_process").spawnSync = ((...args: Parameters<typeof import("node:child_process").spawnSync>) =>
  (createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process")).spawnSync(...args)) as typeof import("node:child_process").spawnSync;

/**
 * A commit of the git repository a file is in, seen as a read-only disk: the assessment and its
 * member files as they were at that commit, read with `git cat-file`, so that a region is
 * compared with its members of the same commit. Nothing is checked out and nothing is written.
 */
export interface Revision {
  /** The revision as the user named it, and the commit it names. */
  readonly name: string;
  readonly commit: string;
  readonly disk: MemberDisk;
  readonly reader: MemberReader;
}

interface Entry {
  readonly mode: string;
  readonly blob: string;
  readonly size: number;
}

/** Why a revision cannot be read: no git, not in a repository, or no such commit. */
export type RevisionProblem = "no-git" | "not-a-repository" | "no-such-revision";

export function git(args: readonly string[], cwd: string, maxBuffer = 64 * 1024 * 1024): { ok: true; out: Buffer } | { ok: false; missing: boolean } {
  const run = spawnSync("git", args, { cwd, maxBuffer, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0" } });
  if (run.error !== undefined) return { ok: false, missing: (run.error as NodeJS.ErrnoException).code === "ENOENT" };
  return run.status === 0 ? { ok: true, out: run.stdout } : { ok: false, missing: false };
}

/** The top folder of the git repository `cwd` is in, as git says. */
export function repositoryRoot(cwd: string): string | "no-git" | "not-a-repository" {
  const top = git(["rev-parse", "--show-toplevel"], cwd);
  if (!top.ok) return top.missing ? "no-git" : "not-a-repository";
  return top.out.toString("utf8").trim();
}

/**
 * The commit `name` names in the repository `file` is in. A name that starts with `-` or holds a
 * control character is refused before git sees it, so no revision can pass git an option.
 */
export function openRevision(name: string, file: string, cwd: string, display: (absolute: string) => string, maxBytes: number): Revision | RevisionProblem {
  // eslint-disable-next-line no-control-regex
  if (name === "" || name.startsWith("-") || /[\u0000-\u001f\u007f]/.test(name)) return "no-such-revision";
  const root = repositoryRoot(dirname(file));
  if (root === "no-git" || root === "not-a-repository") return root;
  const commit = git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${name}^{commit}`], root);
  if (!commit.ok) return commit.missing ? "no-git" : "no-such-revision";
  const hash = commit.out.toString("utf8").trim();
  const listing = git(["ls-tree", "-r", "-l", "-z", "--full-tree", hash], root);
  if (!listing.ok) return "no-such-revision";
  const files = new Map<string, Entry>();
  for (const line of listing.out.toString("utf8").split("\0")) {
    const tab = line.indexOf("\t");
    if (tab < 0) continue;
    const [mode, , blob, size] = line.slice(0, tab).split(/\s+/) as [string, string, string, string];
    files.set(line.slice(tab + 1), { mode, blob, size: Number(size) });
  }
  // Files of the revision are named `name:path`; a member path resolved against such a name
  // (the region's file as shown) leads below `cwd/name:`, which stands for `cwd`.
  const named = resolve(cwd, `${name}:`);
  const unnamed = (absolute: string) => (absolute.startsWith(named) ? resolve(cwd, absolute.slice(named.length)) : resolve(absolute));
  const tree = treeOf(root, files, unnamed, maxBytes);
  return { name, commit: hash, disk: tree.disk, reader: { read: tree.read, display: (absolute) => `${name}:${display(absolute)}` } };
}

/**
 * The staging area (git's index) of the repository `cwd` is in, seen as a read-only disk: what
 * the next commit will hold, which a pre-commit hook must check rather than the working files.
 * Its files are named as the working files are: they are the ones the user edits.
 */
export function openIndex(cwd: string, display: (absolute: string) => string, maxBytes: number): Revision | RevisionProblem {
  const root = repositoryRoot(cwd);
  if (root === "no-git" || root === "not-a-repository") return root;
  const listing = git(["ls-files", "--stage", "-z"], root);
  if (!listing.ok) return "not-a-repository";
  const files = new Map<string, Entry>();
  for (const line of listing.out.toString("utf8").split("\0")) {
    const tab = line.indexOf("\t");
    if (tab < 0) continue;
    const [mode, blob, stage] = line.slice(0, tab).split(/\s+/) as [string, string, string];
    // A file in a merge conflict has no one staged version: it is no file to check.
    if (stage === "0") files.set(line.slice(tab + 1), { mode, blob, size: -1 });
  }
  const tree = treeOf(root, files, (absolute) => resolve(absolute), maxBytes);
  return { name: "", commit: "", disk: tree.disk, reader: { read: tree.read, display } };
}

/** A listing of files by path below `root` as a disk and a reader of their blobs. */
function treeOf(root: string, files: ReadonlyMap<string, Entry>, normal: (absolute: string) => string, maxBytes: number): { disk: MemberDisk; read: MemberReader["read"] } {
  const folders = new Set<string>([""]);
  for (const path of files.keys()) for (let at = path.lastIndexOf("/"); at > 0; at = path.lastIndexOf("/", at - 1)) folders.add(path.slice(0, at));
  const inTree = (absolute: string): string | undefined => {
    const rel = relative(root, normal(absolute));
    return rel === ".." || rel.startsWith(`..${sep}`) ? undefined : rel.split(sep).join("/");
  };
  const disk: MemberDisk = {
    kind: (absolute): PathKind => {
      const rel = inTree(absolute);
      if (rel === undefined) return "missing";
      const entry = files.get(rel);
      // A link, a submodule or anything but a regular file is not a member file.
      if (entry !== undefined) return entry.mode === "100644" || entry.mode === "100755" ? "file" : "other";
      return folders.has(rel) ? "directory" : "missing";
    },
    realpath: (absolute) => normal(absolute),
    identity: () => undefined,
  };
  const read = (absolute: string): Uint8Array | { readonly error: string } => {
    const rel = inTree(absolute);
    const entry = rel === undefined ? undefined : files.get(rel);
    if (entry === undefined || disk.kind(absolute) !== "file") return { error: "not-found" };
    if (entry.size > maxBytes) return { error: "too-large" };
    const blob = git(["cat-file", "blob", entry.blob], root, maxBytes + 1024);
    if (!blob.ok) return { error: blob.missing ? "unreadable" : "too-large" };
    return blob.out.length > maxBytes ? { error: "too-large" } : new Uint8Array(blob.out);
  };
  return { disk, read };
}
