import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { CODES } from "../../src/model/findings.js";
import type { Finding } from "../../src/model/findings.js";
import { frameworksFor } from "../../src/node/context.js";
import type { Output } from "../../src/node/output.js";
import { listInputs } from "../../src/node/read.js";
import { writeSubjects } from "../../src/pipeline/subjects.js";
import { reportTask, scoreTask, validateTask } from "../../src/pipeline/tasks.js";
import { REPORT_FORMATS } from "../../src/format/report/index.js";
import type { ReportFormatName } from "../../src/format/report/index.js";
import { SCORE_FORMATS } from "../../src/format/score/index.js";
import type { ScoreFormatName } from "../../src/format/score/index.js";
import { PLAIN } from "../../src/format/style.js";
import { VALIDATE_FORMATTERS } from "../../src/format/validate/index.js";
import type { ValidateFormat } from "../../src/format/validate/index.js";
import { DEFAULT_EVIDENCE } from "../../src/analysis/gaps/evidence.js";
import { ROOT } from "../helpers.js";

/**
 * The whole pipeline (read, check, score, report, every format) on random YAML text and on
 * random structures shaped like assessments. A fixed seed runs in the suite; a longer search:
 *   FUZZ_RUNS=5000 FUZZ_SEED=7 npm run fuzz
 */
const runs = Number(process.env["FUZZ_RUNS"] ?? 25);
const seed = Number(process.env["FUZZ_SEED"] ?? 20261121);

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const cwd = mkdtempSync(join(tmpdir(), "smartregion-fuzz-"));
const frameworks = frameworksFor([], cwd);
const common = { frameworks: [] as string[], cwd, maxFileSize: 5 * 1024 * 1024 };

function collector(): Output & { text: () => string } {
  const parts: string[] = [];
  return { write: (t) => void parts.push(t), close: () => undefined, abandon: () => undefined, text: () => parts.join("") };
}

function checkFindings(findings: readonly Finding[]): void {
  for (const f of findings) {
    expect(CODES[f.code]).toBeDefined();
    expect(f.severity).toBe(CODES[f.code].severity);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.col).toBeGreaterThanOrEqual(1);
  }
}

/** The output of one format is well-formed whatever the input held. */
function checkOutput(format: string, text: string): void {
  if (format === "json" || format === "sarif") JSON.parse(text);
  if (format === "junit") expect(XMLValidator.validate(text)).toBe(true);
  if (["stylish", "terminal", "github", "markdown", "html"].includes(format)) expect(text).not.toMatch(CONTROL);
  // Markdown escapes markup with a backslash (`\<script\>` shows the text, runs nothing).
  if (format === "markdown") expect(text).not.toMatch(/(?<!\\)<(script|img)|\]\(javascript:/i);
  if (format === "html") expect(text).not.toMatch(/<script|<img|href="javascript:/i);
}

const validate = validateTask({ ...common, command: "validate", recordDisk: false }, frameworks);

/** Runs every command and format on the file, as the command line would, and checks all of it. */
async function pipeline(file: string, locale: string): Promise<void> {
  const inputs = listInputs([file], cwd);
  const checked = validate(inputs.files[0]!);
  checkFindings(checked.findings);
  for (const format of Object.keys(VALIDATE_FORMATTERS) as ValidateFormat[]) {
    checkOutput(format, VALIDATE_FORMATTERS[format]({ files: [{ file, findings: checked.findings }] }, { style: PLAIN, version: "0.0.0", locale }));
  }
  // Every format of a command in one run, as `--format NAME=FILE` repeated writes them.
  const scoreFormats = Object.keys(SCORE_FORMATS) as ScoreFormatName[];
  const scoreSetup = { ...common, command: "score", formats: scoreFormats.map((format) => ({ format, colour: false })), locale, width: 80, minStage: "integrated", failUnder: ["50"] } as const;
  const scoreWriters = scoreFormats.map((format) => SCORE_FORMATS[format]({ frameworks, style: PLAIN, locale, locales: [locale, "en"], version: "0.0.0" }));
  const scoreOut = scoreFormats.map(() => collector());
  const scored = await writeSubjects(scoreOut.map((output, i) => ({ output, writer: scoreWriters[i]! })), inputs, 1, scoreSetup, scoreTask(scoreSetup, scoreWriters, frameworks));
  checkFindings(scored.findings);
  scoreFormats.forEach((format, i) => checkOutput(format, scoreOut[i]!.text()));

  const reportFormats = Object.keys(REPORT_FORMATS) as ReportFormatName[];
  const reportSetup = { ...common, command: "report", formats: reportFormats.map((format) => ({ format, colour: false })), locale, width: 80, evidence: DEFAULT_EVIDENCE } as const;
  const reportWriters = reportFormats.map((format) => REPORT_FORMATS[format]({ frameworks, style: PLAIN, locale, locales: [locale, "en"], version: "0.0.0" }));
  const reportOut = reportFormats.map(() => collector());
  const reported = await writeSubjects(reportOut.map((output, i) => ({ output, writer: reportWriters[i]! })), inputs, 1, reportSetup, reportTask(reportSetup, reportWriters, frameworks));
  checkFindings([...reported.findings, ...reported.remarks]);
  reportFormats.forEach((format, i) => checkOutput(format, reportOut[i]!.text()));
}

// Strings that have broken tools before: markup, escapes, bidi overrides, keys of Object.prototype.
const NASTY = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\u001b[2J\u001b[31mred", "\u202eevil\u202c", "a|b*c_d`e", "__proto__", "constructor", "]]>", "\u0000", "%0A::error::x", "\r\n", "&amp;", "😀", "中文", "[x](javascript:alert(1))"];
const text = fc.oneof({ arbitrary: fc.string({ maxLength: 30 }), weight: 3 }, { arbitrary: fc.constantFrom(...NASTY), weight: 2 }, { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 1 });
const ids = frameworks.all.map((f) => ({ id: f.id, indicators: f.indicators.map((i) => i.id) }));
const level = fc.oneof(fc.integer({ min: -2, max: 7 }), fc.constant(null), fc.double(), text, fc.constantFrom(0, 1, 2, 3, 4, 5));
const date = fc.oneof(fc.constantFrom("2026-06-30", "2024-02-29", "2023-02-29", "2026-13-01", "1900-01-01", "9999-12-31"), text);
const evidence = fc.record({ title: text, link: fc.oneof(fc.constant("https://example.org/x"), text), date, method: fc.oneof(fc.constantFrom("measured", "estimated", "self-reported"), text) }, { requiredKeys: ["title"] });
const answer = fc.oneof(
  level,
  fc.record({ level, evidence: fc.array(evidence, { maxLength: 3 }), notes: text, "not-applicable": text }, { requiredKeys: [] }),
);
const answers = fc.dictionary(
  fc.oneof(fc.constantFrom(...ids.map((f) => f.id)), text),
  fc.constantFrom(...ids).chain((f) => fc.dictionary(fc.oneof({ arbitrary: fc.constantFrom(...f.indicators), weight: 4 }, { arbitrary: text, weight: 1 }), answer, { maxKeys: 8 })),
  { maxKeys: 4 },
);
const member = fc.oneof(
  fc.record({ name: text, population: fc.oneof(fc.integer({ min: -5, max: 10_000_000 }), text), weight: fc.oneof(fc.double(), fc.integer()), indicators: answers }, { requiredKeys: ["name"] }),
  fc.record({ file: fc.oneof(fc.constantFrom("../x.yaml", "/etc/passwd", "member.yaml", ".", "", "fuzz.yaml"), text) }),
);
const assessment = fc.record(
  {
    smartregion: fc.oneof(fc.constant(1), level),
    subject: fc.record({ name: text, kind: fc.oneof(fc.constantFrom("city", "region"), text), population: fc.integer(), description: text }, { requiredKeys: ["name", "kind"] }),
    date,
    assessors: fc.array(fc.record({ name: text, role: text }), { maxLength: 2 }),
    frameworks: fc.dictionary(fc.constantFrom(...ids.map((f) => f.id)), fc.constantFrom("1.0.0", "2.0.0", "x")),
    targets: fc.record({ stage: fc.oneof(fc.constantFrom("integrated", "open", "merged"), text), by: date }, { requiredKeys: [] }),
    indicators: answers,
    members: fc.array(member, { maxLength: 4 }),
    [text.toString()]: text,
  },
  { requiredKeys: ["smartregion", "subject", "date"] },
);

const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8");
writeFileSync(join(cwd, "member.yaml"), city);

describe("fuzzing the whole pipeline", () => {
  it("survives random structures shaped like assessments, in every format", async () => {
    await fc.assert(
      fc.asyncProperty(assessment, fc.constantFrom("en", "zh-CN"), async (doc, locale) => {
        writeFileSync(join(cwd, "fuzz.yaml"), stringify(doc));
        await pipeline("fuzz.yaml", locale);
      }),
      { numRuns: runs, seed },
    );
  }, 600_000);

  it("survives random edits of a real assessment, and random text", async () => {
    const edit = fc.record({ at: fc.nat({ max: city.length }), cut: fc.nat({ max: 40 }), insert: fc.oneof(text, fc.constantFrom(": ", "\n  - ", "[", "{", "&a ", "*a", "!!binary ", "\t", "'", '"', "---\n", "? ")) });
    const mutated = fc.oneof({ arbitrary: fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => edits.reduce((t, e) => t.slice(0, e.at) + e.insert + t.slice(e.at + e.cut), city)), weight: 4 }, { arbitrary: fc.string({ unit: "binary", maxLength: 400 }), weight: 1 });
    await fc.assert(
      fc.asyncProperty(mutated, fc.constantFrom("en", "zh-CN"), async (content, locale) => {
        writeFileSync(join(cwd, "fuzz.yaml"), content);
        await pipeline("fuzz.yaml", locale);
      }),
      { numRuns: runs, seed },
    );
  }, 600_000);
});
