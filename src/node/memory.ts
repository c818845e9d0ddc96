import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

/**
 * How far V8's heap may grow in a long run. V8 doubles its young generation while objects
 * survive its collections, and over a long run enough always do (each file's data is alive
 * while the file is read): a run of 10,000 files held 32 MB there where one of 1,000 held 8,
 * though nothing of the files is kept. Once this thread's young generation is the run's size
 * (`runOf`), V8 is told to grow it no more (the growth factor is read at each growth, and is the
 * same for every thread), and to let the old generation grow to half again what lives in it.
 * Measured with `npm run bench`. Called often where many objects are made (listing files,
 * checking them): a look costs a microsecond.
 *
 * The flags are the process's, and V8 checks a code cache against them: a worker thread that
 * loads after they changed takes the cache the build made under the held flags (see `heldMark`).
 * Held only once every worker had loaded, a report of 10,000 files let the main thread's young
 * generation grow to 32 MB while its worker loaded (186 MB at its peak; 135 held at once).
 */
const MB = 1024 * 1024;
/**
 * The young generation a long run holds, by command. A report makes some four times the
 * short-lived data of a score for each file (its gaps, its text), and in half the room it
 * promoted so much that it ran a fifth slower. A score writes each subject's JSON (some 7 KB a
 * line) from data that dies with it: in 8 MB, 10,000 files took 5% longer (3.21 s against 3.03 s,
 * 10 alternating runs) for 10 MB less at its peak. validate keeps 8 MB, which holds its memory
 * flat; its files leave less behind.
 */
const YOUNG_GENERATION: Readonly<Record<string, number>> = { report: 16 * MB, score: 16 * MB };
const DEFAULT_YOUNG = 8 * MB;
/** From how many files a run is long enough to hold its memory. */
const LONG_RUN = 256;
let youngHeld = false;
let long = false;
let young = DEFAULT_YOUNG;
/**
 * Says how many files the run has (or has found so far), and which command it is: from
 * LONG_RUN on, the generations are held. A shorter run never changes V8's flags, which V8's
 * code cache is checked against: the cache the build makes from short runs fits it.
 */
export function runOf(files: number, command?: string): void {
  if (command !== undefined) young = YOUNG_GENERATION[command] ?? DEFAULT_YOUNG;
  if (files >= LONG_RUN) long = true;
}
/**
 * The flags a long run holds its heap with: the young generation grows no more and, as a long
 * run promotes much that dies soon, the old one is collected at half again what lives in it,
 * not several times. The build makes a code cache under them for worker threads (warm.ts).
 */
export const HELD_FLAGS = ["--semi-space-growth-factor=1", "--heap-growing-percent=50"] as const;
export function holdYoungGeneration(): void {
  if (youngHeld || !long) return;
  const v8 = load("node:v8") as typeof import("node:v8");
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  if (space === undefined || space.space_size < young) return;
  for (const flag of HELD_FLAGS) v8.setFlagsFromString(flag);
  youngHeld = true;
  if (held !== undefined) Atomics.store(held, 0, 1);
}

/**
 * Whether the flags are held, shared with worker threads: 1 once a thread has held them. A
 * worker reads it as it starts (bin/smartregion.js) to take the code cache made under the
 * flags it will load with; a worker that holds them says so to the threads started after it.
 */
let held: Int32Array | undefined;
export function heldMark(): Int32Array {
  if (held === undefined) {
    held = new Int32Array(new SharedArrayBuffer(4));
    if (youngHeld) held[0] = 1;
  }
  return held;
}
/** In a worker thread: the mark its starter gave it, which its own hold sets too. */
export function shareHeldMark(mark: Int32Array): void {
  held = mark;
}
