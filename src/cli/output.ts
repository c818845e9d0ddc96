import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { pathKind } from "./files.js";

/**
 * Writes the output: to stdout, or with `-o FILE` to a temporary file beside FILE renamed over
 * it, so a reader never sees half a file. Never writes over one of the run's inputs.
 */
export function writeOutput(text: string, outFile: string | undefined, inputs: readonly string[], cwd: string): void {
  if (outFile === undefined) {
    process.stdout.write(text);
    return;
  }
  const target = resolve(cwd, outFile);
  if (inputs.some((input) => resolve(cwd, input) === target)) {
    throw new UsageError(`refusing to write over the input file ${outFile}`);
  }
  if (pathKind(target) === "directory") throw new UsageError(`${outFile} is a folder`);
  if (pathKind(dirname(target)) !== "directory") throw new UsageError(`the folder of ${outFile} does not exist`);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${outFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
