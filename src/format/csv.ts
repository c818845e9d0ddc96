import type { GapReport } from "../analysis/gaps/model.js";
import type { FrameworkResult, SubjectScore } from "../scoring/model.js";
import { namer } from "./names.js";
import { printable } from "./printable.js";
import type { StreamFormat } from "./stream.js";

/**
 * CSV for spreadsheets and BI tools (RFC 4180): one header row, then one row per subject, stage
 * or model, and dimension (`score`), or per gap (`report`). Ids and titles both, so a pivot can
 * group by either; numbers plain, with a point. A field is quoted when it holds a comma, a quote
 * or a line break; one that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`) is kept
 * as text with a leading apostrophe; control characters are shown as escapes.
 */
export function csvField(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(Math.round(value * 10000) / 10000) : "";
  let text = printable(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (fields: readonly (string | number | undefined | null)[]): string => `${fields.map(csvField).join(",")}\r\n`;

const SCORE_HEAD = ["file", "subject", "kind", "member", "row", "framework", "framework_title", "dimension", "dimension_title", "score", "answered", "applicable", "coverage", "stage_reached", "reached"];

/** score --format csv. */
export const scoreCsv: StreamFormat<SubjectScore, unknown> = (options) => {
  const names = namer(options.frameworks, options.locale, (t) => t);
  const rows = (score: SubjectScore, member: string | undefined, results: readonly FrameworkResult[], stage: string | undefined): string[] =>
    results.flatMap((f) => [
      line([score.file, score.name, score.kind, member, f.kind, f.id, names.framework(f.id), undefined, undefined, f.score, f.coverage.answered, f.coverage.applicable, f.coverage.share, stage, f.attainment === undefined ? undefined : f.attainment.reached ? "yes" : "no"]),
      ...f.dimensions.map((d) => line([score.file, score.name, score.kind, member, "dimension", f.id, names.framework(f.id), d.id, names.dimension(f.id, d.id), d.score, d.coverage.answered, d.coverage.applicable, d.coverage.share, stage, undefined])),
    ]);
  return {
    head: () => line(SCORE_HEAD),
    item: (score) => {
      if (score.kind === "city") return [line([score.file, score.name, score.kind, undefined, "subject", undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, score.profile.current, undefined]), ...rows(score, undefined, score.profile.stages, score.profile.current)].join("");
      const out = [line([score.file, score.name, score.kind, undefined, "subject", score.fit.best, score.fit.best === undefined ? undefined : names.framework(score.fit.best), undefined, undefined, score.fit.ranking[0]?.fit, undefined, undefined, undefined, score.rollup.stage, undefined]), ...rows(score, undefined, score.models, score.rollup.stage)];
      for (const m of score.members) if (m.profile !== undefined) out.push(...rows(score, m.name, m.profile.stages, m.profile.current));
      return out.join("");
    },
    before: () => "",
    tail: () => "",
  };
};

const REPORT_HEAD = ["file", "subject", "kind", "framework", "framework_title", "dimension", "dimension_title", "indicator", "indicator_title", "level", "target", "target_from", "gap", "weight", "priority", "next"];

/** report --format csv: one row per gap, most urgent first within each subject. */
export const reportCsv: StreamFormat<GapReport, unknown> = (options) => {
  const names = namer(options.frameworks, options.locale, (t) => t);
  return {
    head: () => line(REPORT_HEAD),
    item: (report) =>
      report.gaps
        .map((g) =>
          line([report.score.file, report.score.name, report.score.kind, g.framework, names.framework(g.framework), g.dimension, names.dimension(g.framework, g.dimension), g.indicator, names.indicator(g.framework, g.indicator), g.level, g.target, g.targetFrom, g.gap, g.weight, g.priority, g.next ? "yes" : "no"]),
        )
        .join(""),
    before: () => "",
    tail: () => "",
  };
};
