import { isAbsolute, relative, resolve, sep } from "node:path";
import type { FrameworkSet } from "../framework/model.js";
import type { Style } from "./style.js";

/**
 * Where SARIF places files: `root` is the folder its URIs are relative to (the top of the
 * repository, or `--base`), `cwd` the folder the run's file names are relative to.
 */
export interface SarifBase {
  readonly root: string;
  readonly cwd: string;
}

/** A run's file name as a path from the repository's top, with forward slashes; undefined when it lies outside it. */
export function fromRoot(file: string, base: SarifBase): string | undefined {
  const rel = relative(base.root, resolve(base.cwd, file));
  return rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : rel.split(sep).join("/");
}

/** What a formatter of scores or reports needs besides the result: titles, colour, locale. */
export interface FormatOptions {
  readonly frameworks: FrameworkSet;
  readonly style: Style;
  readonly locale: string;
  /** Every language asked for, the first being `locale`: formats that can show several side by side (HTML, Markdown) do. */
  readonly locales?: readonly string[];
  /** The tool's version, for formats that name it (SARIF). */
  readonly version?: string;
  /** The terminal's width in columns, for the terminal format; unbounded when not given. */
  readonly width?: number;
  /** Where SARIF's URIs start; without it they are the file names as given. */
  readonly base?: SarifBase;
  /** List the findings an exception covers in the terminal (they are counted either way). */
  readonly showExcepted?: boolean;
}

/** For JSON output: absent values are written as null, so every field is always there. */
export const nullForAbsent = (_key: string, value: unknown): unknown => (value === undefined ? null : value);

/**
 * `value` with every absent field made null: what `JSON.stringify(value, nullForAbsent)` writes,
 * as data that JSON.stringify then writes without calling back for every key, several times sooner
 * for a report of many subjects. Only the objects and arrays that hold an absent field (or
 * hold one that does) are copied; the rest are given back as they are.
 */
export function withNulls(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === "function") return withNulls((json as () => unknown).call(value));
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const made = v === undefined ? null : withNulls(v);
      if (copy === undefined && made !== v) copy = value.slice(0, i);
      copy?.push(made);
    }
    return copy ?? value;
  }
  const object = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  // for…in walks the own keys of the plain objects written here (their prototype has none that
  // are enumerable) without making an array of them, as Object.keys would for each object.
  for (const key in object) {
    const v = object[key];
    const made = v === undefined ? null : withNulls(v);
    if (made === v) continue;
    // A copy made whole, then changed where it must be: V8 keeps it in the same fast shape as the
    // original, which JSON.stringify writes several times sooner than an object built key by key
    // (a score of 10,000 files took an eighth longer so). A spread copies a __proto__ key as a field.
    copy ??= { ...object };
    if (key === "__proto__") put(copy, key, made);
    else copy[key] = made;
  }
  return copy ?? value;
}

/** Sets a field; a key named __proto__ is a field like any other, never the object's prototype. */
function put(out: Record<string, unknown>, key: string, made: unknown): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value: made, enumerable: true, writable: true, configurable: true });
  else out[key] = made;
}
