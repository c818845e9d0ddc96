import { gateText } from "../../scoring/gates.js";
import type { CityScore, RegionScore, StageProfile, SubjectScore } from "../../scoring/model.js";
import { blockerText, namer } from "../names.js";
import { mdSection, mdTable, mdText } from "../markdown.js";
import { message } from "../messages.js";
import { fixed, pct, share } from "../numbers.js";
import type { Names } from "../names.js";
import type { Words } from "../../i18n/words.js";
import type { Finding } from "../../model/findings.js";
import type { ScoreFormat } from "./model.js";

export const scoreMarkdown: ScoreFormat = (options) => {
  const set = options.frameworks;
  const names = namer(set, options.locale, mdText);
  const { w } = names;
  const h = (text: string) => w.heading(text);
  let out: string[] = [];

  const profile = (p: StageProfile) => {
    out.push(`**${w.stageReached}${w.colon.trimEnd()}** ${names.stage(p.current)}`, "");
    if (p.next !== undefined) {
      const next = p.stages.find((s) => s.id === p.next)!;
      out.push(`**${w.nextStage}${w.colon.trimEnd()}** ${names.stage(p.next)}${w.heldBackBy((next.attainment?.blockers ?? []).map((b) => blockerText(b, names, next.id)).join(w.clauseSep))}`, "");
    }
    const rows: string[][] = [];
    for (const s of p.stages) {
      rows.push([`**${names.framework(s.id)}**`, fixed(s.score), pct(s.score), share(s.coverage.share), s.attainment?.reached ? w.reached : w.notReached]);
      for (const d of s.dimensions) {
        const status = d.score === undefined ? w.noAnswers : d.score < (s.attainment?.bar ?? 0) ? w.below(fixed(s.attainment?.bar)) : "";
        rows.push([`&nbsp;&nbsp;${names.dimension(s.id, d.id)}`, fixed(d.score), pct(d.score), `${d.coverage.answered}/${d.coverage.applicable}`, status]);
      }
    }
    out.push(mdTable([h(w.head.stageDimension), h(w.head.score05), "%", h(w.head.answered), h(w.head.status)], rows, ["left", "right", "right", "right", "left"]), "");
  };

  const head = (s: SubjectScore) => {
    out.push(...markdownHeader(s, names));
  };
  const city = (s: CityScore) => {
    head(s);
    profile(s.profile);
  };
  const region = (s: RegionScore) => {
    head(s);
    const best = s.fit.ranking[0];
    out.push(`**${w.bestFit}${w.colon.trimEnd()}** ${s.fit.best === undefined ? w.none : `${names.framework(s.fit.best)}${w.fitShort(fixed(best?.fit), pct(best?.readiness))}`}`, "");
    if (s.fit.deciding.length > 0) {
      out.push(`${w.decidingIndicators}${w.colon}${s.fit.deciding.map((d) => `${names.indicator(d.model, d.indicator)}${w.paren(names.framework(d.model))} ${d.level ?? "–"}`).join(w.listSep)}`, "");
    }
    out.push(mdTable([h(w.head.model), h(w.head.fit), h(w.head.readiness), "%"], s.fit.ranking.map((r) => [names.framework(r.model), fixed(r.fit), fixed(r.readiness), pct(r.readiness)]), ["left", "right", "right", "right"]), "");
    out.push(`**${w.regionStage}${w.colon.trimEnd()}** ${names.stage(s.rollup.stage)}`, "");
    const rows: string[][] = [];
    for (const st of s.rollup.stages) {
      rows.push([`**${names.framework(st.id)}**`, fixed(st.min), fixed(st.mean), fixed(st.max), fixed(st.spread), `${st.reachedBy}/${st.members}`]);
      for (const d of st.dimensions) rows.push([`&nbsp;&nbsp;${names.dimension(st.id, d.id)}`, fixed(d.min), fixed(d.mean), fixed(d.max), fixed(d.spread), ""]);
    }
    out.push(mdTable([h(w.head.stageDimension), h(w.head.min), h(w.head.weightedMean), h(w.head.max), h(w.head.spread), h(w.head.reachedBy)], rows, ["left", "right", "right", "right", "right", "right"]), "");
    out.push(
      mdTable(
        [h(w.head.member), h(w.head.weight), h(w.head.stageReached), ...set.stages.map((x) => names.framework(x.id))],
        s.members.map((m) => [
          mdText(m.name),
          m.weightFrom === "equal" ? w.equalWeight : String(m.weight),
          m.profile === undefined ? w.notScored(mdText(m.problem ?? "")) : names.stage(m.profile.current),
          ...set.stages.map((_, i) => (m.profile === undefined ? "–" : fixed(m.profile.stages[i]!.score))),
        ]),
      ),
      "",
    );
  };

  return {
    head: () => `# ${w.documents.scores}\n`,
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
        out.push(`## ${w.gaps.problems}`, "", ...markdownFindings(findings, w), "");
      }
      if (gates.length > 0) {
        const g8 = w.gates;
        out.push(`## ${g8.title}`, "", ...gates.map((g) => `- ${g8.onFile(`\`${gateText(g.gate)}\``, `\`${mdText(g.file)}\``)}${w.colon}${g.passed ? g8.passed : `**${g8.failedBy(g.gate.kind === "min-stage" ? g8.stages(g.shortBy) : g8.points(fixed(g.shortBy, 1)))}**`}`), "");
      }
      return out.length === 0 ? "" : mdSection(out);
    },
  };
};

/** The heading of a subject's section, with its date, file and target. */
export function markdownHeader(s: SubjectScore, names: Names): string[] {
  const { w } = names;
  const out = [`## ${mdText(s.name)}${w.paren(w.kind[s.kind])}`, "", `${w.assessed(s.date)} · \`${mdText(s.file)}\``, ""];
  if (s.targetStage !== undefined) out.push(`**${w.target}${w.colon.trimEnd()}** ${w.targetValue(names.stage(s.targetStage), s.targetDate)}`, "");
  return out;
}

/** Problems as a list: position, severity, message, code. */
export function markdownFindings(findings: readonly Finding[], w: Words): string[] {
  return findings.map((f) => `- \`${mdText(`${f.file}:${f.line}:${f.col}`)}\` ${w.severity[f.severity]}${w.colon}${mdText(message(f, w.locale))} (${f.code})`);
}
