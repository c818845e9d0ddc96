import type { Gap, GapReport, Plan } from "../../analysis/gaps/model.js";
import type { FrameworkSet } from "../../framework/model.js";
import type { Finding } from "../../model/findings.js";
import { gateText } from "../../scoring/gates.js";
import type { GateResult } from "../../scoring/gates.js";
import type { CityScore, FrameworkResult, MemberResult, RegionScore, StageProfile, SubjectScore } from "../../scoring/model.js";
import { blockerText } from "../names.js";
import { aboutView, appendixView, grouped, methodView, registerView, disputesView, summaryView } from "./brief.js";
import type { Names } from "../names.js";
import { bar, fixed, pct, share } from "../numbers.js";
import { strong, tone } from "./model.js";
import type { Block, Column, Fact, Inline, Row } from "./model.js";

/**
 * The sections of `score` and `report`, each laid out once for every human format. A report
 * is its subject's score, then what to do about it: the plan, the gaps and the evidence.
 */

const SCALE_HEAD = "0 ─────────────── 5";
/** The bar of 0 to 5 is the terminal's picture; the other media have charts. */
const BAR: Column = { head: SCALE_HEAD, only: ["terminal"] };
const right = (head: string): Column => ({ head, align: "right" });
const left = (head: string): Column => ({ head });

export function scoreView(score: SubjectScore, names: Names, set: FrameworkSet): Block[] {
  return score.kind === "city" ? cityView(score, names) : regionView(score, names, set);
}

export function reportView(report: GapReport, names: Names, set: FrameworkSet): Block[] {
  const { w } = names;
  const score = report.score;
  const [subject, cards, ...standing] = scoreView(score, names, set);
  const assessors = report.register.parts[0]?.assessors ?? [];
  const by = assessors.length === 0 ? undefined : assessors.map((a) => names.clean(a.name)).join(w.nameSep);
  const out: Block[] = [{ ...(subject as Extract<Block, { type: "subject" }>), ...(by === undefined ? {} : { by }) }, summaryView(report, names, set, [cards!]), aboutView(report, names, set), ...standing];
  // Disputes among the assessors come before the plan that rests on the levels they dispute.
  const disputes = disputesView(report, names, set);
  if (disputes !== undefined) out.push(disputes);
  if (score.kind === "city") {
    const roadmap = report.roadmap;
    if (roadmap !== undefined && roadmap.milestones.length > 0) {
      const due: Block[] = roadmap.overdue && roadmap.by !== undefined ? [{ type: "paragraph", tone: "bad", text: w.plan.overdue(names.clean(roadmap.by)) }] : [];
      const milestones: Block[] = roadmap.milestones.map((m, i) => ({
        type: "section",
        level: 4,
        title: w.plan.milestone(i + 1, names.stage(m.stage), m.by === undefined ? undefined : names.clean(m.by)),
        blocks: planView(m.plan, names),
      }));
      out.push({ type: "section", level: 3, title: w.plan.roadmap(names.stage(roadmap.target), roadmap.by === undefined ? undefined : names.clean(roadmap.by)), blocks: [...due, ...milestones] });
    } else if (report.plan === undefined) {
      out.push({ type: "paragraph", text: w.plan.everyStageReached });
    } else {
      if (roadmap !== undefined) out.push({ type: "paragraph", text: w.plan.targetReached });
      out.push({ type: "section", level: 3, title: w.plan.toReach(names.stage(report.plan.stage)), blocks: planView(report.plan, names) });
    }
  } else {
    const region = report.region!;
    if (region.stage !== undefined) {
      const members: Block[] = region.holdingBack.map((m) => ({
        type: "section",
        level: 4,
        title: w.plan.memberToReach(names.clean(m.name), names.stage(m.current), names.stage(m.plan.stage)),
        blocks: planView(m.plan, names),
      }));
      out.push({ type: "section", level: 3, title: w.plan.holdingBack(names.stage(region.stage)), blocks: members.length === 0 ? [{ type: "paragraph", text: `${w.heading(w.none)}${w.period}` }] : members });
    }
  }
  out.push(gapSection(report.gaps, names, score.kind === "city" ? w.gaps.cityTitle : w.gaps.regionTitle));
  out.push(registerView(report, names, set));
  // The terminal is where files are edited: it lists the evidence findings by position.
  if (report.evidence.length > 0) out.push({ type: "section", level: 3, only: ["terminal"], title: w.gaps.evidence, blocks: [{ type: "findings", findings: report.evidence }] });
  out.push(methodView(report, names, set));
  const appendix = appendixView(report, names, set);
  if (appendix !== undefined) out.push(appendix);
  return out;
}

/** What a run knows only at the end: the problems of files not scored, and the gates. */
export function tailView(findings: readonly Finding[], gates: readonly GateResult[], names: Names): Block[] {
  const { w } = names;
  const out: Block[] = [];
  // The terminal lists every problem by position; a document for people lists only the errors
  // that kept a file from its report (warnings such as a disputed answer are in the report itself).
  if (findings.length > 0) out.push({ type: "section", level: 2, only: ["terminal"], title: w.gaps.problems, blocks: [{ type: "findings", findings }] });
  const errors = findings.filter((f) => (f.severity === "error" || f.code === "framework-replaced") && f.excepted === undefined);
  if (errors.length > 0) out.push({ type: "section", level: 2, only: ["html", "markdown"], title: w.gaps.problems, blocks: [{ type: "findings", findings: errors }] });
  if (gates.length > 0) {
    const g8 = w.gates;
    const items = gates.map((g) => {
      const actual = typeof g.actual === "number" ? `${fixed(g.actual, 1)}%` : g.actual === undefined ? g8.noScore : names.stage(g.actual);
      const short = g.gate.kind === "min-stage" ? g8.stages(g.shortBy) : g8.points(fixed(g.shortBy, 1));
      const verdict = g.passed ? tone("good", g8.passed) : g.excepted === undefined ? tone("bad", g8.failedBy(short)) : tone("warn", `${g8.failedBy(short)} · ${w.excepted.gate(names.clean(g.excepted.reason), g.excepted.expires)}`);
      return g8.line(g8.onFile(gateText(g.gate), names.clean(g.file)), actual, verdict);
    });
    out.push({ type: "section", level: 2, title: g8.title, blocks: [{ type: "list", items }] });
  }
  return out;
}

function header(score: SubjectScore, names: Names): { subject: Block; target: Fact[] } {
  const { w } = names;
  return {
    subject: { type: "subject", name: names.clean(score.name), kind: w.kind[score.kind], date: score.date, file: score.file },
    target: score.targetStage === undefined ? [] : [{ label: w.target, value: w.targetValue(names.stage(score.targetStage), score.targetDate === undefined ? undefined : names.clean(score.targetDate)) }],
  };
}

function cityView(score: CityScore, names: Names): Block[] {
  const { w } = names;
  const { subject, target } = header(score, names);
  const profile = score.profile;
  const stages = profile.stages;
  return [
    subject,
    { type: "facts", cards: true, items: [...target, ...stageFacts(profile, names)] },
    {
      type: "chart",
      chart: {
        kind: "radar",
        labels: stages.flatMap((s) => s.dimensions.map((d) => names.dimension(s.id, d.id))),
        series: [{ label: w.documents.seriesScore, values: stages.flatMap((s) => s.dimensions.map((d) => d.score)), className: "s0" }],
        bar: stages[0]?.attainment?.bar,
      },
      title: w.documents.radarCity,
      caption: w.documents.radarCityCaption,
    },
    profileTable(profile, names),
  ];
}

function stageFacts(profile: StageProfile, names: Names): Fact[] {
  const { w } = names;
  const facts: Fact[] = [{ label: w.stageReached, value: strong(names.stage(profile.current)) }];
  if (profile.next !== undefined) {
    const next = profile.stages.find((s) => s.id === profile.next)!;
    const blockers = next.attainment?.blockers.map((b) => blockerText(b, names, next.id)) ?? [];
    facts.push({ label: w.nextStage, value: names.stage(profile.next), detail: w.heldBackBy(blockers.join(w.clauseSep)) });
  }
  return facts;
}

function profileTable(profile: StageProfile, names: Names): Block {
  const h = names.w.head;
  return {
    type: "table",
    columns: [left(h.stageDimension), right(h.score), BAR, right(h.percent), right(h.answered), left(h.status)],
    rows: profile.stages.flatMap((s) => frameworkRows(s, names)),
  };
}

function frameworkRows(result: FrameworkResult, names: Names): Row[] {
  const { w } = names;
  const a = result.attainment;
  const status = a === undefined ? "" : a.reached ? tone("good", w.reached) : tone("bad", w.notReached);
  const rows: Row[] = [{ kind: "group", cells: [names.framework(result.id), fixed(result.score), bar(result.score), pct(result.score), share(result.coverage.share), status] }];
  for (const d of result.dimensions) {
    const below = a !== undefined && d.score !== undefined && d.score < a.bar;
    const mark = a === undefined ? "" : d.score === undefined ? tone("warn", w.noAnswers) : below ? tone("bad", `< ${fixed(a.bar)}`) : tone("good", `≥ ${fixed(a.bar)}`);
    rows.push({ kind: "member", cells: [names.dimension(result.id, d.id), fixed(d.score), bar(d.score), pct(d.score), `${d.coverage.answered}/${d.coverage.applicable}`, mark] });
  }
  return rows;
}

function regionView(score: RegionScore, names: Names, set: FrameworkSet): Block[] {
  const { w } = names;
  const h = w.head;
  const { subject, target } = header(score, names);
  const { fit } = score;
  const runnerUp = fit.ranking[1];
  const bestFact = fitFact(score, names, set);
  const out: Block[] = [
    subject,
    { type: "facts", cards: true, items: [...target, bestFact, { label: w.regionStage, value: strong(names.stage(score.rollup.stage)) }, { label: w.documents.members, value: w.documents.memberCount(score.members.length) }] },
  ];
  const coreMatters = fit.best === "core-led" || fit.tied.includes("core-led") || fit.ranking.some((r) => r.excluded === "core-not-leading");
  if (fit.core !== undefined && coreMatters) {
    const c = fit.core;
    const how = c.overtakenBy === undefined ? w.verdict.coreLeads : w.verdict.coreTrails(names.clean(c.overtakenBy.member), names.stage(c.overtakenBy.stage));
    out.push({ type: "facts", items: [{ label: w.verdict.core, value: [names.clean(c.member), w.paren(c.from === "named" ? w.verdict.coreNamed : w.verdict.coreMostAdvanced)], detail: [w.clauseSep, c.leads ? how : tone("bad", how)] }] });
  }
  if (fit.best !== undefined) {
    const levels = (model: (m: string) => boolean) =>
      fit.deciding.filter((d) => model(d.model)).map((d) => w.atLevel(names.indicator(d.model, d.indicator), d.level)).join(w.listSep);
    const deciding: Fact[] = [{ label: w.deciding, value: levels((m) => m === fit.best) }];
    if (runnerUp !== undefined && fit.deciding.some((d) => d.model !== fit.best)) deciding.push({ label: w.lacks(names.framework(runnerUp.model)), value: levels((m) => m !== fit.best) });
    out.push({ type: "facts", items: deciding });
  }
  out.push({
    type: "table",
    columns: [left(h.model), right(h.fit), right(h.readiness), BAR, right(h.percent), right(h.answered), left(h.status)],
    rows: fit.ranking.map((r) => {
      const model = score.models.find((m) => m.id === r.model)!;
      const title = names.framework(r.model);
      const chosen = r.model === fit.best || fit.tied.includes(r.model);
      return { cells: [chosen ? strong(title) : title, fixed(r.fit), fixed(r.readiness), bar(r.readiness), pct(r.readiness), share(model.coverage.share), exclusionText(r, chosen ? fit.verdict : undefined, set, names)] };
    }),
  });
  out.push({
    type: "chart",
    chart: {
      kind: "radar",
      labels: score.rollup.stages.flatMap((s) => s.dimensions.map((d) => names.dimension(s.id, d.id))),
      series: [
        { label: w.documents.seriesMean, values: score.rollup.stages.flatMap((s) => s.dimensions.map((d) => d.mean)), className: "s0" },
        { label: w.documents.seriesWeakest, values: score.rollup.stages.flatMap((s) => s.dimensions.map((d) => d.min)), className: "s1" },
      ],
      bar: 3,
    },
    title: w.documents.radarRegion,
    caption: w.documents.radarRegionCaption,
  });
  const rollRows: Row[] = [];
  for (const s of score.rollup.stages) {
    rollRows.push({ kind: "group", cells: [names.framework(s.id), fixed(s.min), fixed(s.mean), fixed(s.max), fixed(s.spread), `${s.reachedBy}/${s.members}`] });
    for (const d of s.dimensions) rollRows.push({ kind: "member", cells: [names.dimension(s.id, d.id), fixed(d.min), fixed(d.mean), fixed(d.max), fixed(d.spread), ""] });
  }
  out.push({ type: "table", columns: [left(h.stageDimension), right(h.min), right(h.weightedMean), right(h.max), right(h.spread), right(h.reachedBy)], rows: rollRows });
  // The column says what its numbers are: populations when every member gives one, else
  // weights, a population among them marked as one. A population's thousands are grouped, as
  // in the table of who assessed what.
  const byPopulation = score.members.length > 0 && score.members.every((m) => m.weightFrom === "population");
  const memberWeight = (m: MemberResult) =>
    m.weightFrom === "equal" ? w.equalWeight : m.weightFrom === "weight" ? String(m.weight) : byPopulation ? grouped(m.weight) : w.populationWeight(grouped(m.weight));
  out.push({
    type: "table",
    columns: [left(h.member), right(byPopulation ? h.population : h.weight), left(h.stageReached), ...set.stages.map((s) => right(names.framework(s.id)))],
    rows: score.members.map((m) => ({
      cells: [
        names.clean(m.name),
        memberWeight(m),
        m.profile === undefined ? tone("bad", w.notScored(names.clean(m.problem ?? ""))) : names.stage(m.profile.current),
        ...set.stages.map((_, i) => (m.profile === undefined ? "–" : fixed(m.profile.stages[i]!.score))),
      ],
    })),
  });
  out.push({
    type: "chart",
    chart: {
      kind: "bars",
      items: score.members.map((m) => ({ label: names.clean(m.name), values: set.stages.map((_, i) => m.profile?.stages[i]?.score) })),
      series: set.stages.map((s) => names.framework(s.id)),
      legend: true,
    },
    title: w.documents.memberChart,
    caption: w.documents.memberChartCaption,
  });
  return out;
}

/** The fit's verdict as a fact: the model that fits, a tie, none, or too little answered to tell. */
function fitFact(score: RegionScore, names: Names, set: FrameworkSet): Fact {
  const { w } = names;
  const { fit } = score;
  const best = fit.ranking[0];
  const runnerUp = fit.ranking[1];
  switch (fit.verdict) {
    case "fits":
      return {
        label: w.bestFit,
        value: strong(names.framework(fit.best!)),
        detail: w.fitLine(fixed(best?.fit), runnerUp === undefined ? undefined : names.framework(runnerUp.model), runnerUp === undefined ? undefined : fixed(runnerUp.fit), fixed(best?.readiness)),
      };
    case "tie":
      return { label: w.bestFit, value: strong(w.verdict.tie(fit.tied.map((m) => names.framework(m)).join(w.listSep))), detail: w.verdict.tieDetail(fixed(set.byId.get(fit.tied[0]!)?.fit?.tieMargin)) };
    case "none":
      return { label: w.bestFit, value: strong(w.verdict.none), detail: w.verdict.noneDetail };
    case "too-little-answered": {
      const most = Math.max(0, ...fit.ranking.map((r) => r.coverage));
      const needed = Math.min(1, ...fit.ranking.map((r) => set.byId.get(r.model)?.fit?.minCoverage ?? 1));
      return { label: w.bestFit, value: strong(w.verdict.tooLittle), detail: w.verdict.tooLittleDetail(share(most), share(needed)) };
    }
  }
}

function exclusionText(r: RegionScore["fit"]["ranking"][number], chosen: RegionScore["fit"]["verdict"] | undefined, set: FrameworkSet, names: Names): Inline {
  const v = names.w.verdict;
  switch (r.excluded) {
    case undefined:
      return chosen === "tie" ? tone("warn", v.ties) : chosen === "fits" ? tone("good", v.fits) : v.fitsLessWell;
    case "too-little-answered":
      return tone("warn", v.tooLittleShort);
    case "below-floor":
      return tone("bad", v.belowFloor(fixed(set.byId.get(r.model)?.fit?.floor)));
    case "core-not-leading":
      return tone("bad", v.coreNotLeading);
  }
}

function planView(plan: Plan, names: Names): Block[] {
  const { w } = names;
  const out: Block[] = [];
  if (plan.steps.length > 0) {
    out.push({
      type: "steps",
      intro: w.plan.steps(plan.levels, plan.steps.length),
      steps: plan.steps.map((s) => ({
        title: names.indicator(s.framework, s.indicator),
        aside: names.dimension(s.framework, s.dimension),
        from: s.from,
        to: s.to,
        level: names.levelText(s.framework, s.indicator, s.to),
        advice: names.advice(s.framework, s.indicator),
      })),
    });
  }
  for (const a of plan.answer) {
    out.push({ type: "paragraph", text: `${w.plan.answerMore(a.needed, names.dimension(a.framework, a.dimension), a.indicators.map((i) => names.indicator(a.framework, i)).join(w.listSep))}${w.period}` });
  }
  if (!plan.reachable) out.push({ type: "paragraph", tone: "bad", text: `${w.plan.outOfReach}${w.colon}${plan.unreachable.map((d) => names.dimension(plan.stage, d)).join(w.listSep)}${w.period}` });
  if (out.length === 0) out.push({ type: "paragraph", text: w.plan.nothingToRaise });
  return out;
}

function gapSection(gaps: readonly Gap[], names: Names, title: string): Block {
  const { w } = names;
  const h = w.head;
  if (gaps.length === 0) return { type: "section", level: 3, title, blocks: [{ type: "paragraph", text: `${w.heading(w.none)}${w.period}` }] };
  const shown = gaps.slice(0, 12);
  const blocks: Block[] = [
    {
      type: "chart",
      chart: { kind: "bars", items: shown.map((g) => ({ label: names.indicator(g.framework, g.indicator), values: [g.level], marker: g.target })), series: [h.level], legend: false },
      title: w.gaps.chartTitle(title),
      caption: w.gaps.chartCaption(shown.length),
    },
    {
      type: "table",
      columns: [left(h.framework), left(h.indicator), right(h.level), right(h.target), right(h.gap), right(h.weight), right(h.priority)],
      rows: gaps.map((g) => ({
        cells: [
          names.framework(g.framework),
          names.indicator(g.framework, g.indicator),
          g.level === undefined ? w.gaps.unanswered : String(g.level),
          `${g.target}${g.targetFrom === "assessment" ? " *" : ""}`,
          g.gap === undefined ? "?" : String(g.gap),
          String(g.weight),
          fixed(g.priority, 0),
        ],
      })),
    },
  ];
  if (gaps.some((g) => g.targetFrom === "assessment")) blocks.push({ type: "paragraph", small: true, text: w.gaps.ownTargets });
  return { type: "section", level: 3, title, blocks };
}
