#!/usr/bin/env node
"use strict";
// `--version` is answered here, without loading the command line.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  const { readFileSync } = require("node:fs");
  const { join } = require("node:path");
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).version}\n`);
} else {
  require("../dist/cli/smartregion.cjs");
}
