#!/usr/bin/env node
"use strict";
const { readFileSync } = require("node:fs");
const { dirname, join } = require("node:path");

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  // Answered here, without loading the command line.
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).version}\n`);
} else {
  const bundle = join(__dirname, "..", "dist", "cli", "smartregion.cjs");
  let cachedData;
  try {
    // validate has a smaller cache of its own, without the code of scoring and reports; a
    // worker thread started after its run held the heap loads under the flags that did it
    // (dist/node/memory.js), and takes the cache made under them.
    cachedData = readFileSync(heldFlags() ? `${bundle}.held.v8cache` : args[0] === "validate" ? `${bundle}.validate.v8cache` : `${bundle}.v8cache`);
  } catch {
    try {
      cachedData = readFileSync(`${bundle}.v8cache`);
    } catch {
      // No code cache (or none readable): the bundle is compiled as any module is.
    }
  }
  const Module = require("node:module");
  if (cachedData === undefined || typeof Module._nodeModulePaths !== "function") {
    require(bundle);
  } else {
    // The bundle run as `require` runs it, with the code cache the build made: V8 skips
    // compiling what the cache holds, or compiles as usual when the cache is not for it.
    const { Script } = require("node:vm");
    const { CJS_WRAPPER } = require("./wrapper.js");
    const script = new Script(`${CJS_WRAPPER[0]}${readFileSync(bundle, "utf8")}${CJS_WRAPPER[1]}`, { filename: bundle, cachedData });
    const main = new Module(bundle, module);
    main.filename = bundle;
    main.paths = Module._nodeModulePaths(dirname(bundle));
    script.runInThisContext()(main.exports, Module.createRequire(bundle), main, bundle, dirname(bundle));
  }
}

/** Whether this is a worker thread of a run that has held V8's heap flags, as its starter marks it. */
function heldFlags() {
  if (!args.includes("--smartregion-worker-thread")) return false;
  const mark = require("node:worker_threads").workerData?.smartregionHeld;
  return mark instanceof Int32Array && Atomics.load(mark, 0) === 1;
}
