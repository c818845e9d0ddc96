import { lstatSync } from "node:fs";
import { replacementLines } from "../pipeline/replaced.js";
import { jsonPrintable } from "../format/printable.js";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { editorSchema, editorSchemaFile } from "../assessment/editor.js";
import { isoDate } from "../assessment/rules.js";
import { assessmentTemplate } from "../format/template.js";
import { terminalWidth } from "../format/colour.js";
import { wrapText } from "../format/wrap.js";
import { UsageError } from "../model/errors.js";
import { words } from "../i18n/words.js";
import type { Framework, FrameworkSet } from "../framework/model.js";
import { frameworkById, frameworksFor, SHIPPED_SCHEMA_DIR } from "../node/context.js";
import type { ExitCode } from "../pipeline/exit.js";
import { commandFor, installKind } from "../node/install.js";
import { writeOutput, writeStdout } from "../node/output.js";

export interface InitOptions {
  /** Where to write the template; `-` for stdout. */
  readonly file: string;
  readonly kind: "city" | "region";
  readonly subject: string | undefined;
  readonly members: readonly string[];
  /** Framework ids to include; empty for all that suit the kind. */
  readonly only: readonly string[];
  readonly date: string | undefined;
  readonly schemaRef: string | undefined;
  readonly force: boolean;
  readonly frameworks: readonly string[];
  readonly lang: string;
}

/** The most members the assessment schema of `set` allows a region (its `members.maxItems`). */
function membersLimit(set: FrameworkSet): number {
  const properties = set.envelopeSchema["properties"];
  const members = typeof properties === "object" && properties !== null ? (properties as Record<string, unknown>)["members"] : undefined;
  const limit = typeof members === "object" && members !== null ? (members as Record<string, unknown>)["maxItems"] : undefined;
  return typeof limit === "number" ? limit : Infinity;
}

/** Beside a template made with custom frameworks: the schema that knows them. */
export const LOCAL_SCHEMA_FILE = "smartregion.schema.json";

export function runInit(options: InitOptions, cwd: string, today: () => string = localToday): ExitCode {
  if (options.kind === "city" && options.members.length > 0) throw new UsageError("--members is for a region (--kind region)", "--members 只用于区域（--kind region）");
  if (options.kind === "region" && options.members.length === 0) {
    throw new UsageError("a region needs its member cities: --members \"First city,Second city\"", "区域须列出成员城市：--members \"第一个城市,第二个城市\"");
  }
  const twice = options.members.find((m, i) => options.members.indexOf(m) !== i);
  if (twice !== undefined) throw new UsageError(`--members names ${twice} twice`, `--members 中 ${twice} 出现了两次`);
  const date = options.date ?? today();
  if (isoDate(date) === undefined) throw new UsageError(`--date ${date}: expected a valid date written YYYY-MM-DD`, `--date ${date}：不是有效日期（格式应为YYYY-MM-DD）`);

  const set = frameworksFor(options.frameworks, cwd);
  // A template with more members than the assessment schema allows would not validate.
  const most = membersLimit(set);
  if (options.members.length > most) {
    throw new UsageError(`--members: at most ${most} members, ${options.members.length} given`, `--members：最多${most}个成员，现为${options.members.length}个`);
  }
  process.stderr.write(replacementLines(set, options.frameworks, cwd, options.lang));
  const chosen = choose(set, options.kind, options.only);
  const toStdout = options.file === "-";
  const target = resolve(cwd, toStdout ? "." : options.file);
  const folder = toStdout ? cwd : dirname(target);
  // The shipped schema does not know custom frameworks: one that does is written beside the template.
  // With `-` nothing is written but the template: its schema line names the file `schema -o` would write.
  const needsLocal = options.schemaRef === undefined && options.frameworks.length > 0;
  const localSchema = needsLocal && !toStdout ? join(dirname(options.file), LOCAL_SCHEMA_FILE) : undefined;
  // Both are checked before either is written; a link counts as a file, even one that leads nowhere.
  for (const file of [toStdout ? undefined : options.file, localSchema]) {
    if (file !== undefined && !options.force && taken(resolve(cwd, file))) {
      throw new UsageError(`${file} already exists; give --force to replace it`, `${file} 已存在；如要替换，请加 --force`);
    }
  }

  let schemaRef = options.schemaRef ?? (needsLocal && toStdout ? `./${LOCAL_SCHEMA_FILE}` : undefined);
  if (localSchema !== undefined) {
    writeOutput(`${jsonPrintable(JSON.stringify(editorSchema(set, options.lang), null, 2))}\n`, localSchema, cwd, options.force ? "replace" : "create");
    schemaRef = `./${LOCAL_SCHEMA_FILE}`;
  }
  if (schemaRef === undefined) {
    schemaRef = schemaPathFrom(folder, join(SHIPPED_SCHEMA_DIR, editorSchemaFile(options.lang)));
    // Only a dependency's schema is at the same place for every teammate.
    if (installKind() !== "dependency") process.stderr.write(`${wrapText(words(options.lang).cli.schemaNotShared(schemaRef), terminalWidth(process.env, process.stderr)).join("\n")}\n`);
  }

  const subject = options.subject ?? words(options.lang).template.placeholder[options.kind];
  const command = commandFor(cwd);
  const text = assessmentTemplate(set, { kind: options.kind, subject, members: options.members, frameworks: chosen, date, schemaRef, locale: options.lang, command, ...(toStdout ? {} : { file: options.file }) });
  if (toStdout) {
    writeStdout(text);
    return 0;
  }
  writeOutput(text, options.file, cwd, options.force ? "replace" : "create");
  const count = chosen.reduce((n, f) => n + f.indicators.length * (f.kind === "stage" && options.kind === "region" ? options.members.length : 1), 0);
  writeStdout(`${words(options.lang).cli.wroteTemplate(options.file, count, command)}\n`);
  return 0;
}

/** Whether anything has this name, a link that leads nowhere too; what cannot be looked at is left to the writer to report. */
function taken(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** The frameworks a template holds: those named with --only, or every one that suits the kind. */
function choose(set: FrameworkSet, kind: "city" | "region", only: readonly string[]): Framework[] {
  const suits = (f: Framework) => kind === "region" || f.kind === "stage";
  if (only.length === 0) return set.all.filter(suits);
  return only.map((id) => {
    const framework = frameworkById(set, id, "--only: ");
    if (!suits(framework)) throw new UsageError(`--only: ${id} is a formation model, answered by a region, not by a city`, `--only：${id} 是形成模式，由区域而非城市作答`);
    return framework;
  });
}

/**
 * How the template names the shipped schema: relative to its folder, with forward slashes,
 * when both are on the same tree; an absolute path when only the root joins them.
 */
export function schemaPathFrom(folder: string, file: string): string {
  const path = relative(folder, file);
  if (isAbsolute(path) || path.split(sep).filter((p) => p === "..").length >= folder.split(sep).filter(Boolean).length) return file.split(sep).join("/");
  return path.split(sep).join("/");
}

export function localToday(): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
