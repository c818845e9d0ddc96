import { ZH_SCHEMA } from "../i18n/schema.js";
import { words } from "../i18n/words.js";
import type { Words } from "../i18n/words.js";
import type { Framework, FrameworkSet, Indicator } from "../framework/model.js";
import { LEVELS } from "../framework/model.js";
import { localize } from "../model/text.js";
import type { Text } from "../model/text.js";
import { assessmentSchema } from "./schema.js";

type Schema = Record<string, unknown>;

/** Where an editor finds the assessment schema: named once, used by the build and `init`. */
export const EDITOR_SCHEMA_FILE = "assessment.schema.json";

/** The shipped editor schema in `locale`: English in EDITOR_SCHEMA_FILE, another language beside it. */
export const editorSchemaFile = (locale: string): string => (locale === "en" ? EDITOR_SCHEMA_FILE : `assessment.schema.${locale}.json`);

/**
 * The assessment schema as one self-contained document, for editors and other tools: the
 * frameworks and the answer schema inlined under `$defs` (nothing is fetched), and every
 * framework, indicator and level carrying its title and descriptors, so that an editor shows
 * them on hover and offers the levels, described, as completions. It accepts and rejects the
 * same documents as the schema validation uses; only the annotations differ.
 */
export function editorSchema(set: FrameworkSet, locale = "en"): Schema {
  const t = (text: Text) => localize(text, locale);
  const w = words(locale);
  const schema = assessmentSchema(set);
  const defs = schema["$defs"] as Record<string, Schema>;
  const refs = new Map<string, string>();

  const { $schema: _s, $id: answerId, $defs: answerDefs, ...answer } = structuredClone(set.answerSchema) as Schema & { $defs: Record<string, Schema> };
  for (const [name, def] of Object.entries(answerDefs)) {
    defs[name] = def;
    refs.set(`#/$defs/${name}`, `#/$defs/${name}`);
  }
  defs["answer"] = answer;
  refs.set(String(answerId), "#/$defs/answer");

  for (const framework of set.all) {
    const { $schema: _fs, $id, "x-framework": _meta, ...rest } = structuredClone(framework.schema) as Schema;
    const properties = Object.fromEntries(framework.indicators.map((i) => [i.id, indicatorSchema(set, framework, i, t, w)]));
    defs[`framework-${framework.id}`] = { ...rest, title: t(framework.title), description: t(framework.summary), properties };
    refs.set(String($id), `#/$defs/framework-${framework.id}`);

    const targets = defs[`targets-${framework.id}`]!["properties"] as Record<string, Schema>;
    for (const indicator of framework.indicators) targets[indicator.id] = { ...targets[indicator.id], title: t(indicator.title) };
  }

  // Each place that takes a framework's answers is titled with the framework.
  const titled = (place: Schema | undefined) => {
    const byFramework = place?.["properties"] as Record<string, Schema> | undefined;
    for (const framework of set.all) {
      const entry = byFramework !== undefined && Object.hasOwn(byFramework, framework.id) ? byFramework[framework.id] : undefined;
      if (entry !== undefined) Object.assign(entry, { title: t(framework.title), description: t(framework.summary) });
    }
  };
  const properties = schema["properties"] as Record<string, Schema>;
  titled(properties["indicators"]);
  titled((defs["member"]!["properties"] as Record<string, Schema>)["indicators"]);

  const editor = strip(schema, refs) as Schema;
  if (locale === "zh-CN") describe(editor, ZH_SCHEMA);
  return editor;
}

/**
 * The schema's own fields described in another language: each text set as the description of
 * the field at its path (`properties.subject`, `$defs.answer.properties.level`; "" is the whole).
 */
function describe(schema: Schema, texts: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(texts)) {
    let node: Schema | undefined = schema;
    for (const key of path === "" ? [] : path.split(".")) {
      const next: unknown = node !== undefined && Object.hasOwn(node, key) ? node[key] : undefined;
      node = next !== null && typeof next === "object" ? (next as Schema) : undefined;
    }
    if (node === undefined) throw new Error(`no field ${path} in the editor schema to describe`);
    node["description"] = text;
  }
}

/** One indicator: its answer schema, with the question and what each level looks like. */
function indicatorSchema(set: FrameworkSet, framework: Framework, indicator: Indicator, t: (text: Text) => string, w: Words): Schema {
  const dimension = framework.dimensions.find((d) => d.id === indicator.dimension);
  const levelName = (level: (typeof LEVELS)[number]) => w.levelName(level, t(set.levelNames[level]));
  const described = (level: (typeof LEVELS)[number]) => {
    const text = indicator.levels[level];
    return text !== undefined ? `${w.colon}${t(text)}` : "";
  };
  const levelLine = (level: (typeof LEVELS)[number]) => `${levelName(level)}${described(level)}`;
  const place = `${t(framework.title)}${dimension !== undefined ? `${w.factSep}${t(dimension.title)}` : ""}`;
  return {
    $ref: "#/$defs/answer",
    title: t(indicator.title),
    description: [t(indicator.question), ...LEVELS.map(levelLine)].join("\n"),
    markdownDescription: [
      `**${t(indicator.title)}**${w.paren(place)}`,
      t(indicator.question),
      LEVELS.map((level) => `- **${levelName(level)}**${described(level)}`).join("\n"),
    ].join("\n\n"),
    properties: {
      level: {
        title: t(indicator.title),
        enum: [...LEVELS, null],
        enumDescriptions: [...LEVELS.map(levelLine), w.gaps.unanswered],
      },
    },
  };
}

/**
 * A copy without the annotations only this tool reads (`x-…`), and with each reference to a
 * framework or the answer schema pointed at its copy under `$defs`.
 */
function strip(value: unknown, refs: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, refs));
  if (value === null || typeof value !== "object") return value;
  // Built from entries, so that every key (ids included) is an own property, whatever its name.
  const entries = Object.entries(value as Schema).flatMap(([key, inner]): [string, unknown][] => {
    if (key.startsWith("x-")) return [];
    if (key === "$ref" && typeof inner === "string") {
      const to = refs.get(inner);
      if (to === undefined && !inner.startsWith("#/")) throw new Error(`unresolved reference ${inner} in the editor schema`);
      return [[key, to ?? inner]];
    }
    return [[key, strip(inner, refs)]];
  });
  return Object.fromEntries(entries);
}
