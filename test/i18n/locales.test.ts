import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { frameworkTexts } from "../../src/framework/translations.js";
import { LEVELS } from "../../src/framework/model.js";
import { EN, ZH } from "../../src/i18n/words.js";
import type { Words } from "../../src/i18n/words.js";
import { envLocale, LOCALES, localeOf, parseLangs } from "../../src/i18n/locale.js";
import { SHIPPED, shippedFrameworks } from "../helpers.js";

const HAN = /[\u4e00-\u9fff]/;

describe("every shipped framework text in both languages", () => {
  const set = shippedFrameworks();

  for (const framework of set.all) {
    it(`${framework.id}: every title, summary, question, level descriptor and piece of advice has en and zh-CN`, () => {
      const data = parse(readFileSync(join(SHIPPED, `${framework.id}.yaml`), "utf8")) as Record<string, unknown>;
      const texts = frameworkTexts(data);
      // Title and summary, two texts a dimension, and title, question, advice and six levels an indicator.
      expect(texts.length).toBeGreaterThanOrEqual(2 + 2 * framework.dimensions.length + 9 * framework.indicators.length);
      const problems: string[] = [];
      for (const { path, text } of texts) {
        const where = path.join(".");
        if (typeof text === "string") {
          problems.push(`${where}: a plain string, English only`);
          continue;
        }
        for (const locale of LOCALES) if ((text[locale] ?? "").trim() === "") problems.push(`${where}: no ${locale}`);
        const zh = text["zh-CN"] ?? "";
        if (zh !== "" && !HAN.test(zh)) problems.push(`${where}: zh-CN holds no Chinese`);
        // A wrapped plain scalar folds its line breaks into spaces, which do not belong between Chinese characters.
        if (/[\u4e00-\u9fff，。；：] [\u4e00-\u9fff]/.test(zh)) problems.push(`${where}: a space between Chinese characters`);
        if (HAN.test(text["en"] ?? "")) problems.push(`${where}: Chinese in the English text`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("names every level of the scale in both languages", () => {
    for (const level of LEVELS) {
      const name = set.levelNames[level];
      expect(typeof name).toBe("object");
      for (const locale of LOCALES) expect((name as Record<string, string>)[locale]).toMatch(/\S/);
    }
  });
});

describe("the words of the reports", () => {
  /** Every string and every function's result, by path, so the two catalogues can be compared. */
  function leaves(words: Words, path = ""): Map<string, string> {
    const out = new Map<string, string>();
    for (const [key, value] of Object.entries(words)) {
      const at = `${path}${key}`;
      if (typeof value === "string") out.set(at, value);
      else if (typeof value === "function") out.set(at, String((value as (...a: unknown[]) => unknown)("X", 2, 3, 4, 5)));
      else if (Array.isArray(value)) value.forEach((v, i) => out.set(`${at}.${i}`, String(v)));
      else for (const [k, v] of leaves(value as Words, `${at}.`)) out.set(k, v);
    }
    return out;
  }

  it("has a Chinese word for each English one, and it is not the English", () => {
    const en = leaves(EN);
    const zh = leaves(ZH);
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    // Punctuation, ids and the like may be the same; a whole English phrase left in the Chinese may not.
    const untranslated = [...en].filter(([key, value]) => /[a-z]{3,} [a-z]{3,}/i.test(value) && zh.get(key) === value).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

describe("choosing the language", () => {
  it("reads locale names as people write them", () => {
    expect(localeOf("zh_CN.UTF-8")).toBe("zh-CN");
    expect(localeOf("zh-Hans")).toBe("zh-CN");
    expect(localeOf("ZH_cn@euro")).toBe("zh-CN");
    expect(localeOf("en_GB.UTF-8")).toBe("en");
    expect(localeOf("de_DE.UTF-8")).toBeUndefined();
    expect(localeOf("C")).toBeUndefined();
  });

  it("parses --lang, keeping the order given and dropping repeats", () => {
    expect(parseLangs("zh-CN,en")).toEqual(["zh-CN", "en"]);
    expect(parseLangs(" en , zh_CN ")).toEqual(["en", "zh-CN"]);
    expect(parseLangs("zh-CN,zh")).toEqual(["zh-CN"]);
    expect(parseLangs("fr")).toBeUndefined();
    expect(parseLangs("en,fr")).toBeUndefined();
    expect(parseLangs(",")).toBeUndefined();
  });

  it("takes the environment in POSIX order, with English for a language it does not speak", () => {
    expect(envLocale({ LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(envLocale({ LC_ALL: "C", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(envLocale({ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(envLocale({ LC_MESSAGES: "zh_CN.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(envLocale({ LC_ALL: "", LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(envLocale({ LANG: "de_DE.UTF-8" })).toBe("en");
    expect(envLocale({})).toBe("en");
  });
});
