#!/usr/bin/env node
"use strict";
const { readFileSync } = require("node:fs");
const { dirname, join } = require("node:path");

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  // Answered here, without loading the command line.
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).version}\n`);
} else {
  // The bundle, in the function it runs in as Node wraps a CommonJS module: its text is handed to
  // V8 as it is, with the code cache the build made. V8 skips compiling what the cache holds, or
  // compiles as usual when there is no cache or it is not for this text, this Node or these flags.
  const bundle = join(__dirname, "..", "dist", "cli", "smartregion.wrapped.cjs");
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
  const { Script } = require("node:vm");
  // The build writes the bundle in ASCII alone, which latin1 reads as it is, without decoding.
  const script = new Script(readFileSync(bundle, "latin1"), cachedData === undefined ? { filename: bundle } : { filename: bundle, cachedData });
  const main = new Module(bundle, module);
  main.filename = bundle;
  main.paths = typeof Module._nodeModulePaths === "function" ? Module._nodeModulePaths(dirname(bundle)) : [];
  script.runInThisContext()(main.exports, Module.createRequire(bundle), main, bundle, dirname(bundle));
}

/** Whether this is a worker thread of a run that has held V8's heap flags, as its starter marks it. */
function heldFlags() {
  if (!args.includes("--smartregion-worker-thread")) return false;
  const mark = require("node:worker_threads").workerData?.smartregionHeld;
  return mark instanceof Int32Array && Atomics.load(mark, 0) === 1;
}
