import type { GapReport, Plan } from "../../gaps/model.js";
import { mdSection, mdTable, mdText } from "../markdown.js";
import { message } from "../messages.js";
import { namer } from "../names.js";
import type { Names } from "../names.js";
import { pct } from "../numbers.js";
import type { ReportFormat } from "./model.js";
import { GAP_HEAD, gapRows } from "./terminal.js";

function planMarkdown(plan: Plan, names: Names): string[] {
  const out: string[] = [];
  if (plan.steps.length > 0) {
    out.push(
      `${plan.levels} level step(s) on ${plan.steps.length} indicator(s):`,
      "",
      mdTable(
        ["Indicator", "Dimension", "From", "To", "What the new level looks like", "Advice"],
        plan.steps.map((s) => [
          names.indicator(s.framework, s.indicator),
          names.dimension(s.framework, s.dimension),
          String(s.from),
          String(s.to),
          names.levelText(s.framework, s.indicator, s.to),
          names.advice(s.framework, s.indicator),
        ]),
        ["left", "left", "right", "right", "left", "left"],
      ),
      "",
    );
  }
  for (const a of plan.answer) {
    out.push(`- Answer at least ${a.needed} more in *${names.dimension(a.framework, a.dimension)}*: ${a.indicators.map((i) => names.indicator(a.framework, i)).join(", ")}`);
  }
  if (!plan.reachable) out.push(`- Out of reach even at level 5: ${plan.unreachable.map((d) => names.dimension(plan.stage, d)).join(", ")}`);
  if (out.length > 0 && out.at(-1) !== "") out.push("");
  return out;
}

function subject(report: GapReport, names: Names): string[] {
  const s = report.score;
  const out = [`## ${mdText(s.name)} (${s.kind})`, "", `Assessed ${s.date} · \`${mdText(s.file)}\``, ""];
  if (s.targetStage !== undefined) out.push(`**Target:** ${names.stage(s.targetStage)}${s.targetDate !== undefined ? ` by ${s.targetDate}` : ""}`, "");
  if (s.kind === "city") {
    out.push(`**Stage reached:** ${names.stage(s.profile.current)}`, "");
    if (report.plan !== undefined) out.push(`### Plan to reach ${names.stage(report.plan.stage)}`, "", ...planMarkdown(report.plan, names));
  } else {
    const best = s.fit.ranking[0];
    out.push(`**Best-fit model:** ${s.fit.best === undefined ? "none" : `${names.framework(s.fit.best)}, readiness ${pct(best?.readiness)}`}`, "");
    out.push(`**Readiness for each model:** ${s.fit.ranking.map((r) => `${names.framework(r.model)} ${pct(r.readiness)}`).join(", ")}`, "");
    out.push(`**Region stage (weakest member):** ${names.stage(s.rollup.stage)}`, "");
    const region = report.region!;
    if (region.stage !== undefined) {
      out.push(`### Members holding the region back from ${names.stage(region.stage)}`, "");
      if (region.holdingBack.length === 0) out.push("None.", "");
      for (const m of region.holdingBack) {
        out.push(`#### ${mdText(m.name)} (${names.stage(m.current)}), to reach ${names.stage(m.plan.stage)}`, "", ...planMarkdown(m.plan, names));
      }
    }
  }
  out.push(s.kind === "city" ? "### Gaps, most urgent first" : "### Region-level gaps to the best-fit model", "");
  out.push(report.gaps.length === 0 ? "None." : mdTable(GAP_HEAD.map((h) => h[0]!.toUpperCase() + h.slice(1)), gapRows(report.gaps, names), ["left", "left", "right", "right", "right", "right", "right"]), "");
  if (report.gaps.some((g) => g.targetFrom === "assessment")) out.push("Targets marked * are the assessment's own.", "");
  if (report.evidence.length > 0) {
    out.push("### Evidence", "", ...report.evidence.map((f) => `- \`${mdText(`${f.file}:${f.line}:${f.col}`)}\` ${mdText(names.indicator(String(f.path.split(".").at(-2)), String(f.path.split(".").at(-1))))}: ${mdText(message(f))}`), "");
  }
  return out;
}

export const reportMarkdown: ReportFormat = (options) => {
  const names = namer(options.frameworks, options.locale, mdText);
  return {
    head: () => "# Smart-city gap report\n",
    before: () => "",
    item: (report) => mdSection(subject(report, names)),
    tail: ({ findings }) =>
      findings.length === 0 ? "" : mdSection(["## Problems", "", ...findings.map((f) => `- \`${mdText(`${f.file}:${f.line}:${f.col}`)}\` ${f.severity}: ${mdText(message(f))} (${f.code})`)]),
  };
};
