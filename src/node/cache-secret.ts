import type { SecretProblem } from "../i18n/words.js";
import { closeSync, constants, existsSync, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import type { Stats } from "node:fs";
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);
const randomBytes = (n: number): Buffer => (load("node:crypto") as typeof import("node:crypto")).randomBytes(n);
const homedir = (): string => (load("node:os") as typeof import("node:os")).homedir();
import { isAbsolute, join } from "node:path";

/**
 * The secret that binds `validate --cache` entries to this machine and user. It lives outside
 * every repository, in the user's cache folder, so a cache file that arrives in a pull request
 * (or is edited by hand) cannot carry entries this tool will trust.
 */

/** Bytes of the secret. */
export const SECRET_BYTES = 32;

/** Why the secret cannot be trusted; the cache is then left alone for the run. */

export type CacheSecret =
  | { readonly secret: Buffer }
  | { readonly location: string; readonly problem: SecretProblem; readonly detail: string };

const KEY_FILE = "cache-key";

/**
 * The folder the secret is kept in: `$XDG_CACHE_HOME/smartregion` when that is an absolute path
 * (the XDG rule), otherwise `~/Library/Caches/smartregion` on macOS and `~/.cache/smartregion`
 * elsewhere; undefined when there is no home folder, which is not made (as root, making folders
 * as needed would make one anywhere).
 */
export function secretFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const xdg = env["XDG_CACHE_HOME"];
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, "smartregion");
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  if (home === "" || !existsSync(home)) return undefined;
  return platform === "darwin" ? join(home, "Library", "Caches", "smartregion") : join(home, ".cache", "smartregion");
}

// Flags that are missing on some systems (Windows) count as none.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;
/** Ownership and permission bits mean nothing to check on Windows. */
const POSIX = process.platform !== "win32";

/**
 * The secret, made on first use with `SECRET_BYTES` random bytes (mode 0600, in a folder of mode
 * 0700). Links are never followed; a key file or folder that is a link, is not what it should
 * be, belongs to someone else or is open to other users is refused rather than replaced, since
 * the user may have put it there, and the refusal is said once by the caller.
 */
export function cacheSecret(folder: string | undefined = secretFolder()): CacheSecret {
  if (folder === undefined) return { location: "~/.cache/smartregion", problem: "unavailable", detail: "ENOENT" };
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    // A link in the folder's place (even a dangling one) is named as such.
    const problem = checkFolder(folder);
    return { location: folder, problem: problem === "link" ? problem : "unavailable", detail: errorCode(error) };
  }
  const unsafeFolder = checkFolder(folder);
  if (unsafeFolder !== undefined) return { location: folder, problem: unsafeFolder, detail: "" };
  const file = join(folder, KEY_FILE);
  // Once to find it missing and make it, once more to read what was made (ours or a racing process's).
  for (let attempt = 0; ; attempt++) {
    const read = readSecret(file);
    if (read !== "missing" || attempt === 1) return read === "missing" ? { location: file, problem: "unavailable", detail: "ENOENT" } : read;
    const made = makeSecret(folder, file);
    if (made !== undefined) return { location: file, problem: "unavailable", detail: made };
  }
}

function checkFolder(folder: string): SecretProblem | undefined {
  let stat: Stats;
  try {
    stat = lstatSync(folder);
  } catch {
    return "not-a-folder";
  }
  if (stat.isSymbolicLink()) return "link";
  if (!stat.isDirectory()) return "not-a-folder";
  return ownership(stat, 0o022);
}

/** A stat's owner and mode against this user and the permission bits others must not have. */
function ownership(stat: Stats, forbidden: number): SecretProblem | undefined {
  if (!POSIX) return undefined;
  if (process.getuid !== undefined && stat.uid !== process.getuid()) return "not-owned";
  return (stat.mode & forbidden) !== 0 ? "open-to-others" : undefined;
}

/** The key file's bytes, "missing" when there is none yet, or why it cannot be trusted. */
function readSecret(file: string): CacheSecret | "missing" {
  try {
    // lstat names the problem; the checks are made again on the opened file, which is the one read.
    const seen = lstatSync(file);
    if (seen.isSymbolicLink()) return { location: file, problem: "link", detail: "" };
    if (!seen.isFile()) return { location: file, problem: "not-a-file", detail: "" };
  } catch (error) {
    if (errorCode(error) === "ENOENT") return "missing";
    return { location: file, problem: "unavailable", detail: errorCode(error) };
  }
  let fd: number;
  try {
    // Non-blocking, so a FIFO put in its place between the two looks cannot hold the run.
    fd = openSync(file, constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") return "missing";
    if (code === "ELOOP" || code === "EMLINK") return { location: file, problem: "link", detail: "" };
    return { location: file, problem: "unavailable", detail: code };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { location: file, problem: "not-a-file", detail: "" };
    const unsafe = ownership(stat, 0o077);
    if (unsafe !== undefined) return { location: file, problem: unsafe, detail: "" };
    if (stat.size !== SECRET_BYTES) return { location: file, problem: "damaged", detail: "" };
    const secret = Buffer.alloc(SECRET_BYTES);
    let got = 0;
    while (got < SECRET_BYTES) {
      const n = readSync(fd, secret, got, SECRET_BYTES - got, got);
      if (n === 0) return { location: file, problem: "damaged", detail: "" };
      got += n;
    }
    return { secret };
  } catch (error) {
    return { location: file, problem: "unavailable", detail: errorCode(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a new secret to a file of its own and links it into place, so the key file appears
 * whole or not at all: a process that loses the race (EEXIST) reads the winner's.
 * Returns the error code when it could not be made.
 */
function makeSecret(folder: string, file: string): string | undefined {
  const temporary = join(folder, `.${KEY_FILE}.${randomBytes(12).toString("hex")}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o600);
  } catch (error) {
    return errorCode(error);
  }
  try {
    const secret = randomBytes(SECRET_BYTES);
    let put = 0;
    while (put < SECRET_BYTES) put += writeSync(fd, secret, put, SECRET_BYTES - put);
    closeSync(fd);
    fd = -1;
    linkSync(temporary, file);
    return undefined;
  } catch (error) {
    const code = errorCode(error);
    return code === "EEXIST" ? undefined : code;
  } finally {
    if (fd !== -1) closeSync(fd);
    rmSync(temporary, { force: true });
  }
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);
