import type { Gap, GapReport, Plan } from "../../analysis/gaps/model.js";
import { namer } from "../names.js";
import type { Names } from "../names.js";
import { fixed, pct } from "../numbers.js";
import { printable } from "../printable.js";
import type { Style } from "../style.js";
import { table } from "../table.js";
import { findingLines } from "../validate/stylish.js";
import { subjectHeader } from "../score/terminal.js";
import type { ReportFormat } from "./model.js";
import { blankLineBetween } from "../stream.js";

export function gapRows(gaps: readonly Gap[], names: Names, star = " *"): string[][] {
  return gaps.map((g) => [
    names.framework(g.framework),
    names.indicator(g.framework, g.indicator),
    g.level === undefined ? names.w.gaps.unanswered : String(g.level),
    `${g.target}${g.targetFrom === "assessment" ? star : ""}`,
    g.gap === undefined ? "?" : String(g.gap),
    String(g.weight),
    fixed(g.priority, 0),
  ]);
}

/** The heads of the gap table, in the order of `gapRows`. */
export function gapHead(names: Names): string[] {
  const h = names.w.head;
  return [h.framework, h.indicator, h.level, h.target, h.gap, h.weight, h.priority];
}
export const GAP_ALIGN = ["left", "left", "right", "right", "right", "right", "right"] as const;

export function planLines(plan: Plan, names: Names, style: Style, indent = ""): string[] {
  const { w } = names;
  const lines: string[] = [];
  if (plan.steps.length > 0) {
    lines.push(`${indent}${w.plan.steps(plan.levels, plan.steps.length)}${w.colon.trimEnd()}`);
    for (const s of plan.steps) {
      lines.push(`${indent}  ${style.bold(names.indicator(s.framework, s.indicator))} ${s.from} → ${s.to}` + style.dim(`  ${w.paren(names.dimension(s.framework, s.dimension)).trim()}`));
      const target = names.levelText(s.framework, s.indicator, s.to);
      if (target !== "") lines.push(`${indent}    ${style.dim(w.plan.levelLabel(s.to))}${w.afterLabel}${target}`);
      lines.push(`${indent}    ${style.dim(w.plan.adviceLabel)}${w.afterLabel}${names.advice(s.framework, s.indicator)}`);
    }
  }
  for (const a of plan.answer) {
    lines.push(`${indent}${w.plan.answerMore(a.needed, names.dimension(a.framework, a.dimension), a.indicators.map((i) => names.indicator(a.framework, i)).join(w.listSep))}`);
  }
  if (!plan.reachable) lines.push(`${indent}${style.error(`${w.plan.outOfReach}${w.colon.trimEnd()}`)}${w.afterLabel}${plan.unreachable.map((d) => names.dimension(plan.stage, d)).join(w.listSep)}`);
  if (lines.length === 0) lines.push(`${indent}${w.plan.nothingToRaise}`);
  return lines;
}

function subject(report: GapReport, names: Names, style: Style): string[] {
  const { w } = names;
  const score = report.score;
  const lines = subjectHeader(score, names, style);
  if (score.kind === "city") {
    lines.push(`${w.stageReached}${w.colon}${style.bold(names.stage(score.profile.current))}`);
    if (report.plan !== undefined) lines.push("", style.bold(w.plan.toReach(names.stage(report.plan.stage))), ...planLines(report.plan, names, style, "  "));
    else lines.push(w.plan.everyStageReached);
  } else {
    const best = score.fit.ranking[0];
    lines.push(`${w.bestFit}${w.colon}${score.fit.best === undefined ? w.none : `${style.bold(names.framework(score.fit.best))}${w.readinessShort(pct(best?.readiness))}`}`);
    lines.push(`${w.readinessEach}${w.colon}${score.fit.ranking.map((r) => `${names.framework(r.model)} ${pct(r.readiness)}`).join(w.listSep)}`);
    lines.push(`${w.regionStage}${w.colon}${style.bold(names.stage(score.rollup.stage))}`);
    const region = report.region!;
    if (region.stage !== undefined) {
      lines.push("", style.bold(w.plan.holdingBack(names.stage(region.stage))));
      if (region.holdingBack.length === 0) lines.push(`  ${w.none}`);
      for (const m of region.holdingBack) {
        lines.push(`  ${w.plan.memberToReach(style.bold(printable(m.name)), names.stage(m.current), names.stage(m.plan.stage))}${w.colon.trimEnd()}`, ...planLines(m.plan, names, style, "    "));
      }
    }
  }
  const title = score.kind === "city" ? w.gaps.cityTitleStar : w.gaps.regionTitle;
  lines.push("", style.bold(title));
  lines.push(report.gaps.length === 0 ? `  ${w.none}` : table(gapHead(names), gapRows(report.gaps, names), style, GAP_ALIGN));
  if (report.evidence.length > 0) lines.push("", style.bold(w.gaps.evidence), ...findingLines(report.evidence, style, w.locale));
  return lines;
}

export const reportTerminal: ReportFormat = (options) => {
  const names = namer(options.frameworks, options.locale, printable);
  return {
    head: () => "",
    item: (report) => subject(report, names, options.style).join("\n"),
    before: blankLineBetween.before,
    tail: ({ findings }, count) => blankLineBetween.tail(findings.length > 0 ? [findingLines(findings, options.style, options.locale).join("\n")] : [], count),
  };
};
