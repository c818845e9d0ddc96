import { createRequire } from "node:module";
import { join } from "node:path";
import type { FrameworkFiles } from "./load.js";
import type { FrameworkSet } from "./model.js";

const load = createRequire(import.meta.url);

/**
 * Every file the shipped frameworks are made of, each named, in order: what a precompiled copy
 * was made from. A run compares these bytes with the build's copy (one native comparison, no
 * hash to compute, no crypto module to load) to tell a stale precompiled copy.
 */
export function frameworkSources(shipped: string, files: FrameworkFiles): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const file of [...files.list(shipped), ...files.list(join(shipped, "meta"))]) parts.push(encoder.encode(`${files.display(file)}\0`), files.read(file), encoder.encode("\0"));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A digest of a loaded framework set, custom frameworks included: what findings depend on (asked by --cache only). */
export function setFingerprint(set: FrameworkSet): string {
  const { all, levelNames, answerSchema, envelopeSchema } = set;
  const { createHash } = load("node:crypto") as typeof import("node:crypto");
  return createHash("sha256").update(JSON.stringify({ all, levelNames, answerSchema, envelopeSchema })).digest("hex");
}
