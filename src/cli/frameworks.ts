import { writeStdout } from "../node/output.js";
import { isTerminal, stdoutTerminal } from "../node/terminal.js";
import { jsonPrintable } from "../format/printable.js";
import { replacementLines } from "../pipeline/replaced.js";
import { frameworkData, formatFrameworkList, formatFrameworkShow } from "../format/frameworks.js";
import { styleFor, terminalWidth, wantsColour } from "../format/colour.js";
import { frameworkById, frameworksFor } from "../node/context.js";
import type { ExitCode } from "../pipeline/exit.js";

const style = () => styleFor(wantsColour(isTerminal(1), process.env));

export function runFrameworksList(format: "text" | "json", dirs: readonly string[], cwd: string, locale = "en"): ExitCode {
  const set = frameworksFor(dirs, cwd);
  process.stderr.write(replacementLines(set, dirs, cwd, locale));
  writeStdout(
    format === "json" ? `${jsonPrintable(JSON.stringify(set.all.map(frameworkData), null, 2))}\n` : formatFrameworkList(set, style(), locale, terminalWidth(process.env, stdoutTerminal())),
  );
  return 0;
}

export function runFrameworksShow(id: string, format: "text" | "json", dirs: readonly string[], cwd: string, locale = "en"): ExitCode {
  const set = frameworksFor(dirs, cwd);
  process.stderr.write(replacementLines(set, dirs, cwd, locale));
  const framework = frameworkById(set, id);
  writeStdout(format === "json" ? `${jsonPrintable(JSON.stringify(frameworkData(framework), null, 2))}\n` : formatFrameworkShow(set, framework, style(), locale, terminalWidth(process.env, stdoutTerminal())));
  return 0;
}
