import { createRequire } from "node:module";
import type { Ajv2020 } from "ajv/dist/2020.js";

/** Annotation keywords the frameworks and the built assessment schema carry. */
export const ANNOTATIONS = ["x-framework", "x-indicator", "x-keys"] as const;

// Ajv is loaded only when a schema must be compiled: a run with the precompiled shipped
// frameworks never needs it, and loading it costs more than the rest of such a run.
const load = createRequire(import.meta.url);

/** One Ajv for every schema of a run: strict, every error reported, errors carry their schema. */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  const { Ajv2020: Ajv } = load("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = (load("ajv-formats") as typeof import("ajv-formats")).default;
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    inlineRefs: false,
    ...(options.source === true ? { code: { source: true } } : {}),
  });
  ajv.addVocabulary([...ANNOTATIONS]);
  addFormats(ajv, ["date", "uri"]);
  return ajv;
}

/**
 * A schema's `$id` as Ajv finds it when a `$ref` names it: resolved, so that spellings of one
 * URI (`https://Example.org/./a.json`, `https://example.org/a.json`) are one key. Undefined
 * for text no URI parser takes (`%zz`), which Ajv would fail on when it resolves a reference.
 */
export function schemaKey(ajv: Ajv2020, id: string): string | undefined {
  try {
    return ajv.opts.uriResolver.resolve(id, id).replace(/#\/?$/, "");
  } catch {
    return undefined;
  }
}
