import { lstatSync } from "node:fs";

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

/** Whether `path` is a folder, not reached through a link at its own name. */
export function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}
