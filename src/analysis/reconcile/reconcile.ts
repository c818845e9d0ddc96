import type { Answer, Answers, Assessment } from "../../assessment/model.js";
import type { ResolvedMember } from "../../assessment/region.js";
import type { Framework, FrameworkSet } from "../../framework/model.js";
import { krippendorffAlpha } from "./agreement.js";
import type { Agreement, AssessorFile, DisputeReason, Given, MergeRule, ReconciledIndicator, Reconciliation } from "./model.js";

/** One assessor's assessment, as read and checked, with its resolved members. */
export interface AssessedBy {
  readonly assessment: Assessment;
  readonly members: readonly ResolvedMember[];
}

/** Names that differ only in case or spacing name the same subject or member. */
export const normalName = (name: string): string => name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/** What the output calls an assessor: the names the file gives, else the file's name; each label once. */
export function assessorLabels(files: readonly Assessment[]): string[] {
  const taken = new Set<string>();
  return files.map((a) => {
    const fileName = a.file.split(/[\\/]/).pop() ?? a.file;
    const names = a.assessors.map((p) => p.name).join(" & ");
    // The same people in two files (or none named): the file tells them apart.
    const base = names !== "" && !taken.has(names) ? names : fileName;
    let label = base;
    for (let n = 2; taken.has(label); n++) label = `${base} (${n})`;
    taken.add(label);
    return label;
  });
}

export const givenOf = (answer: Answer | undefined): Given => (answer === undefined ? undefined : answer.notApplicable !== undefined ? "n/a" : answer.level);

/** The merged answer: not applicable only when every assessor who answered says so; else the rule over the levels. */
export function mergeGiven(given: readonly Given[], rule: MergeRule): Given {
  const levels = given.filter((g): g is number => typeof g === "number").sort((a, b) => a - b);
  if (levels.length === 0) return given.includes("n/a") ? "n/a" : undefined;
  // The median of an even count is the lower of the two middle levels: the cautious one.
  return rule === "min" ? levels[0] : levels[Math.floor((levels.length - 1) / 2)];
}

export function disputeOf(given: readonly Given[]): { spread: number | undefined; dispute: DisputeReason | undefined } {
  const levels = given.filter((g): g is number => typeof g === "number");
  const spread = levels.length < 2 ? undefined : Math.max(...levels) - Math.min(...levels);
  const dispute = levels.length > 0 && given.includes("n/a") ? "applicability" : spread !== undefined && spread >= 2 ? "spread" : undefined;
  return { spread, dispute };
}

/** The members of a region by name, across the files, in the order they first appear. */
export function memberNames(files: readonly AssessedBy[]): string[] {
  const names = new Map<string, string>();
  for (const f of files) for (const m of f.members) if (m.assessment !== undefined && !names.has(normalName(m.assessment.name))) names.set(normalName(m.assessment.name), m.assessment.name);
  return [...names.values()];
}

/**
 * Several assessors' answers for one subject, side by side: each indicator's levels, its spread
 * and whether it is in dispute, the merged answer by the rule, and the assessors' agreement
 * (Krippendorff's alpha, ordinal) over the whole assessment and a framework at a time.
 */
export function reconcile(set: FrameworkSet, files: readonly AssessedBy[], rule: MergeRule): Reconciliation {
  const first = files[0]!.assessment;
  const labels = assessorLabels(files.map((f) => f.assessment));
  const assessors: AssessorFile[] = files.map((f, i) => {
    const names = f.assessment.assessors.map((p) => p.name);
    const byName = names.length > 0 && labels[i] === names.join(" & ");
    return { file: f.assessment.file, label: labels[i]!, ...(byName ? { names } : {}), key: String.fromCharCode(65 + i), date: f.assessment.date };
  });
  const indicators: ReconciledIndicator[] = [];
  const walk = (member: string | undefined, frameworks: readonly Framework[], answersOf: (f: AssessedBy) => Answers | undefined) => {
    for (const framework of frameworks) {
      for (const indicator of framework.indicators) {
        const given = files.map((f) => givenOf(answersOf(f)?.get(framework.id)?.get(indicator.id)));
        if (given.every((g) => g === undefined)) continue;
        indicators.push({ member, framework: framework.id, indicator: indicator.id, given, ...disputeOf(given), merged: mergeGiven(given, rule) });
      }
    }
  };
  if (first.kind === "city") walk(undefined, set.stages, (f) => f.assessment.answers);
  else {
    walk(undefined, set.models, (f) => f.assessment.answers);
    for (const name of memberNames(files)) walk(name, set.stages, (f) => f.members.find((m) => m.assessment !== undefined && normalName(m.assessment.name) === normalName(name))?.assessment?.answers);
  }
  const agreement = (framework: string | undefined): Agreement => {
    const rows = indicators.filter((i) => framework === undefined || i.framework === framework);
    const units = rows.map((i) => i.given.map((g) => (typeof g === "number" ? g : undefined)));
    const paired = units.filter((u) => u.filter((v) => v !== undefined).length >= 2);
    return { framework, alpha: krippendorffAlpha(units, "ordinal"), units: paired.length, exact: paired.filter((u) => new Set(u.filter((v) => v !== undefined)).size === 1).length };
  };
  const used = set.all.filter((f) => indicators.some((i) => i.framework === f.id));
  return {
    name: first.name,
    kind: first.kind,
    rule,
    assessors,
    indicators,
    disputed: indicators.filter((i) => i.dispute !== undefined).length,
    overall: agreement(undefined),
    byFramework: used.map((f) => agreement(f.id)),
  };
}
