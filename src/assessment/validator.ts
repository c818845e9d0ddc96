import type { ValidateFunction } from "ajv";
import type { FrameworkSet } from "../framework/model.js";
import type { Finding } from "../findings.js";
import { createAjv } from "../validation/ajv.js";
import { convertAjvErrors } from "../validation/convert.js";
import type { YamlSource } from "../yaml/source.js";
import { assessmentSchema } from "./schema.js";

/** Checks parsed assessments against the schema built from the frameworks. */
export interface SchemaCheck {
  (source: YamlSource): Finding[];
}

export function createSchemaCheck(set: FrameworkSet): SchemaCheck {
  const ajv = createAjv();
  ajv.addSchema(set.answerSchema);
  for (const framework of set.all) ajv.addSchema(framework.schema);
  const validate: ValidateFunction = ajv.compile(assessmentSchema(set));
  return (source) => (validate(source.data) ? [] : convertAjvErrors(validate.errors ?? [], source));
}
