import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { frameworkTexts, replacedTerms, replacedTermsIn } from "../../src/framework/translations.js";
import { ROOT } from "../helpers.js";

const FRAMEWORKS = ["integrated", "open", "merged", "core-led", "contiguous-federation", "networked-alliance"];
const TERMS = replacedTerms(parse(readFileSync(join(ROOT, "frameworks", "meta", "zh-terms.yaml"), "utf8")));

/** Every zh-CN text of a shipped framework, with where it is. */
function chinese(id: string): { at: string; text: string }[] {
  const data = parse(readFileSync(join(ROOT, "frameworks", `${id}.yaml`), "utf8")) as Record<string, unknown>;
  return frameworkTexts(data).flatMap(({ path, text }) => {
    const zh = typeof text === "string" ? undefined : text["zh-CN"];
    return zh === undefined ? [] : [{ at: `${id}: ${path.join(".")}`, text: zh }];
  });
}

const HAN = "\\p{Script=Han}";
/** A half-width comma, semicolon, colon or parenthesis between two Chinese characters (spaces aside). */
const HALF_WIDTH = new RegExp(`${HAN}\\s*[,;:()]\\s*${HAN}`, "u");
/** A space between a Chinese character and a digit or Latin letter, either way round. */
const SPACED = new RegExp(`${HAN}\\s+[0-9A-Za-z]|[0-9A-Za-z]\\s+${HAN}`, "u");

describe("the Chinese of the shipped frameworks", () => {
  it("reads the glossary's replaced terms, each with a different term to use", () => {
    expect(TERMS.length).toBeGreaterThanOrEqual(20);
    for (const { avoid, use } of TERMS) expect(use, avoid).not.toBe(avoid);
    expect(TERMS.map((t) => t.avoid)).toContain("人生事件");
  });

  it.each(FRAMEWORKS)("%s uses no term the glossary replaces", (id) => {
    const found = chinese(id).flatMap(({ at, text }) => replacedTermsIn(text, TERMS).map((t) => `${at}: ${t.avoid} → ${t.use}`));
    expect(found).toEqual([]);
  });

  it.each(FRAMEWORKS)("%s has full-width punctuation between Chinese characters", (id) => {
    expect(chinese(id).filter(({ text }) => HALF_WIDTH.test(text)).map((t) => t.at)).toEqual([]);
  });

  it.each(FRAMEWORKS)("%s has no space between a Chinese character and a digit or Latin letter", (id) => {
    expect(chinese(id).filter(({ text }) => SPACED.test(text)).map((t) => t.at)).toEqual([]);
  });

  it("names the policy terms a Chinese planner looks for", () => {
    const all = FRAMEWORKS.flatMap(chinese).map((t) => t.text).join("\n");
    for (const term of ["一网通办", "12345政务服务便民热线", "好差评", "城市大脑", "一件事", "数字孪生城市", "GB/T 33356-2022", "国家突发事件预警信息发布系统", "长三角"]) {
      expect(all, term).toContain(term);
    }
  });

  it("counts an avoided term that is part of its replacement only outside it", () => {
    const terms = [{ avoid: "开放平台", use: "公共数据开放平台" }];
    expect(replacedTermsIn("公共数据开放平台", terms)).toEqual([]);
    expect(replacedTermsIn("公共数据开放平台和开放平台", terms)).toEqual(terms);
  });
});
