import { createHash } from "node:crypto";
import { join } from "node:path";
import type { FrameworkFiles } from "./load.js";
import type { FrameworkSet } from "./model.js";

/** A digest of every file the shipped frameworks are made of, to tell a stale precompiled copy. */
export function frameworksFingerprint(shipped: string, files: FrameworkFiles): string {
  const hash = createHash("sha256");
  for (const file of [...files.list(shipped), ...files.list(join(shipped, "meta"))]) {
    hash.update(files.display(file)).update("\0").update(files.read(file)).update("\0");
  }
  return hash.digest("hex");
}

/** A digest of a loaded framework set, custom frameworks included: what findings depend on. */
export function setFingerprint(set: FrameworkSet): string {
  const { all, levelNames, answerSchema, envelopeSchema } = set;
  return createHash("sha256").update(JSON.stringify({ all, levelNames, answerSchema, envelopeSchema })).digest("hex");
}
