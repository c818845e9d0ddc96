import { createRequire } from "node:module";
import type { Ajv2020 } from "ajv/dist/2020.js";

/** Annotation keywords the frameworks and the built assessment schema carry. */
export const ANNOTATIONS = ["x-framework", "x-indicator", "x-keys"] as const;

// Ajv is loaded only when a schema must be compiled: a run with the precompiled shipped
// frameworks never needs it, and loading it costs more than the rest of such a run. The build
// bundles Ajv and its formats into one file beside dist/'s folders (dist/ajv.cjs), which loads
// in a fraction of the time its some 140 modules take; without it, the modules are loaded.
const load = createRequire(import.meta.url);
type AjvModules = {
  Ajv2020: typeof import("ajv/dist/2020.js").Ajv2020;
  addFormats: typeof import("ajv-formats").default;
  standalone: typeof import("ajv/dist/standalone/index.js").default;
};
let modules: AjvModules | undefined;

function ajvModules(): AjvModules {
  if (modules !== undefined) return modules;
  try {
    modules = load("../ajv.cjs") as AjvModules;
  } catch {
    modules = {
      Ajv2020: (load("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).Ajv2020,
      addFormats: (load("ajv-formats") as typeof import("ajv-formats")).default,
      standalone: (load("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js")).default,
    };
  }
  return modules;
}

/** The source of a standalone module of a compiled validator, by the same Ajv that compiled it (the code it generates is only understood by its own copy). */
export function standaloneCode(ajv: Ajv2020, validate: Parameters<AjvModules["standalone"]>[1]): string {
  return ajvModules().standalone(ajv, validate);
}

/** One Ajv for every schema of a run: strict, every error reported, errors carry their schema. */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  const { Ajv2020: Ajv, addFormats } = ajvModules();
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
