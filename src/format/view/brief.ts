import type { GapReport, Plan, Step } from "../../analysis/gaps/model.js";
import type { RegisterEntry, RegisterPart } from "../../analysis/gaps/register.js";
import type { Assessor } from "../../assessment/model.js";
import type { FrameworkSet } from "../../framework/model.js";
import { INFORMATIZATION } from "../../scoring/model.js";
import type { SubjectScore } from "../../scoring/model.js";
import { blockerText } from "../names.js";
import type { Names } from "../names.js";
import { fixed, share } from "../numbers.js";
import { strong, tone, webLink } from "./model.js";
import type { Block, Column, Fact, Inline, Medium, Row } from "./model.js";

/**
 * The parts of a report that make it a document to hand over: the summary that opens it, who
 * assessed what and when, the evidence register, the method and glossary, and the appendix of
 * levels to check. The register, method and appendix are for readers of HTML and Markdown; the
 * terminal keeps its list of findings by position.
 */

const DOCUMENT: readonly Medium[] = ["html", "markdown"];
const left = (head: string): Column => ({ head });
const right = (head: string): Column => ({ head, align: "right" });

/** The stage's place on the ladder: informatization before the first. */
const rank = (set: FrameworkSet, stage: string): number => (stage === INFORMATIZATION ? -1 : set.stages.findIndex((s) => s.id === stage));

/** Whole months from one ISO date to a later one. */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split("-").map(Number) as [number, number, number];
  return Math.max(0, (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0));
}

/** A count with its thousands grouped: 1,234,567. */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

const stageOf = (score: SubjectScore): string => (score.kind === "city" ? score.profile.current : score.rollup.stage);

/** The summary: where the subject stands, what it aims for and how far that is, and the three actions that matter most. */
export function summaryView(report: GapReport, names: Names, set: FrameworkSet, cards: readonly Block[]): Block {
  const { w } = names;
  const b = w.brief;
  const score = report.score;
  const name = names.clean(score.name);
  const text: Inline[] = [];
  if (score.kind === "city") {
    const profile = score.profile;
    text.push(b.cityStands(name, names.stage(profile.current)));
    if (profile.next === undefined) text.push(b.everyStage);
    else {
      const next = profile.stages.find((s) => s.id === profile.next)!;
      text.push(b.nextHeldBack(names.stage(profile.next), (next.attainment?.blockers ?? []).map((x) => blockerText(x, names, next.id)).join(w.listSep)));
    }
  } else {
    text.push(b.regionStands(name, names.stage(score.rollup.stage)));
    text.push(fitSentence(score, names, set));
  }
  const target = targetSentence(report, names, set);
  const blocks: Block[] = [{ type: "paragraph", text: target === undefined ? text : [...text, b.sentenceSep, target] }, ...cards];
  const actions = mattersMost(report, names, set);
  // The terminal prints the plan's levels and advice in full just below, so its list names the steps only.
  const short = actions.map((a) => (typeof a === "object" && a !== null && "stack" in a ? a.stack[0]! : a));
  if (actions.length > 0) {
    blocks.push({
      type: "section",
      level: 4,
      title: b.mattersMost,
      blocks: [
        { type: "list", ordered: true, items: short, only: ["terminal"] },
        { type: "list", ordered: true, items: actions, only: DOCUMENT },
      ],
    });
  }
  return { type: "section", level: 3, title: b.summary, blocks };
}

function fitSentence(score: Extract<SubjectScore, { kind: "region" }>, names: Names, set: FrameworkSet): string {
  const b = names.w.brief;
  const { fit } = score;
  switch (fit.verdict) {
    case "fits":
      return b.fits(names.framework(fit.best!), fixed(fit.ranking[0]?.fit));
    case "tie":
      return b.ties(fit.tied.map((m) => names.framework(m)).join(names.w.listSep));
    case "none":
      return b.noneFits;
    case "too-little-answered": {
      const most = Math.max(0, ...fit.ranking.map((r) => r.coverage));
      const needed = Math.min(1, ...fit.ranking.map((r) => set.byId.get(r.model)?.fit?.minCoverage ?? 1));
      return b.tooLittle(share(most), share(needed));
    }
  }
}

/** The target, the stages to it, the time left from the assessment's date, and how much the plan asks. */
function targetSentence(report: GapReport, names: Names, set: FrameworkSet): string | undefined {
  const { w } = names;
  const b = w.brief;
  const score = report.score;
  // A plan that asks only for answers (a new template) raises no level: it has no size to tell.
  const plan = (p: Plan | undefined) => (p === undefined || p.levels === 0 ? "" : b.planSize(p.levels, p.steps.length));
  const behind = () => (report.region?.stage === undefined ? "" : b.membersBehind(report.region.holdingBack.length, score.kind === "region" ? score.members.length : 0, names.stage(report.region.stage)));
  if (score.targetStage === undefined) return (score.kind === "city" ? plan(report.plan) : behind()).trim() || undefined;
  const stages = rank(set, score.targetStage) - rank(set, stageOf(score));
  if (stages <= 0) return b.targetReached(names.stage(score.targetStage));
  const by = score.targetDate;
  let out = b.aims(names.stage(score.targetStage), by === undefined ? undefined : names.clean(by)) + b.distance(stages);
  if (by !== undefined) {
    const months = by <= score.date ? undefined : monthsBetween(score.date, by);
    out += months === undefined ? b.overdue : b.timeLeft(Math.floor(months / 12), months % 12);
  }
  out += w.period;
  if (score.kind === "city") {
    const milestones = report.roadmap?.milestones ?? [];
    const levels = milestones.reduce((sum, m) => sum + m.plan.levels, 0);
    const indicators = new Set(milestones.flatMap((m) => m.plan.steps.map((s) => `${s.framework}/${s.indicator}`))).size;
    if (levels > 0) out += b.planSize(levels, indicators);
  } else out += behind();
  return out;
}

/** A plan's steps, those that lift their dimension most for their effort first. */
function byWorth(steps: readonly Step[], set: FrameworkSet): Step[] {
  const worth = (s: Step) => {
    const f = set.byId.get(s.framework);
    const weight = (f?.indicators.find((i) => i.id === s.indicator)?.weight ?? 1) * (f?.dimensions.find((d) => d.id === s.dimension)?.weight ?? 1);
    return (weight * (s.to - s.from)) / Math.max(s.effort, 1e-9);
  };
  return steps.map((s, i) => ({ s, i, v: worth(s) })).sort((a, b) => b.v - a.v || a.i - b.i).map((x) => x.s);
}

/** The three actions that matter most: what to answer first, then the steps worth most for their effort. */
function mattersMost(report: GapReport, names: Names, set: FrameworkSet): Inline[] {
  const { w } = names;
  const b = w.brief;
  const step = (s: Step, member?: string): Inline => {
    const indicator = names.indicator(s.framework, s.indicator);
    const what = member === undefined ? b.raise(indicator, s.from, s.to) : b.raiseIn(names.clean(member), indicator, s.from, s.to);
    const level = names.levelText(s.framework, s.indicator, s.to);
    return level === "" ? [strong(what), w.period] : { stack: [[strong(what), w.period], tone("dim", level)] };
  };
  const answers = (plan: Plan, member?: string): Inline[] =>
    plan.answer.map((a) => {
      const text = `${w.plan.answerMore(a.needed, names.dimension(a.framework, a.dimension), a.indicators.map((i) => names.indicator(a.framework, i)).join(w.listSep))}${w.period}`;
      return member === undefined ? text : `${names.clean(member)}${w.colon}${text}`;
    });
  const score = report.score;
  if (score.kind === "city") {
    const plan = report.roadmap?.milestones[0]?.plan ?? report.plan;
    if (plan === undefined) return [];
    return [...answers(plan), ...byWorth(plan.steps, set).map((s) => step(s))].slice(0, 3);
  }
  const region = report.region;
  if (region !== undefined && region.stage !== undefined && region.holdingBack.length > 0) {
    // One action from each member that holds the region back, in turn, so the three are not all one member's.
    const queues = region.holdingBack.map((m) => [...answers(m.plan, m.name), ...byWorth(m.plan.steps, set).map((s) => step(s, m.name))]);
    const out: Inline[] = [];
    for (let round = 0; out.length < 3 && queues.some((q) => q.length > round); round++) {
      for (const q of queues) if (round < q.length && out.length < 3) out.push(q[round]!);
    }
    return out;
  }
  return (region?.model ?? []).slice(0, 3).map((g) => {
    const indicator = names.indicator(g.framework, g.indicator);
    return [strong(g.level === undefined ? b.answer(indicator, g.target) : b.raise(indicator, g.level, g.target)), w.period];
  });
}

/** The assessors, each with role and organisation. */
export function assessorsText(assessors: readonly Assessor[], names: Names): string {
  const b = names.w.brief;
  return assessors.map((a) => b.assessor(names.clean(a.name), a.role === undefined ? undefined : names.clean(a.role), a.organisation === undefined ? undefined : names.clean(a.organisation))).join(b.assessorSep);
}

/** Who assessed what and when, and the subject's own facts. */
export function aboutView(report: GapReport, names: Names, set: FrameworkSet): Block {
  const { w } = names;
  const b = w.brief;
  const score = report.score;
  const reg = report.register;
  const own = reg.parts[0]!;
  const used = score.kind === "city" ? set.stages : set.all;
  const facts: Fact[] = [];
  if (reg.country !== undefined) facts.push({ label: b.country, value: names.clean(reg.country) });
  const population = score.kind === "region" && reg.population === undefined ? sum(reg.parts.slice(1).map((p) => p.population)) : reg.population;
  if (population !== undefined) facts.push({ label: b.population, value: grouped(population) });
  facts.push({ label: b.assessedOn, value: names.clean(b.day(score.date)) });
  facts.push({ label: b.assessors, value: own.assessors.length === 0 ? b.noAssessors : assessorsText(own.assessors, names) });
  facts.push({ label: b.frameworks, value: used.map((f) => w.withVersion(names.framework(f.id), names.clean(f.version))).join(w.listSep) });
  facts.push({ label: b.sourceFile, value: { code: score.file } });
  const blocks: Block[] = [{ type: "facts", grid: true, items: facts }];
  if (reg.description !== undefined) blocks.push({ type: "paragraph", text: names.clean(reg.description) });
  if (score.kind === "region") {
    const h = w.head;
    const rows: Row[] = reg.parts.map((p) => ({
      cells: [
        p.own ? b.regionLevel(names.clean(p.name)) : names.clean(p.name),
        p.population === undefined ? "–" : grouped(p.population),
        names.clean(p.date),
        p.assessors.length === 0 ? b.noAssessors : assessorsText(p.assessors, names),
        String(p.answered),
        String(p.evidenced),
      ],
    }));
    blocks.push({ type: "heading", level: 3, text: b.whoAssessed, only: DOCUMENT });
    blocks.push({ type: "table", only: DOCUMENT, columns: [left(h.member), right(b.population), { head: b.assessedOn, nowrap: true }, left(b.assessors), right(h.answered), right(b.withEvidence)], rows });
  }
  return { type: "section", level: 3, title: b.aboutTitle, only: DOCUMENT, blocks };
}

const sum = (values: readonly (number | undefined)[]): number | undefined => (values.some((v) => v === undefined) || values.length === 0 ? undefined : values.reduce((a, v) => a! + v!, 0));

const partTitle = (p: RegisterPart, names: Names, region: boolean): string => (p.own && region ? names.w.brief.ownAnswers(names.clean(p.name)) : names.clean(p.name));

/** The indicator's name, with its framework and dimension under it. */
function indicatorCell(e: RegisterEntry, names: Names, set: FrameworkSet): Inline {
  const dimension = set.byId.get(e.framework)?.indicators.find((i) => i.id === e.indicator)?.dimension;
  const where = dimension === undefined ? names.framework(e.framework) : `${names.framework(e.framework)} · ${names.dimension(e.framework, dimension)}`;
  return { stack: [strong(names.indicator(e.framework, e.indicator)), tone("dim", where)] };
}

/** The evidence register: every answer with evidence, notes or a reason it does not apply, by member and indicator. */
export function registerView(report: GapReport, names: Names, set: FrameworkSet): Block {
  const { w } = names;
  const b = w.brief;
  const region = report.score.kind === "region";
  const h = w.head;
  const parts: Block[] = report.register.parts.map((p) => {
    const listed = p.entries.filter((e) => e.evidence.length > 0 || e.notes !== undefined || e.notApplicable !== undefined);
    const counts = (code: Check["code"]) => p.entries.filter((e) => e.checks.some((c) => c.code === code)).length;
    const [missing, stale, self] = [counts("evidence-missing"), counts("evidence-stale"), counts("evidence-self-reported")];
    const checks = missing + stale + self === 0 ? b.noChecks : b.checksSummary(missing, stale, self);
    const blocks: Block[] = [{ type: "paragraph", text: [b.partSummary(p.answered, p.evidenced), checks] }];
    if (listed.length === 0) blocks.push({ type: "paragraph", small: true, text: b.nothingListed });
    else {
      blocks.push({
        type: "table",
        columns: [left(h.indicator), right(h.level), left(b.evidenceHead), left(b.notesHead)],
        rows: listed.map((e) => ({
          cells: [
            indicatorCell(e, names, set),
            e.level === undefined ? (e.notApplicable === undefined ? w.gaps.unanswered : "–") : String(e.level),
            { stack: e.evidence.map((x) => evidenceText(x, names)) },
            { stack: [...(e.notApplicable === undefined ? [] : [b.notApplicable(names.clean(e.notApplicable))]), ...(e.notes === undefined ? [] : [names.clean(e.notes)])] },
          ],
        })),
      });
    }
    return region ? { type: "section", level: 4, title: partTitle(p, names, region), blocks } : { type: "section", level: 4, title: names.clean(p.name), blocks };
  });
  return { type: "section", level: 3, title: b.registerTitle, only: DOCUMENT, blocks: [{ type: "paragraph", small: true, text: b.registerIntro }, ...parts] };
}

function evidenceText(e: RegisterEntry["evidence"][number], names: Names): Inline {
  const b = names.w.brief;
  const href = e.link === undefined ? undefined : webLink(e.link);
  const title = names.clean(e.title);
  const head: Inline = href === undefined ? title : { link: href, text: title };
  const about = [e.date === undefined ? undefined : names.clean(e.date), e.method === undefined ? undefined : b.method[e.method]].filter((x) => x !== undefined);
  const where = [e.link !== undefined && href === undefined ? names.clean(e.link) : undefined, e.document === undefined ? undefined : b.document(names.clean(e.document))].filter((x) => x !== undefined);
  return [head, ...(about.length === 0 ? [] : [tone("dim", ` · ${about.join(" · ")}`)]), ...(where.length === 0 ? [] : [tone("dim", ` · ${where.join(" · ")}`)])];
}

/** Every level to check, in full, by member and indicator. */
export function appendixView(report: GapReport, names: Names, set: FrameworkSet): Block | undefined {
  const { w } = names;
  const b = w.brief;
  const region = report.score.kind === "region";
  const parts = report.register.parts.filter((p) => p.entries.some((e) => e.checks.length > 0));
  if (parts.length === 0) return undefined;
  const h = w.head;
  const blocks: Block[] = parts.map((p) => {
    const rows: Row[] = p.entries.flatMap((e) => e.checks.map((c) => ({ cells: [indicatorCell(e, names, set), e.level === undefined ? "–" : String(e.level), checkText(c, names)] })));
    const table: Block = { type: "table", dense: true, columns: [left(h.indicator), right(h.level), left(b.checkHead)], rows };
    return region ? { type: "section", level: 4, title: partTitle(p, names, region), blocks: [table] } : table;
  });
  return { type: "section", level: 3, title: b.appendixTitle, only: DOCUMENT, blocks: [{ type: "paragraph", small: true, text: b.appendixIntro }, ...blocks] };
}

type Check = RegisterEntry["checks"][number];

/** A check in words, from its facts: the level and the level evidence is expected from, or the newest date and the age limit. */
function checkText(c: Check, names: Names): string {
  const b = names.w.brief;
  const limit = c.facts.limit === undefined ? "–" : String(c.facts.limit);
  switch (c.code) {
    case "evidence-missing":
      return b.check["evidence-missing"](names.clean(c.facts.value ?? "–"), limit);
    case "evidence-stale":
      return b.check["evidence-stale"](names.clean(c.facts.value ?? "–"), limit);
    case "evidence-self-reported":
      return b.check["evidence-self-reported"];
  }
}

/** The paragraph of the method on reaching a stage, after which HTML says how its radar charts show the bar. */
const STAGE_PARAGRAPH = 1;

/** How to read the report: the method in a few paragraphs, and the words it uses. */
export function methodView(report: GapReport, names: Names, set: FrameworkSet): Block {
  const { w } = names;
  const b = w.brief;
  const region = report.score.kind === "region";
  // Only HTML draws the radar charts: the note on their dashed ring is said there alone.
  const paragraphs = [...b.methodText, ...(region ? b.methodRegion : [])].flatMap((text, i): Block[] =>
    i === STAGE_PARAGRAPH
      ? [
          { type: "paragraph", text: `${text}${b.radarNote}`, only: ["html"] },
          { type: "paragraph", text, only: ["markdown"] },
        ]
      : [{ type: "paragraph", text }],
  );
  const frameworks = (region ? set.all : set.stages).map((f): readonly [Inline, Inline] => [names.framework(f.id), names.text(f.summary)]);
  const terms = [...b.glossary, ...(region ? b.glossaryRegion : [])].map(([term, meaning]): readonly [Inline, Inline] => [term, meaning]);
  return {
    type: "section",
    level: 3,
    title: b.methodTitle,
    only: DOCUMENT,
    blocks: [...paragraphs, { type: "section", level: 4, title: b.glossaryTitle, blocks: [{ type: "terms", items: [...frameworks, ...terms] }] }],
  };
}

/**
 * The answers the assessors dispute, where `reconcile` merged several: each one's answer beside
 * the level the assessment takes. In every medium: a dispute is something to settle.
 */
export function disputesView(report: GapReport, names: Names, set: FrameworkSet): Block | undefined {
  const c = names.w.reconcile;
  const region = report.score.kind === "region";
  const rows: Row[] = [];
  let count = 0;
  for (const p of report.register.parts) {
    const disputed = p.entries.filter((e) => e.reconciled?.disputed === true);
    if (disputed.length === 0) continue;
    if (region) rows.push({ kind: "group", cells: [partTitle(p, names, region), "", ""] });
    for (const e of disputed) {
      count++;
      const given = (g: number | "n/a" | undefined) => (g === undefined ? c.none : g === "n/a" ? c.notApplicable : String(g));
      rows.push({
        ...(region ? { kind: "member" as const } : {}),
        cells: [
          indicatorCell(e, names, set),
          { stack: e.reconciled!.answers.map((a) => `${names.clean(a.name)}${names.w.colon}${given(a.given)}`) },
          strong(e.notApplicable !== undefined ? c.notApplicable : e.level === undefined ? c.none : String(e.level)),
        ],
      });
    }
  }
  if (count === 0) return undefined;
  return {
    type: "section",
    level: 3,
    title: c.reportHead(count),
    blocks: [{ type: "paragraph", text: c.reportIntro }, { type: "table", columns: [left(names.w.head.indicator), left(c.assessorsHead), right(c.merged)], rows }],
  };
}
