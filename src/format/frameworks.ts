import type { Framework, FrameworkSet } from "../framework/model.js";
import { LEVELS } from "../framework/model.js";
import { localize } from "../model/text.js";
import { printable } from "./printable.js";
import type { Style } from "./style.js";
import { table } from "./table.js";
import { displayWidth, padEnd } from "./width.js";
import { wrapText } from "./wrap.js";
import { words } from "../i18n/words.js";
import type { Words } from "../i18n/words.js";

const kindWord = (f: Framework, w: Words) => (f.kind === "stage" ? w.frameworks.stage(String(f.order ?? "")) : w.frameworks.model);
/** Facts in brackets after a title: two spaces and half-width brackets in English, full-width ones right after Chinese. */
const aside = (w: Words, facts: readonly string[], square = false) => {
  const text = facts.join(w.factSep);
  if (w.locale !== "en") return w.paren(text);
  return square ? `  [${text}]` : `  (${text})`;
};

/** A table of the frameworks: id, kind, title, size, and what each assesses. */
export function formatFrameworkList(set: FrameworkSet, style: Style, locale = "en", width = Infinity): string {
  const w = words(locale);
  const rows = set.all.map((f) => [f.id, kindWord(f, w), printable(localize(f.title, locale)), String(f.dimensions.length), String(f.indicators.length), f.version]);
  const summaries = set.all.flatMap((f) => wrapText(`${style.bold(f.id)}${w.colon}${printable(localize(f.summary, locale))}`, width, "", "  "));
  return `${table(w.frameworks.listHead, rows, style, ["left", "left", "left", "right", "right", "left"], width, [5], [0])}\n\n${summaries.join("\n")}\n`;
}

/**
 * One framework in full: dimensions, indicators, questions, level descriptors and advice, each
 * paragraph wrapped to `width` columns under its own indent (Chinese between phrases), so that
 * a terminal never breaks a word where its line ends.
 */
export function formatFrameworkShow(set: FrameworkSet, f: Framework, style: Style, locale = "en", width = Infinity): string {
  const t = (text: Parameters<typeof localize>[0]) => printable(localize(text, locale));
  const w = words(locale);
  const out: string[] = [];
  const say = (first: string, text: string, hang = first) => out.push(...wrapText(text, width, first, hang));
  say("", `${style.bold(t(f.title))}${aside(w, [f.id, kindWord(f, w), w.frameworks.version(f.version)])}`);
  say("", t(f.summary));
  if (f.case !== undefined) say("", `${w.frameworks.case}${w.colon}${t(f.case)}`);
  if (f.attainment !== undefined && f.kind === "model") {
    say("", w.frameworks.ready(f.attainment.bar.toFixed(1)));
  } else if (f.attainment !== undefined) {
    say(
      "",
      w.frameworks.reachedWhen(
        f.attainment.bar.toFixed(1),
        f.attainment.minCoverage > 0 ? `${Math.round(f.attainment.minCoverage * 100)}%` : undefined,
        f.order !== undefined && f.order > 1,
      ),
    );
  }
  const nameWidth = Math.max(...LEVELS.map((level) => displayWidth(w.levelName(level, t(set.levelNames[level])))));
  for (const d of f.dimensions) {
    out.push("");
    say("", style.bold(`${t(d.title)}`) + style.dim(aside(w, [d.id, w.frameworks.weight(String(d.weight))], true)));
    say("  ", t(d.summary));
    for (const i of d.indicators) {
      out.push("");
      say("  ", `${style.bold(i.id)}  ${t(i.title)}` + style.dim(aside(w, [w.frameworks.weight(String(i.weight))])), "    ");
      say("    ", t(i.question));
      for (const level of LEVELS) {
        const text = i.levels[level];
        // Two spaces at least between a level's name and its text, so the widest name does not run into it.
        if (text !== undefined) say(`    ${padEnd(w.levelName(level, t(set.levelNames[level])), nameWidth)}  `, t(text), " ".repeat(6 + nameWidth));
      }
      say("    ", `${style.dim(w.plan.adviceLabel)}${w.afterLabel}${t(i.advice)}`, "      ");
      if (i.references.length > 0) say("    ", `${style.dim(w.frameworks.seeAlso)}${w.afterLabel}${i.references.join(w.locale === "en" ? "; " : w.listSep)}`, "      ");
    }
  }
  return `${out.join("\n")}\n`;
}

/** The frameworks as plain data, for other tools. */
export function frameworkData(f: Framework): unknown {
  return {
    id: f.id,
    kind: f.kind,
    version: f.version,
    order: f.order,
    title: f.title,
    summary: f.summary,
    case: f.case,
    attainment: f.attainment,
    dimensions: f.dimensions.map((d) => ({
      id: d.id,
      title: d.title,
      summary: d.summary,
      weight: d.weight,
      indicators: d.indicators.map((i) => ({
        id: i.id,
        weight: i.weight,
        title: i.title,
        question: i.question,
        levels: i.levels,
        advice: i.advice,
        references: i.references,
      })),
    })),
  };
}
