import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { displayWidth } from "../../src/format/width.js";
import { localize } from "../../src/model/text.js";
import { shippedFrameworks } from "../helpers.js";
import { jsonFindings, smartregion } from "./run.js";

const set = shippedFrameworks();
const title = (id: string, locale: string) => localize(set.byId.get(id)!.title, locale);
const ZH_ENV = { LANG: "zh_CN.UTF-8" };
const HAN = /[\u4e00-\u9fff]/;

/** The display columns at which `mark` stands in `line`. */
function rules(line: string, mark: string): number[] {
  const at: number[] = [];
  let column = 0;
  for (const char of line) {
    if (char === mark) at.push(column);
    column += displayWidth(char);
  }
  return at;
}

/** The lines of the terminal tables (drawn with box characters). */
const tableLines = (text: string) => text.split("\n").filter((line) => /^[│┌├└]/.test(line));

describe("the language of the output", () => {
  it("follows LANG, and --lang over it", () => {
    const zh = smartregion(["score", "examples/city.yaml"], undefined, ZH_ENV);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain(title("integrated", "zh-CN"));
    expect(zh.stdout).not.toContain(title("integrated", "en"));

    const en = smartregion(["--lang", "en", "score", "examples/city.yaml"], undefined, ZH_ENV);
    expect(en.stdout).toContain(title("integrated", "en"));
    expect(en.stdout).not.toMatch(HAN);

    const plain = smartregion(["score", "examples/city.yaml"], undefined, { LANG: "de_DE.UTF-8" });
    expect(plain.stdout).toBe(en.stdout);
    expect(smartregion(["score", "examples/city.yaml"], undefined, { LC_ALL: "C", LANG: "zh_CN.UTF-8" }).stdout).toBe(en.stdout);
    expect(smartregion(["score", "examples/city.yaml"], undefined, { LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }).stdout).toBe(zh.stdout);
  });

  it("refuses a language it does not speak, with exit 2", () => {
    const run = smartregion(["--lang", "fr", "score", "examples/city.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("--lang");
  });

  it("says usage errors in Chinese", () => {
    const run = smartregion(["score", "examples/city.yaml", "--min-stage", "nowhere"], undefined, ZH_ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(HAN);
    expect(run.stderr).toContain("nowhere");
  });

  it("lines up terminal tables of Chinese text in columns", () => {
    for (const args of [["score", "examples/city.yaml"], ["score", "examples/six-city-alliance.yaml"], ["report", "examples/dublin-region/region.yaml"], ["frameworks", "list"]]) {
      const run = smartregion(["--lang", "zh-CN", ...args]);
      expect(run.code, args.join(" ")).toBe(0);
      const lines = tableLines(run.stdout);
      expect(lines.length, args.join(" ")).toBeGreaterThan(3);
      expect(lines.some((line) => HAN.test(line))).toBe(true);
      // Each table's lines are as wide as its top border, counting a Chinese character as two columns.
      // Its column rules fall at the columns of the top border's joints.
      let width = 0;
      let joints: number[] = [];
      for (const line of lines) {
        if (line.startsWith("┌")) {
          width = displayWidth(line);
          joints = rules(line, "┬");
        }
        expect(displayWidth(line), line).toBe(width);
        if (line.startsWith("│")) expect(rules(line, "│").slice(1, -1), line).toEqual(joints);
      }
    }
  });

  it("lines up problem lists of Chinese messages", () => {
    const run = smartregion(["--lang", "zh-CN", "validate", "examples/invalid.yaml"]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n").filter((l) => l.startsWith("examples/"));
    expect(lines.length).toBeGreaterThan(5);
    // The message starts at the same column on every line: after the position and the severity.
    const starts = lines.map((line) => displayWidth(line.replace(/^(\S+\s+\S+\s+).*$/, "$1")));
    expect(new Set(starts).size).toBe(1);
  });
});

describe("Chinese sentences made from facts", () => {
  it("keeps the user's own text as written inside a Chinese sentence", () => {
    const dir = mkdtempSync(join(tmpdir(), "smartregion-zh-facts-"));
    writeFileSync(join(dir, ".smartregion.yaml"), "frameworks:\n  - rock and roll, or not\n");
    const config = smartregion(["--lang", "zh-CN", "validate", "city.yaml"], dir);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain("没有文件夹 rock and roll, or not");
  });
});

describe("machine formats in Chinese", () => {
  it("changes only the messages of validate's JSON, never codes or positions", () => {
    const en = smartregion(["--lang", "en", "validate", "--format", "json", "examples/invalid.yaml"]);
    const zh = smartregion(["--lang", "zh-CN", "validate", "--format", "json", "examples/invalid.yaml"]);
    expect(zh.code).toBe(en.code);
    expect(jsonFindings(zh.stdout)).toEqual(jsonFindings(en.stdout));
    const messages = (text: string) => (JSON.parse(text) as { files: { findings: { message: string }[] }[] }).files.flatMap((f) => f.findings.map((x) => x.message));
    expect(messages(zh.stdout).every((m) => HAN.test(m))).toBe(true);
    expect(messages(en.stdout).some((m) => HAN.test(m))).toBe(false);
  });

  it("changes only the messages of score's and report's JSON, never the rest", () => {
    for (const command of ["score", "report"]) {
      const args = [command, "examples/invalid.yaml", "examples/city.yaml", "--format", "json"];
      const [en, zh] = ["en", "zh-CN"].map((lang) => JSON.parse(smartregion(["--lang", lang, ...args]).stdout) as Record<string, unknown>);
      const messages: string[] = [];
      // Every message taken out, the two documents are the same.
      const strip = (value: unknown): unknown =>
        Array.isArray(value)
          ? value.map(strip)
          : typeof value === "object" && value !== null
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => (k === "message" && typeof v === "string" ? (messages.push(v), [k, ""]) : [k, strip(v)])))
            : value;
      expect(strip(zh)).toEqual(strip(en));
      // strip(zh) ran first, so its messages come first.
      const [zhMessages, enMessages] = [messages.slice(0, messages.length / 2), messages.slice(messages.length / 2)];
      expect(zhMessages.length, command).toBeGreaterThan(0);
      expect(zhMessages.every((m) => HAN.test(m)), command).toBe(true);
      expect(enMessages.some((m) => HAN.test(m)), command).toBe(false);
    }
  });

  it("writes SARIF with Chinese messages and rule help", () => {
    const run = smartregion(["--lang", "zh-CN", "validate", "--format", "sarif", "examples/invalid.yaml"]);
    const log = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string } }[] } }; results: { ruleId: string; message: { text: string } }[] }[] };
    const { rules } = log.runs[0]!.tool.driver;
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) {
      expect(rule.shortDescription.text).toMatch(HAN);
      expect(rule.fullDescription.text.startsWith(rule.shortDescription.text)).toBe(true);
    }
    expect(log.runs[0]!.results.every((r) => HAN.test(r.message.text))).toBe(true);
  });

  it("writes JUnit with Chinese failures that is still one well-formed document", () => {
    const run = smartregion(["--lang", "zh-CN", "validate", "--format", "junit", "examples/invalid.yaml", "examples/city.yaml"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/<failure message="[^"]*[\u4e00-\u9fff][^"]*"/);
    expect(run.stdout.match(/<testcase /g)?.length).toBe(2);
  });
});

describe("both languages in one document", () => {
  it("writes the Markdown report once in each language, in the order asked", () => {
    const run = smartregion(["--lang", "zh-CN,en", "report", "--format", "markdown", "examples/city.yaml"]);
    expect(run.code).toBe(0);
    const [zh, en, ...rest] = run.stdout.split("\n---\n");
    expect(rest).toEqual([]);
    expect(zh).toContain(title("open", "zh-CN"));
    expect(zh).not.toContain(title("open", "en"));
    expect(en).toContain(title("open", "en"));
    expect(en).not.toMatch(HAN);
    // Each half is the report in its own language.
    expect(zh).toBe(smartregion(["--lang", "zh-CN", "report", "--format", "markdown", "examples/city.yaml"]).stdout);
    expect(en!.replace(/^\n/, "")).toBe(smartregion(["--lang", "en", "report", "--format", "markdown", "examples/city.yaml"]).stdout);
  });

  it("writes the HTML report with an article for each language, each marked with its lang", () => {
    const run = smartregion(["--lang", "en,zh-CN", "report", "--format", "html", "examples/six-city-alliance.yaml"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    const articles = [...run.stdout.matchAll(/<article lang="([^"]+)" id="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(articles).toEqual([
      ["en", "lang-en"],
      ["zh-CN", "lang-zh-CN"],
    ]);
    expect(run.stdout).toContain('href="#lang-zh-CN"');
    const zhPart = run.stdout.slice(run.stdout.indexOf('<article lang="zh-CN"'));
    expect(zhPart).toContain(title("networked-alliance", "zh-CN"));
  });

  it("uses the first language for a format that holds one", () => {
    const both = smartregion(["--lang", "zh-CN,en", "score", "examples/city.yaml"]);
    expect(both.stdout).toBe(smartregion(["--lang", "zh-CN", "score", "examples/city.yaml"]).stdout);
  });

  it("writes diff's Markdown in each language too", () => {
    const run = smartregion(["--lang", "zh-CN,en", "diff", "--format", "markdown", "examples/city.yaml", "examples/city.yaml"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n---\n").length).toBe(2);
  });
});

describe("a template in Chinese", () => {
  it("writes comments in Chinese, within 100 columns, pointing at the Chinese editor schema, and validates as written", () => {
    const dir = mkdtempSync(join(tmpdir(), "sr-zh-init-"));
    const file = join(dir, "a.yaml");
    const made = smartregion(["init", file, "--subject", "杭州", "--date", "2026-01-01"], dir, ZH_ENV);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(HAN);
    const text = readFileSync(file, "utf8");
    const question = localize(set.byId.get("integrated")!.indicators[0]!.question, "zh-CN");
    expect(text.replace(/\n\s*#\s*/g, "")).toContain(question);
    for (const line of text.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
    const schemaLine = text.split("\n")[0]!;
    expect(schemaLine).toMatch(/assessment\.schema\.zh-CN\.json$/);
    const schema = JSON.parse(readFileSync(resolve(dir, schemaLine.replace(/^.*\$schema=/, "")), "utf8")) as { $defs: Record<string, { title?: string }> };
    expect(schema.$defs["framework-integrated"]?.title).toBe(title("integrated", "zh-CN"));
    expect((parse(text) as { subject: { name: string } }).subject.name).toBe("杭州");
    expect(smartregion(["validate", file], dir).code).toBe(0);
  });
});
