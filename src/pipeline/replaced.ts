import { readFileSync } from "node:fs";
import { PLAIN } from "../format/style.js";
import { findingLines } from "../format/validate/stylish.js";
import { resolve } from "node:path";
import type { FrameworkSet } from "../framework/model.js";
import { finding, START } from "../model/findings.js";
import type { Finding, Position } from "../model/findings.js";
import { locate } from "../yaml/locate.js";
import { readYaml } from "../yaml/source.js";
import { frameworksFor } from "../node/context.js";

/**
 * A warning for each shipped framework that a custom one replaces in this run, at the custom
 * framework's id. Every format shows findings, so a reviewer sees in any output that a change
 * swapped the frameworks the files were judged by.
 */
export function replacementNotices(set: FrameworkSet, customDirs: readonly string[], cwd: string): Finding[] {
  if (customDirs.length === 0) return [];
  const shipped = frameworksFor([], cwd);
  const notices: Finding[] = [];
  for (const framework of set.all) {
    const original = shipped.byId.get(framework.id);
    if (original === undefined || JSON.stringify(original.schema) === JSON.stringify(framework.schema)) continue;
    notices.push(
      finding("framework-replaced", framework.file, idPosition(resolve(cwd, framework.file)), "x-framework.id", {
        key: framework.id,
        value: framework.version,
        expected: original.version,
      }),
    );
  }
  return notices;
}

function idPosition(absolute: string): Position {
  try {
    const read = readYaml(absolute, readFileSync(absolute));
    return read.source === undefined ? START : locate(read.source, ["x-framework", "id"]).value;
  } catch {
    return START;
  }
}

/**
 * For commands whose output has no place for findings (`frameworks list` and `show`, `schema`,
 * `init`): the notices as lines for standard error, or nothing when no framework is replaced.
 */
export function replacementLines(set: FrameworkSet, customDirs: readonly string[], cwd: string, locale: string): string {
  const notices = replacementNotices(set, customDirs, cwd);
  return notices.length === 0 ? "" : `${findingLines(notices, PLAIN, locale).join("\n")}\n`;
}
