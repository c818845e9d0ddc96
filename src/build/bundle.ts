/**
 * Run by `npm run build` last: bundles the command line and the library each into one file,
 * so a run loads one file instead of some hundred modules, and the package ships these and not
 * the modules. Each bundle stands one folder below dist/, as the modules that find the shipped
 * frameworks beside the package expect. Dependencies that are loaded on first use (through
 * createRequire) stay outside the bundles and are loaded only when needed.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

// The command line is CommonJS, loaded by `require` from a CommonJS bin: Node starts it without
// its ESM loader, which costs more than the rest of a small run. import.meta.url becomes the
// bundle's own file URL. The library stays ESM, as `import` of the package expects.
const shared = { bundle: true, platform: "node", target: "node20", logLevel: "warning" } as const;

await build({
  ...shared,
  entryPoints: [fileURLToPath(new URL("../cli/main.js", import.meta.url))],
  outfile: fileURLToPath(new URL("../cli/smartregion.cjs", import.meta.url)),
  format: "cjs",
  define: { "import.meta.url": "__smartregionUrl" },
  banner: { js: 'const __smartregionUrl = require("node:url").pathToFileURL(__filename).href;' },
});

await build({
  ...shared,
  entryPoints: [fileURLToPath(new URL("../index.js", import.meta.url))],
  outfile: fileURLToPath(new URL("../lib/index.mjs", import.meta.url)),
  format: "esm",
  // CommonJS packages inside an ESM bundle call require() for Node's own modules.
  banner: { js: 'import { createRequire as __smartregionRequire } from "node:module"; const require = __smartregionRequire(import.meta.url);' },
});
