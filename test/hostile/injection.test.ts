import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "../cli/run.js";

/**
 * Text that would start CI commands if it reached a log with its line breaks: GitHub Actions
 * obeys `::command::` and `##[command]` at the start of any line it reads.
 */
const HEADS = ["::error file=README.md,line=1::FORGED", "##[error]FORGED", "::stop-commands::FORGED", "::add-mask::FORGED", "::warning::FORGED"];
/** The breaks that end a line for a log reader or a terminal, each before one head. */
const BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\u000b", "\u000c"];
const PAYLOAD = `A${BREAKS.map((b, i) => `${b}${HEADS[i % HEADS.length]}`).join("")}Z`;
/** As a YAML double-quoted scalar: every break written as an escape. */
const QUOTED = JSON.stringify(PAYLOAD).replace(/\u2028/g, "\\L").replace(/\u2029/g, "\\P").replace(/\u0085/g, "\\N");

/** Every way a reader may split output into lines. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085\u000b\u000c]/;
/** Characters that end a line somewhere: none may reach output as they are. */
const RAW_BREAK = /[\r\u2028\u2029\u0085\u000b\u000c]/;

function forged(output: string): string[] {
  return output
    .split(LINE_BREAK)
    .map((line) => line.trimStart())
    .filter((line) => HEADS.some((head) => line.startsWith(head.slice(0, head.indexOf("FORGED")))) && line.includes("FORGED"));
}

describe("line breaks in input text", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "smartregion-inject-"));
    const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8")
      .replace("name: Riverton", `name: ${QUOTED}`)
      .replace("- name: Amira Hollis", `- name: ${QUOTED}`)
      .replace("title: Fundamental databases quality report 2025", `title: ${QUOTED}`)
      .replace(/^ {6}notes: All four databases[^\n]*(\n {8}[^\n]*)*/m, `      notes: ${QUOTED}`);
    writeFileSync(join(dir, "city.yaml"), city);
    // A wrong file: an unknown indicator and an unknown key named by the payload.
    writeFileSync(join(dir, "wrong.yaml"), city.replace("  integrated:\n", `  integrated:\n    ${QUOTED}: 3\n`).replace("date: 2026-06-30", `date: 2026-06-30\n${QUOTED}: 1`));
    const older = city.replace(/level: 4/, "level: 2");
    writeFileSync(join(dir, "older.yaml"), older);
    // A region whose member names and member file name carry the payload.
    cpSync(join(ROOT, "examples", "dublin-region"), join(dir, "region"), { recursive: true });
    const region = readFileSync(join(dir, "region", "region.yaml"), "utf8").replace("name: Dublin region", `name: ${QUOTED}`);
    writeFileSync(join(dir, "region", "region.yaml"), region);
    // A file whose own name has line breaks, met in a walk of a folder.
    mkdirSync(join(dir, "walk"));
    writeFileSync(join(dir, "walk", `x\n::error file=README.md,line=1::FORGED\r\n##[error]FORGED.yaml`), city.replace("level: 4", "level: 9"));
    // A custom framework whose texts carry the payload.
    mkdirSync(join(dir, "fw"));
    const framework = readFileSync(join(ROOT, "examples", "custom-frameworks", "tourism-destination.yaml"), "utf8")
      .replace("en: Shared tourism destination", `en: ${QUOTED}`)
      .replace("en: One destination body", `en: ${QUOTED}`);
    writeFileSync(join(dir, "fw", "tourism-destination.yaml"), framework);
    cpSync(join(ROOT, "examples", "lakeland-destination.yaml"), join(dir, "lakeland.yaml"));
  });

  /** A run, and the formats it writes: several at once, each to its own file, where the command takes `-f NAME=FILE`. */
  interface Case {
    readonly args: readonly string[];
    readonly formats: readonly string[];
  }
  const runs: Case[] = [
    { args: ["validate", "city.yaml", "wrong.yaml", "walk"], formats: ["stylish", "json", "sarif", "junit", "github"] },
    { args: ["score", "city.yaml", "region/region.yaml", "--min-stage", "merged"], formats: ["terminal", "json", "markdown", "html", "sarif", "junit", "github"] },
    { args: ["--frameworks", "fw", "score", "lakeland.yaml"], formats: ["terminal", "json", "markdown", "html", "sarif", "junit", "github"] },
    { args: ["report", "city.yaml", "region/region.yaml", "--strict-evidence"], formats: ["terminal", "json", "markdown", "html", "sarif", "junit", "github"] },
    { args: ["--frameworks", "fw", "report", "lakeland.yaml"], formats: ["terminal", "json", "markdown", "html", "sarif", "junit", "github"] },
  ];
  // Commands that write one format a run.
  for (const format of ["terminal", "json", "markdown", "html"]) runs.push({ args: ["diff", "older.yaml", "city.yaml", "-f", format], formats: [] });
  for (const format of ["text", "json"]) {
    runs.push({ args: ["--frameworks", "fw", "frameworks", "list", "-f", format], formats: [] });
    runs.push({ args: ["--frameworks", "fw", "frameworks", "show", "tourism-destination", "-f", format], formats: [] });
  }
  for (const format of ["stylish", "json", "sarif", "junit", "github"]) runs.push({ args: ["frameworks", "lint", "fw", "-f", format], formats: [] });
  // Every run in English; in Chinese, the first of each command, since only the words differ.
  const chinese = runs.filter((c, i) => runs.findIndex((other) => other.args.slice(0, 3).join(" ") === c.args.slice(0, 3).join(" ")) === i);
  for (const [lang, list] of [["en", runs], ["zh-CN", chinese]] as const) {
    for (const { args, formats } of list) {
      it(`starts no CI command and breaks no line: ${args.join(" ")}${formats.length > 0 ? ` -f ${formats.join(",")}` : ""} --lang ${lang}`, () => {
        const out = mkdtempSync(join(tmpdir(), "smartregion-lines-out-"));
        const run = smartregion([...args, ...formats.flatMap((f) => ["-f", `${f}=${join(out, f)}`]), "--lang", lang], dir);
        expect([0, 1], run.stderr).toContain(run.code);
        const outputs: [string, string][] = [["stdout", run.stdout], ["stderr", run.stderr], ...formats.map((f) => [f, readFileSync(join(out, f), "utf8")] as [string, string])];
        for (const [name, text] of outputs) {
          expect(forged(text), name).toEqual([]);
          expect(RAW_BREAK.test(text), `a raw break in ${name}`).toBe(false);
        }
      });
    }
  }

  it("starts no CI command from an argument, such as a file name a shell's glob expanded", () => {
    const argv = [
      [PAYLOAD],
      ["validate", PAYLOAD],
      ["validate", `${PAYLOAD}*.yaml`],
      ["score", "--format", PAYLOAD, "city.yaml"],
      ["validate", "--format", PAYLOAD, "city.yaml"],
      ["score", "city.yaml", "--fail-under", PAYLOAD],
      ["score", "city.yaml", "--min-stage", PAYLOAD],
      ["frameworks", "show", PAYLOAD],
      ["--lang", PAYLOAD, "validate", "city.yaml"],
      ["--frameworks", PAYLOAD, "validate", "city.yaml"],
      ["diff", PAYLOAD, "city.yaml"],
      ["init", "--only", PAYLOAD, "-"],
    ];
    for (const args of argv) {
      const run = smartregion(args, dir);
      expect([1, 2], args.join(" ")).toContain(run.code);
      expect(forged(run.stdout + run.stderr), args.join(" ")).toEqual([]);
      expect(RAW_BREAK.test(run.stdout + run.stderr), args.join(" ")).toBe(false);
    }
  });

  it("starts no CI command where a terminal view wraps input text, at any width", () => {
    // Spaces give the wrapping places to break: none may leave "::" or "##[" at the start of a line.
    const spaced = `Riverton ${HEADS.join(" ")} ${"x".repeat(50)}::warning::FORGED`;
    writeFileSync(join(dir, "spaced.yaml"), readFileSync(join(dir, "city.yaml"), "utf8").replace(/^( {2}name: ).*$/m, `$1${JSON.stringify(spaced)}`));
    for (const columns of [40, 41, 47, 53, 64, 79]) {
      const run = smartregion(["score", "spaced.yaml"], dir, { COLUMNS: String(columns) });
      expect(run.stdout, `at ${columns}`).toContain("FORGED");
      expect(forged(run.stdout), `at ${columns}`).toEqual([]);
    }
    const report = smartregion(["report", "spaced.yaml"], dir, { COLUMNS: "45" });
    expect(forged(report.stdout)).toEqual([]);
  });

  it("shows the breaks as escapes where the text is shown", () => {
    for (const args of [["validate", "wrong.yaml"], ["score", "city.yaml"], ["report", "city.yaml"], ["--frameworks", "fw", "frameworks", "list"]]) {
      // Wide enough that the escaped text is shown on one line.
      const run = smartregion(args, dir, { COLUMNS: "1000" });
      expect(run.stdout, args.join(" ")).toContain("A\\n::error file=README.md,line=1::FORGED\\r\\n##[error]FORGED");
    }
  });
});
