import type { Framework, FrameworkSet, Indicator } from "../framework/model.js";
import { LEVELS } from "../framework/model.js";
import { printable } from "../report/printable.js";
import { localize } from "../text.js";
import type { Text } from "../text.js";

export interface TemplateOptions {
  readonly kind: "city" | "region";
  readonly subject: string;
  /** A region's member cities, by name; each gets the stages to answer inline. */
  readonly members: readonly string[];
  /** The frameworks to answer: stages for a city and for members, models for a region. */
  readonly frameworks: readonly Framework[];
  readonly date: string;
  /** What the `$schema` line points at: a path relative to the template, or a URL. */
  readonly schemaRef: string;
  readonly locale: string;
}

const WIDTH = 100;

/**
 * A template assessment that validates as it stands: every indicator of the chosen frameworks
 * left unanswered, with its question and what each level looks like written above it as
 * comments, so that it can be filled in without another document open.
 */
export function assessmentTemplate(set: FrameworkSet, options: TemplateOptions): string {
  const t = (text: Text) => printable(localize(text, options.locale)).replace(/\s+/g, " ").trim();
  const stages = options.frameworks.filter((f) => f.kind === "stage");
  const models = options.frameworks.filter((f) => f.kind === "model");
  const out: string[] = [];
  const comment = (text: string, indent: number, hang = 0, head = "") => out.push(...wrap(text, indent, hang, head));

  out.push(`# yaml-language-server: $schema=${options.schemaRef}`);
  comment(
    `Self-assessment of ${t(options.subject)} (${options.kind}). Check it with \`smartregion validate FILE\`, ` +
      "score it with `smartregion score FILE`, and see what to do next with `smartregion report FILE`.",
    0,
  );
  out.push("#");
  comment(
    "Under each indicator, set `level` to 0-5 by the descriptors written above it; leave it empty while " +
      "unanswered (the scores show this as coverage, not as an error). Back a level with evidence and " +
      "notes, or say why an indicator does not apply:",
    0,
  );
  out.push(
    "#",
    "#   an-indicator:",
    "#     level: 3",
    "#     evidence:",
    "#       - title: What shows it",
    "#         link: https://example.org/where   # or document: a paper that is not online",
    "#         date: 2026-01-31",
    "#         method: measured                  # measured | estimated | self-reported",
    "#     notes: Why this level and not the next one.",
    "#   another-indicator:",
    "#     not-applicable: Why it does not apply here.",
    "smartregion: 1",
    "subject:",
    `  name: ${scalar(options.subject)}`,
    `  kind: ${options.kind}`,
    "  # country:",
    "  # population:",
    `date: ${options.date}`,
    "# assessors:",
    "#   - name:",
    "#     organisation:",
    "#     role:",
  );
  if (options.frameworks.length > 0) {
    out.push("frameworks:", ...options.frameworks.map((f) => `  ${f.id}: ${f.version}`));
  }
  if (set.stages.length > 0) {
    out.push("# targets:", `#   stage: ${set.stages[set.stages.length > 1 ? 1 : 0]!.id}   # ${set.stages.map((s) => s.id).join(" | ")}`, "#   by:");
  }

  const answers = (frameworks: readonly Framework[], indent: number, described: boolean) => {
    const pad = " ".repeat(indent);
    for (const framework of frameworks) {
      out.push("");
      comment(`${t(framework.title)} (${framework.kind === "stage" ? `stage ${framework.order ?? ""}` : "formation model"}): ${t(framework.summary)}`, indent);
      out.push(`${pad}${framework.id}:`);
      for (const dimension of framework.dimensions) {
        out.push("");
        comment(`${t(dimension.title)}: ${t(dimension.summary)}`, indent + 2);
        for (const indicator of dimension.indicators) {
          out.push("");
          if (described) indicatorComment(set, indicator, t, indent + 2, comment);
          else comment(`${t(indicator.title)}`, indent + 2);
          out.push(`${pad}  ${indicator.id}:`, `${pad}    level:`);
        }
      }
    }
  };

  if (options.kind === "city") {
    if (stages.length > 0) {
      out.push("indicators:");
      answers(stages, 2, true);
    }
  } else {
    if (models.length > 0) {
      out.push("");
      comment("The formation models, answered for the region as a whole.", 0);
      out.push("indicators:");
      answers(models, 2, true);
    }
    out.push("");
    comment(
      "The member cities. Each answers the stages here, or points at its own assessment with " +
        "`file: its-file.yaml` (relative to this file) instead of `indicators`. Population, or a " +
        "`weight`, sets each member's share of the region's roll-up.",
      0,
    );
    out.push("members:");
    options.members.forEach((name, index) => {
      out.push(`  - name: ${scalar(name)}`, "    # population:");
      if (stages.length === 0) return;
      if (index > 0) comment(`The level descriptors are written out under ${t(options.members[0]!)}.`, 4);
      out.push("    indicators:");
      answers(stages, 6, index === 0);
    });
  }
  return `${out.join("\n")}\n`;
}

type Comment = (text: string, indent: number, hang?: number, head?: string) => void;

function indicatorComment(set: FrameworkSet, indicator: Indicator, t: (text: Text) => string, indent: number, comment: Comment): void {
  comment(`${t(indicator.title)} (weight ${indicator.weight})`, indent);
  comment(t(indicator.question), indent);
  for (const level of LEVELS) {
    const text = indicator.levels[level];
    comment(text === undefined ? "" : t(text), indent, 16, `  ${`${level} ${t(set.levelNames[level])}`.padEnd(13)} `);
  }
}

/** Comment lines of at most WIDTH columns; lines after the first indented by `hang`. */
function wrap(text: string, indent: number, hang = 0, head = ""): string[] {
  const lead = `${" ".repeat(indent)}# `;
  const lines: string[] = [];
  let line = head;
  let empty = true;
  for (const word of text.trim().split(/ +/)) {
    if (!empty && lead.length + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = `${" ".repeat(hang)}${word}`;
    } else {
      line = empty ? `${line}${word}` : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => `${lead}${l}`.trimEnd());
}

const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} .,'()/&+-]*$/u;
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/** A name as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
function scalar(value: string): string {
  return PLAIN.test(value) && !/\s$/.test(value) && !RESERVED.test(value) && !/^[\d.+-]/.test(value) ? value : JSON.stringify(value);
}
