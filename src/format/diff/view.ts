import type { AnswersDiff, IndicatorChange, LevelState, Regression, ScoreChange, StageChange, SubjectDiff } from "../../analysis/diff/model.js";
import type { FrameworkSet } from "../../framework/model.js";
import { namer } from "../names.js";
import type { Names } from "../names.js";
import { fixed } from "../numbers.js";

/**
 * The diff laid out once, as headings, lines and tables, for the terminal and Markdown to
 * draw each in its own way. Texts from the input are already made safe by `clean`.
 */
export type Block =
  | { readonly type: "heading"; readonly level: 2 | 3; readonly text: string }
  | { readonly type: "line"; readonly text: string }
  | { readonly type: "table"; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly align: readonly ("left" | "right")[] }
  | { readonly type: "list"; readonly items: readonly string[] };

/** Marks a change cell; the terminal colours by it. */
export const UP = "▲";
export const DOWN = "▼";

export function diffView(diff: SubjectDiff, set: FrameworkSet, locale: string, clean: (text: string) => string, indent: string): Block[] {
  const names = namer(set, locale, clean);
  const { w } = names;
  const out: Block[] = [];
  const line = (text: string) => out.push({ type: "line", text });
  const stageHead = w.heading(w.head.stageDimension);

  out.push({ type: "heading", level: 2, text: `${clean(diff.name)}${w.paren(w.kind[diff.kind])}${w.colon}${diff.older.date} → ${diff.newer.date}` });
  line(`${w.diff.older}${w.colon}${clean(diff.older.file)} · ${w.diff.newer}${w.colon}${clean(diff.newer.file)}`);
  if (diff.older.date > diff.newer.date) line(w.diff.backwards);

  if (diff.kind === "city") {
    answers(out, diff.own, names, indent, stageHead);
  } else {
    line(`${w.bestFit}${w.colon}${transition(diff.fit?.before, diff.fit?.after, (id) => names.framework(id), names)}`);
    if (diff.regionStage !== undefined) line(`${w.regionStage}${w.colon}${stageText(diff.regionStage, names)}`);
    answers(out, diff.own, names, indent, w.heading(w.head.modelDimension));
    out.push({ type: "heading", level: 3, text: w.diff.membersMean });
    out.push(scoreTable(diff.rollup, names, indent, stageHead));
    for (const member of diff.members) {
      out.push({ type: "heading", level: 3, text: `${w.diff.member}${w.colon}${clean(member.name)}` });
      if (member.presence !== "both") line(member.presence === "joined" ? w.diff.joined : w.diff.left);
      else if (member.changes === undefined) line(w.diff.unscorable);
      else answers(out, member.changes, names, indent, stageHead, true);
    }
  }

  out.push({ type: "heading", level: 3, text: diff.regressions.length === 0 ? w.diff.noRegressions : w.diff.regressions(diff.regressions.length) });
  if (diff.regressions.length > 0) out.push({ type: "list", items: diff.regressions.map((r) => regressionText(r, names, clean)) });
  return out;
}

function answers(out: Block[], diff: AnswersDiff, names: Names, indent: string, head: string, onlyChanged = false): void {
  const { w } = names;
  if (diff.stage !== undefined) out.push({ type: "line", text: `${w.stageReached}${w.colon}${stageText(diff.stage, names)}` });
  const scores = onlyChanged ? diff.scores.filter((s) => s.delta !== 0) : diff.scores;
  if (scores.length > 0) out.push(scoreTable(scores, names, indent, head));
  if (diff.indicators.length === 0) {
    out.push({ type: "line", text: w.diff.noIndicatorMoved });
  } else {
    out.push({
      type: "table",
      head: [w.head.indicator, w.head.before, w.head.after, w.head.change].map(w.heading),
      rows: diff.indicators.map((i) => [`${names.framework(i.framework)} › ${names.indicator(i.framework, i.indicator)}`, levelText(i.before, names), levelText(i.after, names), movementText(i, names)]),
      align: ["left", "right", "right", "left"],
    });
  }
  if (diff.evidence.length > 0) {
    out.push({
      type: "list",
      items: diff.evidence.map((e) => {
        const titles = (list: readonly string[]) => list.map((t) => w.quote(names.text(t))).join(w.listSep);
        const parts = [...(e.added.length > 0 ? [`${w.diff.added} ${titles(e.added)}`] : []), ...(e.withdrawn.length > 0 ? [`${w.diff.withdrawn} ${titles(e.withdrawn)}`] : [])];
        return `${w.diff.evidenceFor(names.indicator(e.framework, e.indicator))}${w.colon}${parts.join(w.clauseSep)}`;
      }),
    });
  }
}

function scoreTable(scores: readonly ScoreChange[], names: Names, indent: string, head: string): Block {
  return {
    type: "table",
    head: [head, ...[names.w.head.before, names.w.head.after, names.w.head.change].map(names.w.heading)],
    rows: scores.map((s) => [s.dimension === undefined ? names.framework(s.framework) : `${indent}${names.dimension(s.framework, s.dimension)}`, fixed(s.before), fixed(s.after), deltaText(s, names)]),
    align: ["left", "right", "right", "left"],
  };
}

function deltaText(s: ScoreChange, names: Names): string {
  const w = names.w.diff;
  if (s.delta === undefined) return s.before === undefined && s.after !== undefined ? w.new : s.before !== undefined ? w.noLongerScored : "";
  if (s.delta === 0) return "=";
  return s.delta > 0 ? `${UP} +${s.delta.toFixed(2)}` : `${DOWN} −${(-s.delta).toFixed(2)}`;
}

function levelText(s: LevelState, names: Names): string {
  return s.notApplicable ? names.w.diff.notApplicable : s.level === undefined ? "–" : String(s.level);
}

function movementText(i: IndicatorChange, names: Names): string {
  const w = names.w.diff;
  switch (i.movement) {
    case "up":
      return `${UP} ${w.up}`;
    case "down":
      return `${DOWN} ${w.down}`;
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

function stageText(change: StageChange, names: Names): string {
  const { w } = names;
  const moved = change.direction === "up" ? w.paren(`${UP} ${w.diff.up}`) : change.direction === "down" ? w.paren(`${DOWN} ${w.diff.down}`) : w.paren(w.diff.unchanged);
  return `${transition(change.before, change.after, (id) => names.stage(id), names)}${moved}`;
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
      return `${where}${w.diff.stage} ${names.stage(r.before)} → ${names.stage(r.after)}`;
    case "region-stage":
      return `${w.diff.regionStage} ${names.stage(r.before)} → ${names.stage(r.after)}`;
    case "score":
      return `${where}${r.dimension === undefined ? names.framework(r.framework!) : `${names.framework(r.framework!)} › ${names.dimension(r.framework!, r.dimension)}`} ${r.before} → ${r.after}`;
    case "indicator":
      return `${where}${names.framework(r.framework!)} › ${names.indicator(r.framework!, r.indicator!)} ${w.diff.level} ${r.before} → ${r.after}`;
  }
}
