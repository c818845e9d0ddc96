import { CODES } from "../model/findings.js";
import type { Finding } from "../model/findings.js";

/** 0 all good, 1 the assessment has problems, 2 the tool could not do what was asked. */
export type ExitCode = 0 | 1 | 2;

/** An excepted finding does not count; an access problem is never excepted. */
export function exitCodeFor(findings: readonly Finding[]): ExitCode {
  if (findings.some((f) => CODES[f.code].impact === "access")) return 2;
  if (findings.some((f) => f.severity === "error" && f.excepted === undefined)) return 1;
  return 0;
}
