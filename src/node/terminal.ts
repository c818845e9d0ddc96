import { fstatSync } from "node:fs";
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

/**
 * Whether standard output (1) or standard error (2) is a terminal, found without making
 * Node's stream for it: `process.stdout` over a pipe loads Node's network module, some 5 ms of
 * a run of one file. Only a character device can be a terminal; /dev/null is one too, so a
 * character device is asked of the terminal module, which costs a little more.
 */
const answers = new Map<number, boolean>();
export function isTerminal(fd: 1 | 2): boolean {
  let answer = answers.get(fd);
  if (answer === undefined) {
    answer = characterDevice(fd) && (load("node:tty") as typeof import("node:tty")).isatty(fd);
    answers.set(fd, answer);
  }
  return answer;
}

function characterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/** Standard output as a terminal view reads it (whether it is one, and its width): the stream itself only when it is a terminal. */
export const stdoutTerminal = (): { readonly isTTY?: boolean; readonly columns?: number } => (isTerminal(1) ? process.stdout : { isTTY: false });
