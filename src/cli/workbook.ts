import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Document, isMap, isScalar, parseDocument } from "yaml";
import type { Node } from "yaml";
import { checkAssessment } from "../assessment/check.js";
import { editorSchemaFile } from "../assessment/editor.js";
import { message } from "../format/messages.js";
import { printable } from "../format/printable.js";
import { answeredFrameworks, exceljs, writeWorkbook } from "../format/workbook.js";
import { words } from "../i18n/words.js";
import { UsageError } from "../model/errors.js";
import { sortFindings } from "../model/findings.js";
import { frameworksFor, schemaCheckFor, SHIPPED_SCHEMA_DIR } from "../node/context.js";
import { displayPath, pathKind } from "../node/files.js";
import { checkOutput, writeFileOutput, writeOutput } from "../node/output.js";
import { isLink } from "../node/paths.js";
import { readInput } from "../node/read.js";
import { readWorkbook } from "../node/workbook.js";
import { exitCodeFor } from "../pipeline/exit.js";
import type { ExitCode } from "../pipeline/exit.js";
import { memberDisk, subjectLoader } from "../pipeline/tasks.js";
import { DEFAULT_LIMITS } from "../yaml/source.js";
import { localToday, schemaPathFrom } from "./init.js";
import { reportProblems } from "./problems.js";

type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Data) : {});

export interface ExportOptions {
  readonly output: string;
  readonly kind: "city" | "region";
  readonly subject: string | undefined;
  readonly lang: string;
  readonly frameworks: readonly string[];
  readonly maxFileSize: number;
}


/** Writes the workshop workbook of an assessment, or of an empty one of the kind asked for. */
export async function runExport(path: string | undefined, options: ExportOptions, cwd: string): Promise<ExitCode> {
  if (!/\.xlsx$/i.test(options.output)) throw new UsageError(`${options.output}: the workbook's name ends in .xlsx`, `${options.output}：工作簿文件名须以 .xlsx 结尾`);
  const set = frameworksFor(options.frameworks, cwd);
  let data: Data;
  if (path !== undefined) {
    const absolute = resolve(cwd, path);
    const loaded = subjectLoader({ frameworks: options.frameworks, cwd, maxFileSize: options.maxFileSize }, set)({ absolute, file: displayPath(absolute, cwd) });
    reportProblems(loaded.findings, options.lang);
    if (loaded.scored === undefined) return exitCodeFor(loaded.findings) === 2 ? 2 : 1;
    data = obj(loaded.scored.source.data);
  } else {
    const kind = options.kind;
    data = {
      smartregion: 1,
      subject: { name: options.subject ?? "", kind },
      date: localToday(),
      frameworks: Object.fromEntries(set.all.filter((f) => kind === "region" || f.kind === "stage").map((f) => [f.id, f.version])),
    };
  }
  checkOutput(options.output, cwd);
  const book = await writeWorkbook(set, data, options.lang);
  writeFileOutput(book, options.output, cwd);
  const frameworks = answeredFrameworks(set, data);
  process.stdout.write(`${words(options.lang).cli.exported(options.output, frameworks.reduce((n, f) => n + f.indicators.length, 0), frameworks.length)}\n`);
  return 0;
}

export interface ImportOptions {
  /** A new assessment file to write. */
  readonly output: string | undefined;
  /** An assessment to update in place, its comments and the keys the workbook does not hold kept. */
  readonly into: string | undefined;
  readonly lang: string;
  readonly frameworks: readonly string[];
  readonly maxFileSize: number;
}

/**
 * Reads a workbook back into an assessment file that validates: a new one (`-o`), or an existing
 * one updated (`--into`), keeping its comments, its key order and every key the workbook does not
 * hold. Problems are given at their cells, with the codes of `validate`; nothing is written
 * unless the result validates.
 */
export async function runImport(workbook: string, options: ImportOptions, cwd: string): Promise<ExitCode> {
  const target = options.into ?? options.output;
  if (target === undefined || (options.into !== undefined && options.output !== undefined)) throw new UsageError("give -o FILE for a new assessment, or --into FILE to update one", "请用 -o FILE 写出新的评估文件，或用 --into FILE 更新已有文件");
  const set = frameworksFor(options.frameworks, cwd);
  const limits = { ...DEFAULT_LIMITS, maxBytes: options.maxFileSize };
  const absolute = resolve(cwd, workbook);
  const bytes = readInput(absolute, displayPath(absolute, cwd), limits);
  if (!(bytes instanceof Uint8Array)) {
    reportProblems([bytes], options.lang);
    return exitCodeFor([bytes]);
  }
  if (options.output !== undefined) checkOutput(options.output, cwd, "replace");
  const read = await readWorkbook(bytes, displayPath(absolute, cwd), set, exceljs());
  if (read.findings.length > 0) {
    // A cell is named as spreadsheets name it: book.xlsx:Sheet!E14.
    process.stderr.write(`${sortFindings([...read.findings]).map((f) => printable(`${f.file}  ${words(options.lang).severity[f.severity]}  ${message(f, options.lang)}  ${f.code}`)).join("\n")}\n`);
  }
  if (read.data === undefined) return exitCodeFor(read.findings);

  let text: string;
  const into = options.into === undefined ? undefined : resolve(cwd, options.into);
  if (into !== undefined) {
    if (isLink(into) || pathKind(into) !== "file") throw new UsageError(`${options.into} is not a regular file`, `${options.into} 不是普通文件`);
    text = merge(readFileSync(into, "utf8"), read.data);
  } else {
    const schema = schemaPathFrom(dirname(resolve(cwd, target)), join(SHIPPED_SCHEMA_DIR, editorSchemaFile(options.lang)));
    text = `# yaml-language-server: $schema=${schema}\n${new Document(read.data).toString({ lineWidth: 100 })}`;
  }
  // The result is checked as validate would check it, where it will stand, before it is written.
  const display = displayPath(resolve(cwd, target), cwd);
  const check = checkAssessment(display, Buffer.from(text, "utf8"), { frameworks: set, schemaCheck: schemaCheckFor(set), disk: memberDisk(cwd), limits });
  reportProblems(check.findings, options.lang);
  if (check.findings.some((f) => f.severity === "error")) return 1;
  writeOutput(text, target, cwd, "replace");
  const answered = Object.values(obj(read.data["indicators"])).reduce((n: number, answers) => n + Object.keys(obj(answers)).length, 0);
  process.stdout.write(`${words(options.lang).cli.imported(target, answered)}\n`);
  return exitCodeFor(check.findings);
}

/**
 * The workbook's answers written into an existing assessment: the subject's fields, the date,
 * the targets, the assessors and the answers of the frameworks it has sheets for. Comments, key
 * order and every key it does not hold are kept.
 */
function merge(existing: string, data: Data): string {
  const doc = parseDocument(existing);
  // A value is written only where it changed, so every other line keeps its form and its comments.
  const same = (path: readonly unknown[], value: unknown) => {
    const node = doc.getIn(path, true) as { toJSON?: () => unknown } | unknown;
    const now = typeof node === "object" && node !== null && "toJSON" in node ? (node as { toJSON: () => unknown }).toJSON() : node;
    return JSON.stringify(now ?? null) === JSON.stringify(value ?? null);
  };
  // A changed scalar in place of a scalar is written into the text itself, so that even the
  // lines around it keep their folding; any other change writes the document anew.
  const splices: { start: number; end: number; text: string }[] = [];
  let rewritten = false;
  const put = (path: readonly unknown[], value: unknown) => {
    if (same(path, value)) return;
    const node = doc.getIn(path, true) as unknown;
    const scalarValue = value === null || typeof value !== "object";
    if (scalarValue && isScalar(node) && node.range !== undefined && node.range !== null) {
      const [start, end] = node.range;
      const shown = value === null ? "" : new Document(value).toString({ lineWidth: 0 }).trimEnd();
      splices.push({ start, end, text: start === end && existing[start - 1] === ":" && shown !== "" ? ` ${shown}` : shown });
    } else rewritten = true;
    doc.setIn(path, scalarValue ? value : doc.createNode(value));
  };
  for (const key of ["name", "kind", "country", "population", "description"]) {
    const value = obj(data["subject"])[key];
    if (value !== undefined) put(["subject", key], value);
  }
  if (data["date"] !== undefined) put(["date"], data["date"]);
  for (const [key, value] of Object.entries(obj(data["targets"]))) put(["targets", key], value);
  if (data["assessors"] !== undefined) put(["assessors"], data["assessors"]);
  for (const [id, version] of Object.entries(obj(data["frameworks"]))) if (!doc.hasIn(["frameworks", id])) doc.setIn(["frameworks", id], version);
  for (const [framework, answers] of Object.entries(obj(data["indicators"]))) {
    const given = obj(answers);
    const present = doc.getIn(["indicators", framework]) as Node | undefined;
    const ids = new Set([...Object.keys(given), ...(isMap(present) ? present.items.map((p) => String((p.key as { value?: unknown }).value ?? p.key)) : [])]);
    for (const id of ids) {
      const answer = given[id];
      const old = doc.getIn(["indicators", framework, id]) as Node | null | undefined;
      if (!isMap(old)) {
        put(["indicators", framework, id], answer ?? null);
        continue;
      }
      // A mapping: the fields the workbook holds are set, or removed when emptied; other keys stay.
      const fields = typeof answer === "number" ? { level: answer } : obj(answer);
      for (const key of ["level", "not-applicable", "notes", "evidence"]) {
        if (fields[key] !== undefined) put(["indicators", framework, id, key], fields[key]);
        else if (key === "level") {
          if (!same(["indicators", framework, id, key], null) && !old.has("not-applicable")) put(["indicators", framework, id, key], null);
        } else if (old.has(key)) {
          old.delete(key);
          rewritten = true;
        }
      }
    }
  }
  if (rewritten) return doc.toString({ lineWidth: 100 });
  let text = existing;
  for (const s of splices.sort((a, b) => b.start - a.start)) text = text.slice(0, s.start) + s.text + text.slice(s.end);
  return text;
}
