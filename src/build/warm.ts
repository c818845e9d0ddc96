/**
 * Run by the build, once a command: `node dist/build/warm.js CACHE ARGS…` runs the command
 * line's bundle as bin/smartregion.js runs it, with the code cache in CACHE when there is one,
 * and writes the cache anew when the run ends. Each run adds the functions it compiled, so a
 * cache made over validate, score and report spares those runs compiling what they use; one
 * made before any run holds only the bundle's top level. With SMARTREGION_WARM_HELD=1 the run
 * is made under the flags a long run holds its heap with, for the worker threads that load
 * after those flags are set (a cache is only taken under the flags it was made with). Output
 * goes nowhere: the build calls it with stdout and stderr ignored.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";
import { HELD_FLAGS } from "../node/memory.js";

const require = createRequire(import.meta.url);
const Module = require("node:module") as typeof import("node:module") & { _nodeModulePaths(from: string): string[] };
const bundle = fileURLToPath(new URL("../cli/smartregion.wrapped.cjs", import.meta.url));
const [cache, ...args] = process.argv.slice(2);
if (cache === undefined) throw new Error("warm: give the cache file, then the command's arguments");
process.argv = [process.argv[0]!, fileURLToPath(new URL("../../bin/smartregion.js", import.meta.url)), ...args];
if (process.env["SMARTREGION_WARM_HELD"] === "1") for (const flag of HELD_FLAGS) setFlagsFromString(flag);
const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
const script = new Script(readFileSync(bundle, "latin1"), { filename: bundle, ...(cachedData === undefined ? {} : { cachedData }) });
process.on("exit", () => writeFileSync(cache, script.createCachedData()));
const main = new Module(bundle) as InstanceType<typeof Module> & { filename: string; paths: string[] };
main.filename = bundle;
main.paths = Module._nodeModulePaths(dirname(bundle));
(script.runInThisContext() as (...a: unknown[]) => void)(main.exports, Module.createRequire(bundle), main, bundle, dirname(bundle));
