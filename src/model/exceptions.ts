import { CODES, finding } from "./findings.js";
import type { Excepted, Finding } from "./findings.js";

/**
 * Exceptions: a finding or a failed gate accepted for a reason, by someone, until a day. Each
 * rule covers what matches every key it gives: a code, an indicator (`framework.indicator`, or a
 * framework), a gate (`min-stage`, or as written: `min-stage open`, `fail-under integrated=60`),
 * files (globs from the folder of the file that lists it). From its expiry date on, measured
 * against `--today` or else the assessment's own date (never the clock), it covers nothing and
 * is itself reported. An access problem (a file not found, too large) is never excepted.
 */
export interface ExceptionRule {
  /** Its place in the list, from 0. */
  readonly index: number;
  readonly codes: readonly string[] | undefined;
  readonly framework: string | undefined;
  readonly indicator: string | undefined;
  /** The gate as written, without `--`: `min-stage`, `fail-under integrated=60`. */
  readonly gate: string | undefined;
  /** Regular expressions (their sources) over the path from `folder`, with `/` between names. */
  readonly files: readonly string[] | undefined;
  readonly folder: string;
  readonly reason: string;
  readonly approvedBy: string;
  readonly expires: string;
  /** Where it is written, as the user names the file. */
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** What a run learnt of its exceptions: those that covered something, and those found expired. */
export interface ExceptionUse {
  readonly used: readonly number[];
  readonly expired: readonly number[];
}

const normalGate = (text: string): string => text.trim().replace(/^--/, "").replace(/\s+/g, " ");

function covers(rule: ExceptionRule, f: Finding, relative: string | undefined, compiled: readonly RegExp[] | undefined): boolean {
  if (CODES[f.code].impact === "access" || f.code === "exception-expired" || f.code === "exception-unused") return false;
  if (rule.codes !== undefined && !rule.codes.includes(f.code)) return false;
  if (rule.gate !== undefined) {
    if (f.code !== "gate-failed" || f.facts.detail === undefined) return false;
    const gate = normalGate(f.facts.detail);
    const wanted = normalGate(rule.gate);
    if (gate !== wanted && !gate.startsWith(`${wanted} `)) return false;
  }
  if (rule.framework !== undefined) {
    const path = `.${f.path}.`;
    const at = rule.indicator === undefined ? `.indicators.${rule.framework}.` : `.indicators.${rule.framework}.${rule.indicator}.`;
    if (!path.includes(at)) return false;
  }
  if (compiled !== undefined && (relative === undefined || !compiled.some((r) => r.test(relative)))) return false;
  return true;
}

/**
 * Marks each finding the first live exception covers as excepted. `relativeOf` gives a finding's
 * file from an exception's folder (undefined outside it); `dateOf` the day a finding is judged on.
 */
export function applyExceptions(
  findings: readonly Finding[],
  rules: readonly ExceptionRule[],
  relativeOf: (file: string, folder: string) => string | undefined,
  dateOf: (f: Finding) => string | undefined,
): { findings: Finding[]; use: ExceptionUse } {
  const used = new Set<number>();
  const expired = new Set<number>();
  if (rules.length === 0) return { findings: [...findings], use: { used: [], expired: [] } };
  const compiled = rules.map((r) => r.files?.map((source) => new RegExp(source)));
  const out = findings.map((f) => {
    if (f.excepted !== undefined) return f;
    const day = dateOf(f);
    for (const rule of rules) {
      if (!covers(rule, f, rule.files === undefined ? undefined : relativeOf(f.file, rule.folder), compiled[rule.index])) continue;
      if (day !== undefined && day >= rule.expires) {
        expired.add(rule.index);
        continue;
      }
      used.add(rule.index);
      const excepted: Excepted = { reason: rule.reason, approvedBy: rule.approvedBy, expires: rule.expires, source: `${rule.file}:${rule.line}:${rule.col}` };
      return { ...f, excepted };
    }
    return f;
  });
  return { findings: out, use: { used: [...used], expired: [...expired] } };
}

/**
 * What a run says of its exceptions at the end: each one expired (by `today`, or on a finding
 * judged on or after its expiry date), a warning or with `strict` an error; each one that
 * covered nothing, a warning.
 */
/** The codes only one command can give: an exception for them alone is not unused in the others. */
const ONLY_IN: Readonly<Record<string, "score" | "report">> = { "gate-failed": "score", "evidence-missing": "report", "evidence-stale": "report", "evidence-self-reported": "report" };

export function exceptionFindings(rules: readonly ExceptionRule[], uses: readonly ExceptionUse[], today: string | undefined, strict: boolean, command: "validate" | "score" | "report"): Finding[] {
  const used = new Set(uses.flatMap((u) => u.used));
  const expired = new Set(uses.flatMap((u) => u.expired));
  const out: Finding[] = [];
  for (const rule of rules) {
    const at = { line: rule.line, col: rule.col };
    const path = `exceptions.${rule.index}`;
    if (expired.has(rule.index) || (today !== undefined && today >= rule.expires)) {
      const f = finding("exception-expired", rule.file, at, path, { value: rule.expires, detail: rule.reason });
      out.push(strict ? { ...f, severity: "error" } : f);
    } else if (!used.has(rule.index) && (rule.codes === undefined || rule.codes.some((c) => (ONLY_IN[c] ?? command) === command))) out.push(finding("exception-unused", rule.file, at, path, { detail: rule.reason }));
  }
  return out;
}
