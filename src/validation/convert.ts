import type { ErrorObject } from "ajv";
import { rangeWords } from "../model/ranges.js";
import { finding } from "../model/findings.js";
import type { Code, Facts, Finding } from "../model/findings.js";
import { locate } from "../yaml/locate.js";
import type { YamlSource } from "../yaml/source.js";
import { nearest } from "./nearest.js";

type Schema = Record<string, unknown>;

const FORMAT_WORDS: Record<string, string> = {
  date: "a valid date (written YYYY-MM-DD)",
  uri: "an absolute URI such as https://example.org/page",
};

/**
 * Turns raw Ajv errors into findings: each at the YAML node it is about (the key for an
 * unknown key, the mapping for a missing one, the value otherwise), without the wrapper
 * errors of combinators, and with what was expected.
 */
export function convertAjvErrors(errors: readonly ErrorObject[], source: YamlSource): Finding[] {
  const consumed = new Set<ErrorObject>();
  const found: Finding[] = [];
  const keyOf = keysOfErrors(errors);

  for (const error of errors) {
    if (error.keyword !== "anyOf" && error.keyword !== "oneOf") continue;
    const branches = errors.filter(
      (e) => e !== error && e.instancePath === error.instancePath && e.schemaPath.startsWith(`${error.schemaPath}/`),
    );
    consumed.add(error);
    if (branches.length > 0 && branches.every((e) => e.keyword === "required")) {
      branches.forEach((e) => consumed.add(e));
      const keys = branches.map((e) => String(e.params["missingProperty"]));
      found.push(at(error, "missing-one-of", "value", { allowed: keys }));
    }
  }

  for (const error of errors) {
    if (consumed.has(error)) continue;
    const converted = convertOne(error);
    if (converted !== undefined) found.push(converted);
  }
  return found;

  function at(error: ErrorObject, code: Code, where: "key" | "value", facts: Facts, extra: readonly string[] = []): Finding {
    const path = [...pointerSteps(error.instancePath), ...extra];
    const located = locate(source, path);
    const position = where === "key" ? (located.key ?? located.value) : located.value;
    return finding(code, source.file, position, path.join("."), facts);
  }

  function convertOne(error: ErrorObject): Finding | undefined {
    const parent = (error.parentSchema ?? {}) as Schema;
    const params = error.params as Record<string, unknown>;
    const badKey = keyOf.get(error);
    if (badKey !== undefined) {
      // A key that breaks `propertyNames`: the inner error names it; the wrapper adds nothing.
      if (error.keyword === "not") return at(error, "reserved-id", "key", { value: badKey }, [badKey]);
      const allowed = Array.isArray(error.schema) ? error.schema.map(String) : undefined;
      return at(error, "bad-key", "key", withNearest({ key: badKey, expected: expectation(error), expects: expects(error) }, allowed), [badKey]);
    }
    const dependent = /\/dependentSchemas\/([^/]+)\//.exec(error.schemaPath);
    if (dependent !== null) {
      const key = pointerSteps(error.instancePath).at(-1) ?? "";
      return at(error, "conflicting-keys", "key", { key, context: decodeStep(dependent[1] ?? "") });
    }
    switch (error.keyword) {
      case "propertyNames":
      case "if":
      case "then":
      case "else":
      case "$ref":
        return undefined;
      case "additionalProperties": {
        const key = String(params["additionalProperty"]);
        const allowed = Object.keys((parent["properties"] ?? {}) as Schema);
        const framework = parent["x-framework"] as { id?: string } | undefined;
        const keys = parent["x-keys"];
        const ofIndicators = framework !== undefined || keys === "indicator";
        const code: Code = ofIndicators ? "unknown-indicator" : keys === "framework" ? "unknown-framework" : "unknown-key";
        const context = framework?.id ?? (ofIndicators ? pointerSteps(error.instancePath).at(-1) : undefined);
        const facts: Facts = { key, ...(context !== undefined ? { context } : {}) };
        return at(error, code, "key", withNearest(facts, allowed), [key]);
      }
      case "required":
        return at(error, "missing-key", "value", { key: String(params["missingProperty"]) });
      case "type":
        return at(error, "wrong-type", "value", {
          expected: typeWords(String(params["type"]).split(",")),
          actual: typeName(error.data),
          // A short scalar is shown too: "found number 2.5".
          ...((typeof error.data === "number" || typeof error.data === "boolean" || (typeof error.data === "string" && error.data.length <= 40)) ? { value: String(error.data) } : {}),
          expects: ["types", ...String(params["type"]).split(",")],
          found: jsonType(error.data),
        });
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
        return at(error, "out-of-range", "value", { value: String(error.data), expected: rangeWords(rangeFacts(parent)) ?? "", expects: rangeFacts(parent) });
      case "enum":
      case "const": {
        const allowed = (error.keyword === "enum" ? (params["allowedValues"] as unknown[]) : [params["allowedValue"]]).map(String);
        return at(error, "not-allowed-value", "value", withNearest({ value: String(error.data) }, allowed));
      }
      case "format":
      case "pattern":
        return at(error, "bad-format", "value", { value: String(error.data), expected: expectation(error), expects: expects(error) });
      case "minLength":
        return at(error, "empty-value", "value", { limit: Number(params["limit"]) });
      case "maxLength":
        return at(error, "too-long", "value", { limit: Number(params["limit"]) });
      case "minItems":
      case "minProperties":
        return at(error, "too-few-items", "value", { limit: Number(params["limit"]) });
      case "maxItems":
      case "maxProperties":
        return at(error, "too-many-items", "value", { limit: Number(params["limit"]) });
      case "not":
        // The only `not` of the schemas is the one that keeps ids off the names every object has.
        return at(error, "reserved-id", "value", { value: String(error.data) });
      case "false schema":
        return at(error, "unknown-key", "key", { key: pointerSteps(error.instancePath).at(-1) ?? "" });
      default:
        return at(error, "schema", "value", { detail: error.message ?? error.keyword });
    }
  }
}

/**
 * The key each error under a `propertyNames` is about. Ajv names it (`propertyName`) only when
 * the rule is written in place; behind a `$ref` the error carries the key as its data, just
 * before the `propertyNames` error of the same mapping. Any error at a mapping whose data is a
 * string is of that kind, since the mapping's own value is not a string.
 */
function keysOfErrors(errors: readonly ErrorObject[]): Map<ErrorObject, string> {
  const keys = new Map<ErrorObject, string>();
  let run: ErrorObject[] = [];
  for (const error of errors) {
    if (error.propertyName !== undefined) keys.set(error, error.propertyName);
    if (error.keyword !== "propertyNames") {
      run.push(error);
      continue;
    }
    for (const inner of run) {
      if (inner.instancePath === error.instancePath && typeof inner.data === "string" && !keys.has(inner)) keys.set(inner, inner.data);
    }
    run = [];
  }
  return keys;
}

/** Most allowed values a finding's facts list. */
const MAX_ALLOWED = 50;

function withNearest(facts: Facts, allowed: readonly string[] | undefined): Facts {
  if (allowed === undefined || allowed.length === 0) return facts;
  const given = facts.key ?? facts.value ?? "";
  const suggestion = nearest(given, allowed);
  // The nearest is looked for among all; the facts list only the first few, which is all a message shows.
  return { ...facts, allowed: allowed.slice(0, MAX_ALLOWED), ...(suggestion !== undefined ? { suggestion } : {}) };
}

function expectation(error: ErrorObject): string {
  if (error.keyword === "format") return FORMAT_WORDS[String(error.params["format"])] ?? String(error.params["format"]);
  if (error.keyword === "pattern") return `text matching ${String(error.params["pattern"])}`;
  if (error.keyword === "enum") return `one of ${(error.params["allowedValues"] as unknown[]).join(", ")}`;
  return error.message ?? error.keyword;
}

/** The same expectation as data, for languages other than English to word. */
function expects(error: ErrorObject): string[] {
  if (error.keyword === "format") return ["format", String(error.params["format"])];
  if (error.keyword === "pattern") return ["pattern", String(error.params["pattern"])];
  if (error.keyword === "enum") return ["one-of", ...(error.params["allowedValues"] as unknown[]).map(String)];
  return ["message", error.message ?? error.keyword];
}

/** A range as data: `range`, the lower and upper bounds, and whether each is exclusive. */
function rangeFacts(schema: Schema): string[] {
  const low = schema["minimum"] ?? schema["exclusiveMinimum"];
  const high = schema["maximum"] ?? schema["exclusiveMaximum"];
  const word = (bound: unknown) => (bound === undefined ? "" : String(bound));
  return ["range", word(low), word(high), schema["exclusiveMinimum"] !== undefined ? "exclusive" : "", schema["exclusiveMaximum"] !== undefined ? "exclusive" : ""];
}

/** A value's JSON type, integers told apart from other numbers. */
export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

const TYPE_WORDS: Record<string, string> = { null: "nothing (empty)", object: "mapping", array: "sequence" };

function typeWords(types: readonly string[]): string {
  const words = types.map((t) => TYPE_WORDS[t] ?? t);
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} or ${words.at(-1)!}`;
}

/** The YAML word for a value's type, as a user reads it. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return "nothing (empty)";
  if (Array.isArray(value)) return "sequence";
  if (typeof value === "object") return "mapping";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "boolean") return "boolean";
  return "string";
}

function pointerSteps(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(decodeStep);
}

function decodeStep(step: string): string {
  return step.replace(/~1/g, "/").replace(/~0/g, "~");
}
