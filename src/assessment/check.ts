import type { FrameworkSet } from "../framework/model.js";
import { sortFindings } from "../model/findings.js";
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
  if (read.source === undefined) return { file, findings: sortFindings(read.findings), source: undefined };
  const findings = [...context.schemaCheck(read.source), ...assessmentRules(read.source, context.frameworks, context.disk)];
  return { file, findings: sortFindings(findings), source: read.source };
}
