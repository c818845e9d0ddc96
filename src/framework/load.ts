import { join } from "node:path";
import { append } from "../model/arrays.js";
import { FrameworkError } from "../model/errors.js";
import { compareText, finding, sortFindings, START } from "../model/findings.js";
import type { Finding, Position } from "../model/findings.js";
import type { Text } from "../model/text.js";
import { createAjv, schemaKey } from "../validation/ajv.js";
import { convertAjvErrors } from "../validation/convert.js";
import { locate } from "../yaml/locate.js";
import { DEFAULT_LIMITS, readYaml } from "../yaml/source.js";
import type { YamlSource } from "../yaml/source.js";
import { DEFAULT_EFFORT, DEFAULT_EVIDENCE, DEFAULT_FIT } from "./model.js";
import type { Dimension, Effort, EvidenceRule, Framework, FrameworkSet, Indicator, Level } from "./model.js";
import { frameworkRules } from "./rules.js";

/** How the loader reaches the disk; tests pass an in-memory one. */
export interface FrameworkFiles {
  /** The `.yaml` and `.yml` files directly inside a folder, sorted. */
  list(dir: string): string[];
  read(file: string): Uint8Array;
  /** How to name a file to the user. */
  display(file: string): string;
}

export interface FrameworkDirs {
  /** The shipped `frameworks/` folder, which also holds `meta/`. */
  readonly shipped: string;
  /** Folders of custom frameworks; a custom framework replaces a shipped one of the same id. */
  readonly custom?: readonly string[];
}

/** A compiled check of a framework file against the meta-schema, with Ajv's errors. */
export interface FrameworkCheck {
  (data: unknown): boolean;
  errors?: import("ajv").ErrorObject[] | null;
}

/** How many custom framework files a run may load, in all its folders, and how large each may be (the shipped ones are under 50 KB). */
export const FRAMEWORK_LIMITS = { files: 50, yaml: { ...DEFAULT_LIMITS, maxBytes: 1024 * 1024 } } as const;

/**
 * Loads every framework, checks each against the meta-schema and the rules it cannot express,
 * and throws a FrameworkError with every problem found, each at its file, line and column.
 */
export function loadFrameworks(dirs: FrameworkDirs, files: FrameworkFiles, shipped?: FrameworkSet, compiledCheck?: () => FrameworkCheck): FrameworkSet {
  const metaFile = (name: string) => join(dirs.shipped, "meta", name);
  const meta = (name: string) => readTrusted(metaFile(name), files);
  // With the shipped set already checked (the build's copy, still what is on disk), only the custom
  // folders are read and checked here: the shipped YAML is not parsed again for each run.
  const answerSchema = shipped?.answerSchema ?? meta("answer.schema.yaml");
  const envelopeSchema = shipped?.envelopeSchema ?? meta("assessment.schema.yaml");
  const levelNames = shipped?.levelNames ?? (meta("scale.yaml") as { levels: Record<Level, Text> }).levels;
  const ajv = createAjv();
  // The ids a framework cannot take: JSON Schema's own, then the meta schemas'.
  const key = (id: string) => schemaKey(ajv, id) ?? id;
  const taken = new Map<string, string>(Object.keys(ajv.refs).map((id) => [key(id), "JSON Schema 2020-12"]));
  const frameworkSchema = shipped?.frameworkSchema ?? meta("framework.schema.yaml");
  // The build's compiled check goes with the build's copy of the meta-schema, never with a changed one.
  const checkFramework: FrameworkCheck = shipped !== undefined && compiledCheck !== undefined ? compiledCheck() : ajv.compile(frameworkSchema);
  for (const [name, schema] of [["answer.schema.yaml", answerSchema], ["assessment.schema.yaml", envelopeSchema], ["framework.schema.yaml", frameworkSchema]] as const) {
    taken.set(key(String(schema["$id"])), files.display(metaFile(name)));
  }

  const problems: Finding[] = [];
  const byId = new Map<string, Framework>();
  // Where each loaded framework wrote its `$id`, in load order: shipped first, then each folder.
  const idAt = new Map<Framework, Position>();
  let customFiles = 0;
  for (const framework of shipped?.all ?? []) {
    byId.set(framework.id, framework);
    idAt.set(framework, START);
  }
  for (const dir of shipped === undefined ? [dirs.shipped, ...(dirs.custom ?? [])] : (dirs.custom ?? [])) {
    const seenHere = new Map<string, string>();
    const listed = files.list(dir);
    // Every command loads these files, from a pull request as from the package: their number, in
    // all the custom folders together, and their size are bounded.
    if (dir !== dirs.shipped) customFiles += listed.length;
    if (customFiles > FRAMEWORK_LIMITS.files) {
      problems.push(finding("too-many-items", files.display(dir), START, "", { limit: FRAMEWORK_LIMITS.files, detail: "framework files" }));
      continue;
    }
    for (const file of listed) {
      const read = readYaml(files.display(file), files.read(file), FRAMEWORK_LIMITS.yaml);
      append(problems, read.findings);
      if (read.source === undefined) continue;
      if (!checkFramework(read.source.data)) {
        append(problems, convertAjvErrors(checkFramework.errors ?? [], read.source));
        continue;
      }
      const ruled = frameworkRules(read.source);
      append(problems, ruled);
      if (ruled.length > 0) continue;
      const framework = toFramework(read.source);
      const twin = seenHere.get(framework.id);
      if (twin !== undefined) {
        problems.push(idClash(read.source, framework.id, twin));
        continue;
      }
      seenHere.set(framework.id, framework.file);
      byId.set(framework.id, framework);
      idAt.set(framework, locate(read.source, ["$id"]).value);
    }
  }
  append(problems, schemaIdClashes(idAt, byId, taken, (id) => schemaKey(ajv, id)));

  const all = [...byId.values()].sort(
    (a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || compareText(a.id, b.id),
  );
  const stages = all.filter((f) => f.kind === "stage");
  stages.forEach((stage, i) => {
    const before = stages[i - 1];
    if (before !== undefined && before.order === stage.order) {
      problems.push(finding("duplicate-id", stage.file, START, "x-framework.order", { value: String(stage.order), context: before.id }));
    }
  });
  if (problems.length > 0) throw new FrameworkError(sortFindings(problems));

  return { all, stages, models: all.filter((f) => f.kind === "model"), byId, levelNames, answerSchema, envelopeSchema, frameworkSchema };
}

/** The shipped meta files are part of the tool: a broken one is reported like any framework. */
function readTrusted(file: string, files: FrameworkFiles): Record<string, unknown> {
  const read = readYaml(files.display(file), files.read(file));
  if (read.source === undefined) throw new FrameworkError(read.findings);
  return read.source.data as Record<string, unknown>;
}

/**
 * Each framework whose `$id` is already a schema's of the run: Ajv would refuse the second one,
 * or worse, resolve a `$ref` to the first. A framework that replaces another of its id frees that
 * one's `$id`, so a replacement may keep it.
 */
function schemaIdClashes(idAt: ReadonlyMap<Framework, Position>, byId: ReadonlyMap<string, Framework>, taken: Map<string, string>, keyOf: (id: string) => string | undefined): Finding[] {
  const found: Finding[] = [];
  for (const [framework, at] of idAt) {
    if (byId.get(framework.id) !== framework) continue;
    const id = String(framework.schema["$id"]);
    const key = keyOf(id);
    if (key === undefined) {
      found.push(finding("bad-format", framework.file, at, "$id", { value: id, expected: "an absolute URI such as https://example.org/page", expects: ["absolute-uri", "https://example.org/page"] }));
      continue;
    }
    const owner = taken.get(key);
    if (owner !== undefined) found.push(finding("duplicate-schema-id", framework.file, at, "$id", { value: id, context: owner }));
    else taken.set(key, framework.file);
  }
  return found;
}

function idClash(source: YamlSource, id: string, other: string): Finding {
  const at = locate(source, ["x-framework", "id"]);
  return finding("duplicate-id", source.file, at.value, "x-framework.id", { value: id, context: other });
}

interface RawText {
  [locale: string]: string;
}
type RawTextValue = string | RawText;
interface RawIndicator {
  "x-indicator": {
    dimension: string;
    weight: number;
    title: RawTextValue;
    question: RawTextValue;
    levels: Record<string, RawTextValue>;
    advice: RawTextValue;
    references?: string[];
    "carries-fit"?: boolean;
    effort?: RawEffort;
    evidence?: RawEvidence;
  };
}
type RawEffort = Partial<Record<"1" | "2" | "3" | "4" | "5", number>>;
interface RawEvidence {
  "from-level"?: number;
  "max-age-months"?: number;
}
interface RawFramework {
  id: string;
  kind: "stage" | "model";
  version: string;
  order?: number;
  title: RawTextValue;
  summary: RawTextValue;
  case?: RawTextValue;
  attainment?: { bar: number; "min-coverage"?: number };
  fit?: { floor?: number; "min-coverage"?: number; "tie-margin"?: number };
  effort?: RawEffort;
  evidence?: RawEvidence;
  dimensions: { id: string; title: RawTextValue; summary: RawTextValue; weight?: number; "decides-fit"?: boolean }[];
}

/** An effort scale, each level the framework's (or the default's) where the file leaves it out. */
function effortOf(raw: RawEffort | undefined, base: Effort): Effort {
  return { 1: raw?.["1"] ?? base[1], 2: raw?.["2"] ?? base[2], 3: raw?.["3"] ?? base[3], 4: raw?.["4"] ?? base[4], 5: raw?.["5"] ?? base[5] };
}

function evidenceOf(raw: RawEvidence | undefined, base: EvidenceRule): EvidenceRule {
  return { fromLevel: raw?.["from-level"] ?? base.fromLevel, maxAgeMonths: raw?.["max-age-months"] ?? base.maxAgeMonths };
}

/** Builds the model of a framework that passed the meta-schema and the rules. */
function toFramework(source: YamlSource): Framework {
  const data = source.data as { "x-framework": RawFramework; properties: Record<string, RawIndicator> };
  const meta = data["x-framework"];
  const effort = effortOf(meta.effort, DEFAULT_EFFORT);
  const evidence = evidenceOf(meta.evidence, DEFAULT_EVIDENCE);
  const indicators: Indicator[] = Object.entries(data.properties).map(([id, raw]) => {
    const x = raw["x-indicator"];
    const levels: Partial<Record<Level, Text>> = {};
    for (const [level, text] of Object.entries(x.levels)) levels[Number(level) as Level] = text;
    return {
      id,
      framework: meta.id,
      dimension: x.dimension,
      weight: x.weight,
      title: x.title,
      question: x.question,
      levels,
      advice: x.advice,
      references: x.references ?? [],
      carriesFit: x["carries-fit"] ?? false,
      effort: effortOf(x.effort, effort),
      evidence: evidenceOf(x.evidence, evidence),
    };
  });
  const dimensions: Dimension[] = meta.dimensions.map((d) => ({
    id: d.id,
    title: d.title,
    summary: d.summary,
    weight: d.weight ?? 1,
    decidesFit: d["decides-fit"] ?? false,
    indicators: indicators.filter((i) => i.dimension === d.id),
  }));
  return {
    id: meta.id,
    kind: meta.kind,
    version: meta.version,
    order: meta.order,
    title: meta.title,
    summary: meta.summary,
    case: meta.case,
    attainment: meta.attainment === undefined ? undefined : { bar: meta.attainment.bar, minCoverage: meta.attainment["min-coverage"] ?? 0 },
    fit:
      meta.kind === "model"
        ? { floor: meta.fit?.floor ?? DEFAULT_FIT.floor, minCoverage: meta.fit?.["min-coverage"] ?? DEFAULT_FIT.minCoverage, tieMargin: meta.fit?.["tie-margin"] ?? DEFAULT_FIT.tieMargin }
        : undefined,
    dimensions,
    indicators,
    schema: source.data as Record<string, unknown>,
    file: source.file,
  };
}
