import type { ValidateFunction } from "ajv";
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { Framework, FrameworkSet } from "../framework/model.js";
import { FrameworkError } from "../model/errors.js";
import { finding, START } from "../model/findings.js";
import type { Finding } from "../model/findings.js";
import { createAjv, schemaKey } from "../validation/ajv.js";
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
  for (const framework of set.all) {
    try {
      ajv.addSchema(validationSchema(framework, (id) => schemaKey(ajv, id) ?? id));
    } catch {
      // The loader refuses a taken `$id` at its position; this is the last guard, never an internal error.
      throw new FrameworkError([finding("duplicate-schema-id", framework.file, START, "$id", { value: String(framework.schema["$id"]) })]);
    }
  }
  return { ajv, validate: ajv.compile(assessmentSchema(set)) };
}

/**
 * A framework's schema as validation needs it: the same rules without the texts and scoring
 * metadata, which Ajv would otherwise carry into every error and into the compiled code.
 */
function validationSchema(framework: Framework, key: (id: string) => string): Record<string, unknown> {
  const { properties, "x-framework": _meta, ...rest } = framework.schema as { properties: Record<string, Record<string, unknown>>; "x-framework": unknown };
  const slim = Object.fromEntries(
    Object.entries(properties).map(([id, indicator]) => {
      const { "x-indicator": _indicator, ...rule } = indicator;
      return [id, rule];
    }),
  );
  // Under the key a `$ref` resolves to, however the framework spells its `$id`.
  return { ...rest, $id: key(String(framework.schema["$id"])), "x-framework": { id: framework.id }, properties: slim };
}

export function schemaCheckFrom(validate: AssessmentValidator): SchemaCheck {
  return (source) => (validate(source.data) ? [] : convertAjvErrors(validate.errors ?? [], source));
}

export function createSchemaCheck(set: FrameworkSet): SchemaCheck {
  return schemaCheckFrom(compileAssessmentValidator(set).validate);
}
