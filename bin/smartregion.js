#!/usr/bin/env node
import "../dist/cli/smartregion.mjs";
