/**
 * Run by `npm run build` last: bundles the command line into one ESM file beside the module it
 * starts from, so a run loads one file instead of some hundred modules. Dependencies that are
 * loaded on first use (through createRequire) stay outside the bundle and are loaded only when
 * needed.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../cli/main.js", import.meta.url));
const out = fileURLToPath(new URL("../cli/smartregion.mjs", import.meta.url));

await build({
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // CommonJS packages inside an ESM bundle call require() for Node's own modules.
  banner: { js: 'import { createRequire as __smartregionRequire } from "node:module"; const require = __smartregionRequire(import.meta.url);' },
});
