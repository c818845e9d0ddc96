import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

/**
 * How far V8's heap may grow in a long run. V8 doubles its young generation while objects
 * survive its collections, and over a long run enough always do (each file's data is alive
 * while the file is read): a run of 10,000 files held 32 MB there where one of 1,000 held 8,
 * though nothing of the files is kept. Once this thread's young generation is YOUNG_GENERATION,
 * V8 is told to grow it no more (the growth factor is read at each growth, and is the same for
 * every thread), and to let the old generation grow to half again what lives in it. Measured
 * with `npm run bench`. Called often where many objects are made (listing files, checking
 * them): a look costs a microsecond.
 */
const YOUNG_GENERATION = 8 * 1024 * 1024;
/** From how many files a run is long enough to hold its memory. */
const LONG_RUN = 256;
let youngHeld = false;
let long = false;
/**
 * Worker threads still loading the bundle. V8 checks a code cache against its flags, which are
 * the process's, not a thread's: changed while a worker loads, they make it refuse the cache and
 * compile the bundle afresh. The generations are held once every worker has loaded.
 */
let loading = 0;
/** Says that a worker thread starts loading (+1), or has loaded or stopped (-1). */
export function workerLoading(change: 1 | -1): void {
  loading += change;
}
/**
 * Says how many files the run has (or has found so far): from LONG_RUN on, the generations are
 * held. A shorter run never changes V8's flags, which V8's code cache is checked against: the
 * cache the build makes from short runs then fits every run, and a worker started before the
 * flags change loads with it too.
 */
export function runOf(files: number): void {
  if (files >= LONG_RUN) long = true;
}
export function holdYoungGeneration(): void {
  if (youngHeld || !long || loading > 0) return;
  const v8 = load("node:v8") as typeof import("node:v8");
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
  if (young === undefined || young.space_size < YOUNG_GENERATION) return;
  v8.setFlagsFromString("--semi-space-growth-factor=1");
  // A long run promotes much that dies soon: collected at half again what lives, not several times.
  v8.setFlagsFromString("--heap-growing-percent=50");
  youngHeld = true;
}
