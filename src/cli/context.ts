import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../errors.js";
import { loadFrameworks } from "../framework/load.js";
import type { FrameworkFiles } from "../framework/load.js";
import type { FrameworkSet } from "../framework/model.js";
import { compareText } from "../findings.js";
import { displayPath, pathKind } from "./files.js";

/** The shipped frameworks, beside `dist/` in the package. */
export const SHIPPED_FRAMEWORKS = fileURLToPath(new URL("../../frameworks/", import.meta.url));

function diskFiles(cwd: string): FrameworkFiles {
  return {
    list: (dir) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
        .map((e) => join(dir, e.name))
        .sort(compareText),
    read: (file) => readFileSync(file),
    display: (file) =>
      file.startsWith(SHIPPED_FRAMEWORKS) ? `frameworks/${file.slice(SHIPPED_FRAMEWORKS.length)}` : displayPath(file, cwd),
  };
}

/** Loads the shipped frameworks and any custom folders named with `--frameworks`. */
export function frameworksFor(customDirs: readonly string[], cwd: string): FrameworkSet {
  const custom = customDirs.map((dir) => {
    const absolute = resolve(cwd, dir);
    if (pathKind(absolute) !== "directory") throw new UsageError(`--frameworks ${dir}: no such folder`);
    return absolute;
  });
  return loadFrameworks({ shipped: SHIPPED_FRAMEWORKS, custom }, diskFiles(cwd));
}
