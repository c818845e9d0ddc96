import { resolve } from "node:path";
import { assessmentText, displayPath, expandInputs, headText, YAML_FILE } from "./files.js";
import { git, openIndex, repositoryRoot } from "./git.js";
import type { Revision } from "./git.js";

/**
 * The assessment files staged for the next commit, and the staging area to read them from: a
 * pre-commit hook checks what the commit will hold, not the working files. Added, copied,
 * modified or renamed YAML files that are regular files in the index, and of those the ones
 * `.smartregion.yaml` lists under `assessments` or, without such a list, those that start as an
 * assessment does (a top-level `smartregion` key). A workflow file or a framework staged beside
 * them is left alone, and nothing is fetched.
 */
export function stagedAssessments(cwd: string, listed: readonly string[] | undefined, maxBytes: number): { files: string[]; index: Revision } | "no-git" | "not-a-repository" {
  const root = repositoryRoot(cwd);
  if (root === "no-git" || root === "not-a-repository") return root;
  const index = openIndex(cwd, (absolute) => displayPath(absolute, cwd), maxBytes);
  if (typeof index === "string") return index === "no-git" ? "no-git" : "not-a-repository";
  const names = git(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"], cwd);
  if (!names.ok) return "not-a-repository";
  const allowed = listed === undefined ? undefined : new Set(expandInputs(listed, cwd).files);
  const files = names.out
    .toString("utf8")
    .split("\0")
    .filter((name) => YAML_FILE.test(name))
    .map((name) => resolve(root, name))
    .filter((file) => {
      if (index.disk.kind(file) !== "file") return false;
      if (allowed !== undefined) return allowed.has(file);
      const bytes = index.reader.read(file);
      return bytes instanceof Uint8Array && assessmentText(headText(bytes));
    });
  return { files, index };
}
