import { Chalk } from "chalk";
import { PLAIN } from "./style.js";
import type { Style } from "./style.js";

/**
 * Whether to colour: NO_COLOR (any non-empty value) turns it off, FORCE_COLOR turns it on
 * (`0` or `false` off), otherwise only when the stream is a terminal that is not `dumb`.
 */
export function wantsColour(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force !== "false";
  return isTTY && env["TERM"] !== "dumb";
}

export function styleFor(colour: boolean): Style {
  if (!colour) return PLAIN;
  const chalk = new Chalk({ level: 1 });
  return { error: chalk.red, warning: chalk.yellow, good: chalk.green, dim: chalk.dim, bold: chalk.bold };
}

/** The narrowest width the terminal views are fitted to. */
const MIN_WIDTH = 40;

/**
 * The width the terminal views fit: `COLUMNS` when set to a number, else the terminal's own
 * width, else 80 (a pipe or a file), so that output not on a terminal is the same everywhere.
 */
export function terminalWidth(env: NodeJS.ProcessEnv, stdout: { readonly isTTY?: boolean; readonly columns?: number }): number {
  const set = /^\d+$/.test(env["COLUMNS"] ?? "") ? Number(env["COLUMNS"]) : undefined;
  const width = set ?? (stdout.isTTY === true && typeof stdout.columns === "number" && stdout.columns > 0 ? stdout.columns : 80);
  return Math.max(MIN_WIDTH, width);
}
