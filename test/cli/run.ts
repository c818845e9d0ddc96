import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The user's cache folder of every run (the cache's secret lives there): never the real one of whoever runs the tests. */
const CACHE_HOME = mkdtempSync(join(tmpdir(), "smartregion-cache-home-"));

/** Runs the built command line as a user would, without colour. */
export function smartregion(args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}, bin = join(ROOT, "bin", "smartregion.js")): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env["PATH"], NO_COLOR: "1", XDG_CACHE_HOME: CACHE_HOME, ...env },
    timeout: 20000,
    maxBuffer: 1 << 28,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  code: string;
  line: number;
  col: number;
}
/** `code@line:col` of every finding of `validate --format json`, by file. */
export function jsonFindings(stdout: string): Record<string, string[]> {
  const document = JSON.parse(stdout) as { files: { file: string; findings: JsonFinding[] }[] };
  return Object.fromEntries(document.files.map((f) => [f.file, f.findings.map((x) => `${x.code}@${x.line}:${x.col}`)]));
}
