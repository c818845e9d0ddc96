import { createRequire } from "node:module";
import type ExcelJS from "exceljs";
import type { Framework, FrameworkSet } from "../framework/model.js";
import { LEVELS } from "../framework/model.js";
import { METHODS } from "../assessment/model.js";
import { words } from "../i18n/words.js";
import { localize } from "../model/text.js";
import { printable } from "./printable.js";

/**
 * The workshop workbook: what a planner fills in instead of YAML. A cover sheet with the subject,
 * the date, the assessors and (for a region) the members, then a sheet a framework the subject
 * answers, a row an indicator: its dimension, question and level descriptors beside the cells
 * to fill in (the level from a list, the reason it does not apply, notes, evidence). Column A of
 * every sheet holds the ids `import` reads it back by, so a sheet may be renamed, sorted or
 * re-saved by another program. The bytes are the same for the same input.
 */

/** The first cell of the cover, by which `import` knows it. */
export const COVER_KEY = "smartregion";
/** What a level cell holds for "not applicable". */
export const NOT_APPLICABLE = "n/a";

/** The columns of a framework sheet, by letter. */
export const COLUMNS = { id: 1, dimension: 2, indicator: 3, question: 4, level: 5, reason: 6, notes: 7, title: 8, where: 9, date: 10, method: 11, descriptors: 12 } as const;

const load = createRequire(import.meta.url);
let excel: typeof ExcelJS | undefined;
/** exceljs, loaded by the commands that read or write a workbook and by no other. */
export const exceljs = (): typeof ExcelJS => (excel ??= load("exceljs") as typeof ExcelJS);

type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Data) : {});

/** A sheet's name as spreadsheets allow it: 31 characters, none of `[]:*?/\`, unique in the book. */
function sheetName(title: string, taken: Set<string>): string {
  const base = printable(title).replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The frameworks a subject answers itself: the stages for a city, the formation models for a region. */
export function answeredFrameworks(set: FrameworkSet, data: Data): Framework[] {
  const kind = obj(data["subject"])["kind"] === "region" ? "model" : "stage";
  const declared = Object.keys(obj(data["frameworks"]));
  return set.all.filter((f) => f.kind === kind && (declared.length === 0 || declared.includes(f.id)));
}

const cellText = (v: unknown): string | number | undefined => (typeof v === "string" || typeof v === "number" ? v : undefined);

/** A workbook made: its bytes, and how many framework sheets and indicator rows it holds. */
export interface Workbook {
  readonly bytes: Buffer;
  readonly sheets: number;
  readonly indicators: number;
}

/**
 * The workbook of an assessment (its data as read) or of an empty one, in one language. A region's
 * member answered inline has sheets of its own; so has a member with a file of its own that `files`
 * holds (by its place in the list, from 1: its name and its data as read).
 */
export async function writeWorkbook(set: FrameworkSet, data: Data, locale: string, files: ReadonlyMap<number, { readonly name: string; readonly data: Data }> = new Map()): Promise<Workbook> {
  const w = words(locale).workbook;
  const text = (t: Parameters<typeof localize>[0]) => printable(localize(t, locale));
  const Excel = exceljs();
  const book = new Excel.Workbook();
  // Fixed dates: the same input gives the same bytes.
  const day = typeof data["date"] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(data["date"]) ? new Date(`${data["date"]}T00:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  book.creator = "smartregion";
  book.created = day;
  book.modified = day;
  const taken = new Set<string>();
  const header = (row: ExcelJS.Row) => {
    row.font = { bold: true };
    row.alignment = { vertical: "top", wrapText: true };
    row.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8ECF0" } }));
  };
  const grey = { color: { argb: "FF7A8591" }, size: 9 };

  // The cover: a key, a label and a value a row.
  const cover = book.addWorksheet(sheetName(w.cover, taken), { views: [{ state: "frozen", ySplit: 1 }], pageSetup: { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  cover.columns = [{ width: 16 }, { width: 34 }, { width: 40 }, { width: 38 }, { width: 24 }, { width: 12 }];
  header(cover.addRow([COVER_KEY, w.field, w.value]));
  cover.addRow(["", w.howTo]).getCell(2).alignment = { wrapText: true, vertical: "top" };
  cover.mergeCells(2, 2, 2, 5);
  cover.getRow(2).height = 60;
  const subject = obj(data["subject"]);
  const targets = obj(data["targets"]);
  const fields: [string, unknown][] = [
    ["subject.name", subject["name"]],
    ["subject.kind", subject["kind"] ?? "city"],
    ["subject.country", subject["country"]],
    ["subject.population", subject["population"]],
    ["subject.description", subject["description"]],
    ["date", data["date"]],
    ["targets.stage", targets["stage"]],
    ["targets.by", targets["by"]],
  ];
  for (const [key, value] of fields) {
    const row = cover.addRow([key, w.fields[key] ?? key, cellText(value) ?? null]);
    // Top-aligned, so a long value's label stands beside its first line.
    row.alignment = { wrapText: true, vertical: "top" };
    if (key === "subject.kind") row.getCell(3).dataValidation = { type: "list", allowBlank: false, formulae: ['"city,region"'] };
  }
  const assessors = Array.isArray(data["assessors"]) ? data["assessors"].map(obj) : [];
  for (let i = 0; i < Math.max(3, assessors.length + 1); i++) {
    const a = assessors[i] ?? {};
    cover.addRow([`assessor.${i + 1}`, w.assessor(i + 1), cellText(a["name"]) ?? null, cellText(a["organisation"]) ?? null, cellText(a["role"]) ?? null]);
  }
  const members = Array.isArray(data["members"]) ? data["members"].map(obj) : [];
  members.forEach((m, i) => cover.addRow([`member.${i + 1}`, w.member(i + 1), cellText(files.get(i + 1)?.name ?? m["name"]) ?? null, cellText(m["file"]) ?? null, cellText(m["population"]) ?? null, cellText(m["weight"]) ?? null]));
  for (const [id, version] of Object.entries(obj(data["frameworks"]))) cover.addRow([`framework.${id}`, text(set.byId.get(id)?.title ?? id), cellText(version) ?? null]);
  cover.getColumn(1).font = grey;
  fitHeights(cover, 3);

  const answers = obj(data["indicators"]);
  const levelNames = LEVELS.map((l) => text(set.levelNames[l]));
  // The region's own sheets (or the city's), then a city's sheets for each member: integrated@2.
  const plan: { framework: Framework; key: string; title: string; given: Data }[] = answeredFrameworks(set, data).map((f) => ({ framework: f, key: f.id, title: text(f.title), given: obj(answers[f.id]) }));
  const declared = Object.keys(obj(data["frameworks"]));
  members.forEach((m, i) => {
    const own = files.get(i + 1);
    if (m["file"] !== undefined && own === undefined) return;
    const name = own?.name ?? String(m["name"] ?? i + 1);
    const given = obj((own?.data ?? m)["indicators"]);
    for (const f of set.stages.filter((s) => declared.length === 0 || declared.includes(s.id))) {
      plan.push({ framework: f, key: `${f.id}@${i + 1}`, title: `${printable(name)} · ${text(f.title)}`, given: obj(given[f.id]) });
    }
  });
  for (const { framework, key, title, given } of plan) {
    const sheet = book.addWorksheet(sheetName(title, taken), {
      views: [{ state: "frozen", xSplit: COLUMNS.indicator, ySplit: 1 }],
      // Printed: the columns to fill in, one page wide; the descriptors are for the screen.
      pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
    });
    const h = w.head;
    sheet.columns = [
      { width: 14 },
      { width: 18 },
      { width: 26 },
      { width: 40 },
      { width: 10 },
      { width: 20 },
      { width: 30 },
      { width: 26 },
      { width: 26 },
      { width: 12 },
      { width: 14 },
      ...LEVELS.map(() => ({ width: 34 })),
    ];
    header(sheet.addRow([key, h.dimension, h.indicator, h.question, h.level, h.reason, h.notes, h.evidence, h.where, h.date, h.method, ...LEVELS.map((l) => h.descriptor(l, levelNames[l]!))]));
    for (const dimension of framework.dimensions) {
      for (const indicator of framework.indicators.filter((i) => i.dimension === dimension.id)) {
        const raw = given[indicator.id];
        const answer = typeof raw === "number" ? { level: raw } : obj(raw);
        const evidence = Array.isArray(answer["evidence"]) ? answer["evidence"].map(obj) : [];
        const level = answer["not-applicable"] !== undefined ? NOT_APPLICABLE : (cellText(answer["level"]) ?? null);
        const first = evidence[0] ?? {};
        const row = sheet.addRow([
          indicator.id,
          text(dimension.title),
          text(indicator.title),
          text(indicator.question),
          level,
          cellText(answer["not-applicable"]) ?? null,
          cellText(answer["notes"]) ?? null,
          cellText(first["title"]) ?? null,
          cellText(first["link"] ?? first["document"]) ?? null,
          cellText(first["date"]) ?? null,
          cellText(first["method"]) ?? null,
          ...LEVELS.map((l) => (indicator.levels[l] === undefined ? null : text(indicator.levels[l]!))),
        ]);
        row.alignment = { vertical: "top", wrapText: true };
        for (const more of evidence.slice(1)) {
          sheet.addRow([indicator.id, null, w.moreEvidence, null, null, null, null, cellText(more["title"]) ?? null, cellText(more["link"] ?? more["document"]) ?? null, cellText(more["date"]) ?? null, cellText(more["method"]) ?? null]).alignment = { vertical: "top", wrapText: true };
        }
      }
    }
    const last = sheet.rowCount;
    sheet.pageSetup.printArea = `A1:K${last}`;
    fitHeights(sheet);
    for (let r = 2; r <= last; r++) {
      const row = sheet.getRow(r);
      if (row.getCell(COLUMNS.indicator).value !== w.moreEvidence) row.getCell(COLUMNS.level).dataValidation = { type: "list", allowBlank: true, formulae: [`"${[...LEVELS, NOT_APPLICABLE].join(",")}"`] };
      row.getCell(COLUMNS.method).dataValidation = { type: "list", allowBlank: true, formulae: [`"${METHODS.join(",")}"`] };
      row.getCell(COLUMNS.level).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8DC" } };
    }
    sheet.getColumn(COLUMNS.id).font = grey;
  }
  const bytes = await deterministic(Buffer.from(await book.xlsx.writeBuffer()), day);
  return { bytes, sheets: plan.length, indicators: plan.reduce((n, p) => n + p.framework.indicators.length, 0) };
}

/**
 * Spreadsheets do not grow a row to its wrapped text by themselves: each row's height is set
 * from its longest cell (a Chinese character counting two), from row `from` on.
 */
function fitHeights(sheet: ExcelJS.Worksheet, from = 1): void {
  for (let r = from; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    let lines = 1;
    row.eachCell((cell, col) => {
      const width = (sheet.getColumn(col).width ?? 10) * 1.05;
      const value = typeof cell.value === "string" ? cell.value : "";
      const wide = [...value].reduce((n, c) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
      lines = Math.max(lines, Math.ceil(wide / width));
    });
    row.height = Math.min(409, 15 * Math.min(lines, 12) + 3);
  }
}

/** The zip again with every entry dated `day`, in a fixed order: exceljs dates them by the clock. */
async function deterministic(buffer: Buffer, day: Date): Promise<Buffer> {
  const JSZip = load("jszip") as typeof import("jszip");
  const zip = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    let content: Uint8Array | string = await entry.async("uint8array");
    // exceljs writes a print area as $A1:$K14, which LibreOffice does not take; $A$1:$K$14 it does.
    if (name === "xl/workbook.xml") content = Buffer.from(content).toString("utf8").replace(/!\$([A-Z]+)(\d+):\$([A-Z]+)(\d+)</g, "!$$$1$$$2:$$$3$$$4<");
    out.file(name, content, { date: day, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
