import { editorSchema } from "../assessment/editor.js";
import { replacementLines } from "../pipeline/replaced.js";
import { jsonPrintable } from "../format/printable.js";
import { frameworksFor } from "../node/context.js";
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
