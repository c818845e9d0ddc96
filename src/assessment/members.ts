import { isAbsolute, join, relative, resolve, sep } from "node:path";

/** What a member path leads to on disk. */
export type PathKind = "file" | "directory" | "missing" | "other";

/** How member paths are checked against the disk; tests pass an in-memory one. */
export interface MemberDisk {
  kind(path: string): PathKind;
  /** The path with every symbolic link resolved. */
  realpath(path: string): string;
  /**
   * What tells one file from another whatever its name: on a real disk its device and inode
   * after links, so hard links are one file too; an in-memory disk may answer undefined, and
   * its files are told apart by their real paths. Required, so that no wrapper of a disk can
   * leave it out and let a hard link count as a second member.
   */
  identity(path: string): string | undefined;
}

export type MemberPath =
  | {
      readonly ok: true;
      readonly path: string;
      /** The file itself, the same for every spelling, link and hard link of it. */
      readonly identity: string;
    }
  | { readonly ok: false; readonly reason: "outside" | "missing" | "not-a-file" | "itself" };

/**
 * Resolves a member's `file` against the folder of the region file. The member must stay
 * inside that folder, by its name and after every symbolic link is followed, and must be a
 * regular file.
 */
export function resolveMember(regionFile: string, member: string, disk: MemberDisk): MemberPath {
  const folder = resolve(regionFile, "..");
  if (isAbsolute(member) || member.includes("\0")) return { ok: false, reason: "outside" };
  const target = resolve(folder, member);
  if (!inside(folder, target)) return { ok: false, reason: "outside" };
  const kind = disk.kind(target);
  if (kind === "missing") return { ok: false, reason: "missing" };
  if (!inside(disk.realpath(folder), disk.realpath(target))) return { ok: false, reason: "outside" };
  if (kind !== "file") return { ok: false, reason: "not-a-file" };
  const real = disk.realpath(target);
  if (real === disk.realpath(resolve(regionFile))) return { ok: false, reason: "itself" };
  return { ok: true, path: target, identity: disk.identity(target) ?? real };
}

function inside(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel) && join(folder, rel) === target;
}
