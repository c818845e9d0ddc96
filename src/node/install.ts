import { readFileSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { isBelow } from "./paths.js";

/** The installed package: the folder that holds bin/, dist/, frameworks/ and schema/. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** How this copy of smartregion was installed. */
export type Install = "dependency" | "global" | "clone";

/** Whether a package.json names smartregion among its dependencies of any kind. */
function dependsOnUs(manifest: string): boolean {
  try {
    const data = JSON.parse(readFileSync(manifest, "utf8")) as Record<string, Record<string, unknown> | undefined>;
    return ["dependencies", "devDependencies", "optionalDependencies"].some((key) => data[key]?.["smartregion"] !== undefined);
  } catch {
    return false;
  }
}

/**
 * A dependency sits in a project's node_modules, and the project's package.json names it; a
 * global install sits in node_modules under npm's prefix, which no package.json claims; any
 * other place is a clone of the repository.
 */
export function installKind(root = PACKAGE_ROOT): Install {
  const parent = dirname(root.replace(/[\\/]+$/, ""));
  if (basename(parent) !== "node_modules") return "clone";
  return dependsOnUs(join(dirname(parent), "package.json")) ? "dependency" : "global";
}

/**
 * The command that runs this copy from `cwd`, for messages that tell the user what to type:
 * `npx smartregion` in a project that depends on it (or in the clone itself), `smartregion`
 * after a global install, and `node <path>/bin/smartregion.js` from elsewhere for a clone.
 */
export function commandFor(cwd: string, root = PACKAGE_ROOT): string {
  switch (installKind(root)) {
    case "dependency":
      return "npx smartregion";
    case "global":
      return "smartregion";
    case "clone": {
      if (isBelow(root, cwd)) return "npx smartregion";
      return `node ${join(root, "bin", "smartregion.js").split(sep).join("/")}`;
    }
  }
}
