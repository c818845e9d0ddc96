import type { Assessment } from "../../assessment/model.js";
import { compareText } from "../../model/findings.js";
import type { FrameworkSet } from "../../framework/model.js";
import type { FrameworkResult, RegionScore, StageProfile, SubjectScore } from "../../scoring/model.js";
import type { Gap, MemberPlan, Plan, RegionGaps, Roadmap } from "./model.js";
import { planStage } from "./plan.js";
import { leadingModel } from "../../scoring/fit.js";

/**
 * The indicators of some frameworks below their targets. A target is the assessment's own
 * (`targets.indicators`) or else the framework's bar, rounded up to a whole level.
 */
export function gapsOf(
  set: FrameworkSet,
  results: readonly FrameworkResult[],
  targets: Assessment["targetLevels"],
  next: string | undefined,
): Gap[] {
  const gaps: Gap[] = [];
  for (const result of results) {
    const framework = set.byId.get(result.id);
    if (framework?.attainment === undefined) continue;
    const bar = Math.ceil(framework.attainment.bar - 1e-9);
    for (const dimension of result.dimensions) {
      for (const indicator of dimension.indicators) {
        if (indicator.notApplicable) continue;
        const own = targets.get(result.id)?.get(indicator.id);
        const target = own ?? bar;
        const gap = indicator.level === undefined ? undefined : target - indicator.level;
        if (gap !== undefined && gap <= 0) continue;
        gaps.push({
          framework: result.id,
          dimension: dimension.id,
          indicator: indicator.id,
          level: indicator.level,
          target,
          targetFrom: own === undefined ? "bar" : "assessment",
          gap,
          weight: indicator.weight,
          priority: indicator.weight * (gap ?? target),
          next: result.id === next,
        });
      }
    }
  }
  const order = new Map(set.all.map((f, i) => [f.id, i]));
  return gaps.sort(
    (a, b) =>
      Number(b.next) - Number(a.next) ||
      b.priority - a.priority ||
      order.get(a.framework)! - order.get(b.framework)! ||
      compareText(a.indicator, b.indicator),
  );
}

/** The plan to a city's next stage, if it has one. */
export function cityPlan(set: FrameworkSet, profile: StageProfile): Plan | undefined {
  const next = profile.stages.find((s) => s.id === profile.next);
  return next === undefined ? undefined : planStage(set.byId.get(next.id)!, next);
}

/** Which members hold the region back from its next stage, what each must do, and the region-level gaps to the best-fit model. */
export function regionGaps(set: FrameworkSet, score: RegionScore, targets: Assessment["targetLevels"]): RegionGaps {
  const rank = set.stages.findIndex((s) => s.id === score.rollup.stage) + 1;
  const stage = set.stages[rank]?.id;
  const holdingBack: MemberPlan[] = [];
  if (stage !== undefined) {
    for (const member of score.members) {
      if (member.profile === undefined) continue;
      const result = member.profile.stages.find((s) => s.id === stage)!;
      if (result.attainment?.reached === true) continue;
      // A member must first reach the stages before; its plan is for the first one it lacks.
      const first = member.profile.stages.find((s) => s.attainment?.reached !== true)!;
      holdingBack.push({ name: member.name, current: member.profile.current, plan: planStage(set.byId.get(first.id)!, first) });
    }
  }
  const leading = leadingModel(score.fit);
  const best = score.models.filter((m) => m.id === leading);
  return { stage, holdingBack, model: gapsOf(set, best, targets, leading) };
}

export function subjectGaps(set: FrameworkSet, score: SubjectScore, assessment: Assessment): { gaps: readonly Gap[]; plan: Plan | undefined; roadmap: Roadmap | undefined; region: RegionGaps | undefined } {
  if (score.kind === "city") {
    return {
      gaps: gapsOf(set, score.profile.stages, assessment.targetLevels, score.profile.next),
      plan: cityPlan(set, score.profile),
      roadmap: cityRoadmap(set, score.profile, assessment.date, assessment.targetStage, assessment.targetDate),
      region: undefined,
    };
  }
  const region = regionGaps(set, score, assessment.targetLevels);
  return { gaps: region.model, plan: undefined, roadmap: undefined, region };
}

/**
 * The roadmap of a city to its target stage: each stage from the first not reached to the target,
 * with its plan; with a target date, each stage is given the share of the time to it that its
 * plan's effort is of the whole (a stage with nothing to raise counts as 1, so it still gets time).
 */
export function cityRoadmap(set: FrameworkSet, profile: StageProfile, date: string, target: string | undefined, by: string | undefined): Roadmap | undefined {
  if (target === undefined) return undefined;
  const last = set.stages.findIndex((s) => s.id === target);
  if (last < 0) return undefined;
  const first = profile.stages.findIndex((s) => s.attainment?.reached !== true);
  const overdue = by !== undefined && date !== "" && by <= date;
  if (first < 0 || first > last) return { target, by, milestones: [], overdue };
  const plans = profile.stages.slice(first, last + 1).map((result) => ({ stage: result.id, plan: planStage(set.byId.get(result.id)!, result) }));
  if (by === undefined || date === "" || overdue) return { target, by, milestones: plans.map((p) => ({ ...p, by })), overdue };
  const weights = plans.map((p) => Math.max(1, p.plan.effort));
  const total = weights.reduce((a, b) => a + b, 0);
  const days = daysBetween(date, by);
  let sum = 0;
  const milestones = plans.map((p, i) => {
    sum += weights[i]!;
    return { ...p, by: i === plans.length - 1 ? by : addDays(date, Math.round((days * sum) / total)) };
  });
  return { target, by, milestones, overdue };
}

const DAY = 24 * 60 * 60 * 1000;
const utc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY);
const addDays = (iso: string, days: number) => new Date(utc(iso) + days * DAY).toISOString().slice(0, 10);
