import { lstatSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";

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
