import type { Answer, Assessment, Evidence } from "../../assessment/model.js";
import type { FrameworkSet } from "../../framework/model.js";
import type { Given, Reconciliation } from "./model.js";
import type { AssessedBy } from "./reconcile.js";
import { normalName } from "./reconcile.js";

type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Data) : {});

const evidenceData = (e: Evidence): Data =>
  Object.fromEntries(Object.entries({ title: e.title, link: e.link, document: e.document, date: e.date, method: e.method }).filter(([, v]) => v !== undefined));

/**
 * The one assessment the assessors' files reconcile into, as data to write: the first file's
 * subject and targets, the latest date, every assessor, and each answered indicator with the
 * merged level, every assessor's evidence (each piece once), their notes and reasons by name, and
 * `reconciled`: what each assessor gave, and `disputed: true` where they dispute it. A region's
 * members are written inline, so the one file holds the whole reconciled region.
 */
export function mergedAssessment(set: FrameworkSet, files: readonly AssessedBy[], result: Reconciliation, firstData: unknown): Data {
  const root = obj(firstData);
  const labels = result.assessors.map((a) => a.label);
  const answerOf = (a: Assessment | undefined, framework: string, indicator: string): Answer | undefined => a?.answers.get(framework)?.get(indicator);
  const memberOf = (f: AssessedBy, name: string) => f.members.find((m) => m.assessment !== undefined && normalName(m.assessment.name) === normalName(name));

  const answerData = (given: readonly Given[], merged: Given, disputed: boolean, answers: readonly (Answer | undefined)[]): Data => {
    const out: Data = {};
    const reasons = answers.map((a, i) => (a?.notApplicable === undefined ? undefined : `${labels[i]}: ${a.notApplicable}`)).filter((r): r is string => r !== undefined);
    if (merged === "n/a") out["not-applicable"] = answers.filter((a) => a?.notApplicable !== undefined).length === 1 ? answers.find((a) => a?.notApplicable !== undefined)!.notApplicable : reasons.join("; ");
    else if (merged !== undefined) out["level"] = merged;
    // The same note from several assessors is written once; differing ones each under its authors.
    const distinct = new Map<string, string[]>();
    answers.forEach((a, i) => {
      if (a?.notes !== undefined) distinct.set(a.notes, [...(distinct.get(a.notes) ?? []), labels[i]!]);
    });
    const others = merged === "n/a" ? [] : reasons.map((r) => r.replace(": ", ": not applicable: "));
    if (distinct.size === 1 && others.length === 0) out["notes"] = [...distinct.keys()][0];
    else if (distinct.size + others.length > 0) out["notes"] = [...[...distinct].map(([text, by]) => `${by.join(", ")}: ${text}`), ...others].join("\n");
    const seen = new Set<string>();
    const evidence = answers.flatMap((a) => a?.evidence ?? []).map(evidenceData).filter((e) => {
      const key = JSON.stringify(e);
      return seen.has(key) ? false : (seen.add(key), true);
    });
    if (evidence.length > 0) out["evidence"] = evidence;
    out["reconciled"] = { answers: Object.fromEntries(labels.map((l, i) => [l, given[i] ?? null])), ...(disputed ? { disputed: true } : {}) };
    return out;
  };

  const indicatorsFor = (member: string | undefined, of: (f: AssessedBy) => Assessment | undefined): Data => {
    const out: Data = {};
    for (const row of result.indicators.filter((r) => r.member === member)) {
      const answers = files.map((f) => answerOf(of(f), row.framework, row.indicator));
      ((out[row.framework] ??= {}) as Data)[row.indicator] = answerData(row.given, row.merged, row.dispute !== undefined, answers);
    }
    return out;
  };

  const assessors: Data[] = [];
  const names = new Set<string>();
  for (const f of files) {
    for (const a of f.assessment.assessors) {
      if (names.has(normalName(a.name))) continue;
      names.add(normalName(a.name));
      assessors.push(Object.fromEntries(Object.entries({ name: a.name, organisation: a.organisation, role: a.role }).filter(([, v]) => v !== undefined)));
    }
  }
  const indicators = indicatorsFor(undefined, (f) => f.assessment);
  const data: Data = { smartregion: 1, subject: root["subject"], date: result.assessors.map((a) => a.date).sort().at(-1) };
  if (assessors.length > 0) data["assessors"] = assessors;
  const used = new Set(result.indicators.map((r) => r.framework));
  const declared = new Set(files.flatMap((f) => [...f.assessment.answers.keys()]));
  data["frameworks"] = Object.fromEntries(set.all.filter((fw) => used.has(fw.id) || declared.has(fw.id) || obj(root["frameworks"])[fw.id] !== undefined).map((fw) => [fw.id, fw.version]));
  if (root["targets"] !== undefined) data["targets"] = root["targets"];
  if (result.kind === "region") {
    const members = new Map<string, Data>();
    for (const f of files) {
      for (const m of f.members) {
        if (m.assessment === undefined || members.has(normalName(m.assessment.name))) continue;
        const e = m.entry;
        members.set(normalName(m.assessment.name), Object.fromEntries(Object.entries({ name: m.assessment.name, population: e.population ?? m.assessment.population, weight: e.weight, core: e.core ? true : undefined }).filter(([, v]) => v !== undefined)));
      }
    }
    data["members"] = [...members.entries()].map(([key, entry]) => {
      const own = indicatorsFor(String(entry["name"]), (f) => memberOf(f, key)?.assessment);
      return { ...entry, indicators: own };
    });
  }
  data["indicators"] = indicators;
  return data;
}
