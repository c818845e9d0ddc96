import type { ValidateFunction } from "ajv";
import type { Ajv2020 } from "ajv/dist/2020.js";
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

/** A compiled Ajv validator of the assessment schema, or the same code loaded precompiled. */
export type AssessmentValidator = Pick<ValidateFunction, "errors"> & ((data: unknown) => boolean);

export function compileAssessmentValidator(set: FrameworkSet, options: { source?: boolean } = {}): { ajv: Ajv2020; validate: ValidateFunction } {
  const ajv = createAjv(options);
  ajv.addSchema(set.answerSchema);
  for (const framework of set.all) ajv.addSchema(framework.schema);
  return { ajv, validate: ajv.compile(assessmentSchema(set)) };
}

export function schemaCheckFrom(validate: AssessmentValidator): SchemaCheck {
  return (source) => (validate(source.data) ? [] : convertAjvErrors(validate.errors ?? [], source));
}

export function createSchemaCheck(set: FrameworkSet): SchemaCheck {
  return schemaCheckFrom(compileAssessmentValidator(set).validate);
}
