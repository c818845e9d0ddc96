import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { jsonFindings, smartregion } from "./run.js";

const example = readFileSync(join(ROOT, "examples", "custom-frameworks", "tourism-destination.yaml"), "utf8");

/** 1-based line and column of the first occurrence of `needle` (at its first non-space). */
function at(text: string, needle: string, from = 0): string {
  const index = text.indexOf(needle, from);
  expect(index, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  const col = index - before.lastIndexOf("\n");
  const lead = /^ */.exec(needle)![0].length;
  return `${line}:${col + lead}`;
}

describe("frameworks lint", () => {
  let dir = "";
  const lint = (...args: string[]) => smartregion(["frameworks", "lint", ...args], dir);
  const findings = (...files: string[]) => {
    const run = lint(...files, "--format", "json");
    return { code: run.code, found: jsonFindings(run.stdout) };
  };
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return text;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "smartregion-lint-"));
  });

  it("passes the shipped frameworks and the example custom framework", () => {
    const run = smartregion(["frameworks", "lint", "frameworks", "examples/custom-frameworks", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(Object.values(jsonFindings(run.stdout)).flat()).toEqual([]);
  });

  it("reports what the meta-schema rules out, at its line and column", () => {
    const cases: [string, string, string][] = [
      ["weight: 2", "weight: 0", "out-of-range"],
      ["    bar: 3", "    bar: 7", "out-of-range"],
      ["  version: 0.1.0", "  version: one", "bad-format"],
    ];
    for (const [from, to, code] of cases) {
      const text = write("case.yaml", example.replace(from, to));
      const value = to.split(": ")[1]!;
      const position = at(text, to);
      const [line, col] = position.split(":").map(Number);
      const expected = `${code}@${line}:${col! + to.trim().indexOf(value)}`;
      const result = findings("case.yaml");
      expect(result.code, to).toBe(1);
      expect(result.found["case.yaml"], to).toEqual([expected]);
    }
  });

  it("reports a key that breaks a rule for keys at the key itself: an indicator id, a locale", () => {
    const text = write("key-rules.yaml", example.replace("\n  pooled-funding:\n", "\n  Pooled_Funding:\n").replace("      title:\n        en: Pooled funding", "      title:\n        EN_gb: Pooled funding"));
    const result = findings("key-rules.yaml");
    expect(result.code).toBe(1);
    expect(result.found["key-rules.yaml"]).toContain(`bad-key@${at(text, "  Pooled_Funding:")}`);
    expect(result.found["key-rules.yaml"]).toContain(`bad-key@${at(text, "        EN_gb: Pooled")}`);
  });

  it("reports an id that is an Object.prototype name and a $id another schema has, each at its place", () => {
    const reserved = write("reserved.yaml", example.replace("    - id: visitor-data\n", "    - id: constructor\n").replace(/dimension: visitor-data/g, "dimension: constructor"));
    const found = findings("reserved.yaml");
    expect(found.code).toBe(1);
    expect(found.found["reserved.yaml"]![0]).toBe(`reserved-id@${at(reserved, "constructor", reserved.indexOf("- id: constructor") + 6)}`);
    const taken = write("taken.yaml", example.replace(/^\$id: .*$/m, "$id: https://smartregion.dev/frameworks/core-led.json"));
    const run = lint("taken.yaml", "--format", "json");
    expect(run.code).toBe(1);
    expect(jsonFindings(run.stdout)["taken.yaml"]).toEqual([`duplicate-schema-id@${at(taken, "https://smartregion.dev/frameworks/core-led.json")}`]);
    expect(run.stdout).toContain("frameworks/core-led.yaml");
  });

  it("reports a missing level descriptor at the levels mapping", () => {
    const text = write("levels.yaml", example.replace("        3:\n          en: A joint body", "        4:\n          en: A joint body"));
    const result = findings("levels.yaml");
    expect(result.code).toBe(1);
    expect(result.found["levels.yaml"]).toEqual([`missing-key@${at(text, "        1:\n          en: The cities meet")}`]);
  });

  it("reports duplicate ids: dimensions, indicators, frameworks and stage orders", () => {
    const dims = write("dims.yaml", example.replace("    - id: visitor-data\n", "    - id: destination-body\n").replace(/dimension: visitor-data/g, "dimension: destination-body"));
    const second = dims.indexOf("    - id: destination-body", dims.indexOf("    - id: destination-body") + 1);
    expect(findings("dims.yaml").found["dims.yaml"]).toEqual([`duplicate-id@${at(dims, "destination-body", second)}`]);

    write("keys.yaml", example.replace("\n  shared-booking:\n", "\n  pooled-funding:\n"));
    expect(findings("keys.yaml").found["keys.yaml"]!.map((f) => f.split("@")[0])).toEqual(["duplicate-key"]);

    write("twin-a.yaml", example.replace("id: tourism-destination", "id: twin"));
    const twin = write("twin-b.yaml", example.replace("id: tourism-destination", "id: twin"));
    const both = findings("twin-a.yaml", "twin-b.yaml");
    expect(both.code).toBe(1);
    expect([...(both.found["twin-a.yaml"] ?? []), ...(both.found["twin-b.yaml"] ?? [])]).toEqual([`duplicate-id@${at(twin, "twin")}`]);

    // A new stage at the order of a shipped one.
    const stage = write("stage.yaml", example.replace("  kind: model\n", "  kind: stage\n  order: 2\n").replace("  case:\n", "  xcase:\n").replace(/ {2}xcase:\n(?: {4}.*\n)+/, ""));
    const ordered = findings("stage.yaml");
    expect(ordered.code).toBe(1);
    expect(ordered.found["stage.yaml"]).toEqual(["duplicate-id@1:1"]);
    void stage;
  });

  it("reports an indicator in an undeclared dimension", () => {
    const text = write("dimension.yaml", example.replace("      dimension: visitor-data\n      weight: 1", "      dimension: visitor-datum\n      weight: 1"));
    expect(findings("dimension.yaml").found["dimension.yaml"]).toEqual([`unknown-dimension@${at(text, "visitor-datum")}`]);
  });

  it("warns of each text missing a locale the framework uses elsewhere; --strict makes that fail", () => {
    const text = write("zh.yaml", example.replace("    en: Shared tourism destination\n", "    en: Shared tourism destination\n    zh-CN: 共享旅游目的地\n"));
    const result = findings("zh.yaml");
    expect(result.code).toBe(0);
    const found = result.found["zh.yaml"]!;
    // Every text but the title: summary, case, 2 dimensions x 2, 4 indicators x (title, question, advice, 3 levels).
    expect(found.length).toBe(2 + 4 + 4 * 6);
    expect(found.every((f) => f.startsWith("missing-translation@"))).toBe(true);
    // At the summary's mapping, which has only `en`.
    expect(found[0]).toBe(`missing-translation@${at(text, "    en: Cities that visitors see")}`);
    expect(lint("zh.yaml", "--strict").code).toBe(1);
  });

  it("warns of a level descriptor that leans on a vague word, in English and in Chinese, at the text", () => {
    const en = "          en: Each city and attraction sells its own tickets.";
    const text = write(
      "vague.yaml",
      example
        .replace(en, "          en: Some cities and attractions sell tickets together.\n          zh-CN: 部分城市和景点联合售票。")
        .replace("    en: Shared tourism destination\n", "    en: Shared tourism destination\n    zh-CN: 共享旅游目的地\n"),
    );
    const result = findings("vague.yaml");
    expect(result.code).toBe(0);
    const vague = result.found["vague.yaml"]!.filter((f) => f.startsWith("vague-descriptor@"));
    expect(vague).toEqual([`vague-descriptor@${at(text, "Some cities")}`, `vague-descriptor@${at(text, "部分城市")}`]);
    expect(lint("vague.yaml", "--strict").code).toBe(1);
  });

  it("warns of a Chinese text that uses a term the glossary replaces, in a custom framework too, but not of the term that replaces it", () => {
    const text = write(
      "terms.yaml",
      example.replace("    en: Shared tourism destination\n", "    en: Shared tourism destination\n    zh-CN: 按人生事件办理的公共数据开放平台\n"),
    );
    const result = findings("terms.yaml");
    expect(result.code).toBe(0);
    const replaced = result.found["terms.yaml"]!.filter((f) => f.startsWith("replaced-term@"));
    // 人生事件 is replaced; 开放平台 is avoided too, but here it is part of 公共数据开放平台.
    expect(replaced).toEqual([`replaced-term@${at(text, "按人生事件")}`]);
    const run = lint("terms.yaml");
    expect(run.stdout).toContain("人生事件");
    expect(run.stdout).toContain("一件事");
    expect(lint("terms.yaml", "--strict").code).toBe(1);
  });

  it("exits 2 when a path names nothing", () => {
    expect(lint("nowhere.yaml").code).toBe(2);
  });
});
