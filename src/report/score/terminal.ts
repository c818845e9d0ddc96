import type { FrameworkSet } from "../../framework/model.js";
import { blockerText, namer } from "../names.js";
import type { Names } from "../names.js";
import { gateText } from "../../scoring/gates.js";
import type { CityScore, FrameworkResult, RegionScore, StageProfile, SubjectScore } from "../../scoring/model.js";
import { findingLines } from "../validate/stylish.js";
import { bar, fixed, pct, share } from "../numbers.js";
import { printable } from "../printable.js";
import type { Style } from "../style.js";
import { table } from "../table.js";
import type { ScoreFormat } from "./model.js";
import { blankLineBetween } from "../stream.js";


function header(score: SubjectScore, names: Names, style: Style): string[] {
  const lines = [style.bold(`${printable(score.name)} (${score.kind})`) + style.dim(`  ${score.date}  ${printable(score.file)}`)];
  if (score.targetStage !== undefined) lines.push(`Target: ${names.stage(score.targetStage)}${score.targetDate !== undefined ? ` by ${score.targetDate}` : ""}`);
  return lines;
}

function frameworkRows(result: FrameworkResult, names: Names, style: Style): string[][] {
  const a = result.attainment;
  const status = a === undefined ? "" : a.reached ? style.good("reached") : style.error("not reached");
  const rows = [[style.bold(names.framework(result.id)), fixed(result.score), bar(result.score), pct(result.score), share(result.coverage.share), status]];
  for (const d of result.dimensions) {
    const below = a !== undefined && d.score !== undefined && d.score < a.bar;
    const mark = a === undefined ? "" : d.score === undefined ? style.warning("no answers") : below ? style.error(`< ${fixed(a.bar)}`) : style.good(`≥ ${fixed(a.bar)}`);
    rows.push([`  ${names.dimension(result.id, d.id)}`, fixed(d.score), bar(d.score), pct(d.score), `${d.coverage.answered}/${d.coverage.applicable}`, mark]);
  }
  return rows;
}

const PROFILE_HEAD = ["stage / dimension", "score", "0 ─────────────── 5", "%", "answered", "status"];
const PROFILE_ALIGN = ["left", "right", "left", "right", "right", "left"] as const;

function profileLines(profile: StageProfile, names: Names, style: Style): string[] {
  const lines = ["", `Stage reached: ${style.bold(names.stage(profile.current))}`];
  if (profile.next !== undefined) {
    const next = profile.stages.find((s) => s.id === profile.next)!;
    const blockers = next.attainment?.blockers.map((b) => blockerText(b, names, next.id)) ?? [];
    lines.push(`Next stage: ${names.stage(profile.next)}, held back by ${blockers.join("; ")}`);
  }
  lines.push(table(PROFILE_HEAD, profile.stages.flatMap((s) => frameworkRows(s, names, style)), style, PROFILE_ALIGN));
  return lines;
}

function city(score: CityScore, names: Names, style: Style): string[] {
  return [...header(score, names, style), ...profileLines(score.profile, names, style)];
}

function region(score: RegionScore, set: FrameworkSet, names: Names, style: Style): string[] {
  const lines = [...header(score, names, style), ""];
  const { fit } = score;
  if (fit.best === undefined) lines.push("Best-fit model: none (no region-level indicator answered)");
  else {
    const best = fit.ranking[0]!;
    const runnerUp = fit.ranking[1];
    lines.push(
      `Best-fit model: ${style.bold(names.framework(fit.best))}, fit ${fixed(best.fit)}` +
        (runnerUp !== undefined ? ` against ${fixed(runnerUp.fit)} for ${names.framework(runnerUp.model)}` : "") +
        `; readiness ${pct(best.readiness)}`,
    );
    const strongest = fit.deciding.filter((d) => d.model === fit.best);
    const weakest = fit.deciding.filter((d) => d.model !== fit.best);
    lines.push(`  Deciding: ${strongest.map((d) => `${names.indicator(d.model, d.indicator)} ${d.level ?? "–"}`).join(", ")}`);
    if (weakest.length > 0 && runnerUp !== undefined) {
      lines.push(`  ${names.framework(runnerUp.model)} lacks: ${weakest.map((d) => `${names.indicator(d.model, d.indicator)} ${d.level ?? "–"}`).join(", ")}`);
    }
  }
  lines.push(
    "",
    table(
      ["formation model", "fit", "readiness", "0 ─────────────── 5", "%", "answered"],
      fit.ranking.map((r) => {
        const model = score.models.find((m) => m.id === r.model)!;
        return [r.model === fit.best ? style.bold(names.framework(r.model)) : names.framework(r.model), fixed(r.fit), fixed(r.readiness), bar(r.readiness), pct(r.readiness), share(model.coverage.share)];
      }),
      style,
      ["left", "right", "right", "left", "right", "right"],
    ),
  );

  lines.push("", `Region stage (weakest member): ${style.bold(names.stage(score.rollup.stage))}`);
  const rollRows: string[][] = [];
  for (const s of score.rollup.stages) {
    rollRows.push([style.bold(names.framework(s.id)), fixed(s.min), fixed(s.mean), fixed(s.max), fixed(s.spread), `${s.reachedBy}/${s.members}`]);
    for (const d of s.dimensions) rollRows.push([`  ${names.dimension(s.id, d.id)}`, fixed(d.min), fixed(d.mean), fixed(d.max), fixed(d.spread), ""]);
  }
  lines.push(table(["stage / dimension", "min", "weighted mean", "max", "spread", "reached by"], rollRows, style, ["left", "right", "right", "right", "right", "right"]));

  const memberRows = score.members.map((m) => {
    const scores = set.stages.map((_, i) => (m.profile === undefined ? "–" : fixed(m.profile.stages[i]!.score)));
    const stage = m.profile === undefined ? style.error(`not scored (${m.problem ?? ""})`) : names.stage(m.profile.current);
    return [printable(m.name), m.weightFrom === "equal" ? "1 (equal)" : String(m.weight), stage, ...scores];
  });
  const memberAlign = ["left", "right", "left", ...set.stages.map(() => "right" as const)] as const;
  lines.push("", table(["member", "weight", "stage reached", ...set.stages.map((s) => names.framework(s.id))], memberRows, style, memberAlign));
  return lines;
}

/** The readable terminal view: a profile table a subject, then problems and gates. */
export const scoreTerminal: ScoreFormat = (options) => {
  const { style, frameworks } = options;
  const names = namer(frameworks, options.locale, printable);
  return {
    head: () => "",
    item: (score) => (score.kind === "city" ? city(score, names, style) : region(score, frameworks, names, style)).join("\n"),
    before: blankLineBetween.before,
    tail: ({ gates, findings }, count) => {
      const blocks: string[] = [];
      if (findings.length > 0) blocks.push(findingLines(findings, style).join("\n"));
      if (gates.length > 0) {
        blocks.push(
          gates
            .map((g) => {
              const actual = typeof g.actual === "number" ? `${fixed(g.actual, 1)}%` : (g.actual ?? "no score");
              const verdict = g.passed ? style.good("passed") : style.error(`FAILED, short by ${g.gate.kind === "min-stage" ? `${g.shortBy} stage(s)` : `${fixed(g.shortBy, 1)} points`}`);
              return `${printable(g.file)}: gate ${gateText(g.gate)}: ${actual} ${verdict}`;
            })
            .join("\n"),
        );
      }
      return blankLineBetween.tail(blocks, count);
    },
  };
};
