/**
 * Run by `npm run build` after tsc: bundles the command line and the library each into one file,
 * so a run loads one file instead of some hundred modules, and the package ships these and not
 * the modules. Each bundle stands one folder below dist/, as the modules that find the shipped
 * frameworks beside the package expect. Dependencies that are loaded on first use (through
 * createRequire) stay outside the bundles and are loaded only when needed.
 */
import { build } from "esbuild";
import type { Plugin } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/** The function the command line's bundle is run in, as Node wraps a CommonJS module; the code cache holds only for the same text. */
const CJS_WRAPPER = ["(function (exports, require, module, __filename, __dirname) { ", "\n});"] as const;

// The command line is CommonJS, loaded by `require` from a CommonJS bin: Node starts it without
// its ESM loader, which costs more than the rest of a small run. import.meta.url becomes the
// bundle's own file URL. The library stays ESM, as `import` of the package expects.
const shared = { bundle: true, platform: "node", target: "node20", logLevel: "warning" } as const;

/**
 * What the command line's start need not load. chalk's colour detection reads the terminal
 * through node:os and node:tty when it is loaded, though the command line chooses colour itself
 * (src/format/colour.ts) and gives chalk its level: the detection is left out. commander loads
 * node:child_process, with net and streams, for subcommands run as programs, which this command
 * line has none of: it is loaded if ever used.
 */
const lighterStart: Plugin = {
  name: "lighter-start",
  setup(build) {
    build.onLoad({ filter: /chalk[\\/]source[\\/]vendor[\\/]supports-color[\\/]index\.js$/ }, () => ({
      contents: "export function createSupportsColor() { return false; }\nexport default { stdout: false, stderr: false };\n",
      loader: "js",
    }));
    build.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: "lazy-child-process", namespace: "lighter-start" } : undefined));
    build.onLoad({ filter: /^lazy-child-process$/, namespace: "lighter-start" }, () => ({
      contents: 'let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require("node:child_process"))[key] });\n',
      loader: "js",
    }));
  },
};

/**
 * The command line carries the shipped frameworks' compiled validator (src/node/embedded.ts), with
 * the digest precompile.js wrote beside it: V8's code cache of the bundle then holds its code.
 * The full URI expression of ajv-formats, asked only of links the quick one does not answer,
 * stays outside, loaded on first use.
 */
const shippedDir = fileURLToPath(new URL("../shipped/", import.meta.url));
const carriedValidator: Plugin = {
  name: "carried-validator",
  setup(build) {
    build.onResolve({ filter: /[\\/]embedded\.js$/ }, (args) => (/[\\/]node$/.test(args.resolveDir) ? { path: "embedded", namespace: "carried-validator" } : undefined));
    build.onLoad({ filter: /^embedded$/, namespace: "carried-validator" }, () => {
      const { validator } = JSON.parse(readFileSync(join(shippedDir, "frameworks.json"), "utf8")) as { validator?: string };
      if (validator === undefined) throw new Error("bundle: frameworks.json names no validator digest; run precompile.js first");
      return { contents: `exports.embeddedValidator = () => ({ digest: ${JSON.stringify(validator)}, validate: require(${JSON.stringify(join(shippedDir, "validate-assessment.cjs"))}) });\n`, loader: "js", resolveDir: shippedDir };
    });
    build.onResolve({ filter: /^ajv-formats[\\/]dist[\\/]formats$/ }, () => ({ path: "ajv-formats/dist/formats", external: true }));
  },
};

await build({
  ...shared,
  entryPoints: [fileURLToPath(new URL("../cli/main.js", import.meta.url))],
  outfile: fileURLToPath(new URL("../cli/smartregion.cjs", import.meta.url)),
  format: "cjs",
  plugins: [lighterStart, carriedValidator],
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

// Ajv and its formats in one file, loaded by src/validation/ajv.ts when a schema must be compiled.
await build({
  ...shared,
  stdin: { contents: 'exports.Ajv2020 = require("ajv/dist/2020.js").Ajv2020; exports.addFormats = require("ajv-formats").default; exports.standalone = require("ajv/dist/standalone").default;', resolveDir: fileURLToPath(new URL("../..", import.meta.url)) },
  outfile: fileURLToPath(new URL("../ajv.cjs", import.meta.url)),
  format: "cjs",
});

/**
 * The command line's bundle in ASCII alone. esbuild escapes what is not ASCII in strings but
 * leaves it in comments and regular expressions (the Chinese punctuation), and one such
 * character makes V8 hold the whole source as two bytes a character: some 4 MB more in every
 * thread, the source and its wrapped copy, and a slower scan. Each is written as its `\uXXXX`
 * escape, which means the same character in a string, a regular expression or an identifier
 * (an escaped one, `\（`, loses its backslash: the escape stands for it).
 */
function asAscii(text: string): string {
  return text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes: string, character: string) => {
    const escape = `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape;
  });
}
/**
 * The bundle is shipped in the function bin/smartregion.js runs it in, as Node wraps a CommonJS
 * module (CJS_WRAPPER): the launcher hands the file's text to V8 as it is, where wrapping it at
 * each start made a second copy of its 1.2 MB in every thread, which a run held to its end (some
 * 4 MB of a run of 10,000 files, its worker's and its own). Run alone, the file does nothing: it
 * is the launcher's.
 */
const bundled = fileURLToPath(new URL("../cli/smartregion.cjs", import.meta.url));
const cli = fileURLToPath(new URL("../cli/smartregion.wrapped.cjs", import.meta.url));
writeFileSync(cli, `${CJS_WRAPPER[0]}${asAscii(readFileSync(bundled, "utf8"))}${CJS_WRAPPER[1]}`);
rmSync(bundled);

// V8's code cache of the command line's bundle, so that a run need not compile the bundle's
// 1.2 MB before it starts: bin/smartregion.js hands it to V8 with the bundle's text. It is made
// over runs of the commands a run of one file most often is (dist/build/warm.js, each run adding
// what it compiled), so it holds the functions they use as well as the top level. A cache from another Node version or for other text is refused by V8, and the
// bundle is then compiled as usual; no run of the tool ever writes it.
const cache = `${cli}.v8cache`;
rmSync(cache, { force: true });
const top = fileURLToPath(new URL("../..", import.meta.url));
const warm = fileURLToPath(new URL("./warm.js", import.meta.url));
const examples = join(top, "examples");
const runs = existsSync(join(examples, "dublin-region", "region.yaml"))
  ? [
      ["validate", join(examples, "city.yaml")],
      ["score", join(examples, "dublin-region", "region.yaml")],
      ["report", join(examples, "dublin-region", "region.yaml")],
    ]
  : [];
for (const args of runs) spawnSync(process.execPath, [warm, cache, ...args], { cwd: tmpdir(), stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
// validate has a cache of its own, made over its run alone: it holds none of the scoring and
// report code, which every run would otherwise read from the cache (bin/smartregion.js picks it).
const validateCache = `${cli}.validate.v8cache`;
rmSync(validateCache, { force: true });
if (runs.length > 0) spawnSync(process.execPath, [warm, validateCache, ...runs[0]!], { cwd: tmpdir(), stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
// Worker threads that start once a long run has held its heap load under other flags (see
// HELD_FLAGS in node/memory.ts), which the caches above do not fit: they take one made under those.
const heldCache = `${cli}.held.v8cache`;
rmSync(heldCache, { force: true });
for (const args of runs) spawnSync(process.execPath, [warm, heldCache, ...args], { cwd: tmpdir(), stdio: "ignore", env: { ...process.env, NO_COLOR: "1", SMARTREGION_WARM_HELD: "1" } });
// Without the examples (or if a run failed to write it), the cache of the top level alone.
if (!existsSync(cache)) {
  writeFileSync(cache, new Script(readFileSync(cli, "latin1"), { filename: cli }).createCachedData());
}
