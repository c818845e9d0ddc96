import { createRequire } from "node:module";
import { isBelow, isLink } from "./paths.js";
import { closeSync, constants, fchmodSync, fsyncSync, linkSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import type { BigIntStats } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { UsageError } from "../model/errors.js";
import { identityOf, RUN_INPUTS } from "./inputs.js";
import { isTerminal } from "./terminal.js";
import type { InputFiles, InputRole } from "./inputs.js";

/** Where a command's output goes, written piece by piece as it is made. */
export interface Output {
  write(text: string): void;
  /** Finishes the output: with `-o`, the file appears only now, whole. */
  close(): void;
  /** Gives up: with `-o`, the half-written file is removed and FILE is left as it was. */
  abandon(): void;
}

/** Pieces are gathered up to this size before they are written. */
const CHUNK = 1 << 16;

/** "replace" puts the output in place of what is there; "create" only where nothing is. */
export type WriteMode = "replace" | "create";

/**
 * Opens the output: stdout, or with `-o FILE` a temporary file beside FILE that is renamed
 * over it when complete (see `openFileSafely`).
 */
export function openOutput(outFile: string | undefined, cwd: string, mode: WriteMode = "replace", inputs: InputFiles = RUN_INPUTS): Output {
  // What was made before a failure still goes to stdout; a file is left as it was.
  if (outFile === undefined) return gathered({ write: writeStdout, close: () => undefined, abandon: () => undefined }, true);
  refuseFolderName(outFile);
  return gathered(openFileSafely(resolve(cwd, outFile), { display: outFile, mode, inputs }), false);
}

/**
 * Refuses now, before any work, an output that could not be written: a link, a FIFO, a device,
 * a folder, an input read so far, a missing folder. Writing checks again.
 */
export function checkOutput(outFile: string | undefined, cwd: string, mode: WriteMode = "replace", inputs: InputFiles = RUN_INPUTS): void {
  if (outFile === undefined) return;
  refuseFolderName(outFile);
  const absolute = resolve(cwd, outFile);
  refuseLinkedFolder(absolute, outFile);
  checkTarget(absolute, outFile, mode, inputs, undefined);
  const folder = statSync(dirname(absolute), { throwIfNoEntry: false });
  if (folder === undefined || !folder.isDirectory()) throw new UsageError(`the folder of ${outFile} does not exist`, `${outFile} 所在的文件夹不存在`);
}

/** A name that ends in a slash names a folder, even one that does not exist yet: never a file to create. */
function refuseFolderName(outFile: string): void {
  if (/[\\/]$/.test(outFile)) throw new UsageError(`${outFile} names a folder; name the file to write`, `${outFile} 指的是文件夹；请指定要写入的文件`);
}

/** Writes a whole output at once. */
export function writeOutput(text: string, outFile: string | undefined, cwd: string, mode: WriteMode = "replace"): void {
  const output = openOutput(outFile, cwd, mode);
  output.write(text);
  output.close();
}

/** Writes bytes to a file, whole or not at all, as `writeOutput` writes text. */
export function writeFileOutput(bytes: Uint8Array, outFile: string, cwd: string, mode: WriteMode = "replace"): void {
  refuseFolderName(outFile);
  const absolute = resolve(cwd, outFile);
  refuseLinkedFolder(absolute, outFile);
  const output = openFileSafely(absolute, { display: outFile, mode, inputs: RUN_INPUTS });
  output.writeBytes(bytes);
  output.close();
}

/** Runs `write` against the output, then closes it; on an exception nothing half-made is left. */
export async function writing<T>(output: Output, write: (output: Output) => T | Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await write(output);
  } catch (error) {
    output.abandon();
    throw error;
  }
  output.close();
  return result;
}

/** Small pieces gathered into chunks, so a file or a pipe is written in few calls. */
function gathered(sink: Output, keepOnAbandon: boolean): Output {
  let pending: string[] = [];
  let size = 0;
  const drain = () => {
    if (pending.length > 0) sink.write(pending.join(""));
    pending = [];
    size = 0;
  };
  return {
    write: (text) => {
      pending.push(text);
      size += text.length;
      if (size >= CHUNK) drain();
    },
    close: () => {
      drain();
      sink.close();
    },
    abandon: () => {
      if (keepOnAbandon) drain();
      pending = [];
      sink.abandon();
    },
  };
}

// ---- standard output -------------------------------------------------------------------------

/** Whether standard output still takes writes: a reader that stopped (`| head`) closes it. */
const stdout: { closed: boolean; direct: boolean | undefined } = { closed: false, direct: undefined };

/**
 * Stops writing to standard output, as when its reader has gone: the run goes on to its
 * verdict, which does not depend on whether anyone read the output.
 */
export function closeStdout(): void {
  stdout.closed = true;
}

/** Reports a failed write to standard output (a full disk under `> file`), once. */
export const stdoutFailure: { reason: string | undefined; listener: (reason: string) => void } = { reason: undefined, listener: () => undefined };

/** Stops writing to standard output after a write to it failed, and says so once. */
export function failStdout(reason: string): void {
  if (stdout.closed) return;
  stdout.closed = true;
  stdoutFailure.reason = reason;
  stdoutFailure.listener(reason);
}

/**
 * Writes to standard output. A file or a pipe is written here, every byte checked (a stream
 * would drop the rest of a short write on a full disk, and making Node's stream for a pipe costs
 * a run of one file some 5 ms); a terminal, or a pipe another process left non-blocking and that
 * is full, through Node's stream, which waits for it. A reader that has gone (`| head`) stops the
 * writing; any other failure is reported once.
 */
export function writeStdout(text: string): void {
  if (stdout.closed) return;
  stdout.direct ??= !isTerminal(1);
  if (!stdout.direct) {
    stdoutStream().write(text);
    return;
  }
  const bytes = Buffer.from(text, "utf8");
  const at = { done: 0 };
  try {
    writeAll(1, bytes, at);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EAGAIN") {
      stdout.direct = false;
      stdoutStream().write(bytes.subarray(at.done));
    } else if (code === "EPIPE") closeStdout();
    else failStdout(code);
  }
}

/** Node's stream of standard output, made on first use, with what its failures mean to the run. */
let stream: NodeJS.WriteStream | undefined;
function stdoutStream(): NodeJS.WriteStream {
  if (stream === undefined) {
    stream = process.stdout;
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") closeStdout();
      else failStdout(error.code ?? error.message);
    });
  }
  return stream;
}

// ---- files -----------------------------------------------------------------------------------

/** Temporary files being written, removed if the run is stopped by a signal or ends early. */
const temporaries = new Set<string>();

/** Removes every temporary file still open; for the signal handlers, before the process exits. */
export function removeTemporaries(): void {
  for (const path of temporaries) removeQuietly(path);
  temporaries.clear();
}

export interface SafeWriteOptions {
  /** How the file is named in a message (default: the path). */
  readonly display?: string;
  /** "create" refuses a file that exists (default "replace"). */
  readonly mode?: WriteMode;
  /** The files the run holds, which are never written over (default: everything this run read). */
  readonly inputs?: InputFiles;
  /** The role the writer itself holds the target in: the cache may replace its own file, and only that. */
  readonly own?: InputRole;
  /**
   * Flush the file to the disk before it takes its name, so that even a power cut leaves the old
   * file or the whole new one: for the cache, which later runs read back. An output is made again
   * by the same run from its inputs, which are never written, and is not: syncing a 70 MB score
   * took a quarter of a second, a tenth of the run.
   */
  readonly sync?: boolean;
}

/**
 * Writes `text` to the file `absolute` whole or not at all (see `openFileSafely`); throws a
 * `UsageError` naming the file when it cannot, and then nothing on disk has changed.
 */
export function writeFileSafely(absolute: string, text: string, options: SafeWriteOptions = {}): void {
  const file = openFileSafely(absolute, options);
  try {
    file.write(text);
  } catch (error) {
    file.abandon();
    throw error;
  }
  file.close();
}

/**
 * Opens a file to be written safely, for a run that may hold files from anyone:
 * - the target must be missing or a regular file: a symbolic link (even at the end of a path),
 *   a folder, a FIFO, a device or a socket is refused, never followed or replaced;
 * - it must not be any file the run read, compared by device and inode (so a link, a hard link
 *   or a link to its folder is seen through), checked now and again just before the rename,
 *   when every member file read is known;
 * - the text goes to a new file of an unpredictable name in the target's real folder, created
 *   exclusively without following links (mode 0600, set to the target's mode or the umask's
 *   when complete), every byte checked, synced when `sync` asks, then renamed over the target
 *   (or, in "create" mode, linked where nothing is);
 * - on any failure, or a SIGINT or SIGTERM, the temporary file is removed and the target left
 *   as it was.
 */
export function openFileSafely(absolute: string, options: SafeWriteOptions = {}): Output & { writeBytes(bytes: Uint8Array): void } {
  const display = options.display ?? absolute;
  const mode = options.mode ?? "replace";
  const inputs = options.inputs ?? RUN_INPUTS;
  const failure = (reason: string) => new UsageError(`cannot write ${display}: ${reason}`, `无法写入 ${display}：${reason}`);

  refuseLinkedFolder(absolute, display);
  const before = checkTarget(absolute, display, mode, inputs, options.own);
  let folder: string;
  let folderId: string;
  try {
    folder = realpathSync(dirname(absolute));
    const stat = statSync(folder, { bigint: true });
    if (!stat.isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    folderId = identityOf(stat);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") throw new UsageError(`the folder of ${display} does not exist`, `${display} 所在的文件夹不存在`);
    throw failure(code);
  }
  const target = join(folder, basename(absolute));
  const { fd, temporary } = createTemporary(folder, basename(absolute), failure);
  let open = true;

  const discard = () => {
    if (open) {
      open = false;
      try {
        closeSync(fd);
      } catch {
        // Nothing more can be done with it: the file is removed below.
      }
    }
    removeQuietly(temporary);
    temporaries.delete(temporary);
  };
  const failed = (error: unknown): never => {
    discard();
    throw error instanceof UsageError ? error : failure(errorCode(error));
  };

  // Text is encoded into one buffer and written when it is full: a run of 10,000 subjects
  // writes a few hundred times, not once for each, and copies no text to join it.
  let buffer: Buffer | undefined;
  let used = 0;
  const flush = () => {
    if (used === 0 || buffer === undefined) return;
    writeAll(fd, buffer.subarray(0, used));
    used = 0;
  };
  return {
    write: (text) => {
      if (!open) return;
      try {
        // A UTF-16 unit takes at most three bytes of UTF-8.
        const most = text.length * 3;
        if (most > WRITE_AT) {
          flush();
          writeAll(fd, Buffer.from(text, "utf8"));
          return;
        }
        buffer ??= Buffer.allocUnsafe(WRITE_AT);
        if (used + most > WRITE_AT) flush();
        used += buffer.write(text, used, "utf8");
      } catch (error) {
        failed(error);
      }
    },
    writeBytes: (bytes) => {
      if (!open) return;
      try {
        flush();
        writeAll(fd, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      } catch (error) {
        failed(error);
      }
    },
    close: () => {
      if (!open) return;
      try {
        flush();
        fchmodSync(fd, before === undefined ? 0o666 & ~process.umask() : Number(before.mode) & 0o777);
        if (options.sync === true) fsyncSync(fd);
        open = false;
        closeSync(fd);
        // Between the first check and now, member files were read and the folder may have moved.
        checkTarget(target, display, mode, inputs, options.own);
        const now = statSync(folder, { bigint: true, throwIfNoEntry: false });
        if (now === undefined || identityOf(now) !== folderId) throw failure("its folder changed while it was written");
        if (mode === "replace") renameSync(temporary, target);
        else place(temporary, target, () => exists(display));
        temporaries.delete(temporary);
        // The new file is held as the old one was: no later output of the run replaces the cache.
        if (options.own !== undefined) inputs.notePath(target, display, options.own);
      } catch (error) {
        failed(error);
      }
    },
    abandon: discard,
  };
}

/**
 * Below the working folder (a repository whose files may come from anyone), no folder on the
 * way to an output may be a symbolic link: a committed `out -> ../elsewhere` would otherwise
 * send `-o out/report.html`, or the cache, outside the repository. Folders above the working
 * folder are the machine's own, and are followed.
 */
function refuseLinkedFolder(absolute: string, display: string): void {
  const cwd = process.cwd();
  const parent = dirname(absolute);
  if (parent === cwd || !isBelow(cwd, parent)) return;
  let folder = cwd;
  for (const part of relative(cwd, parent).split(sep)) {
    folder = join(folder, part);
    if (isLink(folder)) {
      throw new UsageError(
        `refusing to write ${display}: its folder ${relative(cwd, folder)} is a symbolic link (name the folder it leads to)`,
        `拒绝写入 ${display}：其所在文件夹 ${relative(cwd, folder)} 是符号链接（请直接指定它指向的文件夹）`,
      );
    }
  }
}

/** What is at the target now: nothing, or a regular file that is not an input; else refused. */
function checkTarget(absolute: string, display: string, mode: WriteMode, inputs: InputFiles, own: InputRole | undefined): BigIntStats | undefined {
  let stat: BigIntStats | undefined;
  try {
    stat = lstatSync(absolute, { bigint: true, throwIfNoEntry: false });
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOTDIR") throw new UsageError(`the folder of ${display} does not exist`, `${display} 所在的文件夹不存在`);
    throw new UsageError(`cannot write ${display}: ${code}`, `无法写入 ${display}：${code}`);
  }
  if (stat === undefined) return undefined;
  if (stat.isSymbolicLink()) {
    throw new UsageError(`refusing to write ${display}: it is a symbolic link (name the file it leads to)`, `拒绝写入 ${display}：它是符号链接（请直接指定它指向的文件）`);
  }
  if (stat.isDirectory()) throw new UsageError(`${display} is a folder`, `${display} 是文件夹`);
  if (!stat.isFile()) {
    throw new UsageError(`refusing to write ${display}: it is not a regular file (a FIFO, a device or a socket)`, `拒绝写入 ${display}：它不是普通文件（而是管道、设备或套接字）`);
  }
  // A file of one hard link is reached only by its own name (or by a link, which a listing never holds).
  const input = inputs.find(identityOf(stat), own, stat.nlink === 1n ? basename(absolute) : undefined);
  if (input !== undefined) {
    throw new UsageError(`refusing to write ${display}: it is the input file ${input}`, `拒绝写入 ${display}：它就是输入文件 ${input}`);
  }
  if (mode === "create") throw exists(display);
  return stat;
}

const exists = (display: string) => new UsageError(`${display} already exists; give --force to replace it`, `${display} 已存在；如要替换，请加 --force`);

/** Tries this many random names before giving up (each clash is a one in 2^96 chance, or a planted file). */
const ATTEMPTS = 16;

/**
 * A new file in `folder` for the output, under a name nobody can guess, created only if
 * nothing of that name exists (a planted link makes it fail, never followed) and readable by
 * the owner alone until it is complete.
 */
function createTemporary(folder: string, name: string, failure: (reason: string) => UsageError): { fd: number; temporary: string } {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  // A long name is cut, so that the temporary name stays within the file system's limit.
  const stem = `.${name.slice(0, 128)}.`;
  for (let attempt = 0; ; attempt++) {
    const { randomBytes } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
    const temporary = join(folder, `${stem}${randomBytes(12).toString("hex")}.tmp`);
    try {
      const fd = openSync(temporary, flags, 0o600);
      temporaries.add(temporary);
      return { fd, temporary };
    } catch (error) {
      if (errorCode(error) !== "EEXIST" || attempt + 1 >= ATTEMPTS) throw failure(errorCode(error));
    }
  }
}

/**
 * Puts a finished temporary file at `target` only if nothing is there: a hard link fails when
 * the name is taken, even if the file appeared after the first check.
 */
function place(temporary: string, target: string, exists: () => UsageError): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EEXIST") throw exists();
    // Some file systems have no hard links; there, check and rename.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    if (lstatSync(target, { throwIfNoEntry: false }) !== undefined) throw exists();
    renameSync(temporary, target);
    return;
  }
  removeQuietly(temporary);
}

/** How many bytes an output gathers before it writes them. */
const WRITE_AT = 1024 * 1024;

/**
 * Writes every byte of `bytes`: a write may take only part of them (a full disk, a signal),
 * so it is repeated for the rest; a write that takes nothing is a full disk.
 */
/** Writes every byte, or throws; `at.done` says how many were written when it throws. */
function writeAll(fd: number, bytes: Uint8Array, at = { done: 0 }): void {
  while (at.done < bytes.length) {
    const written = writeSync(fd, bytes, at.done, bytes.length - at.done);
    if (written <= 0) throw Object.assign(new Error("nothing written"), { code: "ENOSPC" });
    at.done += written;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

const errorCode = (error: unknown): string => {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
};

/**
 * Opens several outputs, writes them all with `write`, and closes them all; when any opening or
 * the writing fails, every output opened is given up (its file left as it was).
 */
export async function writingEach<T>(open: readonly (() => Output)[], write: (outputs: readonly Output[]) => T | Promise<T>): Promise<T> {
  const outputs: Output[] = [];
  let result: T;
  try {
    for (const opening of open) outputs.push(opening());
    result = await write(outputs);
  } catch (error) {
    for (const output of outputs) output.abandon();
    throw error;
  }
  for (const output of outputs) output.close();
  return result;
}
