import { readFileSync, statSync } from "node:fs";
import { finding, START } from "../findings.js";
import type { Finding } from "../findings.js";
import type { Limits } from "../yaml/source.js";
import { displayPath, expandInputs } from "./files.js";

export interface InputFile {
  readonly file: string;
  readonly absolute: string;
  readonly bytes: Uint8Array;
}

/**
 * Reads one file for checking, refusing what is not a regular file or is over the size limit
 * before reading a byte of it.
 */
export function readInput(absolute: string, file: string, limits: Limits): Uint8Array | Finding {
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) return finding("not-a-file", file, START, "");
    if (stat.size > limits.maxBytes) return finding("too-large", file, START, "", { limit: limits.maxBytes, value: String(stat.size) });
    return readFileSync(absolute);
  } catch (error) {
    return finding("unreadable", file, START, "", { detail: (error as NodeJS.ErrnoException).code ?? "" });
  }
}

/** The command line's paths as files read into memory, and a finding for each that failed. */
export function readInputs(args: readonly string[], cwd: string, limits: Limits): { files: InputFile[]; failures: Finding[]; absolute: readonly string[] } {
  const inputs = expandInputs(args, cwd);
  const failures: Finding[] = inputs.missing.map(({ arg, reason }) =>
    finding("not-found", arg, START, "", reason === "no-yaml" ? { detail: "no YAML files" } : {}),
  );
  const files: InputFile[] = [];
  for (const absolute of inputs.files) {
    const file = displayPath(absolute, cwd);
    const read = readInput(absolute, file, limits);
    if (read instanceof Uint8Array) files.push({ file, absolute, bytes: read });
    else failures.push(read);
  }
  return { files, failures, absolute: inputs.files };
}
