import type { AnswersDiff, IndicatorChange, LevelState, Regression, ScoreChange, StageChange, SubjectDiff } from "../../analysis/diff/model.js";
import type { FrameworkSet } from "../../framework/model.js";
import type { FitVerdict } from "../../scoring/model.js";
import { namer } from "../names.js";
import type { Names } from "../names.js";
import { fixed } from "../numbers.js";
import { tone } from "../view/model.js";
import type { Block, Inline } from "../view/model.js";

/** Marks a change: up, down. */
export const UP = "▲";
export const DOWN = "▼";

/** The diff laid out once, for every human format. Texts from the input are made safe by `clean`. */
export function diffView(diff: SubjectDiff, set: FrameworkSet, locale: string, clean: (text: string) => string): Block[] {
  const names = namer(set, locale, clean);
  const { w } = names;
  const out: Block[] = [];
  const line = (text: Inline) => out.push({ type: "paragraph", text });
  const stageHead = w.head.stageDimension;

  out.push({ type: "heading", level: 2, text: `${clean(diff.name)}${w.paren(w.kind[diff.kind])}${w.colon}${diff.older.date} → ${diff.newer.date}` });
  line(`${w.diff.older}${w.colon}${clean(diff.older.file)} · ${w.diff.newer}${w.colon}${clean(diff.newer.file)}`);
  if (diff.older.date > diff.newer.date) line(w.diff.backwards);

  if (diff.kind === "city") {
    answers(out, diff.own, names, stageHead);
  } else {
    const fit = diff.fit!;
    const verdict = (v: FitVerdict, best: string | undefined, tied: readonly string[]) =>
      v === "fits" ? names.framework(best!) : v === "tie" ? w.verdict.tie(tied.map((m) => names.framework(m)).join(w.listSep)) : v === "none" ? w.verdict.none : w.verdict.tooLittle;
    const [before, after] = [verdict(fit.verdictBefore, fit.before, fit.tiedBefore), verdict(fit.verdictAfter, fit.after, fit.tiedAfter)];
    line(`${w.bestFit}${w.colon}${before === after ? after : `${before} → ${after}`}`);
    if (diff.regionStage !== undefined) line([w.regionStage, w.colon, stageText(diff.regionStage, names)]);
    answers(out, diff.own, names, w.head.modelDimension);
    out.push({ type: "heading", level: 3, text: w.diff.membersMean });
    out.push(scoreTable(diff.rollup, names, stageHead));
    for (const member of diff.members) {
      out.push({ type: "heading", level: 3, text: `${w.diff.member}${w.colon}${clean(member.name)}` });
      if (member.presence !== "both") line(member.presence === "joined" ? w.diff.joined : w.diff.left);
      else if (member.changes === undefined) line(w.diff.unscorable);
      else answers(out, member.changes, names, stageHead, true);
    }
  }

  // Before and after on one radar: a city's own stage dimensions, a region's members' means.
  const dims = (diff.kind === "city" ? diff.own.scores : diff.rollup).filter((s) => s.dimension !== undefined && set.byId.get(s.framework)?.kind === "stage");
  if (dims.length > 2) {
    out.push({
      type: "chart",
      chart: {
        kind: "radar",
        labels: dims.map((s) => names.dimension(s.framework, s.dimension!)),
        series: [
          { label: w.diff.older, values: dims.map((s) => s.before), className: "s1" },
          { label: w.diff.newer, values: dims.map((s) => s.after), className: "s0" },
        ],
        bar: undefined,
      },
      title: w.diff.radar,
      caption: w.diff.radarCaption,
    });
  }

  out.push({ type: "heading", level: 3, text: diff.regressions.length === 0 ? w.diff.noRegressions : w.diff.regressions(diff.regressions.length) });
  if (diff.regressions.length > 0) out.push({ type: "list", items: diff.regressions.map((r) => regressionText(r, names, clean)) });
  return out;
}

function answers(out: Block[], diff: AnswersDiff, names: Names, head: string, onlyChanged = false): void {
  const { w } = names;
  if (diff.stage !== undefined) out.push({ type: "paragraph", text: [w.stageReached, w.colon, stageText(diff.stage, names)] });
  const scores = onlyChanged ? diff.scores.filter((s) => s.delta !== 0) : diff.scores;
  if (scores.length > 0) out.push(scoreTable(scores, names, head));
  if (diff.indicators.length === 0) {
    out.push({ type: "paragraph", text: w.diff.noIndicatorMoved });
  } else {
    out.push({
      type: "table",
      columns: [{ head: w.head.indicator }, { head: w.head.before, align: "right" }, { head: w.head.after, align: "right" }, { head: w.head.change }],
      rows: diff.indicators.map((i) => ({ cells: [`${names.framework(i.framework)} › ${names.indicator(i.framework, i.indicator)}`, levelText(i.before, names), levelText(i.after, names), movementText(i, names)] })),
    });
  }
  if (diff.evidence.length > 0) {
    out.push({
      type: "list",
      items: diff.evidence.map((e) => {
        const titles = (list: readonly string[]) => list.map((t) => w.quote(names.text(t))).join(w.listSep);
        const parts = [...(e.added.length > 0 ? [w.diff.act(w.diff.added, titles(e.added))] : []), ...(e.withdrawn.length > 0 ? [w.diff.act(w.diff.withdrawn, titles(e.withdrawn))] : [])];
        return `${w.diff.evidenceFor(names.indicator(e.framework, e.indicator))}${w.colon}${parts.join(w.clauseSep)}`;
      }),
    });
  }
}

function scoreTable(scores: readonly ScoreChange[], names: Names, head: string): Block {
  const h = names.w.head;
  return {
    type: "table",
    columns: [{ head }, { head: h.before, align: "right" }, { head: h.after, align: "right" }, { head: h.change }],
    rows: scores.map((s) =>
      s.dimension === undefined
        ? { kind: "group", cells: [names.framework(s.framework), fixed(s.before), fixed(s.after), deltaText(s, names)] }
        : { kind: "member", cells: [names.dimension(s.framework, s.dimension), fixed(s.before), fixed(s.after), deltaText(s, names)] },
    ),
  };
}

function deltaText(s: ScoreChange, names: Names): Inline {
  const w = names.w.diff;
  if (s.delta === undefined) return s.before === undefined && s.after !== undefined ? w.new : s.before !== undefined ? w.noLongerScored : "";
  if (s.delta === 0) return "=";
  if (s.delta > 0) return tone("good", `${UP} +${s.delta.toFixed(2)}`);
  // Lower only because of indicators answered for the first time: more is known, nothing was lost.
  if (s.sameAnswers !== undefined && s.sameAnswers >= 0) return `−${(-s.delta).toFixed(2)}${names.w.paren(w.newAnswers)}`;
  return tone("bad", `${DOWN} −${(-s.delta).toFixed(2)}`);
}

function levelText(s: LevelState, names: Names): string {
  return s.notApplicable ? names.w.diff.notApplicable : s.level === undefined ? "–" : String(s.level);
}

function movementText(i: IndicatorChange, names: Names): Inline {
  const w = names.w.diff;
  switch (i.movement) {
    case "up":
      return tone("good", `${UP} ${w.up}`);
    case "down":
      return tone("bad", `${DOWN} ${w.down}`);
    case "answered":
      return w.answered;
    case "unanswered":
      return w.answerWithdrawn;
    case "not-applicable":
      return w.nowNotApplicable;
    case "applicable":
      return w.applicableAgain;
  }
}

function stageText(change: StageChange, names: Names): Inline {
  const { w } = names;
  const moved = change.direction === "up" ? tone("good", w.paren(`${UP} ${w.diff.up}`)) : change.direction === "down" ? tone("bad", w.paren(`${DOWN} ${w.diff.down}`)) : w.paren(w.diff.unchanged);
  return [transition(change.before, change.after, (id) => names.stage(id), names), moved];
}

function transition(before: string | undefined, after: string | undefined, name: (id: string) => string, names: Names): string {
  const show = (id: string | undefined) => (id === undefined ? names.w.none : name(id));
  return before === after ? show(after) : `${show(before)} → ${show(after)}`;
}

function regressionText(r: Regression, names: Names, clean: (text: string) => string): string {
  const w = names.w;
  const where = r.member === undefined ? "" : `${clean(r.member)}${w.colon}`;
  switch (r.what) {
    case "stage":
      return w.diff.fell(`${where}${w.diff.stage}`, names.stage(r.before), names.stage(r.after));
    case "region-stage":
      return w.diff.fell(w.diff.regionStage, names.stage(r.before), names.stage(r.after));
    case "score":
      return w.diff.fell(`${where}${r.dimension === undefined ? names.framework(r.framework!) : `${names.framework(r.framework!)} › ${names.dimension(r.framework!, r.dimension)}`}`, String(r.before), String(r.after));
    case "indicator":
      return w.diff.fell(w.diff.levelOf(`${where}${names.framework(r.framework!)} › ${names.indicator(r.framework!, r.indicator!)}`), String(r.before), String(r.after));
    case "answer-withdrawn":
      return `${where}${names.framework(r.framework!)} › ${names.indicator(r.framework!, r.indicator!)}${w.colon}${w.diff.answerWithdrawn}${w.paren(w.diff.was(String(r.before)))}`;
    case "evidence-withdrawn":
      return `${where}${names.framework(r.framework!)} › ${names.indicator(r.framework!, r.indicator!)}${w.colon}${w.diff.act(w.diff.withdrawn, w.quote(clean(r.before)))}`;
  }
}
