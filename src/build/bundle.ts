/**
 * Run by `npm run build` last: bundles the command line and the library each into one ESM file,
 * so a run loads one file instead of some hundred modules, and the package ships these and not
 * the modules. Each bundle stands one folder below dist/, as the modules that find the shipped
 * frameworks beside the package expect. Dependencies that are loaded on first use (through
 * createRequire) stay outside the bundles and are loaded only when needed.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const bundles: readonly (readonly [string, string])[] = [
  ["../cli/main.js", "../cli/smartregion.mjs"],
  ["../index.js", "../lib/index.mjs"],
];

for (const [entry, out] of bundles) {
  await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    outfile: fileURLToPath(new URL(out, import.meta.url)),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    // CommonJS packages inside an ESM bundle call require() for Node's own modules.
    banner: { js: 'import { createRequire as __smartregionRequire } from "node:module"; const require = __smartregionRequire(import.meta.url);' },
  });
}
