"use strict";
/** The function the command line's bundle is run in, as Node wraps a CommonJS module. */
exports.CJS_WRAPPER = ["(function (exports, require, module, __filename, __dirname) { ", "\n});"];
