import type ExcelJS from "exceljs";
import type { FrameworkSet } from "../framework/model.js";
import { finding } from "../model/findings.js";
import type { Code, Facts, Finding } from "../model/findings.js";

/**
 * Reads a workshop workbook back into an assessment's data. The workbook is checked before it is
 * opened (a zip of at most 2,000 entries and 32 MB unpacked, 8 MB a part, at most 200 times its packed size
 * an entry, no macros, no links to other workbooks), so a zip bomb or a hostile file is refused
 * without being unpacked; nothing in it is run or fetched. Cells are read by the ids in column A
 * (and A1, the framework's id), so a sheet may be renamed, reordered or re-saved; each problem is
 * reported at its cell (`book.xlsx:Integrated!E14`).
 */

/** Where a problem is: the workbook, its sheet and the cell. */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

const MAX_ENTRIES = 2000;
const MAX_UNPACKED = 32 * 1024 * 1024;
/** One part unpacked: a sheet of 8 MB holds some 70,000 rows; the largest workbook of a region is well under 1 MB. */
const MAX_PART = 8 * 1024 * 1024;
const MAX_RATIO = 200;
/** Rows a sheet may use: a framework has some forty indicators, each with a row for every further piece of evidence. */
export const MAX_ROWS = 10_000;

const columnLetters = (col: number): string => {
  let out = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
};

/** `book.xlsx:Sheet!E14`, as spreadsheet users name a cell. */
export const cellName = (file: string, at: CellRef): string => `${file}:${at.sheet}!${columnLetters(at.col)}${at.row}`;

/** Why a workbook is refused before it is opened, or undefined when it may be opened. */
export function zipProblem(bytes: Uint8Array): { reason: string; detail: string } | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 22 || view.readUInt32LE(0) !== 0x04034b50) return { reason: "not-a-workbook", detail: "not a zip file" };
  let end = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 65535); i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return { reason: "not-a-workbook", detail: "no zip directory" };
  const count = view.readUInt16LE(end + 10);
  const offset = view.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) return { reason: "too-large", detail: "zip64" };
  if (count > MAX_ENTRIES) return { reason: "too-large", detail: `${count} entries` };
  let unpacked = 0;
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== 0x02014b50) return { reason: "not-a-workbook", detail: "damaged zip directory" };
    const packed = view.readUInt32LE(at + 20);
    const size = view.readUInt32LE(at + 24);
    const nameLength = view.readUInt16LE(at + 28);
    const name = view.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (packed === 0xffffffff || size === 0xffffffff) return { reason: "too-large", detail: "zip64" };
    unpacked += size;
    if (unpacked > MAX_UNPACKED) return { reason: "too-large", detail: "more than 32 MB unpacked" };
    if (size > MAX_PART) return { reason: "too-large", detail: `${name} unpacks to ${Math.round(size / 1024 / 1024)} MB` };
    if (size > 1024 * 1024 && size > packed * MAX_RATIO) return { reason: "too-large", detail: `${name} unpacks to ${Math.round(size / packed)} times its size` };
    if (/vbaProject\.bin$/i.test(name) || /\.bin$/i.test(name) && /^xl\/activeX\//i.test(name)) return { reason: "macros", detail: name };
    if (/^xl\/externalLinks\//i.test(name)) return { reason: "external-links", detail: name };
    at += 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return undefined;
}

type Data = Record<string, unknown>;

/** A cell's value as plain data: text, a number, a day as YYYY-MM-DD, or a formula (refused). */
type Plain = { kind: "empty" } | { kind: "text"; text: string } | { kind: "number"; value: number } | { kind: "formula" };

function plain(cell: ExcelJS.Cell): Plain {
  const v = cell.value as unknown;
  if (v === null || v === undefined || v === "") return { kind: "empty" };
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "empty" };
  if (typeof v === "string") return v.trim() === "" ? { kind: "empty" } : { kind: "text", text: v.trim() };
  if (typeof v === "boolean") return { kind: "text", text: String(v) };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { kind: "empty" } : { kind: "text", text: v.toISOString().slice(0, 10) };
  if (typeof v === "object") {
    const o = v as Data;
    if ("formula" in o || "sharedFormula" in o) return { kind: "formula" };
    if (Array.isArray(o["richText"])) return plainText((o["richText"] as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join(""));
    if (typeof o["text"] === "string") return plainText(o["text"]);
    if (typeof o["hyperlink"] === "string") return plainText(o["hyperlink"]);
    if ("error" in o) return { kind: "empty" };
  }
  return { kind: "empty" };
}
const plainText = (text: string): Plain => (text.trim() === "" ? { kind: "empty" } : { kind: "text", text: text.trim() });

export interface WorkbookRead {
  readonly data: Data | undefined;
  /** The answers of each member with a file of its own that the workbook has sheets for. */
  readonly memberFiles: readonly MemberFileAnswers[];
  readonly findings: readonly Finding[];
  /**
   * The cell an answer came from: of the region's or city's own sheets (member undefined) or of
   * member `member`'s (from 1), and its field (`level`, `notes`, `evidence.0.date`); the nearest
   * cell that holds part of it when the field has none of its own. A problem found in what the
   * workbook became is said at its cell.
   */
  readonly cellOf?: (member: number | undefined, framework: string, indicator: string, field: string) => CellRef | undefined;
}

export interface MemberFileAnswers {
  /** The member's place in the region's list, from 1. */
  readonly member: number;
  /** The file, as the region names it, and the member's name on the cover. */
  readonly file: string;
  readonly name: string | undefined;
  /** Its answers, by framework and indicator; the frameworks its sheets hold, by version. */
  readonly indicators: Data;
  readonly frameworks: Data;
}

/**
 * The assessment a workbook holds. `file` names the workbook in findings. A problem of the whole
 * file (not a workbook, a zip bomb, macros, external links) is an access problem (exit 2); a
 * problem in a cell is the assessment's (exit 1), with the code `validate` would give.
 */
export async function readWorkbook(bytes: Uint8Array, file: string, set: FrameworkSet, excel: typeof ExcelJS): Promise<WorkbookRead> {
  const refused = zipProblem(bytes);
  if (refused !== undefined) return { data: undefined, memberFiles: [], findings: [finding("unsafe-workbook", file, { line: 1, col: 1 }, "", { reason: [refused.reason], detail: refused.detail })] };
  const book = new excel.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof book.xlsx.load>[0]);
  } catch (error) {
    return { data: undefined, memberFiles: [], findings: [finding("unsafe-workbook", file, { line: 1, col: 1 }, "", { reason: ["not-a-workbook"], detail: error instanceof Error ? error.message.split("\n")[0] : "" })] };
  }
  const findings: Finding[] = [];
  // Where each answer's fields came from, by member (or none), framework, indicator and field.
  const cells = new Map<string, CellRef>();
  const cellKey = (member: number | undefined, framework: string, indicator: string, field: string) => `${member ?? ""}\u0000${framework}\u0000${indicator}\u0000${field}`;
  const at = (code: Code, sheet: ExcelJS.Worksheet, row: number, col: number, facts: Facts = {}) =>
    findings.push(finding(code, cellName(file, { sheet: sheet.name, row, col }), { line: row, col }, `${sheet.name}!${columnLetters(col)}${row}`, facts));
  const data: Data = { smartregion: 1 };
  const subject: Data = {};
  const targets: Data = {};
  const assessors: Data[] = [];
  const members: Data[] = [];
  const names = new Map<number, string>();
  const frameworks: Data = {};
  const indicators: Data = {};
  const inline: Record<number, Data> = {};
  const textOf = (sheet: ExcelJS.Worksheet, row: number, col: number): string | undefined => {
    const p = plain(sheet.getRow(row).getCell(col));
    if (p.kind === "formula") {
      at("formula-cell", sheet, row, col);
      return undefined;
    }
    return p.kind === "text" ? p.text : p.kind === "number" ? String(p.value) : undefined;
  };
  const numberOf = (sheet: ExcelJS.Worksheet, row: number, col: number, key: string): number | undefined => {
    const p = plain(sheet.getRow(row).getCell(col));
    if (p.kind === "formula") at("formula-cell", sheet, row, col);
    if (p.kind === "number") return p.value;
    if (p.kind === "text") {
      if (/^-?\d+(\.\d+)?$/.test(p.text)) return Number(p.text);
      at("wrong-type", sheet, row, col, { key, expected: "number", actual: "string", expects: ["types", "number"], found: "string" });
    }
    return undefined;
  };

  // A day typed into a spreadsheet is stored as a serial number (days since 1899-12-30), and some
  // programs save it again without the format that says so: a number where a date belongs is one.
  const dateOf = (sheet: ExcelJS.Worksheet, row: number, col: number): string | undefined => {
    const p = plain(sheet.getRow(row).getCell(col));
    if (p.kind === "number" && Number.isInteger(p.value) && p.value > 0 && p.value < 2958466) return new Date(Date.UTC(1899, 11, 30) + p.value * 86_400_000).toISOString().slice(0, 10);
    return textOf(sheet, row, col);
  };
  let sawCover = false;
  const sheets = book.worksheets;
  const long = sheets.find((sheet) => sheet.rowCount > MAX_ROWS);
  if (long !== undefined) return { data: undefined, memberFiles: [], findings: [finding("unsafe-workbook", file, { line: 1, col: 1 }, "", { reason: ["too-large"], detail: `${long.name}: ${long.rowCount} rows` })] };
  for (const sheet of sheets) {
    const key = textOf(sheet, 1, 1);
    if (key === "smartregion") {
      sawCover = true;
      for (let r = 2; r <= sheet.rowCount; r++) {
        const name = textOf(sheet, r, 1);
        if (name === undefined) continue;
        const value = () => textOf(sheet, r, 3);
        if (name === "subject.population") {
          const n = numberOf(sheet, r, 3, "population");
          if (n !== undefined) subject["population"] = n;
        } else if (name.startsWith("subject.")) {
          const v = value();
          if (v !== undefined) subject[name.slice("subject.".length)] = v;
        } else if (name === "date") {
          const v = dateOf(sheet, r, 3);
          if (v !== undefined) data["date"] = v;
        } else if (name.startsWith("targets.")) {
          const v = name === "targets.by" ? dateOf(sheet, r, 3) : value();
          if (v !== undefined) targets[name.slice("targets.".length)] = v;
        } else if (name.startsWith("assessor.")) {
          const [n, organisation, role] = [value(), textOf(sheet, r, 4), textOf(sheet, r, 5)];
          if (n !== undefined) assessors.push({ name: n, ...(organisation === undefined ? {} : { organisation }), ...(role === undefined ? {} : { role }) });
        } else if (name.startsWith("member.")) {
          const [n, memberFile] = [value(), textOf(sheet, r, 4)];
          const population = numberOf(sheet, r, 5, "population");
          const weight = numberOf(sheet, r, 6, "weight");
          if (memberFile !== undefined && n !== undefined) names.set(members.length + 1, n);
          if (n !== undefined || memberFile !== undefined) members.push({ ...(memberFile === undefined ? { name: n } : { file: memberFile }), ...(population === undefined ? {} : { population }), ...(weight === undefined ? {} : { weight }) });
        } else if (name.startsWith("framework.")) {
          const v = value();
          if (v !== undefined) frameworks[name.slice("framework.".length)] = v;
        }
      }
      continue;
    }
    // A1 names the framework, and for a member answered inline its place in the list: integrated@2.
    const [frameworkId, memberNo] = (key ?? "").split("@") as [string, string | undefined];
    const framework = set.byId.get(frameworkId);
    if (framework === undefined) continue;
    const answers: Data = {};
    const known = new Set(framework.indicators.map((i) => i.id));
    for (let r = 2; r <= sheet.rowCount; r++) {
      const id = textOf(sheet, r, 1);
      if (id === undefined) continue;
      if (!known.has(id)) {
        at("unknown-indicator", sheet, r, 1, { value: id, context: framework.id });
        continue;
      }
      const answer = obj(answers[id]);
      const continuation = answers[id] !== undefined;
      const member = memberNo === undefined ? undefined : Number(memberNo);
      const note = (field: string, col: number) => cells.set(cellKey(member, framework.id, id, field), { sheet: sheet.name, row: r, col });
      if (!continuation) {
        note("", 1);
        note("level", 5);
        note("not-applicable", 6);
        note("notes", 7);
        const level = plain(sheet.getRow(r).getCell(5));
        if (level.kind === "formula") at("formula-cell", sheet, r, 5);
        else if (level.kind === "text" && level.text.toLowerCase() === "n/a") answer["not-applicable"] = textOf(sheet, r, 6) ?? "";
        else if (level.kind === "number" || (level.kind === "text" && /^\d+$/.test(level.text))) {
          const n = level.kind === "number" ? level.value : Number(level.text);
          if (!Number.isInteger(n) || n < 0 || n > 5) at("out-of-range", sheet, r, 5, { value: String(n), expects: ["range", "0", "5", "", ""] });
          else answer["level"] = n;
        } else if (level.kind === "text") at("not-allowed-value", sheet, r, 5, { value: level.text, allowed: ["0", "1", "2", "3", "4", "5", "n/a"] });
        const notes = textOf(sheet, r, 7);
        if (notes !== undefined) answer["notes"] = notes;
      }
      const title = textOf(sheet, r, 8);
      const where = textOf(sheet, r, 9);
      const date = dateOf(sheet, r, 10);
      const method = textOf(sheet, r, 11);
      if (title !== undefined || where !== undefined || date !== undefined || method !== undefined) {
        const piece: Data = { title: title ?? "" };
        if (where !== undefined) piece[/^[a-z][a-z0-9+.-]*:/i.test(where) ? "link" : "document"] = where;
        if (date !== undefined) piece["date"] = date;
        if (method !== undefined) piece["method"] = method;
        const k = Array.isArray(answer["evidence"]) ? answer["evidence"].length : 0;
        note(`evidence.${k}`, 8);
        note(`evidence.${k}.title`, 8);
        note(`evidence.${k}.${piece["link"] === undefined ? "document" : "link"}`, 9);
        note(`evidence.${k}.date`, 10);
        note(`evidence.${k}.method`, 11);
        answer["evidence"] = [...(Array.isArray(answer["evidence"]) ? answer["evidence"] : []), piece];
      }
      answers[id] = answer;
    }
    // Answered indicators only; a bare level is written as one.
    const kept: Data = {};
    for (const [id, raw] of Object.entries(answers)) {
      const a = obj(raw);
      const keys = Object.keys(a);
      if (keys.length === 0) continue;
      kept[id] = keys.length === 1 && keys[0] === "level" ? a["level"] : a;
    }
    if (memberNo === undefined) {
      indicators[framework.id] = kept;
      frameworks[framework.id] ??= framework.version;
    } else (inline[Number(memberNo)] ??= {})[framework.id] = kept;
  }
  if (!sawCover) findings.push(finding("unsafe-workbook", file, { line: 1, col: 1 }, "", { reason: ["no-cover"] }));
  data["subject"] = subject;
  if (assessors.length > 0) data["assessors"] = assessors;
  data["frameworks"] = frameworks;
  if (Object.keys(targets).length > 0) data["targets"] = targets;
  const memberFiles: MemberFileAnswers[] = [];
  members.forEach((m, i) => {
    const answers = inline[i + 1];
    if (answers === undefined) return;
    if (m["file"] === undefined) m["indicators"] = answers;
    else memberFiles.push({ member: i + 1, file: String(m["file"]), name: names.get(i + 1), indicators: answers, frameworks: Object.fromEntries(Object.keys(answers).map((id) => [id, set.byId.get(id)!.version])) });
    // A member's stages are declared by the region too, as a region that answers them inline does.
    for (const id of Object.keys(answers)) frameworks[id] ??= set.byId.get(id)!.version;
  });
  if (members.length > 0) data["members"] = members;
  data["indicators"] = indicators;
  const cellOf = (member: number | undefined, framework: string, indicator: string, field: string): CellRef | undefined => {
    // The field itself, else the nearest part of it that has a cell: evidence.0.title, evidence.0, the indicator's row.
    for (let parts = field === "" ? [] : field.split("."); ; parts = parts.slice(0, -1)) {
      const found = cells.get(cellKey(member, framework, indicator, parts.join(".")));
      if (found !== undefined || parts.length === 0) return found;
    }
  };
  return { data: findings.length === 0 ? ordered(data) : undefined, memberFiles, findings, cellOf };
}

const obj = (v: unknown): Data => (typeof v === "object" && v !== null && !Array.isArray(v) ? { ...(v as Data) } : {});

/** The keys of an assessment in the order the format writes them. */
function ordered(data: Data): Data {
  const order = ["smartregion", "subject", "date", "assessors", "frameworks", "targets", "members", "indicators"];
  return Object.fromEntries(order.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
}
