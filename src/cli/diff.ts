import { isTerminal, stdoutTerminal } from "../node/terminal.js";
import { resolve } from "node:path";
import { append } from "../model/arrays.js";
import { replacementNotices } from "../pipeline/replaced.js";
import { diffSubjects } from "../analysis/diff/diff.js";
import { UsageError } from "../model/errors.js";
import { ZH } from "../i18n/words.js";
import type { Finding } from "../model/findings.js";
import { finding, sortFindings, START } from "../model/findings.js";
import { DIFF_FORMATS } from "../format/diff/render.js";
import type { DiffFormatName } from "../format/diff/render.js";
import { printable } from "../format/printable.js";
import { findingLines } from "../format/validate/stylish.js";
import { styleFor, terminalWidth, wantsColour } from "../format/colour.js";
import { frameworksFor } from "../node/context.js";
import { exitCodeFor } from "../pipeline/exit.js";
import type { ExitCode } from "../pipeline/exit.js";
import { displayPath } from "../node/files.js";
import { openRevision } from "../node/git.js";
import { writeOutput } from "../node/output.js";
import { subjectLoader } from "../pipeline/tasks.js";
import { subjectOnDisk } from "./subjects.js";
import { normalName } from "../analysis/reconcile/reconcile.js";
import type { Scored } from "../pipeline/tasks.js";

export interface DiffOptions {
  readonly format: DiffFormatName;
  readonly output: string | undefined;
  /** Compare even when the two assessments name different subjects. */
  readonly force: boolean;
  readonly failOnRegression: boolean;
  readonly maxFileSize: number;
  readonly frameworks: readonly string[];
  /** The languages asked for; formats that show only one use the first. */
  readonly langs: readonly string[];
  /** A git revision: the older side is the newer file as it was there, with its members of then. */
  readonly since?: string | undefined;
}

/**
 * Progress between two assessments of one subject: exit 1 on problems, or on a regression when
 * asked. With `since`, the older assessment is the file at that git revision.
 */
export function runDiff(olderPath: string, newerPath: string | undefined, options: DiffOptions, cwd: string): ExitCode {
  const frameworks = frameworksFor(options.frameworks, cwd);
  const common = { frameworks: options.frameworks, cwd, maxFileSize: options.maxFileSize };
  const load = subjectLoader(common, frameworks);
  const findings: Finding[] = replacementNotices(frameworks, options.frameworks, cwd);
  const onDisk = (path: string) => subjectOnDisk(load, path, cwd, findings);
  let sides: (Scored | undefined)[];
  if (options.since !== undefined) {
    if (newerPath !== undefined) throw new UsageError("give one assessment with --since: it is compared with itself at that revision", "使用 --since 时只需给出一个评估文件：它将与该版本中的自身比较");
    const absolute = resolve(cwd, olderPath);
    const revision = openRevision(options.since, absolute, cwd, (a) => displayPath(a, cwd), options.maxFileSize);
    if (typeof revision === "string") {
      const why = { "no-git": ["git is not installed", "未安装 git"], "not-a-repository": [`${printable(olderPath)} is not in a git repository`, `${printable(olderPath)} 不在 git 仓库中`], "no-such-revision": options.since.startsWith("-")
          ? [`${printable(options.since)} is not a revision: a revision cannot start with "-"`, `${printable(options.since)} 不是版本：版本名不能以“-”开头`]
          : [`no commit ${printable(options.since)} in the repository (for origin/…, fetch it first, or check out with fetch-depth: 0)`, `仓库中没有提交 ${printable(options.since)}（如为 origin/…，请先 fetch，或检出时设 fetch-depth: 0）`] }[revision];
      throw new UsageError(why[0]!, why[1]!);
    }
    const bytes = revision.reader.read(absolute);
    let older: Scored | undefined;
    if (bytes instanceof Uint8Array) {
      const loaded = subjectLoader(common, frameworks, revision)({ absolute, file: revision.reader.display(absolute), bytes });
      append(findings, loaded.findings);
      older = loaded.scored;
    } else findings.push(finding(bytes.error === "too-large" ? "too-large" : "not-found", revision.reader.display(absolute), START, "", bytes.error === "too-large" ? { limit: options.maxFileSize } : {}));
    sides = [older, onDisk(olderPath)];
  } else {
    if (newerPath === undefined) throw new UsageError("give two assessments, or one with --since <revision>", "请给出两个评估文件，或用 --since <版本> 给出一个");
    sides = [olderPath, newerPath].map(onDisk);
  }
  const style = styleFor(wantsColour(process.stderr.isTTY === true, process.env));
  if (findings.length > 0) process.stderr.write(`${findingLines(sortFindings(findings), style, options.langs[0]).join("\n")}\n`);
  const [older, newer] = sides as [Scored | undefined, Scored | undefined];
  if (older === undefined || newer === undefined) return exitCodeFor(findings) === 2 ? 2 : 1;

  const [a, b] = [older.score, newer.score];
  if (a.kind !== b.kind) throw new UsageError(
      `${printable(a.file)} assesses a ${a.kind} and ${printable(b.file)} a ${b.kind}: there is nothing to compare`,
      `${printable(a.file)} 评估的是${ZH.kind[a.kind]}，${printable(b.file)} 评估的是${ZH.kind[b.kind]}：无从比较`,
    );
  if (!sameSubject(a.name, b.name) && !options.force) {
    throw new UsageError(
      `${printable(a.file)} assesses "${printable(a.name)}" and ${printable(b.file)} "${printable(b.name)}"; give --force to compare them anyway`,
      `${printable(a.file)} 评估的是“${printable(a.name)}”，${printable(b.file)} 评估的是“${printable(b.name)}”；如仍要比较，请加 --force`,
    );
  }

  const diff = diffSubjects(frameworks, older, newer);
  const colour = options.output === undefined && wantsColour(isTerminal(1), process.env);
  const text = DIFF_FORMATS[options.format](diff, { frameworks, style: styleFor(colour), locale: options.langs[0]!, locales: options.langs, width: terminalWidth(process.env, stdoutTerminal()) });
  writeOutput(text, options.output, cwd);
  return options.failOnRegression && diff.regressions.length > 0 ? 1 : 0;
}

const sameSubject = (a: string, b: string) => normalName(a) === normalName(b);
