import { closeSync, fstatSync, openSync, readFileSync, statSync } from "node:fs";
import { holdYoungGeneration } from "./memory.js";
/** Set in a worker thread of the run (by the pool, when it serves): what it notes goes back to the main thread. */
let worker = false;
export const markWorkerThread = (): void => {
  worker = true;
};

/**
 * Why a run holds a file: it read it (an assessment, a member, a framework, the config), or
 * it is the cache's own file, which only the cache may replace.
 */
export type InputRole = "read" | "cache";

const ROLE: Readonly<Record<InputRole, number>> = { read: 1, cache: 2 };

/** A file the run holds, by identity: device and inode after links are followed. */
export interface NotedInput {
  readonly id: string;
  /** The path as the user reads it, to name the file in a refusal. */
  readonly display: string;
  readonly role: InputRole;
}

/** The identity of what `stat` or `fstat` describes: two paths to one file have the same. */
export const identityOf = (stat: { readonly dev: bigint | number; readonly ino: bigint | number }): string => `${stat.dev}:${stat.ino}`;

/**
 * What an open file is, as `fstat` says: its plain numbers where they are exact, which cost less
 * to make than big integers; a device or inode number past 2^53 is read again as a big integer,
 * so that its identity is exact too.
 */
export function fstatExact(fd: number): { readonly isFile: boolean; readonly size: number; readonly id: string } {
  const stat = fstatSync(fd);
  if (Number.isSafeInteger(stat.ino) && Number.isSafeInteger(stat.dev)) return { isFile: stat.isFile(), size: stat.size, id: identityOf(stat) };
  const exact = fstatSync(fd, { bigint: true });
  return { isFile: exact.isFile(), size: Number(exact.size), id: identityOf(exact) };
}

/**
 * Every file a run reads, by identity, so that no output is written over one of them however
 * its path is spelt (a link, a hard link, a link to its folder). A worker thread notes what it
 * reads too and hands it back with its results (`takeFresh`, `merge`).
 */
export class InputFiles {
  /** By identity: the name first seen and the roles, as bits of ROLE (a run may hold very many files). */
  private readonly byId = new Map<string, { readonly display: string; roles: number }>();
  private fresh: NotedInput[] = [];
  /** Paths noted but not yet looked up: a run that writes no file never pays for a stat of each. */
  private pending: Pending[] = [];
  /** Listed paths not yet looked up, by their last part (see nameKey): one, or the several of one name. */
  private listed = new Map<string, Pending | Pending[]>();

  /** Notes a file by its identity, named as `display` says (by default, as the note does). */
  note(input: NotedInput, display = input.display): void {
    // A worker thread hands its notes on and keeps none: only the main thread checks outputs.
    if (worker) {
      this.fresh.push(input);
      return;
    }
    const known = this.byId.get(input.id);
    if (known === undefined) this.byId.set(input.id, { display, roles: ROLE[input.role] });
    else known.roles |= ROLE[input.role];
  }

  /**
   * Notes the file a path leads to, if there is one; it is looked up when an output is checked.
   * `listed` says that the path's last part was a regular file in its folder's listing, not a link.
   */
  notePath(absolute: string, display: string, role: InputRole = "read", listed = false): void {
    const item = { absolute, file: display, role };
    if (listed) this.noteListed(item);
    else this.pending.push(item);
  }

  /**
   * Notes a file a folder's listing found as a regular file, not a link: kept as it is given
   * (the run's own record of the input), as a run may list very many.
   */
  noteListed(input: Pending): void {
    const name = nameKey(input.absolute.slice(Math.max(input.absolute.lastIndexOf("/"), input.absolute.lastIndexOf("\\")) + 1));
    const same = this.listed.get(name);
    if (same === undefined) this.listed.set(name, input);
    else if (Array.isArray(same)) same.push(input);
    else this.listed.set(name, [same, input]);
  }

  /**
   * Looks up the paths noted so far, and notes the files they lead to now. Given `only`, the
   * name of a file with no other hard link, a listed path of another name cannot lead to that
   * file: it is left to be looked up later, if ever. A run of many files over an existing
   * output then pays for no stat of each.
   */
  private settle(only?: string): void {
    let pending = this.pending;
    this.pending = [];
    if (only === undefined) {
      for (const same of this.listed.values()) {
        if (Array.isArray(same)) pending = pending.concat(same);
        else pending.push(same);
      }
      this.listed.clear();
    } else {
      const name = nameKey(only);
      const same = this.listed.get(name);
      if (same !== undefined) pending = pending.concat(same);
      this.listed.delete(name);
    }
    for (const [i, { absolute, file: display, role = "read" }] of pending.entries()) {
      if ((i & 255) === 255) holdYoungGeneration();
      let stat;
      try {
        stat = statSync(absolute, { bigint: true, throwIfNoEntry: false });
      } catch {
        // Under something that is not a folder, or out of reach: there is no file to hold.
        continue;
      }
      if (stat !== undefined) this.note({ id: identityOf(stat), display, role });
    }
  }

  /** Notes the file an open descriptor reads, which no renaming can change. */
  noteFd(fd: number, display: string, role: InputRole = "read"): void {
    this.note({ id: fstatExact(fd).id, display, role });
  }

  /**
   * Notes what another thread read. Given the files this thread handed it (`given`), a note of
   * one of them keeps this thread's own string for its name, not the copy that came back: a run
   * of many files would otherwise hold each name twice.
   */
  merge(inputs: readonly NotedInput[], given?: readonly { readonly file: string }[]): void {
    const own = given === undefined ? undefined : new Map(given.map((g) => [g.file, g.file]));
    for (const input of inputs) this.note(input, own?.get(input.display));
  }

  /** What was noted since the last call, for a worker thread to hand back. */
  takeFresh(): NotedInput[] {
    this.settle();
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }

  /**
   * The input a file of identity `id` is, as the user knows it; undefined when it is none,
   * or when it is held only as `own` (the cache replacing its own file). `onlyLink` is the
   * file's name when it has one hard link only (a name that is no link itself).
   */
  find(id: string, own?: InputRole, onlyLink?: string): string | undefined {
    this.settle(onlyLink);
    const known = this.byId.get(id);
    if (known === undefined || (own !== undefined && known.roles === ROLE[own])) return undefined;
    return known.display;
  }
}

/** A path to look up: a listed input file is kept as the run's own record of it (read.ts's InputFile), whose role is to be read. */
interface Pending {
  readonly absolute: string;
  /** The path as the user reads it. */
  readonly file: string;
  readonly role?: InputRole;
}

/**
 * A file name as listed paths are kept by. Where file systems commonly ignore case or the form
 * of accents (macOS, Windows), so does the key: names that may be one file share it, and a doubt
 * is looked up.
 */
const nameKey = process.platform === "linux" ? (name: string): string => name : (name: string): string => name.normalize("NFC").toLowerCase();

/** The files this process's run has read. */
export const RUN_INPUTS = new InputFiles();

/** Reads a whole file and notes it as an input; throws as `readFileSync` does. */
export function readNoted(absolute: string, display: string, inputs: InputFiles = RUN_INPUTS): Buffer {
  const fd = openSync(absolute, "r");
  try {
    inputs.noteFd(fd, display);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
