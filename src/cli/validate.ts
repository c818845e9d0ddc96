import { isTerminal } from "../node/terminal.js";
import type { SarifBase } from "../format/options.js";
import { checkAssessment } from "../assessment/check.js";
import type { FileCheck } from "../assessment/check.js";
import type { Finding } from "../model/findings.js";
import type { Revision } from "../node/git.js";
import { UsageError } from "../model/errors.js";
import { words } from "../i18n/words.js";
import { compareText, finding, START } from "../model/findings.js";
import { closeSync, openSync, readSync, realpathSync } from "node:fs";
import type { Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { mapFiles, threadsFor, WORKERS_FROM, workersAhead } from "../pipeline/pool.js";
import { memberDisk, validateTask } from "../pipeline/tasks.js";
import type { ExceptionPolicy } from "../pipeline/tasks.js";
import { applyExceptions, exceptionFindings } from "../model/exceptions.js";
import type { ExceptionUse } from "../model/exceptions.js";
import { relativeFrom } from "../node/files.js";
import { VALIDATE_FORMATTERS } from "../format/validate/index.js";
import type { ValidateFormat } from "../format/validate/index.js";
import { DEFAULT_LIMITS } from "../yaml/source.js";
import { styleFor, wantsColour } from "../format/colour.js";
import { frameworksFor, schemaCheckFor } from "../node/context.js";
import { exitCodeFor } from "../pipeline/exit.js";
import type { ExitCode } from "../pipeline/exit.js";
import { displayPath } from "../node/files.js";
import { RUN_INPUTS } from "../node/inputs.js";
import { checkOutput, writeOutput } from "../node/output.js";
import { listInputs, nothingLeft, readBytes, statInput, withNotices } from "../node/read.js";
import { replacementNotices } from "../pipeline/replaced.js";
import type { InputFile } from "../node/read.js";
import { cacheFileAt, CheckCache } from "../node/cache.js";
import type { CacheStrategy } from "../node/cache.js";
import { progressFor } from "./progress.js";
import { setFingerprint } from "../framework/fingerprint.js";

export interface CommonOptions {
  readonly output: string | undefined;
  readonly maxFileSize: number;
  readonly frameworks: readonly string[];
  /** The exceptions of `.smartregion.yaml`, and how this run judges and shows them. */
  readonly exceptions?: ExceptionPolicy;
}

export interface ValidateOptions extends CommonOptions {
  /** `name` or `name=file`, as given to --format. */
  readonly formats: readonly string[];
  readonly quiet: boolean;
  readonly maxWarnings: number | undefined;
  /** Exit 1 when more answers than this are disputed among assessors (`disputed-answer`). */
  readonly maxDisputed?: number | undefined;
  readonly version: string;
  /** Where SARIF's URIs start. */
  readonly base?: SarifBase;
  /** Read the files, and their member files, from git's staging area instead of the disk (`--staged`). */
  readonly staged?: Revision;
  /** Where `--cache` keeps its file, and how it tells a file changed; undefined without `--cache`. */
  readonly cache: { readonly location: string; readonly strategy: CacheStrategy } | undefined;
  /** Worker threads: 0 for as many as suit the machine and the run, 1 for none. */
  readonly jobs: number;
  /** The language of the messages. */
  readonly locale: string;
}

/** `--format sarif=results.sarif --format stylish`: each format to its file, or to stdout (or -o). */
export function parseFormats<Name extends string>(
  formats: readonly string[],
  output: string | undefined,
  registry: Readonly<Record<Name, unknown>> = VALIDATE_FORMATTERS as unknown as Record<Name, unknown>,
  fallback: Name = "stylish" as Name,
): { format: Name; file: string | undefined }[] {
  const parsed = (formats.length === 0 ? [fallback] : formats).map((value) => {
    const [name = "", ...rest] = value.split("=");
    // The registry's own keys only: `in` would also take `constructor` or `__proto__` from its prototype.
    if (!Object.hasOwn(registry, name)) {
      const known = Object.keys(registry);
      throw new UsageError(`--format "${name}": expected one of ${known.join(", ")}, optionally as NAME=FILE`, `--format 不支持“${name}”：应为 ${known.join("、")} 之一，也可写作 NAME=FILE`);
    }
    return { format: name as Name, file: rest.length > 0 ? rest.join("=") : undefined };
  });
  const toStdout = parsed.filter((p) => p.file === undefined);
  if (toStdout.length > 1) throw new UsageError("only one --format can go to standard output; give the others a file (--format sarif=results.sarif)", "只能有一个 --format 输出到标准输出；其余请各指定一个文件（--format sarif=results.sarif）");
  if (output !== undefined && toStdout.length === 0) {
    throw new UsageError("-o names a file for the format written to standard output, and every format has its own file", "-o 指定的是输出到标准输出的那种格式的文件，而每种格式都已有自己的文件");
  }
  const outputs = output === undefined ? parsed : parsed.map((p) => (p.file === undefined ? { ...p, file: output } : p));
  // Two formats written to one file would leave only the last: refused before any work.
  // Compared by the real folder, so `self/a` (with `self -> .`) and `a` are one file.
  const real = (file: string) => {
    const absolute = resolve(file);
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  };
  const files = outputs.flatMap((p) => (p.file === undefined ? [] : [real(p.file)]));
  const twice = outputs.find((p) => p.file !== undefined && files.indexOf(real(p.file)) !== files.lastIndexOf(real(p.file)));
  if (twice?.file !== undefined) throw new UsageError(`two formats name the same file ${twice.file}; give each its own`, `两种格式指定了同一个文件 ${twice.file}；请为每种格式各指定一个文件`);
  return outputs;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export async function runValidate(args: readonly string[], options: ValidateOptions, cwd: string): Promise<ExitCode> {
  const outputs = parseFormats<ValidateFormat>(options.formats, options.output);
  const frameworks = frameworksFor(options.frameworks, cwd);
  const staged = options.staged;
  const plain = { command: "validate", frameworks: options.frameworks, cwd, maxFileSize: options.maxFileSize, recordDisk: false } as const;
  // Without a cache every listed file is checked: the threads can load while the files are listed.
  const ahead = workersAhead(options.jobs, WORKERS_FROM.validate, plain, staged === undefined && options.cache === undefined);
  const inputs = withNotices(
    staged === undefined ? listInputs(args, cwd, true, ahead.soon) : { files: args.map((absolute) => ({ absolute, file: displayPath(absolute, cwd) })), failures: [], absolute: args },
    replacementNotices(frameworks, options.frameworks, cwd),
  );
  const limits = { ...DEFAULT_LIMITS, maxBytes: options.maxFileSize };
  const disk = memberDisk(cwd);
  const cacheFile = options.cache === undefined ? undefined : cacheFileAt(options.cache.location, cwd);
  const opened = options.cache === undefined || cacheFile === undefined ? undefined : CheckCache.open(cacheFile, `${options.version}\0${setFingerprint(frameworks)}\0${limits.maxBytes}`, options.cache.strategy);
  // Without a secret it can trust, the run goes on as without --cache, and says so once.
  if (opened !== undefined && !(opened instanceof CheckCache)) process.stderr.write(`smartregion: ${words(options.locale).cli.cacheUntrusted(opened.location, opened.problem, opened.detail)}\n`);
  const cache = opened instanceof CheckCache ? opened : undefined;
  const setup = cache === undefined ? plain : { ...plain, recordDisk: true };
  // Threads started during the listing, or now: they load while the outputs are checked.
  const started = staged === undefined && cache === undefined ? ahead.started(threadsFor(inputs.files.length, options.jobs, WORKERS_FROM.validate)) : undefined;
  // Every input listed, the frameworks, the config and the cache are known: an output over one is refused before the work.
  for (const { file } of outputs) checkOutput(file, cwd);

  // Files the cache answers for are not read again; the rest are checked, in worker threads when there are many.
  const checks: Pick<FileCheck, "file" | "findings">[] = inputs.failures.map((f) => ({ file: f.file, findings: [f] }));
  // With a cache, what was learnt of each file to check before it was checked; without one, every listed file is checked as it is.
  const fresh: { input: InputFile; stat: Stats | undefined; hash: string | null }[] = [];
  // Staged files are read from the staging area, with their members, in this thread.
  const context = staged === undefined ? undefined : { frameworks, schemaCheck: schemaCheckFor(frameworks), disk: staged.disk, limits };
  for (const input of staged === undefined ? [] : inputs.files) {
    const bytes = staged!.reader.read(input.absolute);
    checks.push(bytes instanceof Uint8Array ? checkAssessment(input.file, bytes, context!) : { file: input.file, findings: [finding(bytes.error === "too-large" ? "too-large" : "unreadable", input.file, START, "", bytes.error === "too-large" ? { limit: limits.maxBytes } : { detail: bytes.error })] });
  }
  if (staged === undefined && cache !== undefined) {
    for (const input of inputs.files) {
      const stat = statInput(input.absolute, input.file, limits);
      if ("code" in stat) {
        checks.push({ file: input.file, findings: [stat] });
        continue;
      }
      let hash: string | null = null;
      if (cache.needsContent) {
        const bytes = readBytes(input.absolute, input.file);
        if (!(bytes instanceof Uint8Array)) {
          checks.push({ file: input.file, findings: [bytes] });
          continue;
        }
        hash = cache.digest(bytes);
      }
      const known = cache.lookup(input.absolute, input.file, stat, hash, disk);
      if (known !== undefined) checks.push({ file: input.file, findings: known });
      else fresh.push({ input, stat, hash });
    }
  }

  const toCheck = staged !== undefined ? [] : cache === undefined ? inputs.files : fresh.map((f) => f.input);
  const progress = progressFor(toCheck.length, "checked", options.locale);
  const threads = threadsFor(toCheck.length, options.jobs, WORKERS_FROM.validate);
  const local = validateTask(setup, frameworks);
  // Frameworks a walk found, left out once read.
  const left = new Set<InputFile>();
  // Only the findings are kept of each file, so memory does not grow with the parsed documents.
  await mapFiles(toCheck, threads, setup, local, (result, index) => {
    progress.tick();
    const input = toCheck[index]!;
    if (result.leftOut === true) {
      left.add(input);
      return;
    }
    // A sound file keeps no list of its own: a run of many holds one empty list for them all.
    checks.push({ file: input.file, findings: result.findings.length === 0 ? NO_FINDINGS : result.findings });
    // The digest (content strategy) was taken here before the cache was asked, so it is not taken twice.
    const known = fresh[index];
    if (cache !== undefined && known?.stat !== undefined && !result.findings.some((f) => f.code === "unreadable")) cache.store(input.absolute, input.file, known.stat, known.hash, result.answers, result.findings);
  }, started);
  progress.done();
  checks.push(...nothingLeft(inputs.files, left, cwd).map((f) => ({ file: f.file, findings: [f] })));
  const unsaved = cache?.save();
  // The cache's file may have been made just now: no output goes over it either.
  if (cacheFile !== undefined) RUN_INPUTS.notePath(cacheFile, displayPath(cacheFile, cwd), "cache");
  if (unsaved !== undefined) process.stderr.write(`smartregion: ${words(options.locale).cli.cacheUnsaved(unsaved.location, unsaved.reason.say(options.locale))}\n`);
  checks.sort((a, b) => compareText(a.file, b.file));
  exceptChecks(checks, options.exceptions, cwd);

  const all = checks.flatMap((c) => c.findings);
  // --quiet keeps errors, and the notice of a replaced framework, which a reviewer must always see.
  const shown = options.quiet ? checks.map((c) => ({ ...c, findings: c.findings.filter((f) => f.severity === "error" || f.code === "framework-replaced") })) : checks;
  for (const { format, file } of outputs) {
    const style = styleFor(file === undefined && format === "stylish" && wantsColour(isTerminal(1), process.env));
    writeOutput(VALIDATE_FORMATTERS[format]({ files: shown }, { style, version: options.version, locale: options.locale, showExcepted: options.exceptions?.show === true, ...(options.base === undefined ? {} : { base: options.base }) }), file, cwd);
  }
  const code = exitCodeFor(all);
  const warnings = all.filter((f) => f.severity === "warning" && f.excepted === undefined).length;
  const disputed = all.filter((f) => f.code === "disputed-answer" && f.excepted === undefined).length;
  if (code === 0 && options.maxDisputed !== undefined && disputed > options.maxDisputed) {
    process.stderr.write(`smartregion: ${words(options.locale).cli.tooManyDisputed(disputed, options.maxDisputed)}\n`);
    return 1;
  }
  if (code === 0 && options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`smartregion: ${words(options.locale).cli.tooManyWarnings(warnings, options.maxWarnings)}\n`);
    return 1;
  }
  return code;
}

/**
 * Applies the run's exceptions to what validate found, in place: each finding is judged on
 * --today, else on the date its file states; then what the exceptions did is said at their place.
 */
function exceptChecks(checks: Pick<FileCheck, "file" | "findings">[], policy: ExceptionPolicy | undefined, cwd: string): void {
  if (policy === undefined || policy.rules.length === 0) return;
  const dates = new Map<string, string | undefined>();
  const dateOf = (file: string): string | undefined => {
    if (!dates.has(file)) dates.set(file, statedDate(resolve(cwd, file)));
    return dates.get(file);
  };
  const uses: ExceptionUse[] = [];
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i]!;
    const applied = applyExceptions(check.findings, policy.rules, relativeFrom(cwd), (f) => policy.today ?? dateOf(f.file));
    uses.push(applied.use);
    checks[i] = { ...check, findings: applied.findings };
  }
  const own = exceptionFindings(policy.rules, uses, policy.today, policy.strict, "validate");
  for (const f of own) {
    const at = checks.find((c) => c.file === f.file);
    if (at === undefined) checks.push({ file: f.file, findings: [f] });
    else checks[checks.indexOf(at)] = { ...at, findings: [...at.findings, f] };
  }
  checks.sort((a, b) => compareText(a.file, b.file));
}

/** The `date:` an assessment states at its top level, read from its first lines; undefined when it has none. */
function statedDate(absolute: string): string | undefined {
  try {
    const fd = openSync(absolute, "r");
    try {
      const head = Buffer.alloc(64 * 1024);
      const n = readSync(fd, head, 0, head.length, 0);
      return /^date:[ \t]*["']?(\d{4}-\d{2}-\d{2})\b/m.exec(head.subarray(0, n).toString("utf8"))?.[1];
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
