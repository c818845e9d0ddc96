import type { FrameworkSet } from "../framework/model.js";
import { finding, sortFindings } from "../model/findings.js";
import type { Finding } from "../model/findings.js";
import { readYaml } from "../yaml/source.js";
import type { Limits, YamlSource } from "../yaml/source.js";
import type { MemberDisk } from "./members.js";
import { assessmentRules } from "./rules.js";
import type { SchemaCheck } from "./validator.js";

export interface CheckContext {
  readonly frameworks: FrameworkSet;
  readonly schemaCheck: SchemaCheck;
  readonly disk: MemberDisk;
  readonly limits: Limits;
}

/** The outcome of checking one file. `source` is set when the YAML could be read. */
export interface FileCheck {
  readonly file: string;
  readonly findings: readonly Finding[];
  readonly source: YamlSource | undefined;
}

/** Reads one assessment and checks it against the schema and the rules. */
export function checkAssessment(file: string, bytes: Uint8Array, context: CheckContext): FileCheck {
  const read = readYaml(file, bytes, context.limits);
  if (read.source === undefined) return { file, findings: capped(file, sortFindings(read.findings)), source: undefined };
  if (isFramework(read.source.data)) return { file, findings: [finding("framework-file", file, { line: 1, col: 1 }, "")], source: undefined };
  const findings = context.schemaCheck(read.source).concat(assessmentRules(read.source, context.frameworks, context.disk));
  return { file, findings: capped(file, sortFindings(findings)), source: read.source };
}

/** A framework file, not an assessment: it has `x-framework` and no `smartregion` key. */
export function isFramework(data: unknown): boolean {
  return typeof data === "object" && data !== null && !Array.isArray(data) && Object.hasOwn(data, "x-framework") && !Object.hasOwn(data, "smartregion");
}

/** The most problems shown for one file; past it, one more says how many were left out. */
export const MAX_FINDINGS = 1000;

/**
 * The first MAX_FINDINGS findings (in file order), and `too-many-problems` at the first one
 * left out: what a run prints stays in proportion to what a person can read, however many
 * problems a file's keys or aliases make.
 */
function capped(file: string, findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const first = findings[MAX_FINDINGS]!;
  const kept = findings.slice(0, MAX_FINDINGS);
  kept.push(finding("too-many-problems", file, { line: first.line, col: first.col }, first.path, { limit: MAX_FINDINGS, value: String(findings.length - MAX_FINDINGS) }));
  return kept;
}
