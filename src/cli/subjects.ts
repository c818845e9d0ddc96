import { resolve } from "node:path";
import { append } from "../model/arrays.js";
import type { Finding } from "../model/findings.js";
import { finding, START } from "../model/findings.js";
import { displayPath, pathKind } from "../node/files.js";
import type { Scored, SubjectInput } from "../pipeline/tasks.js";

/** Loads an assessment named on the command line, its problems added to `findings`: a missing file is `not-found`. */
export function subjectOnDisk(load: (input: SubjectInput) => { findings: readonly Finding[]; scored: Scored | undefined }, path: string, cwd: string, findings: Finding[]): Scored | undefined {
  const absolute = resolve(cwd, path);
  if (pathKind(absolute) === "missing") {
    findings.push(finding("not-found", path, START, ""));
    return undefined;
  }
  const loaded = load({ absolute, file: displayPath(absolute, cwd) });
  append(findings, loaded.findings);
  return loaded.scored;
}
