import { lstatSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * Whether `path` is itself a symbolic link. A path that cannot be looked at (missing, or under
 * something that is not a folder) is not a link: the step that uses it says what is wrong.
 */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  } catch {
    return false;
  }
}

/** Whether `target` is `folder` or below it, by name (no link is followed). */
export function isBelow(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The top of the git repository `cwd` is in: the nearest folder at or above it that holds `.git`. */
export function repositoryTop(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (lstatSync(join(dir, ".git"), { throwIfNoEntry: false }) !== undefined) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Where SARIF's URIs start: `--base` when given, else the top of the repository, else the working folder. */
export function sarifBase(base: string | undefined, cwd: string): { root: string; cwd: string } {
  return { root: base === undefined ? (repositoryTop(cwd) ?? resolve(cwd)) : resolve(cwd, base), cwd: resolve(cwd) };
}
