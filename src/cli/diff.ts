import { resolve } from "node:path";
import { diffSubjects } from "../diff/diff.js";
import { UsageError } from "../errors.js";
import type { Finding } from "../findings.js";
import { finding, sortFindings, START } from "../findings.js";
import { DIFF_FORMATS } from "../report/diff/render.js";
import type { DiffFormatName } from "../report/diff/render.js";
import { printable } from "../report/printable.js";
import { findingLines } from "../report/validate/stylish.js";
import { styleFor, wantsColour } from "./colour.js";
import { frameworksFor } from "./context.js";
import { exitCodeFor } from "./exit.js";
import type { ExitCode } from "./exit.js";
import { displayPath, pathKind } from "./files.js";
import { writeOutput } from "./output.js";
import { subjectLoader } from "./tasks.js";
import type { Scored } from "./tasks.js";

export interface DiffOptions {
  readonly format: DiffFormatName;
  readonly output: string | undefined;
  /** Compare even when the two assessments name different subjects. */
  readonly force: boolean;
  readonly failOnRegression: boolean;
  readonly maxFileSize: number;
  readonly frameworks: readonly string[];
  readonly lang: string;
}

/** Progress between two assessments of one subject: exit 1 on problems, or on a regression when asked. */
export function runDiff(olderPath: string, newerPath: string, options: DiffOptions, cwd: string): ExitCode {
  const frameworks = frameworksFor(options.frameworks, cwd);
  const load = subjectLoader({ frameworks: options.frameworks, cwd, maxFileSize: options.maxFileSize }, frameworks);
  const findings: Finding[] = [];
  const sides = [olderPath, newerPath].map((path) => {
    const absolute = resolve(cwd, path);
    if (pathKind(absolute) === "missing") {
      findings.push(finding("not-found", path, START, ""));
      return undefined;
    }
    const loaded = load({ absolute, file: displayPath(absolute, cwd) });
    findings.push(...loaded.findings);
    return loaded.scored;
  });
  const style = styleFor(wantsColour(process.stderr.isTTY === true, process.env));
  if (findings.length > 0) process.stderr.write(`${findingLines(sortFindings(findings), style).join("\n")}\n`);
  const [older, newer] = sides as [Scored | undefined, Scored | undefined];
  if (older === undefined || newer === undefined) return exitCodeFor(findings) === 2 ? 2 : 1;

  const [a, b] = [older.score, newer.score];
  if (a.kind !== b.kind) throw new UsageError(`${printable(a.file)} assesses a ${a.kind} and ${printable(b.file)} a ${b.kind}: there is nothing to compare`);
  if (!sameSubject(a.name, b.name) && !options.force) {
    throw new UsageError(`${printable(a.file)} assesses "${printable(a.name)}" and ${printable(b.file)} "${printable(b.name)}"; give --force to compare them anyway`);
  }

  const diff = diffSubjects(frameworks, older, newer);
  const colour = options.output === undefined && wantsColour(process.stdout.isTTY === true, process.env);
  const text = DIFF_FORMATS[options.format](diff, { frameworks, style: styleFor(colour), locale: options.lang });
  writeOutput(text, options.output, [resolve(cwd, olderPath), resolve(cwd, newerPath)], cwd);
  return options.failOnRegression && diff.regressions.length > 0 ? 1 : 0;
}

/** Names that differ only in case or spacing name the same subject. */
const normalName = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
const sameSubject = (a: string, b: string) => normalName(a) === normalName(b);
