import { realpathSync } from "node:fs";
import { isBelow } from "./paths.js";
import { jsonType } from "../validation/convert.js";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { ConfigError } from "../model/errors.js";
import { finding, sortFindings } from "../model/findings.js";
import type { Finding } from "../model/findings.js";
import { locate } from "../yaml/locate.js";
import { readYaml } from "../yaml/source.js";
import { displayPath, pathKind } from "./files.js";
import { readNoted } from "./inputs.js";

/** The project file every command reads, found in the working folder or the nearest above it. */
export const CONFIG_FILE = ".smartregion.yaml";

export interface Config {
  /** Folders of custom frameworks, absolute. */
  readonly frameworks: readonly string[];
  /** The repository's assessments: files, folders or globs, made absolute; what a command checks when given no paths. */
  readonly assessments: readonly string[] | undefined;
  /** The folder the file stands in; undefined without a file. */
  readonly folder: string | undefined;
  /** The `assessments` entries as written, relative to `folder`. */
  readonly patterns: readonly string[];
}

const NONE: Config = { frameworks: [], assessments: undefined, folder: undefined, patterns: [] };

/**
 * The nearest `.smartregion.yaml` at or above `cwd`, no higher than the top of the repository
 * (the folder that holds `.git`) or, outside one, the root: for now it names the folders of
 * custom frameworks, relative to itself, so that every command in a repository loads them
 * without `--frameworks`. A file that says anything else is refused with its position.
 */
export function findConfig(cwd: string): Config {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    if (pathKind(file) === "file") return readConfig(file, cwd);
    // A repository's config never comes from a folder above it, which the repository does not control.
    if (pathKind(join(dir, ".git")) !== "missing" || dirname(dir) === dir) return NONE;
  }
}

/** Whether `target` is `folder` or below it, by name and after every link is followed. */
function within(folder: string, target: string): boolean {
  if (!isBelow(folder, target)) return false;
  try {
    return isBelow(realpathSync(folder), realpathSync(target));
  } catch {
    return false;
  }
}

function readConfig(absolute: string, cwd: string): Config {
  const file = displayPath(absolute, cwd);
  const read = readYaml(file, readNoted(absolute, file));
  if (read.source === undefined) throw new ConfigError(read.findings);
  const source = read.source;
  const data = source.data;
  const problems: Finding[] = [];
  const at = (path: (string | number)[], key = false) => {
    const where = locate(source, path);
    return key ? (where.key ?? where.value) : where.value;
  };
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ConfigError([finding("not-a-mapping", file, at([]), "")]);
  }
  for (const key of Object.keys(data)) {
    if (key !== "frameworks" && key !== "assessments") problems.push(finding("unknown-key", file, at([key], true), key, { key, allowed: ["frameworks", "assessments"] }));
  }
  const assessments = readAssessments((data as Record<string, unknown>)["assessments"], dirname(absolute), at, file, problems);
  const raw = (data as Record<string, unknown>)["frameworks"];
  const list = raw === undefined ? [] : typeof raw === "string" ? [raw] : raw;
  const dirs: string[] = [];
  if (!Array.isArray(list)) {
    problems.push(finding("wrong-type", file, at(["frameworks"]), "frameworks", { expected: "a folder or a list of folders", actual: typeof list, expects: ["folders"], found: jsonType(list) }));
  } else {
    list.forEach((entry: unknown, index) => {
      const path = typeof raw === "string" ? ["frameworks"] : ["frameworks", index];
      if (typeof entry !== "string" || entry === "") {
        problems.push(finding("wrong-type", file, at(path), path.join("."), { expected: "a folder", actual: entry === "" ? "nothing" : typeof entry, expects: ["folder"], found: entry === "" ? "null" : jsonType(entry) }));
        return;
      }
      const folder = resolve(dirname(absolute), entry);
      if (pathKind(folder) !== "directory") problems.push(finding("not-found", file, at(path), path.join("."), { detail: `no folder ${entry}`, reason: ["no-folder", entry] }));
      else if (!within(dirname(absolute), folder)) problems.push(finding("outside-config-folder", file, at(path), path.join("."), { value: entry }));
      dirs.push(folder);
    });
  }
  if (problems.length > 0) throw new ConfigError(sortFindings(problems));
  const listed = (data as Record<string, unknown>)["assessments"];
  const patterns = typeof listed === "string" ? [listed] : Array.isArray(listed) ? listed.filter((p): p is string => typeof p === "string") : [];
  return { frameworks: dirs, assessments, folder: dirname(absolute), patterns };
}

/**
 * The `assessments` entry: a path or glob, or a list of them, relative to the config's folder
 * and inside it (no absolute path, no `..`), so that `smartregion validate` with no paths
 * checks exactly the repository's assessments.
 */
function readAssessments(raw: unknown, folder: string, at: (path: (string | number)[]) => { line: number; col: number }, file: string, problems: Finding[]): string[] | undefined {
  if (raw === undefined) return undefined;
  const list = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(finding("wrong-type", file, at(["assessments"]), "assessments", { expected: "a path or glob, or a list of them", actual: typeof list, expects: ["types", "string", "array"], found: jsonType(list) }));
    return undefined;
  }
  const out: string[] = [];
  list.forEach((entry: unknown, index) => {
    const path = typeof raw === "string" ? ["assessments"] : ["assessments", index];
    if (typeof entry !== "string" || entry === "") {
      problems.push(finding("wrong-type", file, at(path), path.join("."), { expected: "a path or glob", actual: typeof entry, expects: ["types", "string"], found: entry === "" ? "null" : jsonType(entry) }));
      return;
    }
    const normalised = entry.replace(/\\/g, "/");
    if (isAbsolute(entry) || normalised.startsWith("/") || normalised.split("/").includes("..")) {
      problems.push(finding("outside-config-folder", file, at(path), path.join("."), { value: entry }));
      return;
    }
    out.push(join(folder, entry));
  });
  return out;
}
