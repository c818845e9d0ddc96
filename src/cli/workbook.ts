import { mkdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { Document, isMap, isScalar, parseDocument } from "yaml";
import type { Node } from "yaml";
import { checkAssessment } from "../assessment/check.js";
import { resolveMember } from "../assessment/members.js";
import type { MemberDisk } from "../assessment/members.js";
import { editorSchemaFile } from "../assessment/editor.js";
import { message } from "../format/messages.js";
import { printable } from "../format/printable.js";
import { exceljs, writeWorkbook } from "../format/workbook.js";
import { words } from "../i18n/words.js";
import { UsageError } from "../model/errors.js";
import { finding, sortFindings, START } from "../model/findings.js";
import type { Finding } from "../model/findings.js";
import { frameworksFor, schemaCheckFor, SHIPPED_SCHEMA_DIR } from "../node/context.js";
import { displayPath, nodeMemberDisk, pathKind } from "../node/files.js";
import { checkOutput, writeFileOutput, writeOutput, writeStdout } from "../node/output.js";
import { isLink } from "../node/paths.js";
import { readInput } from "../node/read.js";
import { cellName, readWorkbook } from "../node/workbook.js";
import { commandFor } from "../node/install.js";
import { exitCodeFor } from "../pipeline/exit.js";
import type { ExitCode } from "../pipeline/exit.js";
import { subjectLoader } from "../pipeline/tasks.js";
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
  const files = new Map<number, { name: string; data: Data }>();
  if (path !== undefined) {
    const absolute = resolve(cwd, path);
    const loaded = subjectLoader({ frameworks: options.frameworks, cwd, maxFileSize: options.maxFileSize }, set)({ absolute, file: displayPath(absolute, cwd) });
    reportProblems(loaded.findings, options.lang);
    if (loaded.scored === undefined) return exitCodeFor(loaded.findings) === 2 ? 2 : 1;
    data = obj(loaded.scored.source.data);
    // A member with a file of its own is filled in on the same workbook, on sheets of its own.
    for (const member of loaded.scored.members) {
      if (member.entry.file !== undefined && member.assessment !== undefined && member.source !== undefined) files.set(member.entry.index + 1, { name: member.assessment.name, data: obj(member.source.yaml.data) });
    }
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
  const book = await writeWorkbook(set, data, options.lang, files);
  writeFileOutput(book.bytes, options.output, cwd);
  // The command as this install runs it (npx smartregion in a project), as init says it.
  writeStdout(`${words(options.lang).cli.exported(options.output, book.indicators, book.sheets, commandFor(cwd))}\n`);
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
  const given = readInput(absolute, displayPath(absolute, cwd), limits);
  // A workbook that is not there is said so, as a missing assessment is.
  const bytes = !(given instanceof Uint8Array) && given.code === "unreadable" && pathKind(absolute) === "missing" ? finding("not-found", displayPath(absolute, cwd), START, "") : given;
  if (!(bytes instanceof Uint8Array)) {
    reportProblems([bytes], options.lang);
    return exitCodeFor([bytes]);
  }
  if (options.output !== undefined) checkOutput(options.output, cwd, "replace");
  const read = await readWorkbook(bytes, displayPath(absolute, cwd), set, exceljs());
  // A cell is named as spreadsheets name it: book.xlsx:Sheet!E14.
  const sayAtCells = (found: readonly Finding[]) => {
    if (found.length > 0) process.stderr.write(`${sortFindings([...found]).map((f) => printable(`${f.file}  ${words(options.lang).severity[f.severity]}  ${message(f, options.lang)}  ${f.code}`)).join("\n")}\n`);
  };
  sayAtCells(read.findings);
  if (read.data === undefined) return exitCodeFor(read.findings);

  // What will be written: the assessment, then each member file the workbook has sheets for.
  const planned: { absolute: string; display: string; text: string; answered: number }[] = [];
  const into = options.into === undefined ? undefined : resolve(cwd, options.into);
  const targetAbsolute = resolve(cwd, target);
  const schemaLine = (file: string) => `# yaml-language-server: $schema=${schemaPathFrom(dirname(file), join(SHIPPED_SCHEMA_DIR, editorSchemaFile(options.lang)))}\n`;
  if (into !== undefined) {
    if (isLink(into) || pathKind(into) !== "file") throw new UsageError(`${options.into} is not a regular file`, `${options.into} 不是普通文件`);
    planned.push({ absolute: into, display: displayPath(into, cwd), text: merge(readFileSync(into, "utf8"), read.data), answered: answeredIn(read.data["indicators"]) });
  } else {
    planned.push({ absolute: targetAbsolute, display: displayPath(targetAbsolute, cwd), text: `${schemaLine(targetAbsolute)}${new Document(read.data).toString({ lineWidth: 100 })}`, answered: answeredIn(read.data["indicators"]) });
  }
  // A member's file is found as the region finds it, beside the region's file: updated where it
  // is, keeping what the workbook does not hold; written new where it is not yet.
  const seen = new Set<string>();
  for (const member of read.memberFiles) {
    const found = resolveMember(targetAbsolute, member.file, nodeMemberDisk);
    const absolute = resolve(dirname(targetAbsolute), member.file);
    const display = displayPath(absolute, cwd);
    if (!found.ok && found.reason !== "missing") throw new UsageError(`member ${member.member}: ${member.file} cannot be written (${found.reason})`, `第${member.member}个成员：无法写入 ${member.file}（${found.reason}）`);
    if (seen.has(absolute)) throw new UsageError(`member ${member.member}: ${member.file} is named twice`, `第${member.member}个成员：${member.file} 出现了两次`);
    seen.add(absolute);
    const given = { indicators: member.indicators, frameworks: member.frameworks };
    if (found.ok) {
      if (isLink(absolute)) throw new UsageError(`${display} is a link; nothing is written through a link`, `${display} 是链接；不会通过链接写入`);
      planned.push({ absolute, display, text: merge(readFileSync(absolute, "utf8"), given), answered: answeredIn(member.indicators) });
    } else {
      const data = { smartregion: 1, subject: { name: member.name ?? basename(member.file).replace(/\.ya?ml$/i, ""), kind: "city" }, date: read.data["date"], ...(read.data["assessors"] === undefined ? {} : { assessors: read.data["assessors"] }), frameworks: member.frameworks, indicators: member.indicators };
      planned.push({ absolute, display, text: `${schemaLine(absolute)}${new Document(data).toString({ lineWidth: 100 })}`, answered: answeredIn(member.indicators) });
    }
  }
  // Each file is checked as validate would check it, where it will stand, and all are written or none.
  // The region is checked against the member files as they will be, new ones included.
  const paths = new Set(planned.map((p) => p.absolute));
  const disk: MemberDisk = {
    kind: (path) => (paths.has(path) ? "file" : nodeMemberDisk.kind(path)),
    realpath: (path) => (nodeMemberDisk.kind(path) === "missing" ? join(nodeMemberDisk.realpath(existingAncestor(path)), relative(existingAncestor(path), path)) : nodeMemberDisk.realpath(path)),
    identity: (path) => (nodeMemberDisk.kind(path) === "missing" ? `new:${path}` : nodeMemberDisk.identity(path)),
  };
  // A problem in an answer is said at the workbook's cell it came from, not in a file not yet written.
  const book = displayPath(absolute, cwd);
  const cellFindings = new Set<Finding>();
  const atCell = (f: Finding, member: number | undefined): Finding => {
    const inline = member === undefined ? /^members\.(\d+)\.indicators\.([^.]+)\.([^.]+)\.?(.*)$/.exec(f.path) : null;
    const own = /^indicators\.([^.]+)\.([^.]+)\.?(.*)$/.exec(f.path);
    const cell = inline !== null ? read.cellOf?.(Number(inline[1]) + 1, inline[2]!, inline[3]!, inline[4]!) : own !== null ? read.cellOf?.(member, own[1]!, own[2]!, own[3]!) : undefined;
    if (cell === undefined) return f;
    const atBook = { ...f, file: cellName(book, cell), line: cell.row, col: cell.col };
    cellFindings.add(atBook);
    return atBook;
  };
  const findings = planned.flatMap((p, i) => checkAssessment(p.display, Buffer.from(p.text, "utf8"), { frameworks: set, schemaCheck: schemaCheckFor(set), disk, limits }).findings.map((f) => atCell(f, i === 0 ? undefined : read.memberFiles[i - 1]?.member)));
  sayAtCells(findings.filter((f) => cellFindings.has(f)));
  reportProblems(findings.filter((f) => !cellFindings.has(f)), options.lang);
  if (findings.some((f) => f.severity === "error")) return 1;
  // A member's folder is inside the region's folder, through no link; a new one is made there.
  const within = nodeMemberDisk.realpath(dirname(targetAbsolute));
  for (const p of planned.slice(1)) {
    const folder = dirname(p.absolute);
    const top = existingAncestor(folder);
    const real = nodeMemberDisk.realpath(top);
    if (isLink(top) || (real !== within && !real.startsWith(`${within}${sep}`))) throw new UsageError(`${p.display}: its folder leads outside the region's folder`, `${p.display}：其所在文件夹指向区域文件夹之外`);
    if (top !== folder) mkdirSync(folder, { recursive: true });
  }
  for (const p of planned) checkOutput(p.display, cwd, "replace");
  for (const p of planned) {
    writeOutput(p.text, p.display, cwd, "replace");
    writeStdout(`${words(options.lang).cli.imported(p.display, p.answered)}\n`);
  }
  return exitCodeFor(findings);
}

/** The nearest folder above a missing path that exists. */
function existingAncestor(path: string): string {
  let at = path;
  while (pathKind(at) === "missing" && dirname(at) !== at) at = dirname(at);
  return at;
}

const answeredIn = (indicators: unknown): number => Object.values(obj(indicators)).reduce((n: number, answers) => n + Object.keys(obj(answers)).length, 0);

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
