import { closeSync, linkSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { pathKind } from "./files.js";

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

/**
 * Opens the output: stdout, or with `-o FILE` a temporary file beside FILE that is renamed
 * over it when complete, so a reader never sees half a file. Never writes over one of the
 * run's inputs; with `create`, never over any file that exists.
 */
export function openOutput(outFile: string | undefined, inputs: readonly string[], cwd: string, mode: "replace" | "create" = "replace"): Output {
  let pending: string[] = [];
  let size = 0;
  const gather = (text: string, flush: (text: string) => void) => {
    pending.push(text);
    size += text.length;
    if (size >= CHUNK) drain(flush);
  };
  const drain = (flush: (text: string) => void) => {
    if (pending.length > 0) flush(pending.join(""));
    pending = [];
    size = 0;
  };

  if (outFile === undefined) {
    const flush = (text: string) => void process.stdout.write(text);
    return { write: (text) => gather(text, flush), close: () => drain(flush), abandon: () => drain(flush) };
  }
  const target = resolve(cwd, outFile);
  if (inputs.some((input) => resolve(cwd, input) === target)) {
    throw new UsageError(`refusing to write over the input file ${outFile}`, `拒绝覆盖输入文件 ${outFile}`);
  }
  if (pathKind(target) === "directory") throw new UsageError(`${outFile} is a folder`, `${outFile} 是文件夹`);
  const exists = () => new UsageError(`${outFile} already exists; give --force to replace it`, `${outFile} 已存在；如要替换，请加 --force`);
  if (mode === "create" && pathKind(target) !== "missing") throw exists();
  if (pathKind(dirname(target)) !== "directory") throw new UsageError(`the folder of ${outFile} does not exist`, `${outFile} 所在的文件夹不存在`);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const failed = (error: unknown): never => {
    rmSync(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`cannot write ${outFile}: ${reason}`, `无法写入 ${outFile}：${reason}`);
  };
  let fd: number;
  try {
    fd = openSync(temporary, "w");
  } catch (error) {
    return failed(error);
  }
  const flush = (text: string) => {
    try {
      writeSync(fd, text);
    } catch (error) {
      closeSync(fd);
      failed(error);
    }
  };
  return {
    write: (text) => gather(text, flush),
    close: () => {
      drain(flush);
      try {
        closeSync(fd);
        if (mode === "replace") renameSync(temporary, target);
        else place(temporary, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") {
          rmSync(temporary, { force: true });
          throw exists();
        }
        failed(error);
      }
    },
    abandon: () => {
      try {
        closeSync(fd);
      } catch {
        // Already closed after a failed write.
      }
      rmSync(temporary, { force: true });
    },
  };
}

/**
 * Puts a finished temporary file at `target` only if nothing is there: a hard link fails when
 * the name is taken, even if the file appeared after the first check.
 */
function place(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    // Some file systems have no hard links; there, check and rename.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || pathKind(target) !== "missing") throw Object.assign(new Error("exists"), { code: "EEXIST" });
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    renameSync(temporary, target);
    return;
  }
  rmSync(temporary, { force: true });
}

/** Writes a whole output at once. */
export function writeOutput(text: string, outFile: string | undefined, inputs: readonly string[], cwd: string, mode: "replace" | "create" = "replace"): void {
  const output = openOutput(outFile, inputs, cwd, mode);
  output.write(text);
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
