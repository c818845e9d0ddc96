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
