import { finding } from "../model/findings.js";
import type { Finding } from "../model/findings.js";
import { localesOf } from "../model/text.js";
import type { Text } from "../model/text.js";
import { locate } from "../yaml/locate.js";
import type { YamlSource } from "../yaml/source.js";

type Path = (string | number)[];
type Data = Record<string, unknown>;

/** Every human text of a framework that passed the meta-schema, with its path. */
export function frameworkTexts(data: Data): { path: Path; text: Text }[] {
  const texts: { path: Path; text: Text }[] = [];
  const add = (path: Path, text: unknown) => {
    if (text !== undefined) texts.push({ path, text: text as Text });
  };
  const meta = data["x-framework"] as Data;
  for (const key of ["title", "summary", "case"]) add(["x-framework", key], meta[key]);
  (meta["dimensions"] as Data[]).forEach((d, i) => {
    add(["x-framework", "dimensions", i, "title"], d["title"]);
    add(["x-framework", "dimensions", i, "summary"], d["summary"]);
  });
  for (const [id, indicator] of Object.entries(data["properties"] as Record<string, Data>)) {
    const x = indicator["x-indicator"] as Data;
    const at = ["properties", id, "x-indicator"];
    for (const key of ["title", "question", "advice"]) add([...at, key], x[key]);
    for (const [level, text] of Object.entries(x["levels"] as Data)) add([...at, "levels", level], text);
  }
  return texts;
}


/**
 * Each text that lacks a locale the framework's other texts have: a warning, since English
 * stands in for what is missing.
 */
export function translationFindings(source: YamlSource): Finding[] {
  const texts = frameworkTexts(source.data as Data);
  const all = [...new Set(texts.flatMap((t) => localesOf(t.text)))].sort();
  const found: Finding[] = [];
  for (const { path, text } of texts) {
    const has = new Set(localesOf(text));
    for (const locale of all) {
      if (!has.has(locale)) found.push(finding("missing-translation", source.file, locate(source, path).value, path.join("."), { value: locale }));
    }
  }
  return found;
}

/**
 * Words that leave a level's boundary to the reader ("some", "regularly", 部分, 定期): two assessors
 * who read them pick different levels. A descriptor should name a count, a share, a frequency or
 * an artefact instead.
 */
const VAGUE_EN = /\b(some|a few|few|several|many|most|main|major|regular|regularly|often|frequently|occasionally|various|numerous|largely|mostly|partly|partially|widely|significant|significantly|substantial|sufficient|adequate)\b/i;
const VAGUE_ZH = /一些|部分|少数|若干|几个|多个|多数|大多数|大部分|主要|定期|经常|较多|大量|广泛|基本|充分|适当|显著/;

/** The vague word a text leans on, if any: English words in any text, Chinese ones in Chinese texts. */
export function vagueWord(text: string, locale: string): string | undefined {
  return (locale.startsWith("zh") ? VAGUE_ZH : VAGUE_EN).exec(text)?.[0];
}

/** Each level descriptor, in each of its languages, that draws its boundary with a vague word. */
export function vagueDescriptorFindings(source: YamlSource): Finding[] {
  const found: Finding[] = [];
  for (const { path, text } of frameworkTexts(source.data as Data)) {
    if (path.at(-2) !== "levels") continue;
    const byLocale: [string, string][] = typeof text === "string" ? [["en", text]] : Object.entries(text);
    for (const [locale, value] of byLocale) {
      const word = vagueWord(value, locale);
      if (word === undefined) continue;
      const at = typeof text === "string" ? path : [...path, locale];
      found.push(finding("vague-descriptor", source.file, locate(source, at).value, at.join("."), { value: word, context: locale }));
    }
  }
  return found;
}

/** A Chinese term the frameworks no longer use, and the one that stands for its idea (frameworks/meta/zh-terms.yaml). */
export interface ReplacedTerm {
  readonly avoid: string;
  readonly use: string;
}

/** The `terms` of frameworks/meta/zh-terms.yaml, read from its data: each entry with a non-empty avoid and use. */
export function replacedTerms(data: unknown): ReplacedTerm[] {
  const terms = (data ?? {}) as Record<string, unknown>;
  if (!Array.isArray(terms["terms"])) return [];
  return terms["terms"].flatMap((entry) => {
    const { avoid, use } = (entry ?? {}) as Record<string, unknown>;
    return typeof avoid === "string" && avoid !== "" && typeof use === "string" && use !== "" ? [{ avoid, use }] : [];
  });
}

/**
 * The avoided terms a Chinese text uses. An avoided term that is part of its own replacement
 * (开放平台 in 公共数据开放平台) is not counted where the replacement is written.
 */
export function replacedTermsIn(text: string, terms: readonly ReplacedTerm[]): ReplacedTerm[] {
  return terms.filter(({ avoid, use }) => (use.includes(avoid) ? text.split(use).join("\u0000") : text).includes(avoid));
}

/** Each Chinese text of a framework that uses a term the glossary replaces. */
export function replacedTermFindings(source: YamlSource, terms: readonly ReplacedTerm[]): Finding[] {
  const found: Finding[] = [];
  if (terms.length === 0) return found;
  for (const { path, text } of frameworkTexts(source.data as Data)) {
    if (typeof text === "string") continue;
    for (const [locale, value] of Object.entries(text)) {
      if (!locale.startsWith("zh")) continue;
      const at = [...path, locale];
      for (const term of replacedTermsIn(value, terms)) {
        found.push(finding("replaced-term", source.file, locate(source, at).value, at.join("."), { value: term.avoid, expected: term.use, context: locale }));
      }
    }
  }
  return found;
}
