import { realpathSync } from "node:fs";
import { isBelow } from "./paths.js";
import { jsonType } from "../validation/convert.js";
import { nearest } from "../validation/nearest.js";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { ConfigError } from "../model/errors.js";
import { CODES, finding, sortFindings } from "../model/findings.js";
import type { ExceptionRule } from "../model/exceptions.js";
import type { Finding } from "../model/findings.js";
import { locate } from "../yaml/locate.js";
import { readYaml } from "../yaml/source.js";
import { displayPath, globSource, pathKind } from "./files.js";
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
  /** Findings and gates accepted for a reason, until a day. */
  readonly exceptions: readonly ExceptionRule[];
}

const NONE: Config = { frameworks: [], assessments: undefined, folder: undefined, patterns: [], exceptions: [] };
const KEYS = ["frameworks", "assessments", "exceptions"];

/**
 * The nearest `.smartregion.yaml` at or above `cwd`, no higher than the top of the repository
 * (the folder that holds `.git`) or, outside one, the root: it names the folders of custom
 * frameworks, relative to itself, so that every command in a repository loads them without
 * `--frameworks`; the repository's assessments; and its exceptions. A file that says anything
 * else is refused with its position.
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
    if (!KEYS.includes(key)) problems.push(finding("unknown-key", file, at([key], true), key, { key, allowed: KEYS }));
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
  const listed = (data as Record<string, unknown>)["assessments"];
  const patterns = typeof listed === "string" ? [listed] : Array.isArray(listed) ? listed.filter((p): p is string => typeof p === "string") : [];
  const exceptions = readExceptions((data as Record<string, unknown>)["exceptions"], dirname(absolute), at, file, problems);
  if (problems.length > 0) throw new ConfigError(sortFindings(problems));
  return { frameworks: dirs, assessments, folder: dirname(absolute), patterns, exceptions };
}

const EXCEPTION_KEYS = ["code", "indicator", "gate", "files", "reason", "approved-by", "expires"];
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const GATE = /^(--)?(min-stage|fail-under)( \S+)?$/;

/**
 * The `exceptions` list: each entry names what it covers (a code or a list of codes, an
 * indicator as `framework.indicator` or a framework, a gate, files as globs from the config's
 * folder; at least one), why, who approved it and the day it expires.
 */
function readExceptions(raw: unknown, folder: string, at: (path: (string | number)[], key?: boolean) => { line: number; col: number }, file: string, problems: Finding[]): ExceptionRule[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(finding("wrong-type", file, at(["exceptions"]), "exceptions", { expected: "a list of exceptions", actual: typeof raw, expects: ["types", "array"], found: jsonType(raw) }));
    return [];
  }
  const out: ExceptionRule[] = [];
  raw.forEach((entry: unknown, index) => {
    const path = ["exceptions", index];
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      problems.push(finding("wrong-type", file, at(path), path.join("."), { expected: "an exception", actual: typeof entry, expects: ["types", "object"], found: jsonType(entry) }));
      return;
    }
    const e = entry as Record<string, unknown>;
    const before = problems.length;
    for (const key of Object.keys(e)) if (!EXCEPTION_KEYS.includes(key)) problems.push(finding("unknown-key", file, at([...path, key], true), [...path, key].join("."), { key, allowed: EXCEPTION_KEYS }));
    const text = (key: string, required: boolean): string | undefined => {
      const v = e[key];
      if (v === undefined) {
        if (required) problems.push(finding("missing-key", file, at(path), path.join("."), { key }));
        return undefined;
      }
      if (typeof v !== "string" || v.trim() === "") {
        problems.push(finding("wrong-type", file, at([...path, key]), [...path, key].join("."), { expected: "text", actual: typeof v, expects: ["types", "string"], found: v === "" ? "null" : jsonType(v) }));
        return undefined;
      }
      return v.trim();
    };
    const list = (key: string): string[] | undefined => {
      const v = e[key];
      if (v === undefined) return undefined;
      const items = typeof v === "string" ? [v] : v;
      if (!Array.isArray(items) || items.length === 0 || items.some((x) => typeof x !== "string" || x === "")) {
        problems.push(finding("wrong-type", file, at([...path, key]), [...path, key].join("."), { expected: "text or a list of texts", actual: typeof v, expects: ["types", "string", "array"], found: jsonType(v) }));
        return undefined;
      }
      return items as string[];
    };
    const codes = list("code");
    for (const [i, code] of (codes ?? []).entries()) {
      if (!(code in CODES)) problems.push(finding("not-allowed-value", file, at(typeof e["code"] === "string" ? [...path, "code"] : [...path, "code", i]), [...path, "code"].join("."), { value: code, ...(nearest(code, Object.keys(CODES)) === undefined ? {} : { suggestion: nearest(code, Object.keys(CODES))! }) }));
    }
    const indicator = text("indicator", false);
    if (indicator !== undefined && !/^[a-z0-9-]+(\.[a-z0-9-]+)?$/.test(indicator)) problems.push(finding("bad-format", file, at([...path, "indicator"]), [...path, "indicator"].join("."), { value: indicator, expects: ["pattern", "framework.indicator"] }));
    const gate = text("gate", false);
    if (gate !== undefined && !GATE.test(gate.replace(/\s+/g, " "))) problems.push(finding("bad-format", file, at([...path, "gate"]), [...path, "gate"].join("."), { value: gate, expects: ["one-of", "min-stage", "min-stage STAGE", "fail-under", "fail-under [FRAMEWORK[.DIMENSION]=]PERCENT"] }));
    const files = list("files");
    for (const pattern of files ?? []) {
      const normalised = pattern.replace(/\\/g, "/");
      if (isAbsolute(pattern) || normalised.startsWith("/") || normalised.split("/").includes("..")) problems.push(finding("outside-config-folder", file, at([...path, "files"]), [...path, "files"].join("."), { value: pattern }));
    }
    const reason = text("reason", true);
    const approvedBy = text("approved-by", true);
    const expires = e["expires"] instanceof Date ? (e["expires"] as Date).toISOString().slice(0, 10) : text("expires", true);
    if (expires !== undefined && !DAY.test(expires)) problems.push(finding("bad-format", file, at([...path, "expires"]), [...path, "expires"].join("."), { value: expires, expects: ["format", "date"] }));
    if (codes === undefined && indicator === undefined && gate === undefined && files === undefined) problems.push(finding("missing-one-of", file, at(path), path.join("."), { allowed: ["code", "indicator", "gate", "files"] }));
    if (problems.length > before || reason === undefined || approvedBy === undefined || expires === undefined) return;
    const where = at(path);
    const [framework, id] = indicator === undefined ? [undefined, undefined] : (indicator.split(".") as [string, string | undefined]);
    out.push({
      index: out.length,
      codes: gate !== undefined && codes === undefined ? ["gate-failed"] : codes,
      framework,
      indicator: id,
      gate: gate?.replace(/^--/, ""),
      files: files?.map((p) => globSource(p)),
      folder,
      reason,
      approvedBy,
      expires,
      file,
      line: where.line,
      col: where.col,
    });
  });
  return out;
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
