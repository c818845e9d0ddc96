import type { Style } from "../style.js";
import { formatJson } from "./json.js";
import type { ValidationResult } from "./model.js";
import { formatStylish } from "./stylish.js";

export type ValidateFormat = "stylish" | "json";

/** Every output format of `validate`; `--format` takes its choices from these keys. */
export const VALIDATE_FORMATTERS = {
  stylish: (result, style) => formatStylish(result, style),
  json: (result) => formatJson(result),
} satisfies Record<ValidateFormat, (result: ValidationResult, style: Style) => string>;
