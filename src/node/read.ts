import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import { finding, START } from "../model/findings.js";
import type { Finding } from "../model/findings.js";
import type { Limits } from "../yaml/source.js";
import { expandInputs } from "./files.js";
import { identityOf, RUN_INPUTS } from "./inputs.js";

export interface InputFile {
  readonly file: string;
  readonly absolute: string;
}

/**
 * Reads one file for checking, refusing what is not a regular file or is over the size limit
 * before reading a byte of it.
 */
export function readInput(absolute: string, file: string, limits: Limits): Uint8Array | Finding {
  const stat = statInput(absolute, file, limits);
  return "code" in stat ? stat : readBytes(absolute, file);
}

/** The file's size and times, or a finding when it is not a regular file within the size limit. */
export function statInput(absolute: string, file: string, limits: Limits): Stats | Finding {
  try {
    const stat = statSync(absolute);
    RUN_INPUTS.notePath(absolute, file);
    if (!stat.isFile()) return finding("not-a-file", file, START, "");
    if (stat.size > limits.maxBytes) return finding("too-large", file, START, "", { limit: limits.maxBytes, value: String(stat.size) });
    return stat;
  } catch (error) {
    return unreadable(file, error);
  }
}

/**
 * The bytes of a file already found to be fit to read, noted as an input of the run. It is
 * opened without waiting (a FIFO put in its place cannot hang the run) and checked again once open.
 */
export function readBytes(absolute: string, file: string): Uint8Array | Finding {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    // One look at what is open: its kind, its identity, and how much to read.
    const stat = fstatSync(fd, { bigint: true });
    if (!stat.isFile()) return finding("not-a-file", file, START, "");
    RUN_INPUTS.note({ id: identityOf(stat), display: file, role: "read" });
    const size = Number(stat.size);
    const bytes = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, bytes, got, size - got, null);
      if (n === 0) break;
      got += n;
    }
    // A file that grew since it was looked at is read to its end, as it is now.
    const probe = Buffer.allocUnsafe(1);
    if (readSync(fd, probe, 0, 1, null) === 0) return bytes.subarray(0, got);
    return Buffer.concat([bytes.subarray(0, got), probe, readFileSync(fd)]);
  } catch (error) {
    return unreadable(file, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Why a file could not be read. A name that is not valid UTF-8 reaches the tool with U+FFFD in
 * it, and no file has that name: it is said so, rather than "no such file".
 */
const unreadable = (file: string, error: unknown): Finding => {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return finding("unreadable", file, START, "", { detail: code === "ENOENT" && file.includes("\ufffd") ? "file name is not valid UTF-8" : code });
};

/** The inputs with findings about the run as a whole (such as a replaced framework) among the failures. */
export function withNotices<T extends { readonly failures: readonly Finding[] }>(inputs: T, notices: readonly Finding[]): T {
  return notices.length === 0 ? inputs : { ...inputs, failures: [...inputs.failures, ...notices] };
}

/**
 * The command line's paths as the files to read, in display order, and a finding for each
 * path that names nothing. Files are read one at a time by the caller, so memory does not
 * grow with their number.
 */
export function listInputs(args: readonly string[], cwd: string): { files: InputFile[]; failures: Finding[]; absolute: readonly string[] } {
  const inputs = expandInputs(args, cwd);
  const failures: Finding[] = inputs.missing.map(({ arg, reason }) =>
    finding("not-found", arg, START, "", reason === "no-yaml" ? { detail: "no YAML files", reason: ["no-yaml-files"] } : {}),
  );
  const files = inputs.files.map((absolute, i) => ({ file: inputs.display[i]!, absolute }));
  // Known before a byte is read, so an output can be refused before any work is done.
  for (const input of files) RUN_INPUTS.notePath(input.absolute, input.file);
  return { files, failures, absolute: inputs.files };
}
