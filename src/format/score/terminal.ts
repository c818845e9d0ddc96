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


/** The subject's name, kind, date and file, and its target: the first lines of score and report. */
export function subjectHeader(score: SubjectScore, names: Names, style: Style): string[] {
  const { w } = names;
  const lines = [style.bold(`${printable(score.name)}${w.paren(w.kind[score.kind])}`) + style.dim(`  ${score.date}  ${printable(score.file)}`)];
  if (score.targetStage !== undefined) lines.push(`${w.target}${w.colon}${w.targetValue(names.stage(score.targetStage), score.targetDate)}`);
  return lines;
}

function frameworkRows(result: FrameworkResult, names: Names, style: Style): string[][] {
  const { w } = names;
  const a = result.attainment;
  const status = a === undefined ? "" : a.reached ? style.good(w.reached) : style.error(w.notReached);
  const rows = [[style.bold(names.framework(result.id)), fixed(result.score), bar(result.score), pct(result.score), share(result.coverage.share), status]];
  for (const d of result.dimensions) {
    const below = a !== undefined && d.score !== undefined && d.score < a.bar;
    const mark = a === undefined ? "" : d.score === undefined ? style.warning(w.noAnswers) : below ? style.error(`< ${fixed(a.bar)}`) : style.good(`≥ ${fixed(a.bar)}`);
    rows.push([`  ${names.dimension(result.id, d.id)}`, fixed(d.score), bar(d.score), pct(d.score), `${d.coverage.answered}/${d.coverage.applicable}`, mark]);
  }
  return rows;
}

const SCALE_HEAD = "0 ─────────────── 5";
const PROFILE_ALIGN = ["left", "right", "left", "right", "right", "left"] as const;

function profileLines(profile: StageProfile, names: Names, style: Style): string[] {
  const { w } = names;
  const lines = ["", `${w.stageReached}${w.colon}${style.bold(names.stage(profile.current))}`];
  if (profile.next !== undefined) {
    const next = profile.stages.find((s) => s.id === profile.next)!;
    const blockers = next.attainment?.blockers.map((b) => blockerText(b, names, next.id)) ?? [];
    lines.push(`${w.nextStage}${w.colon}${names.stage(profile.next)}${w.heldBackBy(blockers.join(w.clauseSep))}`);
  }
  const head = [w.head.stageDimension, w.head.score, SCALE_HEAD, "%", w.head.answered, w.head.status];
  lines.push(table(head, profile.stages.flatMap((s) => frameworkRows(s, names, style)), style, PROFILE_ALIGN));
  return lines;
}

function city(score: CityScore, names: Names, style: Style): string[] {
  return [...subjectHeader(score, names, style), ...profileLines(score.profile, names, style)];
}

function region(score: RegionScore, set: FrameworkSet, names: Names, style: Style): string[] {
  const { w } = names;
  const lines = [...subjectHeader(score, names, style), ""];
  const { fit } = score;
  if (fit.best === undefined) lines.push(`${w.bestFit}${w.colon}${w.bestFitNone}`);
  else {
    const best = fit.ranking[0]!;
    const runnerUp = fit.ranking[1];
    lines.push(
      `${w.bestFit}${w.colon}${style.bold(names.framework(fit.best))}` +
        w.fitLine(fixed(best.fit), runnerUp === undefined ? undefined : names.framework(runnerUp.model), runnerUp === undefined ? undefined : fixed(runnerUp.fit), pct(best.readiness)),
    );
    const strongest = fit.deciding.filter((d) => d.model === fit.best);
    const weakest = fit.deciding.filter((d) => d.model !== fit.best);
    lines.push(`  ${w.deciding}${w.colon}${strongest.map((d) => `${names.indicator(d.model, d.indicator)} ${d.level ?? "–"}`).join(w.listSep)}`);
    if (weakest.length > 0 && runnerUp !== undefined) {
      lines.push(`  ${w.lacks(names.framework(runnerUp.model))}${w.colon}${weakest.map((d) => `${names.indicator(d.model, d.indicator)} ${d.level ?? "–"}`).join(w.listSep)}`);
    }
  }
  lines.push(
    "",
    table(
      [w.head.model, w.head.fit, w.head.readiness, SCALE_HEAD, "%", w.head.answered],
      fit.ranking.map((r) => {
        const model = score.models.find((m) => m.id === r.model)!;
        return [r.model === fit.best ? style.bold(names.framework(r.model)) : names.framework(r.model), fixed(r.fit), fixed(r.readiness), bar(r.readiness), pct(r.readiness), share(model.coverage.share)];
      }),
      style,
      ["left", "right", "right", "left", "right", "right"],
    ),
  );

  lines.push("", `${w.regionStage}${w.colon}${style.bold(names.stage(score.rollup.stage))}`);
  const rollRows: string[][] = [];
  for (const s of score.rollup.stages) {
    rollRows.push([style.bold(names.framework(s.id)), fixed(s.min), fixed(s.mean), fixed(s.max), fixed(s.spread), `${s.reachedBy}/${s.members}`]);
    for (const d of s.dimensions) rollRows.push([`  ${names.dimension(s.id, d.id)}`, fixed(d.min), fixed(d.mean), fixed(d.max), fixed(d.spread), ""]);
  }
  lines.push(table([w.head.stageDimension, w.head.min, w.head.weightedMean, w.head.max, w.head.spread, w.head.reachedBy], rollRows, style, ["left", "right", "right", "right", "right", "right"]));

  const memberRows = score.members.map((m) => {
    const scores = set.stages.map((_, i) => (m.profile === undefined ? "–" : fixed(m.profile.stages[i]!.score)));
    const stage = m.profile === undefined ? style.error(w.notScored(printable(m.problem ?? ""))) : names.stage(m.profile.current);
    return [printable(m.name), m.weightFrom === "equal" ? w.equalWeight : String(m.weight), stage, ...scores];
  });
  const memberAlign = ["left", "right", "left", ...set.stages.map(() => "right" as const)] as const;
  lines.push("", table([w.head.member, w.head.weight, w.head.stageReached, ...set.stages.map((s) => names.framework(s.id))], memberRows, style, memberAlign));
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
      const w = names.w.gates;
      if (findings.length > 0) blocks.push(findingLines(findings, style, options.locale).join("\n"));
      if (gates.length > 0) {
        blocks.push(
          gates
            .map((g) => {
              const actual = typeof g.actual === "number" ? `${fixed(g.actual, 1)}%` : g.actual === undefined ? w.noScore : names.stage(g.actual);
              const short = g.gate.kind === "min-stage" ? w.stages(g.shortBy) : w.points(fixed(g.shortBy, 1));
              const verdict = g.passed ? style.good(w.passed) : style.error(w.failedBy(short));
              return `${printable(g.file)}${names.w.colon}${w.gate} ${gateText(g.gate)}${names.w.colon}${actual} ${verdict}`;
            })
            .join("\n"),
        );
      }
      return blankLineBetween.tail(blocks, count);
    },
  };
};
