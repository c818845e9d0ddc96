import type { Assessment } from "../../assessment/model.js";
import { DEFAULT_EVIDENCE as FRAMEWORK_EVIDENCE } from "../../framework/model.js";
import type { FrameworkSet } from "../../framework/model.js";
import { finding } from "../../model/findings.js";
import type { Facts, Finding } from "../../model/findings.js";
import { locate } from "../../yaml/locate.js";
import type { YamlSource } from "../../yaml/source.js";

/**
 * How evidence is checked. Each indicator's rule comes from its framework (`evidence` on the
 * framework or on the indicator); a value given here overrides it for every indicator.
 */
export interface EvidenceRules {
  /** A level from which evidence is expected. */
  readonly minLevel?: number | undefined;
  /** Evidence older than this many months before the assessment date is stale. */
  readonly maxAgeMonths?: number | undefined;
  /** Report as errors instead of warnings. */
  readonly strict: boolean;
}

export const DEFAULT_EVIDENCE: EvidenceRules = { strict: false };

/** The date `months` before an ISO date, as an ISO date (clamped to the month's last day). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** One reason a level is hard to believe, on one indicator. */
export interface EvidenceCheck {
  readonly framework: string;
  readonly indicator: string;
  readonly code: "evidence-missing" | "evidence-stale" | "evidence-self-reported";
  readonly facts: Facts;
}

/**
 * What makes a level hard to believe: a level at or above `minLevel` with no evidence, evidence
 * that is all older than the age limit (counted from the assessment's date, never from today),
 * and levels backed only by self-reported evidence.
 */
export function evidenceChecks(assessment: Assessment, rules: EvidenceRules, set: FrameworkSet): EvidenceCheck[] {
  const found: EvidenceCheck[] = [];
  for (const [framework, answers] of assessment.answers) {
    for (const [indicator, answer] of answers) {
      const report = (code: EvidenceCheck["code"], facts: Facts) => found.push({ framework, indicator, code, facts });
      const own = set.byId.get(framework)?.indicators.find((i) => i.id === indicator)?.evidence ?? FRAMEWORK_EVIDENCE;
      const minLevel = rules.minLevel ?? own.fromLevel;
      const maxAgeMonths = rules.maxAgeMonths ?? own.maxAgeMonths;
      const cutoff = assessment.date === "" ? undefined : monthsBefore(assessment.date, maxAgeMonths);
      if (answer.level === undefined || answer.level < minLevel) continue;
      if (answer.evidence.length === 0) {
        report("evidence-missing", { value: String(answer.level), limit: minLevel });
        continue;
      }
      const dated = answer.evidence.map((e) => e.date).filter((d): d is string => d !== undefined);
      if (cutoff !== undefined && dated.length === answer.evidence.length && dated.every((d) => d < cutoff)) {
        report("evidence-stale", { value: dated.sort().at(-1)!, limit: maxAgeMonths, context: assessment.date });
      }
      if (answer.evidence.every((e) => e.method === "self-reported")) report("evidence-self-reported", { value: String(answer.level) });
    }
  }
  return found;
}

/** The checks as findings at the indicators' places in the file. */
export function evidenceFindings(source: YamlSource, checks: readonly EvidenceCheck[], rules: EvidenceRules, base: readonly (string | number)[] = ["indicators"]): Finding[] {
  return checks.map((c) => {
    const path = [...base, c.framework, c.indicator];
    const at = locate(source, path);
    const f = finding(c.code, source.file, at.key ?? at.value, path.join("."), c.facts);
    return rules.strict ? { ...f, severity: "error" } : f;
  });
}
