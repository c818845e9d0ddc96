import type { Answer, Assessment, Assessor, Evidence } from "../../assessment/model.js";
import type { EvidenceCheck } from "./evidence.js";

/**
 * What a report tells a reader about the assessment itself: who assessed what and when, the
 * subject's facts, and every answer that carries evidence, notes or a doubt about its level,
 * grouped by the part of the subject that gave it (a region's own answers, then each member).
 */
export interface Register {
  readonly country: string | undefined;
  readonly population: number | undefined;
  readonly description: string | undefined;
  readonly parts: readonly RegisterPart[];
}

export interface RegisterPart {
  readonly name: string;
  /** The subject's own answers, not a member's. */
  readonly own: boolean;
  readonly date: string;
  readonly assessors: readonly Assessor[];
  /** A member's population, as its file or the region's list gives it. */
  readonly population: number | undefined;
  /** How many indicators this part answered with a level, and how many carry evidence. */
  readonly answered: number;
  readonly evidenced: number;
  readonly entries: readonly RegisterEntry[];
}

export interface RegisterEntry {
  readonly framework: string;
  readonly indicator: string;
  readonly level: number | undefined;
  readonly notApplicable: string | undefined;
  readonly evidence: readonly Evidence[];
  readonly notes: string | undefined;
  /** Where several assessors' answers were reconciled: what each gave, and whether they dispute it. */
  readonly reconciled: { readonly answers: readonly { readonly name: string; readonly given: number | "n/a" | undefined }[]; readonly disputed: boolean } | undefined;
  /** Why the level is hard to believe, with the facts of each check. */
  readonly checks: readonly Pick<EvidenceCheck, "code" | "facts">[];
}

/** One part of the register: every answer with evidence, notes or a check against it, in the order written. */
export function registerPart(assessment: Assessment, checks: readonly EvidenceCheck[], own: boolean, population: number | undefined): RegisterPart {
  const entries: RegisterEntry[] = [];
  let answered = 0;
  let evidenced = 0;
  for (const [framework, answers] of assessment.answers) {
    for (const [indicator, answer] of answers) {
      if (answer.level !== undefined) answered++;
      if (answer.evidence.length > 0) evidenced++;
      const against = checks.filter((c) => c.framework === framework && c.indicator === indicator).map(({ code, facts }) => ({ code, facts }));
      if (worthListing(answer) || against.length > 0) {
        entries.push({ framework, indicator, level: answer.level, notApplicable: answer.notApplicable, evidence: answer.evidence, notes: answer.notes, reconciled: answer.reconciled === undefined ? undefined : { answers: [...answer.reconciled.answers].map(([name, given]) => ({ name, given })), disputed: answer.reconciled.disputed }, checks: against });
      }
    }
  }
  return { name: assessment.name, own, date: assessment.date, assessors: assessment.assessors, population: population ?? assessment.population, answered, evidenced, entries };
}

const worthListing = (answer: Answer): boolean => answer.evidence.length > 0 || answer.notes !== undefined || answer.notApplicable !== undefined || answer.reconciled?.disputed === true;

export function register(assessment: Assessment, parts: readonly RegisterPart[]): Register {
  return { country: assessment.country, population: assessment.population, description: assessment.description, parts };
}
