import { readFileSync } from "node:fs";
import { envLocale, LOCALES, parseLangs } from "../i18n/locale.js";
import type { Locale } from "../i18n/locale.js";
import { words } from "../i18n/words.js";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ConfigError, FrameworkError, UsageError } from "../model/errors.js";
import { findConfig } from "../node/config.js";
import type { ExceptionPolicy } from "../pipeline/tasks.js";
import { sarifBase } from "../node/paths.js";
import { stagedAssessments } from "../node/staged.js";
import { PLAIN } from "../format/style.js";
import { printable, printableLines } from "../format/printable.js";
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
import { closeStdout, failStdout, removeTemporaries, stdoutFailure } from "../node/output.js";
import { DEFAULT_CACHE_FILE } from "../node/cache.js";
import type { CacheStrategy } from "../node/cache.js";
import { SCORE_FORMATS } from "../format/score/index.js";

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

const collect = (value: string, previous: string[]) => [...previous, value];
const megabytes = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number of megabytes");
  return Math.round(n * 1024 * 1024);
};

const languages = (value: string): Locale[] => {
  const parsed = parseLangs(value);
  if (parsed === undefined) throw new InvalidArgumentError(`expected ${LOCALES.join(" or ")}, or several separated by commas`);
  return parsed;
};

const list = (value: string) => value.split(",").map((v) => v.trim()).filter((v) => v !== "");

const wholeNumber = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number");
  return Number(value);
};

/** Where SARIF's URIs start. */
const baseOption = () => new Option("--base <folder>", "the folder SARIF file paths are relative to (default: the top of the git repository, else the working folder)");

/** A day as YYYY-MM-DD. */
const day = (value: string) => {
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) throw new InvalidArgumentError("expected a date as YYYY-MM-DD");
  return value;
};

/** How a run judges and shows the exceptions of .smartregion.yaml: the same three options on validate, score and report. */
const exceptionOptions = (command: Command): Command =>
  command
    .option("--today <YYYY-MM-DD>", "judge the exceptions' expiry dates on this day (default: each assessment's own date; never the clock)", day)
    .option("--show-excepted", "list the findings an exception covers (they are counted either way)")
    .option("--strict-exceptions", "make an expired exception an error, not a warning");

/** The size limit, given and shown in megabytes, held in bytes. */
const maxFileSize = () => new Option("--max-file-size <MB>", "refuse files larger than this").argParser(megabytes).default(5 * 1024 * 1024, "5");

/**
 * An option's line of help as commander writes it, less a default that tells the reader
 * nothing: the empty list a repeatable option starts from.
 */
function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices !== undefined) extra.push(`choices: ${option.argChoices.map((c) => JSON.stringify(c)).join(", ")}`);
  const value: unknown = option.defaultValue;
  const empty = Array.isArray(value) && value.length === 0;
  if (value !== undefined && !empty && (option.required || option.optional || (option.isBoolean() && typeof value === "boolean"))) {
    extra.push(`default: ${option.defaultValueDescription ?? JSON.stringify(value)}`);
  }
  return extra.length === 0 ? option.description : `${option.description} (${extra.join(", ")})`;
}

function program(setExit: (code: ExitCode) => void): Command {
  const cwd = process.cwd();
  const root = new Command("smartregion")
    .description("Validate, score and report on smart-city and smart-region self-assessments.")
    .version(VERSION, "-v, --version")
    .option("--frameworks <dir>", "also load the frameworks in this folder (repeatable); they replace shipped ones of the same id", collect, [])
    .option("--no-config", "ignore .smartregion.yaml")
    .option("-j, --jobs <n>", "threads for long runs, this one among them: 0 picks by cores and number of files, 1 uses no worker", wholeNumber, 0)
    .option("--lang <languages>", "language of reports and messages: en or zh-CN; zh-CN,en puts both in one HTML or Markdown document (default: from LC_ALL, LC_MESSAGES or LANG)", languages)
    .option("--debug", "show the stack of an internal error")
    .showHelpAfterError()
    .configureHelp({ optionDescription })
    // Arguments can hold control characters and line breaks (a file name from a shell's glob):
    // in an error message they are shown as escapes; help keeps its own lines.
    .configureOutput({ writeErr: (text) => process.stderr.write(text.startsWith("error:") ? `${printable(text.trimEnd())}\n` : printableLines(text)) })
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
    .description("check assessment files against the frameworks")
    .argument("[paths...]", "files, folders (walked for *.yaml and *.yml, framework files left out) or glob patterns; none: the assessments .smartregion.yaml lists")
    .option("--staged", "check the assessment files staged for the next commit, as a pre-commit hook does")
    .option("-f, --format <format[=file]>", `output format, repeatable, each to stdout or its own file: ${Object.keys(VALIDATE_FORMATTERS).join(", ")} (default: stylish)`, collect, [])
    .option("-o, --output <file>", "write the output to a file instead of stdout")
    .option("-q, --quiet", "report errors only, not warnings")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", wholeNumber)
    .option("--max-disputed <n>", "exit 1 when more answers than this are disputed among assessors (a reconciled file)", wholeNumber)
    .addOption(maxFileSize())
    .option("--cache", "remember the findings of unchanged files between runs")
    .option("--cache-location <path>", `the cache file, or a folder to keep ${DEFAULT_CACHE_FILE} in (default: ./${DEFAULT_CACHE_FILE})`)
    .addOption(new Option("--cache-strategy <strategy>", "how a changed file is told: by size and modification time, or by content").choices(["metadata", "content"]).default("metadata"))
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
    .description("score assessments: stages, dimensions, formation models, region roll-up")
    .argument("[paths...]", "files, folders or glob patterns; none: the assessments .smartregion.yaml lists")
    .option("-f, --format <format[=file]>", `output format, repeatable, each to stdout or its own file: ${Object.keys(SCORE_FORMATS).join(", ")} (default: terminal)`, collect, [])
    .option("-o, --output <file>", "write the output to a file instead of stdout")
    .option("--min-stage <stage>", "exit 1 unless this stage is reached (a region: by its weakest member)")
    .option("--fail-under <percent>", "exit 1 when a score is below this percent, of the subject or of [framework[.dimension]=]percent (repeatable)", collect, [])
    .addOption(maxFileSize())
    .addOption(baseOption()))
    .action(async (paths: string[], opts: { format: string[]; output?: string; minStage?: string; failUnder: string[]; maxFileSize: number; base?: string; today?: string; showExcepted?: boolean; strictExceptions?: boolean }) => {
      setExit(await runScore(pathsOr(paths), { formats: opts.format, output: opts.output, minStage: opts.minStage, failUnder: opts.failUnder, maxFileSize: opts.maxFileSize, langs: langs(), frameworks: frameworkDirs(), jobs: jobs(), version: VERSION, base: sarifBase(opts.base, cwd), ...exceptions(opts) }, cwd));
    });

  exceptionOptions(root
    .command("report")
    .description("the gap report: prioritised gaps, the plan to the next stage, evidence to check")
    .argument("[paths...]", "files, folders or glob patterns; none: the assessments .smartregion.yaml lists")
    .option("-f, --format <format[=file]>", `output format, repeatable, each to stdout or its own file: ${Object.keys(REPORT_FORMATS).join(", ")} (default: terminal)`, collect, [])
    .option("-o, --output <file>", "write the output to a file instead of stdout")
    .option("--evidence-max-age <months>", "evidence older than this, counted back from the assessment date, is stale (default: each framework's, 36 in the shipped ones)", wholeNumber)
    .option("--evidence-from-level <level>", "levels from this one up need evidence (default: each framework's, 3 in the shipped ones)", wholeNumber)
    .option("--strict-evidence", "make evidence problems errors (exit 1)")
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
    .description("progress between two assessments of one subject: indicators, evidence, scores and stages")
    .argument("<older>", "the earlier assessment (with --since, the one assessment to compare with itself)")
    .argument("[newer]", "the later assessment")
    .option("--since <revision>", "compare the file with itself at this git revision (a branch, tag or commit), its member files as they were there")
    .addOption(new Option("-f, --format <format>", "output format").choices(Object.keys(DIFF_FORMATS)).default("terminal"))
    .option("-o, --output <file>", "write the output to a file instead of stdout")
    .option("--fail-on-regression", "exit 1 when any stage, score or indicator went down")
    .option("--force", "compare even when the two name different subjects")
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
    .description("several assessors' files of one subject: their agreement, the indicators they dispute, and one merged assessment")
    .argument("<files...>", "2 to 20 assessments of one city or region, one an assessor")
    .addOption(new Option("-f, --format <format>", "output format").choices(Object.keys(RECONCILE_FORMATS)).default("terminal"))
    .option("-o, --output <file>", "write the merged assessment here: each indicator at the rule's level, every assessor's evidence, disputes marked")
    .option("--report <file>", "write the output (the format's) to a file instead of stdout")
    .addOption(new Option("--rule <rule>", "the merged level: the median of the levels given (the lower middle one on an even count), or the lowest").choices(["median", "min"]).default("median"))
    .option("--max-disputed <n>", "exit 1 when more indicators than this are in dispute", wholeNumber)
    .option("--force", "reconcile even when the files name different subjects")
    .addOption(maxFileSize())
    .action((files: string[], opts: { format: ReconcileFormatName; output?: string; report?: string; rule: "median" | "min"; maxDisputed?: number; force?: boolean; maxFileSize: number }) =>
      setExit(runReconcile(files, { format: opts.format, output: opts.report, merged: opts.output, rule: opts.rule, maxDisputed: opts.maxDisputed, force: opts.force === true, maxFileSize: opts.maxFileSize, frameworks: frameworkDirs(), langs: langs() }, cwd)),
    );

  root
    .command("export")
    .description("write the workshop workbook (XLSX) of an assessment, or of an empty one, to fill in in a spreadsheet")
    .argument("[assessment]", "the assessment whose answers fill the workbook; none: an empty one")
    .addOption(new Option("-f, --format <format>", "the workbook's format").choices(["xlsx"]).default("xlsx"))
    .requiredOption("-o, --output <file>", "the workbook to write (.xlsx)")
    .addOption(new Option("--kind <kind>", "without an assessment: a city or a region").choices(["city", "region"]).default("city"))
    .option("--subject <name>", "without an assessment: the city or region")
    .addOption(maxFileSize())
    .action((assessment: string | undefined, opts: { output: string; kind: "city" | "region"; subject?: string; maxFileSize: number }) =>
      runExport(assessment, { output: opts.output, kind: opts.kind, subject: opts.subject, lang: langs()[0]!, frameworks: frameworkDirs(), maxFileSize: opts.maxFileSize }, cwd).then(setExit),
    );

  root
    .command("import")
    .description("read a workshop workbook back into an assessment file that validates")
    .argument("<workbook>", "the workbook (.xlsx) made by export and filled in")
    .option("-o, --output <file>", "the new assessment file to write")
    .option("--into <file>", "update this assessment in place, keeping its comments and every key the workbook does not hold")
    .addOption(maxFileSize())
    .action((workbook: string, opts: { output?: string; into?: string; maxFileSize: number }) =>
      runImport(workbook, { output: opts.output, into: opts.into, lang: langs()[0]!, frameworks: frameworkDirs(), maxFileSize: opts.maxFileSize }, cwd).then(setExit),
    );

  root
    .command("init")
    .description("write a template assessment: every indicator with its question and level descriptors as comments")
    .argument("[file]", "where to write it; - for stdout", "assessment.yaml")
    .addOption(new Option("--kind <kind>", "what is assessed").choices(["city", "region"]).default("city"))
    .option("--subject <name>", "the name of the city or region")
    .option("--members <names>", "a region's member cities, separated by commas", (v: string, prev: string[]) => [...prev, ...list(v)], [])
    .option("--only <ids>", "only these frameworks, separated by commas (default: every stage, and for a region every model)", (v: string, prev: string[]) => [...prev, ...list(v)], [])
    .option("--date <YYYY-MM-DD>", "the day the assessment speaks for (default: today)")
    .option("--schema-ref <path-or-url>", "what the editor schema line points at (default: the schema shipped with smartregion)")
    .option("--force", "replace the file if it exists")
    .action((file: string, opts: { kind: "city" | "region"; subject?: string; members: string[]; only: string[]; date?: string; schemaRef?: string; force?: boolean }) =>
      setExit(runInit({ file, ...opts, subject: opts.subject, date: opts.date, schemaRef: opts.schemaRef, force: opts.force === true, frameworks: frameworkDirs(), lang: langs()[0]! }, cwd)),
    );

  root
    .command("schema")
    .description("print the JSON Schema of an assessment, for editors (YAML language server) and other tools")
    .argument("[files...]", "with --relink: the assessment files whose schema line to point at the schema again")
    .option("-o, --output <file>", "write the schema to a file instead of stdout")
    .option("--relink", "point the schema line of the files given at the schema again, relative to each (after a move)")
    .option("--editor-settings", "map the schema to the assessments .smartregion.yaml lists, in .vscode/settings.json beside it")
    .option("--to <schema>", "with --relink or --editor-settings: the schema file to point at (default: the one this install ships)")
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

  const frameworks = root.command("frameworks").description("browse the frameworks");
  frameworks
    .command("list")
    .description("list the frameworks and what each assesses")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .action((opts: { format: "text" | "json" }) => setExit(runFrameworksList(opts.format, frameworkDirs(), cwd, langs()[0]!)));
  frameworks
    .command("show")
    .description("show one framework: its dimensions, indicators and level descriptors")
    .argument("<id>", "framework id, as in `frameworks list`")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .action((id: string, opts: { format: "text" | "json" }) => setExit(runFrameworksShow(id, opts.format, frameworkDirs(), cwd, langs()[0]!)));
  frameworks
    .command("lint")
    .description("check framework files: the meta-schema, unique ids, level descriptors, weights, thresholds, translations")
    .argument("<paths...>", "framework files or folders")
    .addOption(new Option("-f, --format <format>", "output format").choices(Object.keys(VALIDATE_FORMATTERS)).default("stylish"))
    .option("-o, --output <file>", "write the output to a file instead of stdout")
    .option("--strict", "exit 1 on warnings (missing translations) too")
    .action((paths: string[], opts: { format: ValidateFormat; output?: string; strict?: boolean }) =>
      setExit(runLint(paths, { format: opts.format, output: opts.output, strict: opts.strict === true, frameworks: frameworkDirs(), version: VERSION, locale: langs()[0]! }, cwd)),
    );
  return root;
}

async function main(argv: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = 0;
  const cli = program((c) => (code = c));
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
  // A reader that stops early (`| head`) closes the pipe: the run stops writing but goes on to
  // its verdict, which does not depend on how much of the output was read.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") closeStdout();
    else failStdout(error.code ?? error.message);
  });
  const code = await main(argv);
  finished = true;
  process.exitCode = stdoutFailure.reason !== undefined ? 2 : code;
}
