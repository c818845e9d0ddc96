import type { Framework, FrameworkSet, Indicator } from "../framework/model.js";
import { LEVELS } from "../framework/model.js";
import { METHODS } from "../assessment/model.js";
import { jsonPrintable, printable } from "./printable.js";
import { words } from "../i18n/words.js";
import type { Words } from "../i18n/words.js";
import { displayWidth, padEnd } from "./width.js";
import { phrases } from "./wrap.js";
import { localize } from "../model/text.js";
import type { Text } from "../model/text.js";

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
  /** How the tool is run where the template is used; `smartregion` when not given. */
  readonly command?: string;
  /** The name the template is written as, for the commands its first lines show; FILE when not given. */
  readonly file?: string;
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

  const w = words(options.locale);
  const say = w.template;
  out.push(`# yaml-language-server: $schema=${options.schemaRef}`);
  // A name a shell would read as it stands is shown as the file, unless its commands would not
  // fit on a line of the template; any other, as FILE.
  const command = options.command ?? "smartregion";
  const file = options.file !== undefined && /^[\w./-]+$/.test(options.file) && `# \`${command} validate ${options.file}\``.length <= WIDTH - 20 ? options.file : "FILE";
  comment(say.intro(t(options.subject), options.kind, command, file), 0);
  // The example's method with the others beside it, glossed where the language needs it, and
  // lined up with the comment of the line above it when the line stays within WIDTH.
  const methods = `# ${METHODS.map((m) => say.choice(m, w.brief.method[m])).join(say.choiceSep)}`;
  const method = displayWidth(`#         method: ${"measured".padEnd(26)}${methods}`) <= WIDTH ? `#         method: ${"measured".padEnd(26)}${methods}` : `#         method: measured  ${methods}`;
  out.push("#");
  comment(say.howTo, 0);
  out.push(
    "#",
    "#   an-indicator:",
    "#     level: 3",
    "#     evidence:",
    `#       - title: ${say.exampleTitle}`,
    `#         link: https://example.org/where   # ${say.exampleDocument}`,
    "#         date: 2026-01-31",
    method,
    `#     notes: ${say.exampleNotes}`,
    "#   another-indicator:",
    `#     not-applicable: ${say.exampleNotApplicable}`,
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
    out.push("# targets:", `#   stage: ${set.stages[set.stages.length > 1 ? 1 : 0]!.id}   # ${set.stages.map((s) => say.choice(s.id, t(s.title))).join(say.choiceSep)}`, "#   by:");
  }

  const answers = (frameworks: readonly Framework[], indent: number, described: boolean) => {
    const pad = " ".repeat(indent);
    for (const framework of frameworks) {
      out.push("");
      comment(`${t(framework.title)}${w.paren(framework.kind === "stage" ? w.frameworks.stage(String(framework.order ?? "")) : say.model)}${w.colon}${t(framework.summary)}`, indent);
      out.push(`${pad}${framework.id}:`);
      for (const dimension of framework.dimensions) {
        out.push("");
        comment(`${t(dimension.title)}${w.colon}${t(dimension.summary)}`, indent + 2);
        for (const indicator of dimension.indicators) {
          out.push("");
          if (described) indicatorComment(set, indicator, t, w, indent + 2, comment);
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
      comment(say.models, 0);
      out.push("indicators:");
      answers(models, 2, true);
    }
    out.push("");
    comment(say.members, 0);
    out.push("members:");
    options.members.forEach((name, index) => {
      out.push(`  - name: ${scalar(name)}`, "    # population:");
      if (stages.length === 0) return;
      if (index > 0) comment(say.describedUnder(t(options.members[0]!)), 4);
      out.push("    indicators:");
      answers(stages, 6, index === 0);
    });
  }
  return `${out.join("\n")}\n`;
}

type Comment = (text: string, indent: number, hang?: number, head?: string) => void;

function indicatorComment(set: FrameworkSet, indicator: Indicator, t: (text: Text) => string, w: Words, indent: number, comment: Comment): void {
  comment(`${t(indicator.title)}${w.paren(w.frameworks.weight(String(indicator.weight)))}`, indent);
  comment(t(indicator.question), indent);
  const names = LEVELS.map((level) => w.levelName(level, t(set.levelNames[level])));
  const nameWidth = Math.max(11, ...names.map(displayWidth));
  for (const level of LEVELS) {
    const text = indicator.levels[level];
    comment(text === undefined ? "" : t(text), indent, nameWidth + 4, `  ${padEnd(names[level]!, nameWidth)}  `);
  }
}

/**
 * Comment lines of at most WIDTH columns; lines after the first indented by `hang`. Lines break
 * between words only (see `phrases`): Chinese after its punctuation, never inside a word.
 */
function wrap(text: string, indent: number, hang = 0, head = ""): string[] {
  const lead = `${" ".repeat(indent)}# `;
  const lines: string[] = [];
  let line = head;
  let empty = true;
  for (const { piece, spaced } of phrases(text, WIDTH - displayWidth(lead) - Math.max(hang, displayWidth(head)))) {
    const gap = spaced && !empty ? " " : "";
    if (!empty && displayWidth(lead) + displayWidth(line) + gap.length + displayWidth(piece) > WIDTH) {
      lines.push(line);
      line = `${" ".repeat(hang)}${piece}`;
    } else {
      line = `${line}${gap}${piece}`;
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
  return PLAIN.test(value) && !/\s$/.test(value) && !RESERVED.test(value) && !/^[\d.+-]/.test(value) ? value : jsonPrintable(JSON.stringify(value));
}
