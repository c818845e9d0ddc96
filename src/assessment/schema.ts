import type { FrameworkSet } from "../framework/model.js";
import { MAX_LEVEL } from "../framework/model.js";

type Schema = Record<string, unknown>;

const VERSION = { type: "string", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$" };

/**
 * The JSON Schema of a whole assessment: the envelope from `frameworks/meta`, with every place
 * that holds answers filled in from the frameworks. The frameworks are referenced by `$id`, so
 * a validator must know them (see validator.ts); `bundleSchema` inlines them for editors.
 */
export function assessmentSchema(set: FrameworkSet): Schema {
  const schema = structuredClone(set.envelopeSchema) as Schema;
  const properties = schema["properties"] as Record<string, Schema>;
  const byFramework = (each: (id: string) => Schema): Schema => ({
    type: "object",
    additionalProperties: false,
    "x-keys": "framework",
    properties: Object.fromEntries(set.all.map((f) => [f.id, each(f.id)])),
  });
  const answers = byFramework((id) => ({ $ref: String(set.byId.get(id)!.schema["$id"]) }));

  properties["indicators"] = { ...properties["indicators"], ...answers };
  properties["frameworks"] = { ...properties["frameworks"], ...byFramework(() => VERSION) };

  const targets = properties["targets"]!["properties"] as Record<string, Schema>;
  targets["stage"] = { ...targets["stage"], enum: set.stages.map((s) => s.id) };
  // Each framework's targets in a definition of its own: a separate, lazily compiled
  // function in the validator, instead of one large function for the whole document.
  const defs = schema["$defs"] as Record<string, Schema>;
  for (const framework of set.all) {
    defs[`targets-${framework.id}`] = {
      type: "object",
      additionalProperties: false,
      "x-keys": "indicator",
      properties: Object.fromEntries(framework.indicators.map((i) => [i.id, { $ref: "#/$defs/level" }])),
    };
  }
  defs["level"] = { type: "integer", minimum: 0, maximum: MAX_LEVEL };
  targets["indicators"] = { ...targets["indicators"], ...byFramework((id) => ({ $ref: `#/$defs/targets-${id}` })) };

  const member = defs["member"]!;
  const memberProperties = member["properties"] as Record<string, Schema>;
  memberProperties["indicators"] = { ...memberProperties["indicators"], ...answers };
  return schema;
}
