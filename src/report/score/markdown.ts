import { gateText } from "../../scoring/gates.js";
import type { CityScore, RegionScore, StageProfile, SubjectScore } from "../../scoring/model.js";
import { blockerText, namer } from "../names.js";
import { mdSection, mdTable, mdText } from "../markdown.js";
import { message } from "../messages.js";
import { fixed, pct, share } from "../numbers.js";
import type { ScoreFormat } from "./model.js";

export const scoreMarkdown: ScoreFormat = (options) => {
  const set = options.frameworks;
  const names = namer(set, options.locale, mdText);
  let out: string[] = [];

  const profile = (p: StageProfile) => {
    out.push(`**Stage reached:** ${names.stage(p.current)}`, "");
    if (p.next !== undefined) {
      const next = p.stages.find((s) => s.id === p.next)!;
      out.push(`**Next stage:** ${names.stage(p.next)}, held back by ${(next.attainment?.blockers ?? []).map((b) => blockerText(b, names, next.id)).join("; ")}`, "");
    }
    const rows: string[][] = [];
    for (const s of p.stages) {
      rows.push([`**${names.framework(s.id)}**`, fixed(s.score), pct(s.score), share(s.coverage.share), s.attainment?.reached ? "reached" : "not reached"]);
      for (const d of s.dimensions) {
        const status = d.score === undefined ? "no answers" : d.score < (s.attainment?.bar ?? 0) ? `below ${fixed(s.attainment?.bar)}` : "";
        rows.push([`&nbsp;&nbsp;${names.dimension(s.id, d.id)}`, fixed(d.score), pct(d.score), `${d.coverage.answered}/${d.coverage.applicable}`, status]);
      }
    }
    out.push(mdTable(["Stage / dimension", "Score (0–5)", "%", "Answered", "Status"], rows, ["left", "right", "right", "right", "left"]), "");
  };

  const head = (s: SubjectScore) => {
    out.push(`## ${mdText(s.name)} (${s.kind})`, "", `Assessed ${s.date} · \`${mdText(s.file)}\``, "");
    if (s.targetStage !== undefined) out.push(`**Target:** ${names.stage(s.targetStage)}${s.targetDate !== undefined ? ` by ${s.targetDate}` : ""}`, "");
  };
  const city = (s: CityScore) => {
    head(s);
    profile(s.profile);
  };
  const region = (s: RegionScore) => {
    head(s);
    const best = s.fit.ranking[0];
    out.push(`**Best-fit model:** ${s.fit.best === undefined ? "none" : `${names.framework(s.fit.best)} (fit ${fixed(best?.fit)}, readiness ${pct(best?.readiness)})`}`, "");
    if (s.fit.deciding.length > 0) {
      out.push(`Deciding indicators: ${s.fit.deciding.map((d) => `${names.indicator(d.model, d.indicator)} (${names.framework(d.model)}) ${d.level ?? "–"}`).join(", ")}`, "");
    }
    out.push(mdTable(["Formation model", "Fit", "Readiness", "%"], s.fit.ranking.map((r) => [names.framework(r.model), fixed(r.fit), fixed(r.readiness), pct(r.readiness)]), ["left", "right", "right", "right"]), "");
    out.push(`**Region stage (weakest member):** ${names.stage(s.rollup.stage)}`, "");
    const rows: string[][] = [];
    for (const st of s.rollup.stages) {
      rows.push([`**${names.framework(st.id)}**`, fixed(st.min), fixed(st.mean), fixed(st.max), fixed(st.spread), `${st.reachedBy}/${st.members}`]);
      for (const d of st.dimensions) rows.push([`&nbsp;&nbsp;${names.dimension(st.id, d.id)}`, fixed(d.min), fixed(d.mean), fixed(d.max), fixed(d.spread), ""]);
    }
    out.push(mdTable(["Stage / dimension", "Min", "Weighted mean", "Max", "Spread", "Reached by"], rows, ["left", "right", "right", "right", "right", "right"]), "");
    out.push(
      mdTable(
        ["Member", "Weight", "Stage reached", ...set.stages.map((x) => names.framework(x.id))],
        s.members.map((m) => [
          mdText(m.name),
          m.weightFrom === "equal" ? "1 (equal)" : String(m.weight),
          m.profile === undefined ? `not scored (${mdText(m.problem ?? "")})` : names.stage(m.profile.current),
          ...set.stages.map((_, i) => (m.profile === undefined ? "–" : fixed(m.profile.stages[i]!.score))),
        ]),
      ),
      "",
    );
  };

  return {
    head: () => "# Smart-city assessment scores\n",
    before: () => "",
    item: (s) => {
      out = [];
      if (s.kind === "city") city(s);
      else region(s);
      return mdSection(out);
    },
    tail: ({ gates, findings }) => {
      out = [];
      if (findings.length > 0) {
        out.push("## Problems", "", ...findings.map((f) => `- \`${mdText(`${f.file}:${f.line}:${f.col}`)}\` ${f.severity}: ${mdText(message(f))} (${f.code})`), "");
      }
      if (gates.length > 0) {
        out.push("## Gates", "", ...gates.map((g) => `- \`${gateText(g.gate)}\` on \`${mdText(g.file)}\`: ${g.passed ? "passed" : `**failed**, short by ${g.shortBy}`}`), "");
      }
      return out.length === 0 ? "" : mdSection(out);
    },
  };
};
