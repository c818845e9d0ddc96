import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../model/errors.js";
import { frameworkSources } from "../framework/fingerprint.js";
import { loadFrameworks } from "../framework/load.js";
import type { FrameworkCheck, FrameworkFiles } from "../framework/load.js";
import type { Framework, FrameworkSet } from "../framework/model.js";
import { nearest } from "../validation/nearest.js";
import { fromPrecompiled } from "../framework/precompiled.js";
import type { PrecompiledFrameworks, PrecompiledSchemas } from "../framework/precompiled.js";
import { createSchemaCheck, schemaCheckFrom } from "../assessment/validator.js";
import type { AssessmentValidator, SchemaCheck } from "../assessment/validator.js";
import { compareText } from "../model/findings.js";
import { displayPath, pathKind } from "./files.js";
import { readNoted } from "./inputs.js";
import { embeddedValidator } from "./embedded.js";

/** The shipped frameworks, beside `dist/` in the package. */
export const SHIPPED_FRAMEWORKS = fileURLToPath(new URL("../../frameworks/", import.meta.url));
/** The schemas shipped in the package, the editor schema among them. */
export const SHIPPED_SCHEMA_DIR = fileURLToPath(new URL("../../schema/", import.meta.url));
/** Where the build leaves the shipped frameworks checked and compiled. */
export const PRECOMPILED_DIR = fileURLToPath(new URL("../shipped/", import.meta.url));

/** Framework files on disk; each one read is an input of the run, which no output may replace. */
export function frameworkFiles(cwd: string): FrameworkFiles {
  const display = (file: string) => (file.startsWith(SHIPPED_FRAMEWORKS) ? `frameworks/${file.slice(SHIPPED_FRAMEWORKS.length)}` : displayPath(file, cwd));
  return {
    list: (dir) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
        .map((e) => join(dir, e.name))
        .sort(compareText),
    read: (file) => readNoted(file, display(file)),
    display,
  };
}

/** Schema checks by the framework set they belong to: compiled at build time, or on first use. */
const schemaChecks = new WeakMap<FrameworkSet, SchemaCheck>();

/** The build's copy of the shipped frameworks, once checked in this process (undefined: none fit). */
let shippedOnce: { readonly set: FrameworkSet | undefined } | undefined;

/**
 * The shipped frameworks as the build left them, when they are still what is on disk
 * (a changed framework file makes the copy stale, and the frameworks are loaded afresh).
 * Read and checked once a process: a run asks for them more than once (the replacement check).
 */
function precompiled(cwd: string): FrameworkSet | undefined {
  shippedOnce ??= { set: readPrecompiled(cwd) };
  return shippedOnce.set;
}

function readPrecompiled(cwd: string): FrameworkSet | undefined {
  let data: PrecompiledFrameworks;
  try {
    const file = join(PRECOMPILED_DIR, "frameworks.json");
    data = JSON.parse(readNoted(file, displayPath(file, cwd)).toString("utf8")) as PrecompiledFrameworks;
  } catch {
    return undefined;
  }
  // The files the copy was made from, byte for byte, or it is stale.
  const made = join(PRECOMPILED_DIR, "sources.bin");
  let stored: Buffer;
  try {
    stored = readNoted(made, displayPath(made, cwd));
  } catch {
    return undefined;
  }
  if (!stored.equals(frameworkSources(SHIPPED_FRAMEWORKS, frameworkFiles(cwd)))) return undefined;
  const set = fromPrecompiled(data, () => {
    const schemas = join(PRECOMPILED_DIR, "schemas.json");
    return JSON.parse(readNoted(schemas, displayPath(schemas, cwd)).toString("utf8")) as PrecompiledSchemas;
  });
  const embedded = embeddedValidator();
  const validate = embedded !== undefined && embedded.digest === data.validator ? embedded.validate : (createRequire(import.meta.url)(join(PRECOMPILED_DIR, "validate-assessment.cjs")) as AssessmentValidator | { default: AssessmentValidator });
  schemaChecks.set(set, schemaCheckFrom("default" in validate ? validate.default : validate));
  return set;
}

/** The build's compiled check of framework files against the shipped meta-schema, loaded when custom frameworks are read. */
function precompiledFrameworkCheck(): FrameworkCheck {
  const check = createRequire(import.meta.url)(join(PRECOMPILED_DIR, "validate-framework.cjs")) as FrameworkCheck | { default: FrameworkCheck };
  return "default" in check ? check.default : check;
}

/** Loads the shipped frameworks and any custom folders named with `--frameworks`. */
export function frameworksFor(customDirs: readonly string[], cwd: string): FrameworkSet {
  const ready = precompiled(cwd);
  if (customDirs.length === 0 && ready !== undefined) return ready;
  return loadFrameworks({ shipped: SHIPPED_FRAMEWORKS, custom: customFrameworkDirs(customDirs, cwd) }, frameworkFiles(cwd), ready, precompiledFrameworkCheck);
}

/** The absolute folders named with `--frameworks`, each checked to be a folder. */
export function customFrameworkDirs(dirs: readonly string[], cwd: string): string[] {
  return dirs.map((dir) => {
    const absolute = resolve(cwd, dir);
    if (pathKind(absolute) !== "directory") throw new UsageError(`--frameworks ${dir}: no such folder`, `--frameworks ${dir}：没有这个文件夹`);
    return absolute;
  });
}

/** The framework of `id`, or a usage error that names the nearest known id. */
export function frameworkById(set: FrameworkSet, id: string, option = ""): Framework {
  const framework = set.byId.get(id);
  if (framework !== undefined) return framework;
  const ids = [...set.byId.keys()];
  const guess = nearest(id, ids);
  throw new UsageError(
    `${option}no framework "${id}"${guess !== undefined ? `; did you mean "${guess}"?` : ""} (known: ${ids.join(", ")})`,
    `${option}没有评估框架“${id}”${guess !== undefined ? `；是否想写“${guess}”？` : ""}（已有：${ids.join("、")}）`,
  );
}

/** The schema check of a framework set: precompiled when the set is, else compiled now. */
export function schemaCheckFor(set: FrameworkSet): SchemaCheck {
  // Compiling costs far more than checking a file: once per framework set, in a test or a worker alike.
  let check = schemaChecks.get(set);
  if (check === undefined) {
    check = createSchemaCheck(set);
    schemaChecks.set(set, check);
  }
  return check;
}
