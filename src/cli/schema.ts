import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { editorSchema, editorSchemaFile } from "../assessment/editor.js";
import { words } from "../i18n/words.js";
import { UsageError } from "../model/errors.js";
import { printable } from "../format/printable.js";
import { pathKind } from "../node/files.js";
import { isLink } from "../node/paths.js";
import { schemaPathFrom } from "./init.js";
import { replacementLines } from "../pipeline/replaced.js";
import { jsonPrintable } from "../format/printable.js";
import { frameworksFor, SHIPPED_SCHEMA_DIR } from "../node/context.js";
import type { ExitCode } from "../pipeline/exit.js";
import { writeOutput } from "../node/output.js";

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

/** The editor's modeline, the first such comment of a file. */
const MODELINE = /^#[ \t]*yaml-language-server[ \t]*:[ \t]*\$schema=\S*[ \t]*$/m;

/**
 * Points the schema line of each file at the editor schema again (the one this install ships,
 * or `to`), relative to the file, as `init` writes it: what a moved file needs. A file without
 * a schema line gets one at the top. Links and anything but regular files are refused; each file
 * is replaced whole, never written through a link.
 */
export function runRelink(files: readonly string[], options: { readonly to: string | undefined; readonly lang: string }, cwd: string): ExitCode {
  const schema = options.to === undefined ? join(SHIPPED_SCHEMA_DIR, editorSchemaFile(options.lang)) : resolve(cwd, options.to);
  if (pathKind(schema) !== "file") throw new UsageError(`no schema file at ${printable(schema)}`, `${printable(schema)} 处没有模式文件`);
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
    const next = MODELINE.test(text) ? text.replace(MODELINE, line) : `${line}\n${text}`;
    if (next !== text) writeOutput(next, file, cwd, "replace");
    done++;
  }
  process.stdout.write(`${words(options.lang).cli.relinked(done)}\n`);
  if (problems.length > 0) throw new UsageError(`not a regular file: ${problems.join(", ")}`, `不是普通文件：${problems.join("，")}`);
  return 0;
}
