import { resolve } from "node:path";
import { git, repositoryRoot } from "./git.js";
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
  const root = repositoryRoot(cwd);
  if (root === "no-git" || root === "not-a-repository") return root;
  const names = git(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"], cwd);
  if (!names.ok) return "not-a-repository";
  const allowed = listed === undefined ? undefined : new Set(expandInputs(listed, cwd).files);
  return names.out
    .toString("utf8")
    .split("\0")
    .filter((name) => YAML_FILE.test(name))
    .map((name) => resolve(root, name))
    .filter((file) => pathKind(file) === "file" && !isLink(file) && (allowed === undefined ? assessmentFile(file) && !frameworkFile(file) : allowed.has(file)));
}
