/**
 * Run by `npm run build` after tsc: loads and checks the shipped frameworks once, and writes
 * them with standalone Ajv validators of the assessment schema and of the framework meta-schema
 * into dist/shipped/, so a run with the shipped frameworks parses no framework YAML and compiles
 * no schema. Also writes the
 * editor schema into schema/, where the `$schema` line of a template made by `init` points.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileAssessmentValidator } from "../assessment/validator.js";
import { createAjv, standaloneCode } from "../validation/ajv.js";
import { editorSchema, editorSchemaFile } from "../assessment/editor.js";
import { LOCALES } from "../i18n/locale.js";
import { PRECOMPILED_DIR, SHIPPED_FRAMEWORKS, SHIPPED_SCHEMA_DIR, frameworkFiles } from "../node/context.js";
import { frameworksFingerprint } from "../framework/fingerprint.js";
import { loadFrameworks } from "../framework/load.js";
import { toPrecompiled } from "../framework/precompiled.js";

const files = frameworkFiles(process.cwd());
const set = loadFrameworks({ shipped: SHIPPED_FRAMEWORKS }, files);
const { ajv, validate } = compileAssessmentValidator(set, { source: true });

mkdirSync(PRECOMPILED_DIR, { recursive: true });
writeFileSync(join(PRECOMPILED_DIR, "frameworks.json"), JSON.stringify(toPrecompiled(set, frameworksFingerprint(SHIPPED_FRAMEWORKS, files))));
writeFileSync(join(PRECOMPILED_DIR, "validate-assessment.cjs"), standaloneCode(ajv, validate));
// The check of custom framework files against the meta-schema, so a run with custom frameworks
// compiles only the assessment schema they make.
const metaAjv = createAjv({ source: true });
writeFileSync(join(PRECOMPILED_DIR, "validate-framework.cjs"), standaloneCode(metaAjv, metaAjv.compile(set.frameworkSchema)));
for (const locale of LOCALES) writeFileSync(join(SHIPPED_SCHEMA_DIR, editorSchemaFile(locale)), `${JSON.stringify(editorSchema(set, locale), null, 2)}\n`);
