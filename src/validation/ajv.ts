import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/** Annotation keywords the frameworks and the built assessment schema carry. */
export const ANNOTATIONS = ["x-framework", "x-indicator", "x-keys"] as const;

// ajv-formats is CommonJS: under nodenext its default export arrives as the module object.
const addFormats = addFormatsModule.default;

/** One Ajv for every schema of a run: strict, every error reported, errors carry their schema. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, inlineRefs: false });
  ajv.addVocabulary([...ANNOTATIONS]);
  addFormats(ajv, ["date", "uri"]);
  return ajv;
}
