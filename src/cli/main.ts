import { readFileSync } from "node:fs";
import { envLocale, LOCALES, parseLangs } from "../i18n/locale.js";
import type { Locale } from "../i18n/locale.js";
import { words } from "../i18n/words.js";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { helpLocale, helpSettings, helpWords, outputSettings } from "./help.js";
import type { HelpWords } from "../i18n/help.js";
import { ConfigError, FrameworkError, UsageError } from "../model/errors.js";
import { findConfig } from "../node/config.js";
import type { ExceptionPolicy } from "../pipeline/tasks.js";
import { sarifBase } from "../node/paths.js";
import { stagedAssessments } from "../node/staged.js";
import { PLAIN } from "../format/style.js";
import { printable } from "../format/printable.js";
import { VALIDATE_FORMATTERS } from "../format/validate/index.js";
import { findingLines } from "../format/validate/stylish.js";
import type { ExitCode } from "../pipeline/exit.js";
import { runFrameworksList, runFrameworksShow } from "./frameworks.js";
import { runReport } from "./report.js";
import { runEditorSettings, runRelink, runSchema } from "./schema.js";
import { runExport, runImport } from "./workbook.js";
import { runInit } from "./init.js";
import { runDiff } from "./diff.js";
import { runReconcile } from "./reconcile.js";
import { RECONCILE_FORMATS } from "../format/reconcile/render.js";
import type { ReconcileFormatName } from "../format/reconcile/render.js";
import { runLint } from "./lint.js";
import type { ValidateFormat } from "../format/validate/index.js";
import { DIFF_FORMATS } from "../format/diff/render.js";
import type { DiffFormatName } from "../format/diff/render.js";
import { runScore } from "./score.js";
import { REPORT_FORMATS } from "../format/report/index.js";
import { runValidate } from "./validate.js";
import { serveIfWorker, workerEntry } from "../pipeline/pool.js";
import { removeTemporaries, stdoutFailure } from "../node/output.js";
import { DEFAULT_CACHE_FILE } from "../node/cache.js";
import type { CacheStrategy } from "../node/cache.js";
import { SCORE_FORMATS } from "../format/score/index.js";

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

const collect = (value: string, previous: string[]) => [...previous, value];
const list = (value: string) => value.split(",").map((v) => v.trim()).filter((v) => v !== "");

/** The parsers of option values, each refusing a value with the reason in the help's language. */
const parsers = (h: HelpWords) => ({
  megabytes: (value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(h.expected.megabytes);
    return Math.round(n * 1024 * 1024);
  },
  languages: (value: string): Locale[] => {
    const parsed = parseLangs(value);
    if (parsed === undefined) throw new InvalidArgumentError(h.expected.languages(LOCALES));
    return parsed;
  },
  wholeNumber: (value: string) => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(h.expected.wholeNumber);
    return Number(value);
  },
  /** A day as YYYY-MM-DD. */
  day: (value: string) => {
    if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) throw new InvalidArgumentError(h.expected.day);
    return value;
  },
});

/** The command line, its help and its usage errors in the words of `h`. */
function program(setExit: (code: ExitCode) => void, h: HelpWords): Command {
  const cwd = process.cwd();
  const { megabytes, languages, wholeNumber, day } = parsers(h);
  /** Where SARIF's URIs start. */
  const baseOption = () => new Option("--base <folder>", h.shared.base);
  /** How a run judges and shows the exceptions of .smartregion.yaml: the same three options on validate, score and report. */
  const exceptionOptions = (command: Command): Command =>
    command.option("--today <YYYY-MM-DD>", h.shared.today, day).option("--show-excepted", h.shared.showExcepted).option("--strict-exceptions", h.shared.strictExceptions);
  /** The size limit, given and shown in megabytes, held in bytes. */
  const maxFileSize = () => new Option("--max-file-size <MB>", h.shared.maxFileSize).argParser(megabytes).default(5 * 1024 * 1024, "5");
  const root = new Command("smartregion").description(h.program);
  // commander's own option and command are in the help's language; in English, as commander has them.
  if (h.commander === undefined) root.version(VERSION, "-v, --version");
  else root.version(VERSION, "-v, --version", h.commander.version).helpOption("-h, --help", h.commander.help).helpCommand("help [command]", h.commander.helpCommand);
  root
    .option("--frameworks <dir>", h.global.frameworks, collect, [])
    .option("--no-config", h.global.noConfig)
    .option("-j, --jobs <n>", h.global.jobs, wholeNumber, 0)
    .option("--lang <languages>", h.global.lang(LOCALES), languages)
    .option("--debug", h.global.debug)
    .showHelpAfterError(h.global.helpHint)
    .configureHelp(helpSettings(h))
    // Arguments can hold control characters and line breaks (a file name from a shell's glob):
    // in an error message they are shown as escapes; help keeps its own lines.
    .configureOutput(outputSettings(h))
    .exitOverride();
  let dirs: string[] | undefined;
  // The folders of .smartregion.yaml first, then those given with --frameworks, which win on a clash of ids.
  const frameworkDirs = () => {
    const opts = root.opts<{ frameworks: string[]; config: boolean }>();
    return (dirs ??= [...(opts.config ? findConfig(cwd).frameworks : []), ...opts.frameworks]);
  };
  const jobs = () => root.opts<{ jobs: number }>().jobs;
  const configAssessments = () => (root.opts<{ config: boolean }>().config ? findConfig(cwd).assessments : undefined);
  /** The paths given, or else the assessments the project's .smartregion.yaml lists. */
  const pathsOr = (paths: readonly string[]): readonly string[] => {
    if (paths.length > 0) return paths;
    const listed = configAssessments();
    if (listed === undefined) throw new UsageError("give the files to check, or list them under assessments: in .smartregion.yaml", "请给出要检查的文件，或在 .smartregion.yaml 的 assessments 中列出");
    return listed;
  };
  const staged = (listed: readonly string[] | undefined, maxBytes: number) => {
    const found = stagedAssessments(cwd, listed, maxBytes);
    if (typeof found === "string") throw new UsageError(found === "no-git" ? "--staged needs git, which is not installed" : "--staged: the working folder is not in a git repository", found === "no-git" ? "--staged 需要 git，但未安装" : "--staged：当前文件夹不在 git 仓库中");
    return found;
  };
  const langs = () => root.opts<{ lang?: Locale[] }>().lang ?? [envLocale(process.env)];
  /** The run's exceptions, from .smartregion.yaml, as the options ask to judge and show them. */
  const exceptions = (opts: { today?: string; showExcepted?: boolean; strictExceptions?: boolean }): { exceptions?: ExceptionPolicy } => {
    const rules = root.opts<{ config: boolean }>().config ? findConfig(cwd).exceptions : [];
    return rules.length === 0 ? {} : { exceptions: { rules, today: opts.today, strict: opts.strictExceptions === true, show: opts.showExcepted === true } };
  };

  exceptionOptions(root
    .command("validate")
    .description(h.validate.description)
    .argument("[paths...]", h.validate.paths)
    .option("--staged", h.validate.staged)
    .option("-f, --format <format[=file]>", h.shared.formats(Object.keys(VALIDATE_FORMATTERS), "stylish"), collect, [])
    .option("-o, --output <file>", h.shared.output)
    .option("-q, --quiet", h.validate.quiet)
    .option("--max-warnings <n>", h.validate.maxWarnings, wholeNumber)
    .option("--max-disputed <n>", h.validate.maxDisputed, wholeNumber)
    .addOption(maxFileSize())
    .option("--cache", h.validate.cache)
    .option("--cache-location <path>", h.validate.cacheLocation(DEFAULT_CACHE_FILE))
    .addOption(new Option("--cache-strategy <strategy>", h.validate.cacheStrategy).choices(["metadata", "content"]).default("metadata"))
    .addOption(baseOption()))
    .action(
      async (
        paths: string[],
        opts: { format: string[]; output?: string; quiet?: boolean; maxWarnings?: number; maxDisputed?: number; maxFileSize: number; cache?: boolean; cacheLocation?: string; cacheStrategy: CacheStrategy; base?: string; staged?: boolean; today?: string; showExcepted?: boolean; strictExceptions?: boolean },
      ) => {
        if (opts.staged === true && paths.length > 0) throw new UsageError("--staged takes no paths: it checks the files staged for the next commit", "--staged 不接受路径：它检查暂存待提交的文件");
        const index = opts.staged === true ? staged(configAssessments(), opts.maxFileSize) : undefined;
        const chosen = index !== undefined ? index.files : pathsOr(paths);
        // Nothing staged that is an assessment: nothing to say, and the commit goes ahead.
        if (chosen.length === 0) return;
        const cache = opts.cache === true ? { location: opts.cacheLocation ?? DEFAULT_CACHE_FILE, strategy: opts.cacheStrategy } : undefined;
        setExit(
          await runValidate(
            chosen,
            { formats: opts.format, output: opts.output, quiet: opts.quiet === true, maxWarnings: opts.maxWarnings, maxDisputed: opts.maxDisputed, maxFileSize: opts.maxFileSize, frameworks: frameworkDirs(), version: VERSION, cache, jobs: jobs(), locale: langs()[0]!, base: sarifBase(opts.base, cwd), ...exceptions(opts), ...(index === undefined ? {} : { staged: index.index }) },
            cwd,
          ),
        );
      },
    );

  exceptionOptions(root
    .command("score")
    .description(h.score.description)
    .argument("[paths...]", h.shared.paths)
    .option("-f, --format <format[=file]>", h.shared.formats(Object.keys(SCORE_FORMATS), "terminal"), collect, [])
    .option("-o, --output <file>", h.shared.output)
    .option("--min-stage <stage>", h.score.minStage)
    .option("--fail-under <percent>", h.score.failUnder, collect, [])
    .addOption(maxFileSize())
    .addOption(baseOption()))
    .action(async (paths: string[], opts: { format: string[]; output?: string; minStage?: string; failUnder: string[]; maxFileSize: number; base?: string; today?: string; showExcepted?: boolean; strictExceptions?: boolean }) => {
      setExit(await runScore(pathsOr(paths), { formats: opts.format, output: opts.output, minStage: opts.minStage, failUnder: opts.failUnder, maxFileSize: opts.maxFileSize, langs: langs(), frameworks: frameworkDirs(), jobs: jobs(), version: VERSION, base: sarifBase(opts.base, cwd), ...exceptions(opts) }, cwd));
    });

  exceptionOptions(root
    .command("report")
    .description(h.report.description)
    .argument("[paths...]", h.shared.paths)
    .option("-f, --format <format[=file]>", h.shared.formats(Object.keys(REPORT_FORMATS), "terminal"), collect, [])
    .option("-o, --output <file>", h.shared.output)
    .option("--evidence-max-age <months>", h.report.evidenceMaxAge, wholeNumber)
    .option("--evidence-from-level <level>", h.report.evidenceFromLevel, wholeNumber)
    .option("--strict-evidence", h.report.strictEvidence)
    .addOption(maxFileSize())
    .addOption(baseOption()))
    .action(
      async (
        paths: string[],
        opts: { format: string[]; output?: string; evidenceMaxAge?: number; evidenceFromLevel?: number; strictEvidence?: boolean; maxFileSize: number; base?: string; today?: string; showExcepted?: boolean; strictExceptions?: boolean },
      ) => {
        const evidence = { maxAgeMonths: opts.evidenceMaxAge, minLevel: opts.evidenceFromLevel, strict: opts.strictEvidence === true };
        setExit(await runReport(pathsOr(paths), { formats: opts.format, output: opts.output, maxFileSize: opts.maxFileSize, evidence, langs: langs(), frameworks: frameworkDirs(), jobs: jobs(), version: VERSION, base: sarifBase(opts.base, cwd), ...exceptions(opts) }, cwd));
      },
    );

  root
    .command("diff")
    .description(h.diff.description)
    .argument("<older>", h.diff.older)
    .argument("[newer]", h.diff.newer)
    .option("--since <revision>", h.diff.since)
    .addOption(new Option("-f, --format <format>", h.shared.format).choices(Object.keys(DIFF_FORMATS)).default("terminal"))
    .option("-o, --output <file>", h.shared.output)
    .option("--fail-on-regression", h.diff.failOnRegression)
    .option("--force", h.diff.force)
    .addOption(maxFileSize())
    .action((older: string, newer: string | undefined, opts: { format: DiffFormatName; output?: string; failOnRegression?: boolean; force?: boolean; maxFileSize: number; since?: string }) =>
      setExit(
        runDiff(
          older,
          newer,
          { format: opts.format, output: opts.output, force: opts.force === true, failOnRegression: opts.failOnRegression === true, maxFileSize: opts.maxFileSize, frameworks: frameworkDirs(), langs: langs(), since: opts.since },
          cwd,
        ),
      ),
    );

  root
    .command("reconcile")
    .description(h.reconcile.description)
    .argument("<files...>", h.reconcile.files)
    .addOption(new Option("-f, --format <format>", h.shared.format).choices(Object.keys(RECONCILE_FORMATS)).default("terminal"))
    .option("-o, --output <file>", h.reconcile.output)
    .option("--report <file>", h.reconcile.report)
    .addOption(new Option("--rule <rule>", h.reconcile.rule).choices(["median", "min"]).default("median"))
    .option("--max-disputed <n>", h.reconcile.maxDisputed, wholeNumber)
    .option("--force", h.reconcile.force)
    .addOption(maxFileSize())
    .action((files: string[], opts: { format: ReconcileFormatName; output?: string; report?: string; rule: "median" | "min"; maxDisputed?: number; force?: boolean; maxFileSize: number }) =>
      setExit(runReconcile(files, { format: opts.format, output: opts.report, merged: opts.output, rule: opts.rule, maxDisputed: opts.maxDisputed, force: opts.force === true, maxFileSize: opts.maxFileSize, frameworks: frameworkDirs(), langs: langs() }, cwd)),
    );

  root
    .command("export")
    .description(h.export.description)
    .argument("[assessment]", h.export.assessment)
    .addOption(new Option("-f, --format <format>", h.export.format).choices(["xlsx"]).default("xlsx"))
    .requiredOption("-o, --output <file>", h.export.output)
    .addOption(new Option("--kind <kind>", h.export.kind).choices(["city", "region"]).default("city"))
    .option("--subject <name>", h.export.subject)
    .addOption(maxFileSize())
    .action((assessment: string | undefined, opts: { output: string; kind: "city" | "region"; subject?: string; maxFileSize: number }) =>
      runExport(assessment, { output: opts.output, kind: opts.kind, subject: opts.subject, lang: langs()[0]!, frameworks: frameworkDirs(), maxFileSize: opts.maxFileSize }, cwd).then(setExit),
    );

  root
    .command("import")
    .description(h.import.description)
    .argument("<workbook>", h.import.workbook)
    .option("-o, --output <file>", h.import.output)
    .option("--into <file>", h.import.into)
    .addOption(maxFileSize())
    .action((workbook: string, opts: { output?: string; into?: string; maxFileSize: number }) =>
      runImport(workbook, { output: opts.output, into: opts.into, lang: langs()[0]!, frameworks: frameworkDirs(), maxFileSize: opts.maxFileSize }, cwd).then(setExit),
    );

  root
    .command("init")
    .description(h.init.description)
    .argument("[file]", h.init.file, "assessment.yaml")
    .addOption(new Option("--kind <kind>", h.init.kind).choices(["city", "region"]).default("city"))
    .option("--subject <name>", h.init.subject)
    .option("--members <names>", h.init.members, (v: string, prev: string[]) => [...prev, ...list(v)], [])
    .option("--only <ids>", h.init.only, (v: string, prev: string[]) => [...prev, ...list(v)], [])
    .option("--date <YYYY-MM-DD>", h.init.date)
    .option("--schema-ref <path-or-url>", h.init.schemaRef)
    .option("--force", h.init.force)
    .action((file: string, opts: { kind: "city" | "region"; subject?: string; members: string[]; only: string[]; date?: string; schemaRef?: string; force?: boolean }) =>
      setExit(runInit({ file, ...opts, subject: opts.subject, date: opts.date, schemaRef: opts.schemaRef, force: opts.force === true, frameworks: frameworkDirs(), lang: langs()[0]! }, cwd)),
    );

  root
    .command("schema")
    .description(h.schema.description)
    .argument("[files...]", h.schema.files)
    .option("-o, --output <file>", h.schema.output)
    .option("--relink", h.schema.relink)
    .option("--editor-settings", h.schema.editorSettings)
    .option("--to <schema>", h.schema.to)
    .action((files: string[], opts: { output?: string; relink?: boolean; editorSettings?: boolean; to?: string }) => {
      if (opts.editorSettings === true) {
        if (files.length > 0 || opts.relink === true) throw new UsageError("--editor-settings takes no files", "--editor-settings 不接受文件");
        setExit(runEditorSettings({ to: opts.to, lang: langs()[0]!, frameworks: frameworkDirs() }, cwd));
        return;
      }
      if (opts.relink === true) {
        if (files.length === 0) throw new UsageError("--relink needs the files to rewrite", "--relink 需要给出要改写的文件");
        setExit(runRelink(files, { to: opts.to, lang: langs()[0]! }, cwd));
        return;
      }
      if (files.length > 0 || opts.to !== undefined) throw new UsageError("files and --to go with --relink", "文件与 --to 须与 --relink 一起使用");
      setExit(runSchema({ output: opts.output, frameworks: frameworkDirs(), lang: langs()[0]! }, cwd));
    });

  const frameworks = root.command("frameworks").description(h.frameworks.description);
  frameworks
    .command("list")
    .description(h.frameworks.list)
    .addOption(new Option("-f, --format <format>", h.shared.format).choices(["text", "json"]).default("text"))
    .action((opts: { format: "text" | "json" }) => setExit(runFrameworksList(opts.format, frameworkDirs(), cwd, langs()[0]!)));
  frameworks
    .command("show")
    .description(h.frameworks.show)
    .argument("<id>", h.frameworks.id)
    .addOption(new Option("-f, --format <format>", h.shared.format).choices(["text", "json"]).default("text"))
    .action((id: string, opts: { format: "text" | "json" }) => setExit(runFrameworksShow(id, opts.format, frameworkDirs(), cwd, langs()[0]!)));
  frameworks
    .command("lint")
    .description(h.frameworks.lint)
    .argument("<paths...>", h.frameworks.paths)
    .addOption(new Option("-f, --format <format>", h.shared.format).choices(Object.keys(VALIDATE_FORMATTERS)).default("stylish"))
    .option("-o, --output <file>", h.shared.output)
    .option("--strict", h.frameworks.strict)
    .action((paths: string[], opts: { format: ValidateFormat; output?: string; strict?: boolean }) =>
      setExit(runLint(paths, { format: opts.format, output: opts.output, strict: opts.strict === true, frameworks: frameworkDirs(), version: VERSION, locale: langs()[0]! }, cwd)),
    );
  return root;
}

async function main(argv: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = 0;
  const cli = program((c) => (code = c), helpWords(helpLocale(argv, process.env)));
  // The language of an error: --lang when it was read before the error, else the environment's.
  const locale = () => cli.opts<{ lang?: Locale[] }>().lang?.[0] ?? envLocale(process.env);
  try {
    await cli.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; every other parse error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`smartregion: ${printable(error.say(locale()))}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`smartregion: ${words(locale()).cli.configUnusable}\n${findingLines(error.findings, PLAIN, locale()).join("\n")}\n`);
      return 2;
    }
    if (error instanceof FrameworkError) {
      process.stderr.write(`smartregion: ${words(locale()).cli.frameworkBroken}\n${findingLines(error.findings, PLAIN, locale()).join("\n")}\n`);
      return 2;
    }
    const debug = argv.includes("--debug");
    process.stderr.write(
      `smartregion: ${words(locale()).cli.internalError}: ${printable(error instanceof Error ? error.message : String(error))}\n` +
        (debug && error instanceof Error ? `${error.stack ?? ""}\n` : `${words(locale()).cli.runWithDebug}\n`),
    );
    return 2;
  }
}

// The same module starts the worker threads of long runs; in one, it serves instead.
workerEntry.url = new URL(import.meta.url);
workerEntry.launcher = new URL("../../bin/smartregion.js", import.meta.url);
if (!serveIfWorker()) void run();

/** The run of the command line itself, in the main thread. */
async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  let finished = false;
  // A file of `-o` half-written when the run is stopped is removed; the exit code is the one
  // shells give a process ended by the signal.
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.on(signal, () => {
      removeTemporaries();
      process.exit(code);
    });
  }
  process.on("exit", removeTemporaries);
  // Standard output that cannot be written (a full disk under `> file`) fails the run: what
  // was asked for was not delivered.
  const stdoutFailed = (reason: string) => {
    process.stderr.write(`smartregion: ${new UsageError(`cannot write to standard output: ${reason}`, `无法写入标准输出：${reason}`).say(envLocale(process.env))}\n`);
    if (finished) process.exitCode = 2;
  };
  stdoutFailure.listener = stdoutFailed;
  const code = await main(argv);
  finished = true;
  process.exitCode = stdoutFailure.reason !== undefined ? 2 : code;
}
