import type { Answer, Answers, Assessment, Evidence } from "../../assessment/model.js";
import type { ResolvedMember } from "../../assessment/region.js";
import { compareText } from "../../model/findings.js";
import type { Framework, FrameworkSet } from "../../framework/model.js";
import { INFORMATIZATION } from "../../scoring/model.js";
import type { FrameworkResult, RegionScore, StageProfile, SubjectScore } from "../../scoring/model.js";
import type { AnswersDiff, EvidenceChange, IndicatorChange, LevelState, MemberDiff, Movement, Regression, ScoreChange, StageChange, SubjectDiff } from "./model.js";

/** One side of a comparison: the assessment as scored, with its resolved members. */
export interface Scored {
  readonly score: SubjectScore;
  readonly assessment: Assessment;
  readonly members: readonly ResolvedMember[];
}

/** Scores are rounded to 6 decimals in scoring; smaller differences are noise. */
const EPSILON = 1e-9;

export function diffSubjects(set: FrameworkSet, older: Scored, newer: Scored): SubjectDiff {
  const regressions: Regression[] = [];
  const side = (s: Scored) => ({ file: s.score.file, date: s.score.date });
  const base = { name: newer.score.name, older: side(older), newer: side(newer) };

  if (older.score.kind === "city" && newer.score.kind === "city") {
    const own = diffAnswers(set.stages, older.assessment.answers, newer.assessment.answers, older.score.profile.stages, newer.score.profile.stages, stageChange(set, older.score.profile, newer.score.profile));
    regressions.push(...regressionsOf(own, undefined));
    return { ...base, kind: "city", own, fit: undefined, regionStage: undefined, rollup: [], members: [], regressions };
  }
  if (older.score.kind !== "region" || newer.score.kind !== "region") throw new Error("diffSubjects: a city and a region");

  const own = diffAnswers(set.models, older.assessment.answers, newer.assessment.answers, older.score.models, newer.score.models, undefined);
  regressions.push(...regressionsOf(own, undefined));
  const regionStage = stageChangeOf(set, older.score.rollup.stage, newer.score.rollup.stage);
  if (regionStage.direction === "down") regressions.push({ member: undefined, what: "region-stage", framework: undefined, dimension: undefined, indicator: undefined, before: regionStage.before, after: regionStage.after });

  const memberOf = (region: RegionScore, resolved: readonly ResolvedMember[]) =>
    new Map(region.members.map((result, i) => [result.name, { result, resolved: resolved[i] }]));
  const before = memberOf(older.score, older.members);
  const after = memberOf(newer.score, newer.members);
  const names = [...new Set([...after.keys(), ...before.keys()])];
  const members: MemberDiff[] = names.map((name) => {
    const b = before.get(name);
    const a = after.get(name);
    if (b === undefined) return { name, presence: "joined", changes: undefined };
    if (a === undefined) return { name, presence: "left", changes: undefined };
    const bp = b.result.profile;
    const ap = a.result.profile;
    if (bp === undefined || ap === undefined || b.resolved?.assessment === undefined || a.resolved?.assessment === undefined) {
      return { name, presence: "both", changes: undefined };
    }
    const changes = diffAnswers(set.stages, b.resolved.assessment.answers, a.resolved.assessment.answers, bp.stages, ap.stages, stageChange(set, bp, ap));
    regressions.push(...regressionsOf(changes, name));
    return { name, presence: "both", changes };
  });

  // The weighted mean over the members of each stage and dimension: the region's performance.
  const rollup: ScoreChange[] = [];
  for (const stage of set.stages) {
    const b = older.score.rollup.stages.find((s) => s.id === stage.id);
    const a = newer.score.rollup.stages.find((s) => s.id === stage.id);
    // The members' own changes say whether ground was lost; the mean is shown as it moved.
    rollup.push(scoreChange(stage.id, undefined, b?.mean, a?.mean, undefined));
    for (const dimension of stage.dimensions) {
      rollup.push(scoreChange(stage.id, dimension.id, b?.dimensions.find((d) => d.id === dimension.id)?.mean, a?.dimensions.find((d) => d.id === dimension.id)?.mean, undefined));
    }
  }

  return { ...base, kind: "region", own, fit: {
      before: older.score.fit.best,
      after: newer.score.fit.best,
      verdictBefore: older.score.fit.verdict,
      verdictAfter: newer.score.fit.verdict,
      tiedBefore: older.score.fit.tied,
      tiedAfter: newer.score.fit.tied,
    }, regionStage, rollup, members, regressions };
}

function stageChange(set: FrameworkSet, before: StageProfile, after: StageProfile): StageChange {
  return stageChangeOf(set, before.current, after.current);
}

function stageChangeOf(set: FrameworkSet, before: string, after: string): StageChange {
  const rank = (id: string) => (id === INFORMATIZATION ? 0 : (set.byId.get(id)?.order ?? 0));
  const direction = rank(after) > rank(before) ? "up" : rank(after) < rank(before) ? "down" : "same";
  return { before, after, direction };
}

/** The changes between two sets of answers to the same frameworks. */
function diffAnswers(
  frameworks: readonly Framework[],
  before: Answers,
  after: Answers,
  scoresBefore: readonly FrameworkResult[],
  scoresAfter: readonly FrameworkResult[],
  stage: StageChange | undefined,
): AnswersDiff {
  const indicators: IndicatorChange[] = [];
  const evidence: EvidenceChange[] = [];
  for (const framework of frameworks) {
    for (const indicator of framework.indicators) {
      const b = before.get(framework.id)?.get(indicator.id);
      const a = after.get(framework.id)?.get(indicator.id);
      const movement = movementOf(state(b), state(a));
      if (movement !== undefined) {
        indicators.push({ framework: framework.id, indicator: indicator.id, dimension: indicator.dimension, before: state(b), after: state(a), movement });
      }
      const change = evidenceChange(b?.evidence ?? [], a?.evidence ?? []);
      if (change.added.length > 0 || change.withdrawn.length > 0) evidence.push({ framework: framework.id, indicator: indicator.id, ...change });
    }
  }

  const scores: ScoreChange[] = [];
  for (const framework of frameworks) {
    const b = scoresBefore.find((r) => r.id === framework.id);
    const a = scoresAfter.find((r) => r.id === framework.id);
    const same = sameAnswerMeans(framework, b, a);
    scores.push(scoreChange(framework.id, undefined, b?.score, a?.score, same.framework));
    for (const dimension of framework.dimensions) {
      const db = b?.dimensions.find((d) => d.id === dimension.id)?.score;
      const da = a?.dimensions.find((d) => d.id === dimension.id)?.score;
      scores.push(scoreChange(framework.id, dimension.id, db, da, same.dimensions.get(dimension.id)));
    }
  }
  return { stage, scores, indicators, evidence };
}

function scoreChange(framework: string, dimension: string | undefined, before: number | undefined, after: number | undefined, same: readonly [number, number] | undefined): ScoreChange {
  const change = (b: number | undefined, a: number | undefined) => (b === undefined || a === undefined ? undefined : Math.round((a - b) * 1e6) / 1e6);
  return { framework, dimension, before, after, delta: change(before, after), sameAnswers: same === undefined ? undefined : change(same[0], same[1]) };
}

/**
 * The weighted means, before and after, of each dimension over the indicators answered both
 * times, and of the framework over those dimensions (by their weights).
 */
function sameAnswerMeans(framework: Framework, before: FrameworkResult | undefined, after: FrameworkResult | undefined) {
  const dimensions = new Map<string, readonly [number, number]>();
  let weight = 0;
  let sumBefore = 0;
  let sumAfter = 0;
  for (const dimension of framework.dimensions) {
    const b = before?.dimensions.find((d) => d.id === dimension.id);
    const a = after?.dimensions.find((d) => d.id === dimension.id);
    if (b === undefined || a === undefined) continue;
    const levelAfter = new Map(a.indicators.filter((i) => i.level !== undefined).map((i) => [i.id, i.level!]));
    const both = b.indicators.filter((i) => i.level !== undefined && levelAfter.has(i.id));
    const w = both.reduce((s, i) => s + i.weight, 0);
    if (w === 0) continue;
    const mean: [number, number] = [both.reduce((s, i) => s + i.level! * i.weight, 0) / w, both.reduce((s, i) => s + levelAfter.get(i.id)! * i.weight, 0) / w];
    dimensions.set(dimension.id, mean);
    weight += dimension.weight;
    sumBefore += mean[0] * dimension.weight;
    sumAfter += mean[1] * dimension.weight;
  }
  return { dimensions, framework: weight === 0 ? undefined : ([sumBefore / weight, sumAfter / weight] as const) };
}

function state(answer: Answer | undefined): LevelState {
  return { level: answer?.level, notApplicable: answer?.notApplicable !== undefined };
}

function movementOf(b: LevelState, a: LevelState): Movement | undefined {
  if (b.notApplicable !== a.notApplicable) return a.notApplicable ? "not-applicable" : "applicable";
  if (b.level === a.level) return undefined;
  if (b.level === undefined) return "answered";
  if (a.level === undefined) return "unanswered";
  return a.level > b.level ? "up" : "down";
}

/** Evidence is the same piece when its title and where to find it are the same. */
const identity = (e: Evidence) => `${e.title}\u0000${e.link ?? ""}\u0000${e.document ?? ""}`;

function evidenceChange(before: readonly Evidence[], after: readonly Evidence[]): { added: string[]; withdrawn: string[] } {
  const had = new Set(before.map(identity));
  const has = new Set(after.map(identity));
  const titles = (list: readonly Evidence[], other: Set<string>) => [...new Set(list.filter((e) => !other.has(identity(e))).map((e) => e.title))].sort(compareText);
  return { added: titles(after, had), withdrawn: titles(before, has) };
}

function regressionsOf(diff: AnswersDiff, member: string | undefined): Regression[] {
  const found: Regression[] = [];
  if (diff.stage?.direction === "down") {
    found.push({ member, what: "stage", framework: undefined, dimension: undefined, indicator: undefined, before: diff.stage.before, after: diff.stage.after });
  }
  for (const s of diff.scores) {
    // A fall that only new, low answers make is coverage gained, not ground lost.
    if (s.sameAnswers !== undefined && s.sameAnswers < -EPSILON && s.before !== undefined && s.after !== undefined) {
      found.push({ member, what: "score", framework: s.framework, dimension: s.dimension, indicator: undefined, before: s.before.toFixed(2), after: s.after.toFixed(2) });
    }
  }
  for (const i of diff.indicators) {
    if (i.movement === "down") found.push({ member, what: "indicator", framework: i.framework, dimension: i.dimension, indicator: i.indicator, before: String(i.before.level), after: String(i.after.level) });
    if (i.movement === "unanswered") found.push({ member, what: "answer-withdrawn", framework: i.framework, dimension: i.dimension, indicator: i.indicator, before: String(i.before.level), after: "–" });
  }
  for (const e of diff.evidence) {
    for (const title of e.withdrawn) found.push({ member, what: "evidence-withdrawn", framework: e.framework, dimension: undefined, indicator: e.indicator, before: title, after: "–" });
  }
  return found;
}
