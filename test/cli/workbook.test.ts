import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, shippedFrameworks } from "../helpers.js";
import { smartregion } from "./run.js";

const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs") as typeof import("exceljs");
const JSZip = require("jszip") as typeof import("jszip");

type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Data) : {});

/** What a workbook must carry through: every answer (level, reason, notes, evidence), the subject, the assessors, the members. */
function answers(text: string): Record<string, unknown> {
  const data = obj(parse(text));
  const out: Record<string, unknown> = {};
  const add = (prefix: string, indicators: unknown) => {
    for (const [framework, given] of Object.entries(obj(indicators))) {
      for (const [id, raw] of Object.entries(obj(given))) {
        if (raw === null || raw === undefined) continue;
        const a = typeof raw === "number" ? { level: raw } : obj(raw);
        if (a["level"] == null && a["not-applicable"] === undefined && a["notes"] === undefined && a["evidence"] === undefined) continue;
        const evidence = (Array.isArray(a["evidence"]) ? a["evidence"] : []).map((e) => {
          const x = obj(e);
          return { title: x["title"], link: x["link"], document: x["document"], date: x["date"] === undefined ? undefined : String(x["date"]), method: x["method"] };
        });
        out[`${prefix}${framework}/${id}`] = { level: a["level"] ?? null, na: a["not-applicable"] ?? null, notes: a["notes"] ?? null, evidence };
      }
    }
  };
  add("", data["indicators"]);
  (Array.isArray(data["members"]) ? data["members"] : []).forEach((m, i) => add(`member ${i + 1}: `, obj(m)["indicators"]));
  out["subject"] = data["subject"];
  out["assessors"] = data["assessors"] ?? [];
  out["targets"] = data["targets"] ?? {};
  out["date"] = String(data["date"]);
  out["members"] = (Array.isArray(data["members"]) ? data["members"] : []).map((m) => [obj(m)["name"], obj(m)["file"], obj(m)["population"], obj(m)["weight"]]);
  return out;
}

/** A random assessment of a city, from a seed: levels, not-applicable answers, notes and one to three pieces of evidence. */
function generated(seed: number): string {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const set = shippedFrameworks();
  const indicators: Data = {};
  for (const f of set.stages) {
    const given: Data = {};
    for (const i of f.indicators) {
      const r = next();
      if (r < 0.2) continue;
      if (r < 0.28) {
        given[i.id] = { "not-applicable": `No ${i.id} here: ${Math.floor(next() * 1000)}` };
        continue;
      }
      const level = Math.floor(next() * 6);
      const answer: Data = { level };
      if (next() < 0.5) answer["notes"] = `Note ${seed}-${i.id}: “quoted”, with a colon: and ${"long words ".repeat(Math.floor(next() * 8))}`.trim();
      if (next() < 0.5) {
        answer["evidence"] = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, n) => ({
          title: `Evidence ${n} of ${i.id}`,
          ...(next() < 0.5 ? { link: `https://example.org/${seed}/${i.id}/${n}` } : { document: `Internal report ${n}` }),
          date: `2025-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
          method: ["measured", "estimated", "self-reported"][Math.floor(next() * 3)],
        }));
      }
      given[i.id] = Object.keys(answer).length === 1 ? level : answer;
    }
    indicators[f.id] = given;
  }
  return stringify({
    smartregion: 1,
    subject: { name: `Generated city ${seed}`, kind: "city", country: "Exampleland", population: 1000 + seed },
    date: "2026-06-30",
    assessors: [{ name: `Assessor ${seed}`, organisation: "Office", role: "Lead" }],
    frameworks: Object.fromEntries(set.stages.map((f) => [f.id, f.version])),
    indicators,
  });
}

describe("the workshop workbook", () => {
  const dir = mkdtempSync(join(tmpdir(), "smartregion-workbook-"));

  it("gives back the same assessment through export and import, for every example and for generated ones, in the same bytes each time", () => {
    const cases: [string, string, string[]][] = [
      ["city", join(ROOT, "examples", "city.yaml"), []],
      ["seattle", join(ROOT, "examples", "seattle-region.yaml"), []],
      ["alliance", join(ROOT, "examples", "six-city-alliance.yaml"), []],
      ["fingal", join(ROOT, "examples", "dublin-region", "members", "fingal.yaml"), []],
      ["lakeland", join(ROOT, "examples", "lakeland-destination.yaml"), ["--frameworks", join(ROOT, "examples", "custom-frameworks")]],
    ];
    for (const seed of [1, 2, 3, 4, 5]) {
      writeFileSync(join(dir, `generated-${seed}.yaml`), generated(seed));
      expect(smartregion(["validate", join(dir, `generated-${seed}.yaml`)]).code, `generated ${seed}`).toBe(0);
      cases.push([`generated-${seed}`, join(dir, `generated-${seed}.yaml`), []]);
    }
    for (const [name, file, extra] of cases) {
      const book = join(dir, `${name}.xlsx`);
      expect(smartregion([...extra, "export", file, "-o", book]).code, name).toBe(0);
      if (name === "city" || name === "generated-1") {
        const again = join(dir, `${name}-again.xlsx`);
        expect(smartregion([...extra, "export", file, "-o", again]).code).toBe(0);
        expect(readFileSync(again).equals(readFileSync(book)), `${name}: same bytes`).toBe(true);
      }
      const out = join(dir, `${name}-back.yaml`);
      const imported = smartregion([...extra, "import", book, "-o", out]);
      expect(imported.code, `${name}: ${imported.stderr}`).toBe(0);
      // import writes only what validates, so the file is a sound assessment.
      expect(answers(readFileSync(out, "utf8")), name).toEqual(answers(readFileSync(file, "utf8")));
    }
  }, 180_000);

  it("updates an assessment in place: unchanged, the file keeps every byte; edited, only the edited lines change", async () => {
    const city = join(dir, "riverton.yaml");
    cpSync(join(ROOT, "examples", "city.yaml"), city);
    const original = readFileSync(city, "utf8");
    const book = join(dir, "riverton.xlsx");
    expect(smartregion(["export", city, "-o", book]).code).toBe(0);
    expect(smartregion(["import", book, "--into", city]).code).toBe(0);
    expect(readFileSync(city, "utf8")).toBe(original);
    // In a spreadsheet: one level raised, as a planner would type it.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const sheet = workbook.worksheets.find((s) => s.getCell("A1").value === "integrated")!;
    const row = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getCell(r, 1).value === "data-catalogue")!;
    expect(sheet.getCell(row, 5).value).toBe(3);
    sheet.getCell(row, 5).value = 4;
    await workbook.xlsx.writeFile(book);
    expect(smartregion(["import", book, "--into", city]).code).toBe(0);
    const changed = readFileSync(city, "utf8").split("\n");
    const before = original.split("\n");
    expect(changed.length).toBe(before.length);
    const differing = changed.map((line, i) => [line, before[i]] as const).filter(([a, b]) => a !== b);
    expect(differing).toHaveLength(1);
    expect(differing[0]![0]).toMatch(/^\s+level: 4$/);
  }, 60_000);

  it("fills in a region and each member with a file of its own on one workbook: updated in place, or written anew beside a new region file", async () => {
    const region = mkdtempSync(join(tmpdir(), "smartregion-wb-region-"));
    cpSync(join(ROOT, "examples", "dublin-region"), region, { recursive: true });
    const files = ["region.yaml", ...readdirSync(join(region, "members")).map((f) => join("members", f))].sort();
    const before = Object.fromEntries(files.map((f) => [f, readFileSync(join(region, f), "utf8")]));
    const book = join(region, "book.xlsx");
    expect(smartregion(["export", join(region, "region.yaml"), "-o", book]).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    // The region's three model sheets, then three stage sheets for each of the four members.
    expect(workbook.worksheets.map((s) => String(s.getCell("A1").value)).filter((k) => k !== "smartregion")).toHaveLength(3 + 4 * 3);
    const fingal = workbook.worksheets.find((s) => s.getCell("A1").value === "integrated@2")!;
    expect(fingal.name).toMatch(/^Fingal/);
    // Each framework sheet prints the columns to fill in (A to K), in the form LibreOffice takes.
    const names = (await JSZip.loadAsync(readFileSync(book)).then((z) => z.file("xl/workbook.xml")!.async("string"))).match(/_xlnm\.Print_Area[^>]*>[^<]*/g) ?? [];
    expect(names).toHaveLength(15);
    for (const area of names) expect(area).toMatch(/!\$A\$1:\$K\$\d+$/);

    // Unchanged, every file keeps every byte.
    expect(smartregion(["import", book, "--into", join(region, "region.yaml")]).code).toBe(0);
    for (const f of files) expect(readFileSync(join(region, f), "utf8"), f).toBe(before[f]);

    // One level of one member raised: only that member's file changes, on one line.
    const row = [...Array(fingal.rowCount).keys()].map((i) => i + 1).find((r) => fingal.getCell(r, 1).value === "data-catalogue")!;
    const was = fingal.getCell(row, 5).value as number;
    fingal.getCell(row, 5).value = was + 1;
    await workbook.xlsx.writeFile(book);
    const run = smartregion(["import", book, "--into", join(region, "region.yaml")]);
    expect(run.code, run.stderr).toBe(0);
    for (const f of files) {
      const now = readFileSync(join(region, f), "utf8").split("\n");
      const old = before[f]!.split("\n");
      const differing = now.filter((line, i) => line !== old[i]);
      expect(differing, f).toHaveLength(f === join("members", "fingal.yaml") ? 1 : 0);
    }
    expect(obj(obj(obj(parse(readFileSync(join(region, "members", "fingal.yaml"), "utf8")))["indicators"])["integrated"])["data-catalogue"]).toBe(was + 1);

    // Beside a new region file, the members' files are written new, and the region scores as the original does.
    const fresh = mkdtempSync(join(tmpdir(), "smartregion-wb-fresh-"));
    const made = smartregion(["import", book, "-o", join(fresh, "region.yaml")]);
    expect(made.code, made.stderr).toBe(0);
    expect(readdirSync(join(fresh, "members")).sort()).toEqual(readdirSync(join(region, "members")).sort());
    const scores = (file: string) => {
      const out = smartregion(["score", "--format", "json", file]);
      expect(out.code, out.stderr).toBe(0);
      const subject = obj((JSON.parse(out.stdout) as { results: unknown[] }).results[0]);
      expect(subject["members"]).toHaveLength(4);
      // Member paths are shown relative to where the run stands: the folders' own names are what differ.
      return JSON.stringify({ models: subject["models"], fit: subject["fit"], members: subject["members"], rollup: subject["rollup"] }).replaceAll(basename(fresh), "FOLDER").replaceAll(basename(region), "FOLDER");
    };
    expect(scores(join(fresh, "region.yaml"))).toBe(scores(join(region, "region.yaml")));
  }, 120_000);

  it("writes no member file through a link, and none outside the region's folder", async () => {
    const region = mkdtempSync(join(tmpdir(), "smartregion-wb-link-"));
    cpSync(join(ROOT, "examples", "dublin-region"), region, { recursive: true });
    const book = join(region, "book.xlsx");
    expect(smartregion(["export", join(region, "region.yaml"), "-o", book]).code).toBe(0);
    const elsewhere = mkdtempSync(join(tmpdir(), "smartregion-wb-elsewhere-"));
    const target = join(elsewhere, "fingal.yaml");
    cpSync(join(region, "members", "fingal.yaml"), target);
    const kept = readFileSync(target, "utf8");
    const region2 = readFileSync(join(region, "region.yaml"), "utf8");
    rmSync(join(region, "members", "fingal.yaml"));
    symlinkSync(target, join(region, "members", "fingal.yaml"));
    const run = smartregion(["import", book, "--into", join(region, "region.yaml")]);
    expect(run.code).toBe(2);
    expect(readFileSync(target, "utf8")).toBe(kept);
    expect(readFileSync(join(region, "region.yaml"), "utf8")).toBe(region2);
    // A new region whose members folder leads elsewhere.
    const fresh = mkdtempSync(join(tmpdir(), "smartregion-wb-fresh-"));
    symlinkSync(elsewhere, join(fresh, "members"));
    expect(smartregion(["import", book, "-o", join(fresh, "region.yaml")]).code).toBe(2);
    expect(readdirSync(elsewhere)).toEqual(["fingal.yaml"]);
    expect(existsSync(join(fresh, "region.yaml"))).toBe(false);
  }, 60_000);

  /** A workbook `export` made from `args`, opened, with its integrated-innovation sheet. */
  const exported = async (name: string, args: string[]) => {
    const book = join(dir, name);
    expect(smartregion(["export", ...args, "-o", book]).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    return { book, workbook, sheet: workbook.worksheets.find((s) => s.getCell("A1").value === "integrated")! };
  };

  /** An import of `book` to `name` that must fail for what the workbook holds (exit 1). */
  const refusedImport = (book: string, name: string) => {
    const out = join(dir, name);
    const run = smartregion(["import", book, "-o", out]);
    expect(run.code).toBe(1);
    return { out, run };
  };

  it("reads a day typed in a spreadsheet, as a date or as the serial number a program saved it as", async () => {
    const { book, workbook, sheet } = await exported("days.xlsx", ["--subject", "Days"]);
    sheet.getCell(2, 5).value = 3;
    sheet.getCell(2, 8).value = "Review";
    sheet.getCell(2, 10).value = 46145;
    sheet.getCell(3, 5).value = 2;
    sheet.getCell(3, 8).value = "Survey";
    sheet.getCell(3, 10).value = new Date(Date.UTC(2026, 4, 3));
    await workbook.xlsx.writeFile(book);
    const out = join(dir, "days.yaml");
    expect(smartregion(["import", book, "-o", out]).code).toBe(0);
    const dates = Object.values(obj(obj(obj(parse(readFileSync(out, "utf8")))["indicators"])["integrated"])).map((a) => obj(obj(a)["evidence"] && (obj(a)["evidence"] as unknown[])[0])["date"]);
    expect(dates.map(String)).toEqual(["2026-05-03", "2026-05-03"]);
  }, 60_000);

  it("reports each problem at its cell with validate's codes, and writes nothing", async () => {
    const { book, workbook, sheet } = await exported("broken.xlsx", [join(ROOT, "examples", "city.yaml")]);
    sheet.getCell(2, 5).value = 7;
    sheet.getCell(3, 5).value = { formula: "MAX(1,3)", result: 3 } as never;
    sheet.getCell(4, 1).value = "made-up-indicator";
    sheet.getCell(5, 5).value = "high";
    await workbook.xlsx.writeFile(book);
    const { out, run } = refusedImport(book, "broken.yaml");
    const name = sheet.name;
    for (const [cell, code] of [["E2", "out-of-range"], ["E3", "formula-cell"], ["A4", "unknown-indicator"], ["E5", "not-allowed-value"]]) {
      expect(run.stderr).toMatch(new RegExp(`broken\\.xlsx:${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!${cell} .*${code}`));
    }
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("says a workbook that is not there is not found, as validate says of an assessment", () => {
    const run = smartregion(["import", join(dir, "nowhere.xlsx"), "-o", join(dir, "nowhere.yaml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nowhere\.xlsx:1:1 .*not-found/);
  });

  it("reports a problem in a piece of evidence at its cell, not in the file it would have written", async () => {
    const { book, workbook, sheet } = await exported("evidence.xlsx", ["--subject", "Evidence"]);
    sheet.getCell(2, 5).value = 3;
    sheet.getCell(2, 8).value = "Review";
    sheet.getCell(2, 9).value = "https://example.org/review";
    sheet.getCell(2, 10).value = "5 Jan 2026";
    sheet.getCell(2, 11).value = "guessed";
    await workbook.xlsx.writeFile(book);
    const { out, run } = refusedImport(book, "evidence.yaml");
    const name = sheet.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(run.stderr).toMatch(new RegExp(`evidence\\.xlsx:${name}!J2 .*bad-format`));
    expect(run.stderr).toMatch(new RegExp(`evidence\\.xlsx:${name}!K2 .*not-allowed-value`));
    expect(run.stderr).not.toContain("evidence.yaml");
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("refuses a hostile workbook before reading it: not a workbook, a zip bomb, macros, links to other workbooks, huge sheets, over the size limit", async () => {
    const good = join(dir, "good.xlsx");
    expect(smartregion(["export", join(ROOT, "examples", "city.yaml"), "-o", good]).code).toBe(0);
    const sheetOf = (rows: number) =>
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>integrated</t></is></c></row>${Array.from({ length: rows }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>row-${(i * 7919) % 100_003}</t></is></c><c r="B${i + 2}"><v>${i}</v></c></row>`).join("")}</sheetData></worksheet>`;
    const withEntry = async (name: string, entry: string, content: Uint8Array | string) => {
      const zip = await JSZip.loadAsync(readFileSync(good));
      zip.file(entry, content);
      writeFileSync(join(dir, name), await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
      return join(dir, name);
    };
    writeFileSync(join(dir, "text.xlsx"), "not a zip at all\n");
    const hostile = [
      join(dir, "text.xlsx"),
      await withEntry("bomb.xlsx", "xl/media/padding.bin", new Uint8Array(60 * 1024 * 1024)),
      await withEntry("macros.xlsx", "xl/vbaProject.bin", "Attribute VB_Name"),
      await withEntry("links.xlsx", "xl/externalLinks/externalLink1.xml", "<externalLink/>"),
      // A sheet too large to open: 9 MB of rows that packs small enough to pass as a workbook.
      await withEntry("huge-part.xlsx", "xl/worksheets/sheet2.xml", sheetOf(90_000)),
      // A sheet of more rows than any framework needs, small as a file.
      await withEntry("many-rows.xlsx", "xl/worksheets/sheet2.xml", sheetOf(12_000)),
    ];
    for (const file of hostile) {
      const run = smartregion(["import", file, "-o", join(dir, "never.yaml")]);
      expect(run.code, file).toBe(2);
      expect(run.stderr, file).toMatch(/unsafe-workbook/);
    }
    expect(readFileSync(hostile[1]!).length).toBeLessThan(1024 * 1024);
    expect(smartregion(["import", good, "-o", join(dir, "never.yaml"), "--max-file-size", "0.001"]).code).toBe(2);
    expect(existsSync(join(dir, "never.yaml"))).toBe(false);
  }, 60_000);

  const soffice = spawnSync("soffice", ["--version"]).error === undefined;
  it.skipIf(!soffice)("opens in LibreOffice, and a workbook LibreOffice saved again imports the same", () => {
    const book = join(dir, "libre.xlsx");
    const source = join(ROOT, "examples", "six-city-alliance.yaml");
    expect(smartregion(["export", source, "-o", book]).code).toBe(0);
    const profile = mkdtempSync(join(tmpdir(), "smartregion-lo-"));
    const office = (args: string[]) => spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    const csv = join(dir, "csv");
    expect(office(["--convert-to", "csv", "--outdir", csv, book]).status).toBe(0);
    expect(readFileSync(join(csv, "libre.csv"), "utf8")).toContain("smartregion");
    const saved = join(dir, "saved");
    expect(office(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", saved, book]).status).toBe(0);
    expect(readdirSync(saved)).toEqual(["libre.xlsx"]);
    const out = join(dir, "libre-back.yaml");
    const run = smartregion(["import", join(saved, "libre.xlsx"), "-o", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(answers(readFileSync(out, "utf8"))).toEqual(answers(readFileSync(source, "utf8")));
  }, 240_000);
});
