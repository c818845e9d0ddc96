import { words } from "../i18n/words.js";
import { isTerminal } from "../node/terminal.js";

/** A line on stderr that counts the files done, for long runs in a terminal. */
export interface Progress {
  tick(): void;
  done(): void;
}

interface Terminal {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** How long a run goes before the count appears, and how often it is redrawn (ms). */
const DELAY = 500;
const EVERY = 100;

/**
 * Counts `total` files on `stream` when it is a terminal and the run lasts long enough to
 * wonder about; when stderr is piped or redirected nothing is written at all.
 */
export function progressFor(total: number, verb: "checked" | "scored" | "reported on", locale = "en", given?: Terminal, now: () => number = Date.now): Progress {
  const say = words(locale).cli.progress;
  // Node's stream of stderr is made only for a terminal: over a pipe it costs a run some milliseconds.
  const stream = total < 2 ? undefined : (given ?? (isTerminal(2) ? process.stderr : undefined));
  if (stream?.isTTY !== true) return { tick: () => undefined, done: () => undefined };
  const started = now();
  let count = 0;
  let drawn = 0;
  let shown = false;
  return {
    tick() {
      count++;
      const t = now();
      if (t - started < DELAY || t - drawn < EVERY) return;
      drawn = t;
      shown = true;
      stream.write(`\r\x1b[K${say(verb, count, total, Math.round((100 * count) / total))}`);
    },
    done() {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}
