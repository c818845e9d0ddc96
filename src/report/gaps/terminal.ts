import type { Gap, GapReport, Plan } from "../../gaps/model.js";
import { namer } from "../names.js";
import type { Names } from "../names.js";
import { fixed, pct } from "../numbers.js";
import { printable } from "../printable.js";
import type { Style } from "../style.js";
import { table } from "../table.js";
import { findingLines } from "../validate/stylish.js";
import type { ReportFormat } from "./model.js";
import { blankLineBetween } from "../stream.js";

export function gapRows(gaps: readonly Gap[], names: Names): string[][] {
  return gaps.map((g) => [
    names.framework(g.framework),
    names.indicator(g.framework, g.indicator),
    g.level === undefined ? "unanswered" : String(g.level),
    `${g.target}${g.targetFrom === "assessment" ? " *" : ""}`,
    g.gap === undefined ? "?" : String(g.gap),
    String(g.weight),
    fixed(g.priority, 0),
  ]);
}
export const GAP_HEAD = ["framework", "indicator", "level", "target", "gap", "weight", "priority"];

export function planLines(plan: Plan, names: Names, style: Style, indent = ""): string[] {
  const lines: string[] = [];
  if (plan.steps.length > 0) {
    lines.push(`${indent}${plan.levels} level step${plan.levels === 1 ? "" : "s"} on ${plan.steps.length} indicator${plan.steps.length === 1 ? "" : "s"}:`);
    for (const s of plan.steps) {
      lines.push(`${indent}  ${style.bold(names.indicator(s.framework, s.indicator))} ${s.from} → ${s.to}` + style.dim(`  (${names.dimension(s.framework, s.dimension)})`));
      const target = names.levelText(s.framework, s.indicator, s.to);
      if (target !== "") lines.push(`${indent}    ${style.dim(`Level ${s.to}:`)} ${target}`);
      lines.push(`${indent}    ${style.dim("Advice:")} ${names.advice(s.framework, s.indicator)}`);
    }
  }
  for (const a of plan.answer) {
    lines.push(`${indent}Answer at least ${a.needed} more in ${names.dimension(a.framework, a.dimension)}: ${a.indicators.map((i) => names.indicator(a.framework, i)).join(", ")}`);
  }
  if (!plan.reachable) lines.push(`${indent}${style.error("Out of reach even at level 5:")} ${plan.unreachable.map((d) => names.dimension(plan.stage, d)).join(", ")}`);
  if (lines.length === 0) lines.push(`${indent}Nothing to raise: answer the open questions and the stage is in reach.`);
  return lines;
}

function subject(report: GapReport, names: Names, style: Style): string[] {
  const score = report.score;
  const lines = [style.bold(`${printable(score.name)} (${score.kind})`) + style.dim(`  ${score.date}  ${printable(score.file)}`)];
  if (score.targetStage !== undefined) lines.push(`Target: ${names.stage(score.targetStage)}${score.targetDate !== undefined ? ` by ${score.targetDate}` : ""}`);
  if (score.kind === "city") {
    lines.push(`Stage reached: ${style.bold(names.stage(score.profile.current))}`);
    if (report.plan !== undefined) lines.push("", style.bold(`Plan to reach ${names.stage(report.plan.stage)}`), ...planLines(report.plan, names, style, "  "));
    else lines.push("Every stage is reached.");
  } else {
    const best = score.fit.ranking[0];
    lines.push(`Best-fit model: ${score.fit.best === undefined ? "none" : `${style.bold(names.framework(score.fit.best))}, readiness ${pct(best?.readiness)}`}`);
    lines.push(`Readiness for each model: ${score.fit.ranking.map((r) => `${names.framework(r.model)} ${pct(r.readiness)}`).join(", ")}`);
    lines.push(`Region stage (weakest member): ${style.bold(names.stage(score.rollup.stage))}`);
    const region = report.region!;
    if (region.stage !== undefined) {
      lines.push("", style.bold(`Members holding the region back from ${names.stage(region.stage)}`));
      if (region.holdingBack.length === 0) lines.push("  none");
      for (const m of region.holdingBack) {
        lines.push(`  ${style.bold(printable(m.name))} (${names.stage(m.current)}), to reach ${names.stage(m.plan.stage)}:`, ...planLines(m.plan, names, style, "    "));
      }
    }
  }
  const title = score.kind === "city" ? "Gaps, most urgent first (* = the assessment's own target)" : "Region-level gaps to the best-fit model";
  lines.push("", style.bold(title));
  lines.push(report.gaps.length === 0 ? "  none" : table(GAP_HEAD, gapRows(report.gaps, names), style, ["left", "left", "right", "right", "right", "right", "right"]));
  if (report.evidence.length > 0) lines.push("", style.bold("Evidence"), ...findingLines(report.evidence, style));
  return lines;
}

export const reportTerminal: ReportFormat = (options) => {
  const names = namer(options.frameworks, options.locale, printable);
  return {
    head: () => "",
    item: (report) => subject(report, names, options.style).join("\n"),
    before: blankLineBetween.before,
    tail: ({ findings }, count) => blankLineBetween.tail(findings.length > 0 ? [findingLines(findings, options.style).join("\n")] : [], count),
  };
};
