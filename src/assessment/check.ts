import { isAbsolute, resolve } from "node:path";
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
  const findings = context.schemaCheck(read.source).concat(assessmentRules(read.source, context.frameworks, context.disk), schemaLine(file, bytes, context.disk));
  return { file, findings: capped(file, sortFindings(findings)), source: read.source };
}

/** The editor's schema line, `# yaml-language-server: $schema=<where>`, the whole line; `where` captured. */
export const SCHEMA_LINE = /^#[ \t]*yaml-language-server[ \t]*:[ \t]*\$schema=(\S*)[ \t]*(?=\r?$)/m;

/**
 * A schema line that names a file which is not there, relative to the assessment (as the editor
 * reads it): what a moved file leaves behind. A URL is the editor's to fetch and is not checked.
 */
export function schemaLine(file: string, bytes: Uint8Array, disk: MemberDisk): Finding[] {
  if (bytes[0] === 0xfe || bytes[0] === 0xff) return [];
  const start = bytes.subarray(0, 16 * 1024);
  // Most files have no such line: the bytes are searched before any text is decoded.
  if (Buffer.from(start.buffer, start.byteOffset, start.byteLength).indexOf("yaml-language-server") < 0) return [];
  const head = new TextDecoder("utf-8").decode(start);
  const m = SCHEMA_LINE.exec(head);
  if (m === null || m[1] === "") return [];
  const ref = m[1]!;
  if (/^[a-z][a-z0-9+.-]+:/i.test(ref)) return [];
  const target = isAbsolute(ref) ? ref : resolve(file, "..", decodeURIComponentSafe(ref));
  if (disk.kind(target) === "file") return [];
  const before = head.slice(0, m.index);
  return [finding("schema-line-missing", file, { line: before.split("\n").length, col: m[0].indexOf("$schema=") + "$schema=".length + 1 }, "", { value: ref })];
}

const decodeURIComponentSafe = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

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
