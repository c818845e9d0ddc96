import type { AnswersDiff, IndicatorChange, LevelState, Regression, ScoreChange, StageChange, SubjectDiff } from "../../diff/model.js";
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
  const out: Block[] = [];
  const line = (text: string) => out.push({ type: "line", text });

  out.push({ type: "heading", level: 2, text: `${clean(diff.name)} (${diff.kind}): ${diff.older.date} → ${diff.newer.date}` });
  line(`Older: ${clean(diff.older.file)} · newer: ${clean(diff.newer.file)}`);
  if (diff.older.date > diff.newer.date) line("The older assessment is dated after the newer one: every change below reads backwards.");

  if (diff.kind === "city") {
    answers(out, diff.own, names, indent, "Stage / dimension");
  } else {
    line(`Best-fit model: ${transition(diff.fit?.before, diff.fit?.after, (id) => names.framework(id))}`);
    if (diff.regionStage !== undefined) line(`Region stage (weakest member): ${stageText(diff.regionStage, names)}`);
    answers(out, diff.own, names, indent, "Formation model / dimension");
    out.push({ type: "heading", level: 3, text: "Members' stages, weighted mean" });
    out.push(scoreTable(diff.rollup, names, indent, "Stage / dimension"));
    for (const member of diff.members) {
      out.push({ type: "heading", level: 3, text: `Member: ${clean(member.name)}` });
      if (member.presence !== "both") line(member.presence === "joined" ? "Joined the region since the older assessment." : "Left the region since the older assessment.");
      else if (member.changes === undefined) line("Could not be scored in one of the two assessments.");
      else answers(out, member.changes, names, indent, "Stage / dimension", true);
    }
  }

  out.push({ type: "heading", level: 3, text: diff.regressions.length === 0 ? "No regressions" : `Regressions (${diff.regressions.length})` });
  if (diff.regressions.length > 0) out.push({ type: "list", items: diff.regressions.map((r) => regressionText(r, names, clean)) });
  return out;
}

function answers(out: Block[], diff: AnswersDiff, names: Names, indent: string, head: string, onlyChanged = false): void {
  if (diff.stage !== undefined) out.push({ type: "line", text: `Stage reached: ${stageText(diff.stage, names)}` });
  const scores = onlyChanged ? diff.scores.filter((s) => s.delta !== 0) : diff.scores;
  if (scores.length > 0) out.push(scoreTable(scores, names, indent, head));
  if (diff.indicators.length === 0) {
    out.push({ type: "line", text: "No indicator moved." });
  } else {
    out.push({
      type: "table",
      head: ["Indicator", "Before", "After", "Change"],
      rows: diff.indicators.map((i) => [`${names.framework(i.framework)} › ${names.indicator(i.framework, i.indicator)}`, levelText(i.before), levelText(i.after), movementText(i)]),
      align: ["left", "right", "right", "left"],
    });
  }
  if (diff.evidence.length > 0) {
    out.push({
      type: "list",
      items: diff.evidence.map((e) => {
        const parts = [...(e.added.length > 0 ? [`added ${e.added.map((t) => `“${names.text(t)}”`).join(", ")}`] : []), ...(e.withdrawn.length > 0 ? [`withdrawn ${e.withdrawn.map((t) => `“${names.text(t)}”`).join(", ")}`] : [])];
        return `Evidence for ${names.indicator(e.framework, e.indicator)}: ${parts.join("; ")}`;
      }),
    });
  }
}

function scoreTable(scores: readonly ScoreChange[], names: Names, indent: string, head: string): Block {
  return {
    type: "table",
    head: [head, "Before", "After", "Change"],
    rows: scores.map((s) => [s.dimension === undefined ? names.framework(s.framework) : `${indent}${names.dimension(s.framework, s.dimension)}`, fixed(s.before), fixed(s.after), deltaText(s)]),
    align: ["left", "right", "right", "left"],
  };
}

function deltaText(s: ScoreChange): string {
  if (s.delta === undefined) return s.before === undefined && s.after !== undefined ? "new" : s.before !== undefined ? "no longer scored" : "";
  if (s.delta === 0) return "=";
  return s.delta > 0 ? `${UP} +${s.delta.toFixed(2)}` : `${DOWN} −${(-s.delta).toFixed(2)}`;
}

function levelText(s: LevelState): string {
  return s.notApplicable ? "n/a" : s.level === undefined ? "–" : String(s.level);
}

function movementText(i: IndicatorChange): string {
  switch (i.movement) {
    case "up":
      return `${UP} up`;
    case "down":
      return `${DOWN} down`;
    case "answered":
      return "answered";
    case "unanswered":
      return "answer withdrawn";
    case "not-applicable":
      return "now not applicable";
    case "applicable":
      return "applicable again";
  }
}

function stageText(change: StageChange, names: Names): string {
  const moved = change.direction === "up" ? ` (${UP} up)` : change.direction === "down" ? ` (${DOWN} down)` : " (unchanged)";
  return `${transition(change.before, change.after, (id) => names.stage(id))}${moved}`;
}

function transition(before: string | undefined, after: string | undefined, name: (id: string) => string): string {
  const show = (id: string | undefined) => (id === undefined ? "none" : name(id));
  return before === after ? show(after) : `${show(before)} → ${show(after)}`;
}

function regressionText(r: Regression, names: Names, clean: (text: string) => string): string {
  const where = r.member === undefined ? "" : `${clean(r.member)}: `;
  switch (r.what) {
    case "stage":
      return `${where}stage ${names.stage(r.before)} → ${names.stage(r.after)}`;
    case "region-stage":
      return `region stage ${names.stage(r.before)} → ${names.stage(r.after)}`;
    case "score":
      return `${where}${r.dimension === undefined ? names.framework(r.framework!) : `${names.framework(r.framework!)} › ${names.dimension(r.framework!, r.dimension)}`} ${r.before} → ${r.after}`;
    case "indicator":
      return `${where}${names.framework(r.framework!)} › ${names.indicator(r.framework!, r.indicator!)} level ${r.before} → ${r.after}`;
  }
}
