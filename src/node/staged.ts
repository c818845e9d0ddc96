import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { assessmentFile, expandInputs, frameworkFile, pathKind, YAML_FILE } from "./files.js";
import { isLink } from "./paths.js";

/**
 * The assessment files staged for the next commit, as absolute paths: added, copied, modified
 * or renamed YAML files that are regular files, and of those the ones `.smartregion.yaml`
 * lists under `assessments` or, without such a list, those that start as an assessment does
 * (a top-level `smartregion` key). A workflow file or a framework staged beside them is left
 * alone, and nothing is fetched: git is asked, and the files are read from the working tree.
 */
export function stagedAssessments(cwd: string, listed: readonly string[] | undefined): string[] | "no-git" | "not-a-repository" {
  const run = (args: readonly string[]) => spawnSync("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } });
  const top = run(["rev-parse", "--show-toplevel"]);
  if (top.error !== undefined) return (top.error as NodeJS.ErrnoException).code === "ENOENT" ? "no-git" : "not-a-repository";
  if (top.status !== 0) return "not-a-repository";
  const root = top.stdout.toString("utf8").trim();
  const names = run(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"]);
  if (names.status !== 0) return "not-a-repository";
  const allowed = listed === undefined ? undefined : new Set(expandInputs(listed, cwd).files);
  return names.stdout
    .toString("utf8")
    .split("\0")
    .filter((name) => YAML_FILE.test(name))
    .map((name) => resolve(root, name))
    .filter((file) => pathKind(file) === "file" && !isLink(file) && (allowed === undefined ? assessmentFile(file) && !frameworkFile(file) : allowed.has(file)));
}
