import type { ValidateFunction } from "ajv";
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { Framework, FrameworkSet } from "../framework/model.js";
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
  for (const framework of set.all) ajv.addSchema(validationSchema(framework));
  return { ajv, validate: ajv.compile(assessmentSchema(set)) };
}

/**
 * A framework's schema as validation needs it: the same rules without the texts and scoring
 * metadata, which Ajv would otherwise carry into every error and into the compiled code.
 */
function validationSchema(framework: Framework): Record<string, unknown> {
  const { properties, "x-framework": _meta, ...rest } = framework.schema as { properties: Record<string, Record<string, unknown>>; "x-framework": unknown };
  const slim = Object.fromEntries(
    Object.entries(properties).map(([id, indicator]) => {
      const { "x-indicator": _indicator, ...rule } = indicator;
      return [id, rule];
    }),
  );
  return { ...rest, "x-framework": { id: framework.id }, properties: slim };
}

export function schemaCheckFrom(validate: AssessmentValidator): SchemaCheck {
  return (source) => (validate(source.data) ? [] : convertAjvErrors(validate.errors ?? [], source));
}

export function createSchemaCheck(set: FrameworkSet): SchemaCheck {
  return schemaCheckFrom(compileAssessmentValidator(set).validate);
}
