import { toAssessment } from "../assessment/model.js";
import type { Assessment } from "../assessment/model.js";
import { checkAssessment } from "../assessment/check.js";
import { resolveMembers } from "../assessment/region.js";
import type { MemberReader, ResolvedMember } from "../assessment/region.js";

import type { FrameworkSet } from "../framework/model.js";
import type { Finding } from "../findings.js";
import type { SubjectScore } from "../scoring/model.js";
import { scoreSubject } from "../scoring/subject.js";
import { DEFAULT_LIMITS } from "../yaml/source.js";
import type { YamlSource } from "../yaml/source.js";
import { schemaCheckFor } from "./context.js";
import { displayPath, nodeMemberDisk } from "./files.js";
import { progressFor } from "./progress.js";
import { readInput } from "./read.js";
import type { listInputs } from "./read.js";

export interface Assessed {
  readonly assessment: Assessment;
  readonly source: YamlSource;
  readonly members: readonly ResolvedMember[];
  readonly score: SubjectScore;
}

export interface AssessRun {
  readonly frameworks: FrameworkSet;
  /** Problems of every file, scored or not, and of member files. */
  readonly findings: readonly Finding[];
  /** Absolute paths of the inputs, which output must never overwrite. */
  readonly inputs: readonly string[];
}

/**
 * Load → validate → resolve members → score, for every file named on the command line, in
 * path order. Each scored file is handed to `each` and then let go, so memory does not grow
 * with the number of files; only the findings are kept.
 */
export function assessEach(
  inputs: ReturnType<typeof listInputs>,
  options: { maxFileSize: number },
  cwd: string,
  frameworks: FrameworkSet,
  each: (item: Assessed) => void,
): AssessRun {
  const limits = { ...DEFAULT_LIMITS, maxBytes: options.maxFileSize };
  const context = { frameworks, schemaCheck: schemaCheckFor(frameworks), disk: nodeMemberDisk, limits };
  const reader: MemberReader = {
    read: (absolute) => {
      const read = readInput(absolute, displayPath(absolute, cwd), limits);
      return read instanceof Uint8Array ? read : { error: read.code };
    },
    display: (absolute) => displayPath(absolute, cwd),
  };
  const findings: Finding[] = [...inputs.failures];
  const progress = progressFor(inputs.files.length, "scored");
  for (const input of inputs.files) {
    progress.tick();
    const bytes = readInput(input.absolute, input.file, limits);
    if (!(bytes instanceof Uint8Array)) {
      findings.push(bytes);
      continue;
    }
    const check = checkAssessment(input.file, bytes, context);
    findings.push(...check.findings);
    if (check.source === undefined || check.findings.some((f) => f.severity === "error")) continue;
    const assessment = toAssessment(input.file, check.source.data);
    const resolved = assessment.kind === "region" ? resolveMembers(assessment, check.source, input.absolute, context, reader) : { members: [], findings: [] };
    findings.push(...resolved.findings);
    each({ assessment, source: check.source, members: resolved.members, score: scoreSubject(frameworks, assessment, resolved.members) });
  }
  progress.done();
  return { frameworks, findings, inputs: inputs.absolute };
}
