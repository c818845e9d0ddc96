import { closeSync, constants, openSync, readFileSync, readSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import { finding, START } from "../model/findings.js";
import type { Finding } from "../model/findings.js";
import type { Limits } from "../yaml/source.js";
import { expandInputs, frameworkText, headText, pathKind } from "./files.js";
import { resolve } from "node:path";
import { fstatExact, RUN_INPUTS } from "./inputs.js";

export interface InputFile {
  readonly file: string;
  readonly absolute: string;
  /** The argument whose walk or glob found the file: a framework there is left out, once it is read (`leftOut`). */
  readonly foundBy?: string;
}

/** Whether a file a walk or a glob found is a framework, which the run leaves out. */
export const leftOut = (input: InputFile, bytes: Uint8Array): boolean =>
  // A framework has the key x-framework: a file without those bytes is read no further here.
  input.foundBy !== undefined && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("x-framework") && frameworkText(headText(bytes));

/**
 * Reads one file for checking, refusing what is not a regular file or is over the size limit
 * before reading a byte of it: one open (which cannot wait on a FIFO) and one look at what it opened.
 */
export function readInput(absolute: string, file: string, limits: Limits): Uint8Array | Finding {
  return readBytes(absolute, file, limits.maxBytes);
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
 * The bytes of a file, noted as an input of the run once it is open. It is opened without
 * waiting (a FIFO put in its place cannot hang the run); what is open must be a regular file of
 * at most `maxBytes`, else a finding says why not.
 */
export function readBytes(absolute: string, file: string, maxBytes = Infinity): Uint8Array | Finding {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    // One look at what is open: its kind, its identity, and how much to read.
    const stat = fstatExact(fd);
    if (!stat.isFile) return finding("not-a-file", file, START, "");
    RUN_INPUTS.note({ id: stat.id, display: file, role: "read" });
    const size = stat.size;
    if (size > maxBytes) return finding("too-large", file, START, "", { limit: maxBytes, value: String(size) });
    // One byte more than the size is asked for: a read that returns less has met the end, and
    // a file that grew since it was looked at is read on to its end, as it is now.
    const bytes = Buffer.allocUnsafe(size + 1);
    let got = 0;
    let n: number;
    do {
      n = readSync(fd, bytes, got, size + 1 - got, null);
      got += n;
    } while (n > 0 && got < size);
    if (got <= size) return bytes.subarray(0, got);
    return Buffer.concat([bytes, readFileSync(fd)]);
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
export function listInputs(args: readonly string[], cwd: string, later = false, soon?: (found: number) => void): { files: InputFile[]; failures: Finding[]; absolute: readonly string[] } {
  const inputs = expandInputs(args, cwd, later, soon);
  const failures: Finding[] = inputs.missing.map(({ arg, reason }) => notFound(arg, reason));
  const found = inputs.found;
  const files = inputs.files.map((absolute, i): InputFile => {
    const by = later ? found.get(absolute) : undefined;
    return by === undefined ? { file: inputs.display[i]!, absolute } : { file: inputs.display[i]!, absolute, foundBy: by };
  });
  // Known before a byte is read, so an output can be refused before any work is done.
  for (const input of files) {
    if (found.has(input.absolute)) RUN_INPUTS.noteListed(input);
    else RUN_INPUTS.notePath(input.absolute, input.file);
  }
  return { files, failures, absolute: inputs.files };
}

const notFound = (arg: string, reason: "not-found" | "no-yaml"): Finding =>
  finding("not-found", arg, START, "", reason === "no-yaml" ? { detail: "no YAML files", reason: ["no-yaml-files"] } : {});

/**
 * The arguments every file of whose walk or glob was a framework, left out once read: they
 * named nothing to check, as a folder with no YAML in it does.
 */
export function nothingLeft(files: readonly InputFile[], left: ReadonlySet<InputFile>, cwd: string): Finding[] {
  if (left.size === 0) return [];
  const found = new Set<string>();
  const kept = new Set<string>();
  for (const input of files) {
    if (input.foundBy === undefined) continue;
    found.add(input.foundBy);
    if (!left.has(input)) kept.add(input.foundBy);
  }
  return [...found].filter((arg) => !kept.has(arg)).map((arg) => notFound(arg, pathKind(resolve(cwd, arg)) === "directory" ? "no-yaml" : "not-found"));
}
