import type { SarifBase } from "../options.js";
import type { Style } from "../style.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import type { ValidationResult } from "./model.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

export type ValidateFormat = "stylish" | "json" | "sarif" | "junit" | "github";

export interface ValidateFormatOptions {
  readonly style: Style;
  /** The tool's version, for formats that name it. */
  readonly version: string;
  /** The command that made the result, for formats that name it (JUnit); `validate` when not given. */
  readonly command?: string;
  /** The language of the messages. */
  readonly locale: string;
  /** Where SARIF's URIs start. */
  readonly base?: SarifBase;
  /** List the findings an exception covers in the terminal (they are counted either way). */
  readonly showExcepted?: boolean;
}

/** Every output format of `validate`; `--format` takes its choices from these keys. */
export const VALIDATE_FORMATTERS = {
  stylish: (result, options) => formatStylish(result, options.style, options.locale, options.showExcepted === true),
  json: (result, options) => formatJson(result, options.locale),
  sarif: (result, options) => formatSarif(result, options.version, options.locale, options.command, options.base),
  junit: (result, options) => formatJunit(result, options.command, options.locale),
  github: (result, options) => formatGithub(result, options.locale, options.base),
} satisfies Record<ValidateFormat, (result: ValidationResult, options: ValidateFormatOptions) => string>;
