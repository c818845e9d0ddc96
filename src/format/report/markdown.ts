import type { GapReport, Plan } from "../../analysis/gaps/model.js";
import { mdSection, mdTable, mdText } from "../markdown.js";
import { message } from "../messages.js";
import { namer } from "../names.js";
import type { Names } from "../names.js";
import { pct } from "../numbers.js";
import { markdownFindings, markdownHeader } from "../score/markdown.js";
import type { ReportFormat } from "./model.js";
import { GAP_ALIGN, gapHead, gapRows } from "./terminal.js";

function planMarkdown(plan: Plan, names: Names): string[] {
  const { w } = names;
  const h = (text: string) => w.heading(text);
  const out: string[] = [];
  if (plan.steps.length > 0) {
    out.push(
      `${w.plan.steps(plan.levels, plan.steps.length)}${w.colon.trimEnd()}`,
      "",
      mdTable(
        [h(w.head.indicator), h(w.head.dimension), h(w.head.from), h(w.head.to), h(w.head.newLevel), h(w.head.advice)],
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
    out.push(`- ${w.plan.answerMore(a.needed, `*${names.dimension(a.framework, a.dimension)}*`, a.indicators.map((i) => names.indicator(a.framework, i)).join(w.listSep))}`);
  }
  if (!plan.reachable) out.push(`- ${w.plan.outOfReach}${w.colon}${plan.unreachable.map((d) => names.dimension(plan.stage, d)).join(w.listSep)}`);
  if (out.length > 0 && out.at(-1) !== "") out.push("");
  return out;
}

function subject(report: GapReport, names: Names): string[] {
  const { w } = names;
  const s = report.score;
  const out = markdownHeader(s, names);
  if (s.kind === "city") {
    out.push(`**${w.stageReached}${w.colon.trimEnd()}** ${names.stage(s.profile.current)}`, "");
    if (report.plan !== undefined) out.push(`### ${w.plan.toReach(names.stage(report.plan.stage))}`, "", ...planMarkdown(report.plan, names));
  } else {
    const best = s.fit.ranking[0];
    out.push(`**${w.bestFit}${w.colon.trimEnd()}** ${s.fit.best === undefined ? w.none : `${names.framework(s.fit.best)}${w.readinessShort(pct(best?.readiness))}`}`, "");
    out.push(`**${w.readinessEach}${w.colon.trimEnd()}** ${s.fit.ranking.map((r) => `${names.framework(r.model)} ${pct(r.readiness)}`).join(w.listSep)}`, "");
    out.push(`**${w.regionStage}${w.colon.trimEnd()}** ${names.stage(s.rollup.stage)}`, "");
    const region = report.region!;
    if (region.stage !== undefined) {
      out.push(`### ${w.plan.holdingBack(names.stage(region.stage))}`, "");
      if (region.holdingBack.length === 0) out.push(`${w.heading(w.none)}${w.period}`, "");
      for (const m of region.holdingBack) {
        out.push(`#### ${w.plan.memberToReach(mdText(m.name), names.stage(m.current), names.stage(m.plan.stage))}`, "", ...planMarkdown(m.plan, names));
      }
    }
  }
  out.push(`### ${s.kind === "city" ? w.gaps.cityTitle : w.gaps.regionTitle}`, "");
  out.push(report.gaps.length === 0 ? `${w.heading(w.none)}${w.period}` : mdTable(gapHead(names).map((h) => w.heading(h)), gapRows(report.gaps, names), GAP_ALIGN), "");
  if (report.gaps.some((g) => g.targetFrom === "assessment")) out.push(w.gaps.ownTargets, "");
  if (report.evidence.length > 0) {
    out.push(
      `### ${w.gaps.evidence}`,
      "",
      ...report.evidence.map((f) => `- \`${mdText(`${f.file}:${f.line}:${f.col}`)}\` ${names.indicator(String(f.path.split(".").at(-2)), String(f.path.split(".").at(-1)))}${w.colon}${mdText(message(f, w.locale))}`),
      "",
    );
  }
  return out;
}

export const reportMarkdown: ReportFormat = (options) => {
  const names = namer(options.frameworks, options.locale, mdText);
  const { w } = names;
  return {
    head: () => `# ${w.documents.gapReport}\n`,
    before: () => "",
    item: (report) => mdSection(subject(report, names)),
    tail: ({ findings }) => (findings.length === 0 ? "" : mdSection([`## ${w.gaps.problems}`, "", ...markdownFindings(findings, w)])),
  };
};
