/**
 * Run by `npm run build` after tsc: loads and checks the shipped frameworks once, and writes
 * them with standalone Ajv validators of the assessment schema and of the framework meta-schema
 * into dist/shipped/, so a run with the shipped frameworks parses no framework YAML and compiles
 * no schema. Also writes the
 * editor schema into schema/, where the `$schema` line of a template made by `init` points.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileAssessmentValidator } from "../assessment/validator.js";
import { createAjv, standaloneCode } from "../validation/ajv.js";
import { editorSchema, editorSchemaFile } from "../assessment/editor.js";
import { LOCALES } from "../i18n/locale.js";
import { PRECOMPILED_DIR, SHIPPED_FRAMEWORKS, SHIPPED_SCHEMA_DIR, frameworkFiles } from "../node/context.js";
import { frameworkSources } from "../framework/fingerprint.js";
import { loadFrameworks } from "../framework/load.js";
import { toPrecompiled } from "../framework/precompiled.js";
import { calendarDate, URI_QUICK } from "../validation/formats.js";

const FORMATS_MODULE = `"use strict";
const QUICK = ${URI_QUICK.toString()};
let full;
exports.uri = (text) => QUICK.test(text) || (full ??= require("ajv-formats/dist/formats").fullFormats.uri)(text);
exports.date = { validate: ${calendarDate.toString()} };
`;

const files = frameworkFiles(process.cwd());
const set = loadFrameworks({ shipped: SHIPPED_FRAMEWORKS }, files);
const { ajv, validate } = compileAssessmentValidator(set, { source: true });

mkdirSync(PRECOMPILED_DIR, { recursive: true });
const sources = frameworkSources(SHIPPED_FRAMEWORKS, files);
writeFileSync(join(PRECOMPILED_DIR, "sources.bin"), sources);
// The `uri` format answers the links evidence usually holds (http and https, a plain host name)
// with a small expression that accepts only what ajv-formats' RFC 3986 expression accepts, and
// hands anything else to that one: V8 compiles a large expression on its first use, which cost a
// run of one file some 4 ms.
// The `date` format, asked of every piece of evidence, is told from the characters (calendarDate).
let code = standaloneCode(ajv, validate);
for (const format of ["uri", "date"]) {
  const taken = `require("ajv-formats/dist/formats").fullFormats.${format}`;
  if (!code.includes(taken)) throw new Error(`precompile: the standalone validator no longer takes ajv-formats' ${format} format where expected`);
  code = code.replaceAll(taken, `require("./formats.cjs").${format}`);
}
writeFileSync(join(PRECOMPILED_DIR, "validate-assessment.cjs"), code);
// The command line's bundle carries a copy of the validator (see src/node/embedded.ts), taken only while its digest is the one written here.
const precompiled = toPrecompiled(set, `sources:${sources.length}`);
const validator = createHash("sha256").update(code).update(FORMATS_MODULE).digest("hex").slice(0, 32);
writeFileSync(join(PRECOMPILED_DIR, "frameworks.json"), JSON.stringify({ ...precompiled.frameworks, validator }));
writeFileSync(join(PRECOMPILED_DIR, "schemas.json"), JSON.stringify(precompiled.schemas));
writeFileSync(join(PRECOMPILED_DIR, "formats.cjs"), FORMATS_MODULE);
// The check of custom framework files against the meta-schema, so a run with custom frameworks
// compiles only the assessment schema they make.
const metaAjv = createAjv({ source: true });
writeFileSync(join(PRECOMPILED_DIR, "validate-framework.cjs"), standaloneCode(metaAjv, metaAjv.compile(set.frameworkSchema)));
for (const locale of LOCALES) writeFileSync(join(SHIPPED_SCHEMA_DIR, editorSchemaFile(locale)), `${JSON.stringify(editorSchema(set, locale), null, 2)}\n`);
