import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Every test makes its folders under one temporary folder for the run, which goes when the run
// ends: a suite run leaves nothing behind in the machine's temporary folder.
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "smartregion-tests-"));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
