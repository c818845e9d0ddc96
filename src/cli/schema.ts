import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SCHEMA_LINE } from "../assessment/check.js";
import { editorSchema, editorSchemaFile } from "../assessment/editor.js";
import { words } from "../i18n/words.js";
import { UsageError } from "../model/errors.js";
import { printable } from "../format/printable.js";
import { findConfig } from "../node/config.js";
import { displayPath, pathKind } from "../node/files.js";
import { isLink } from "../node/paths.js";
import { LOCAL_SCHEMA_FILE, schemaPathFrom } from "./init.js";
import { replacementLines } from "../pipeline/replaced.js";
import { jsonPrintable } from "../format/printable.js";
import { frameworksFor, SHIPPED_SCHEMA_DIR } from "../node/context.js";
import type { ExitCode } from "../pipeline/exit.js";
import { writeOutput, writeStdout } from "../node/output.js";

export interface SchemaOptions {
  readonly output: string | undefined;
  readonly frameworks: readonly string[];
  /** The language of the titles, descriptions and level names the editor shows. */
  readonly lang: string;
}

/** Prints, or writes with `-o`, the self-contained assessment schema of the loaded frameworks. */
export function runSchema(options: SchemaOptions, cwd: string): ExitCode {
  const set = frameworksFor(options.frameworks, cwd);
  process.stderr.write(replacementLines(set, options.frameworks, cwd, options.lang));
  writeOutput(`${jsonPrintable(JSON.stringify(editorSchema(set, options.lang), null, 2))}\n`, options.output, cwd);
  return 0;
}


/**
 * Points the schema line of each file at the editor schema again (the one this install ships,
 * or `to`), relative to the file, as `init` writes it: what a moved file needs. A file without
 * a schema line gets one at the top. Links and anything but regular files are refused; each file
 * is replaced whole, never written through a link.
 */
export function runRelink(files: readonly string[], options: { readonly to: string | undefined; readonly lang: string }, cwd: string): ExitCode {
  const schema = options.to === undefined ? join(SHIPPED_SCHEMA_DIR, editorSchemaFile(options.lang)) : resolve(cwd, options.to);
  if (pathKind(schema) !== "file") throw new UsageError(`no schema file at ${printable(schema)}`, `${printable(schema)} 处没有JSON Schema文件`);
  const problems: string[] = [];
  let done = 0;
  for (const file of files) {
    const absolute = resolve(cwd, file);
    if (isLink(absolute) || pathKind(absolute) !== "file") {
      problems.push(printable(file));
      continue;
    }
    const text = readFileSync(absolute, "utf8");
    const line = `# yaml-language-server: $schema=${schemaPathFrom(dirname(absolute), schema)}`;
    const next = SCHEMA_LINE.test(text) ? text.replace(SCHEMA_LINE, line) : `${line}\n${text}`;
    if (next !== text) writeOutput(next, file, cwd, "replace");
    done++;
  }
  writeStdout(`${words(options.lang).cli.relinked(done)}\n`);
  if (problems.length > 0) throw new UsageError(`not a regular file: ${problems.join(", ")}`, `不是普通文件：${problems.join("，")}`);
  return 0;
}

/**
 * Writes the editor mapping into `.vscode/settings.json` beside `.smartregion.yaml`: the schema
 * for the globs the file lists under `assessments`, so that the editor checks every assessment
 * wherever it moves, with no schema line at all. Other settings in the file are kept; a file
 * that is not plain JSON (comments, trailing commas) is left alone and the entry to add is shown.
 */
export function runEditorSettings(options: { readonly to: string | undefined; readonly lang: string; readonly frameworks: readonly string[] }, cwd: string): ExitCode {
  const config = findConfig(cwd);
  if (config.folder === undefined || config.patterns.length === 0) {
    throw new UsageError("--editor-settings needs a .smartregion.yaml that lists the assessments (assessments: globs)", "--editor-settings 需要在 .smartregion.yaml 中用 assessments 列出评估文件");
  }
  const folder = join(config.folder, ".vscode");
  const file = join(folder, "settings.json");
  const local = join(folder, LOCAL_SCHEMA_FILE);
  if ([folder, file, local].some(isLink)) throw new UsageError(`${printable(folder)} is reached through a link; nothing was written`, `${printable(folder)} 经由符号链接；未写入任何内容`);
  // With custom frameworks the shipped schema does not know them: the schema of the loaded frameworks is kept beside the settings.
  const custom = options.to === undefined && options.frameworks.length > 0;
  const schema = custom ? local : options.to === undefined ? join(SHIPPED_SCHEMA_DIR, editorSchemaFile(options.lang)) : resolve(cwd, options.to);
  if (!custom && pathKind(schema) !== "file") throw new UsageError(`no schema file at ${printable(schema)}`, `${printable(schema)} 处没有JSON Schema文件`);
  const ref = schemaPathFrom(config.folder, schema);
  const entry = { [ref.startsWith("/") || ref.startsWith("../") ? ref : `./${ref}`]: [...config.patterns] };
  let settings: Record<string, unknown> = {};
  if (pathKind(file) === "file") {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      settings = parsed as Record<string, unknown>;
    } catch {
      throw new UsageError(
        `${printable(file)} is not plain JSON (comments?); add this to it: "yaml.schemas": ${JSON.stringify(entry)}`,
        `${printable(file)} 不是纯 JSON（含注释？）；请手工加入："yaml.schemas": ${JSON.stringify(entry)}`,
      );
    }
  } else if (pathKind(folder) === "missing") mkdirSync(folder);
  if (custom) writeOutput(`${jsonPrintable(JSON.stringify(editorSchema(frameworksFor(options.frameworks, cwd), options.lang), null, 2))}\n`, local, cwd, "replace");
  const current = settings["yaml.schemas"];
  const schemas = typeof current === "object" && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  settings["yaml.schemas"] = { ...schemas, ...entry };
  writeOutput(`${JSON.stringify(settings, null, 2)}\n`, file, cwd, "replace");
  writeStdout(`${words(options.lang).cli.editorSettings(displayPath(file, cwd), config.patterns.join(", "))}\n`);
  return 0;
}
