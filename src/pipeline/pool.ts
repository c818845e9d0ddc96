import { createRequire } from "node:module";
import type { Worker } from "node:worker_threads";
import { markWorkerThread, RUN_INPUTS } from "../node/inputs.js";
import type { NotedInput } from "../node/inputs.js";
import type { InputFile } from "../node/read.js";
import { taskFor } from "./tasks.js";
import { heldMark, holdYoungGeneration, runOf, shareHeldMark } from "../node/memory.js";
import type { TaskResult, TaskSetup } from "./tasks.js";

/**
 * From how many files worker threads are used unless `--jobs` says otherwise. A worker costs
 * some 250 ms of a core to start (Node's own start in the thread, then the bundle and the
 * frameworks) and some 35 MB; scoring repays that from a few hundred files, checking alone
 * (about 0.3 ms a file) from a few thousand. Measured with `npm run bench`.
 */
export const WORKERS_FROM = { validate: 2000, score: 500, report: 500 } as const;
/** Files a worker is given at a time: enough to keep messages few, small enough to share work evenly. */
const BATCH = 64;
/**
 * Batches a worker holds at once, once it has loaded. With one, a worker that is done waits,
 * idle, until this thread ends its own batch and reads the reply; with two, it goes on with the
 * next at once. A worker still loading holds one: this thread would otherwise wait for it at the end.
 */
const IN_FLIGHT = 2;
/** Workers that have loaded the bundle and built their task. */
const loadedWorkers = new WeakSet<Worker>();

// Loaded by the runs that may use worker threads, not by every start of the command line.
const load = createRequire(import.meta.url);
const workerThreads = (): typeof import("node:worker_threads") => load("node:worker_threads") as typeof import("node:worker_threads");
/** Given to each worker thread as its argument: a start that lacks it is not a worker, and loads no worker module to find out. */
const WORKER_ARG = "--smartregion-worker-thread";

/** How many threads to use for `count` files when `--jobs` asks for `jobs` (0 = as many as there are cores). */
export function threadsFor(count: number, jobs: number, from: number): number {
  if (jobs === 0 && count < from) return 1;
  const wanted = jobs > 0 ? jobs : Math.min((load("node:os") as typeof import("node:os")).availableParallelism(), 4);
  if (wanted <= 1) return 1;
  return Math.max(1, Math.min(wanted, Math.ceil(count / BATCH)));
}

/**
 * The module a worker thread starts from: the command line's entry, which serves when it is in
 * a worker; or, when there is one, the launcher that runs that entry with its code cache
 * (bin/smartregion.js), so that a worker compiles no more of it than the main thread does.
 */
export const workerEntry: { url: URL; launcher?: URL } = { url: new URL(import.meta.url) };
let entry: URL | undefined;
const entryUrl = (): URL => {
  const launcher = workerEntry.launcher;
  entry ??= launcher !== undefined && (load("node:fs") as typeof import("node:fs")).existsSync(launcher) ? launcher : workerEntry.url;
  return entry;
};

interface Job {
  readonly batch: number;
  readonly inputs: readonly InputFile[];
}
/** A batch's results, with the files the worker read for it (member files), which no output may replace. */
type Reply =
  | { readonly batch: number; readonly results: readonly TaskResult[]; readonly inputs: readonly NotedInput[] }
  | { readonly batch: number; readonly error: string }
  /** Sent once, when the worker has loaded the bundle and built its task. */
  | { readonly loaded: true };

/** How long the work goes on in this thread before it lets signals (SIGINT, SIGTERM) be handled, in ms. */
const YIELD_EVERY = 50;

/**
 * Worker threads started before the work is known, so that they load while this thread lists
 * and checks the rest: they hold the process open only once `mapFiles` takes them.
 */
export interface Started {
  readonly setup: TaskSetup;
  readonly workers: readonly Worker[];
  /** Threads that stopped or failed before they were given work: not given any, others start in their place. */
  readonly gone: Set<Worker>;
}

/** One worker thread for `setup`'s task. */
function spawn(setup: TaskSetup): Worker {
  // The command comes first, as on the command line: bin/smartregion.js picks validate's smaller code cache by it.
  const worker = new (workerThreads().Worker)(entryUrl(), { workerData: { smartregionWorker: setup, smartregionHeld: heldMark() }, argv: [setup.command, WORKER_ARG] });
  const loaded = () => loadedWorkers.add(worker);
  worker.once("message", loaded);
  worker.once("error", loaded);
  worker.once("exit", loaded);
  return worker;
}

/** Starts `threads` worker threads for `setup`'s task (none for one thread). */
export function startWorkers(threads: number, setup: TaskSetup): Started | undefined {
  if (threads <= 1) return undefined;
  const gone = new Set<Worker>();
  // This thread is one of the `threads`: it takes its share of the work (see mapFiles).
  const workers = Array.from({ length: threads - 1 }, () => {
    const worker = spawn(setup);
    worker.unref();
    worker.once("error", () => gone.add(worker));
    worker.once("exit", () => gone.add(worker));
    return worker;
  });
  return { setup, workers, gone };
}

/**
 * Worker threads started as soon as a listing has found enough files for them (`soon`, given to
 * listInputs), so that they load while the listing goes on. `started` gives them once the run's
 * threads are known, or starts that many if none were. Without `early`, none start before.
 */
export function workersAhead(jobs: number, from: number, setup: TaskSetup, early = true): { soon: (found: number) => void; started: (threads: number) => Started | undefined } {
  // The young generation the command holds, known before the listing fills it.
  runOf(0, setup.command);
  let ahead: Started | undefined;
  return {
    soon: (found) => {
      if (!early || ahead !== undefined) return;
      const threads = threadsFor(found, jobs, from);
      if (threads > 1) ahead = startWorkers(threads, setup);
    },
    started: (threads) => ahead ?? startWorkers(threads, setup),
  };
}

/**
 * Runs `setup`'s task on every input in `threads` threads, this one and `threads - 1` workers,
 * and hands each result to `each` in input order (results that arrive early wait for the ones
 * before them). This thread's share is done by `local`; with one thread, all of it.
 */
export async function mapFiles<R extends TaskResult>(
  inputs: readonly InputFile[],
  threads: number,
  setup: TaskSetup,
  local: (input: InputFile) => R,
  each: (result: R, index: number) => void,
  /** Threads started beforehand for the same setup (`startWorkers`); stopped here, used or not. */
  started?: Started,
): Promise<void> {
  runOf(inputs.length, setup.command);
  if (threads <= 1 || started?.setup !== setup) await stop(started);
  if (threads <= 1) {
    let since = Date.now();
    for (const [index, input] of inputs.entries()) {
      each(local(input), index);
      if (Date.now() - since >= YIELD_EVERY) {
        holdYoungGeneration();
        await new Promise((resolve) => setImmediate(resolve));
        since = Date.now();
      }
    }
    return;
  }
  const batches: Job[] = [];
  for (let start = 0; start < inputs.length; start += BATCH) batches.push({ batch: batches.length, inputs: inputs.slice(start, start + BATCH) });

  const waiting = new Map<number, readonly TaskResult[]>();
  let nextToHand = 0;
  let delivered = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const deliver = () => {
        for (let ready = waiting.get(delivered); ready !== undefined; ready = waiting.get(delivered)) {
          waiting.delete(delivered);
          ready.forEach((result, i) => each(result as R, delivered * BATCH + i));
          delivered++;
        }
        if (delivered === batches.length) resolve();
      };
      const give = (worker: Worker) => {
        const job = batches[nextToHand++];
        if (job !== undefined) worker.postMessage(job);
      };
      let failed = false;
      const fail = (error: unknown) => {
        failed = true;
        reject(error);
      };
      const ready = started?.setup === setup ? started.workers.filter((w) => !started.gone.has(w)) : [];
      for (let i = 0; i < threads - 1; i++) {
        const worker = ready[i] ?? spawn(setup);
        worker.ref();
        workers.push(worker);
        worker.on("message", (reply: Reply) => {
          if ("loaded" in reply) {
            for (let i = 1; i < IN_FLIGHT; i++) give(worker);
            return;
          }
          if ("error" in reply) {
            fail(new Error(reply.error));
            return;
          }
          RUN_INPUTS.merge(reply.inputs, batches[reply.batch]?.inputs);
          holdYoungGeneration();
          waiting.set(reply.batch, reply.results);
          give(worker);
          try {
            deliver();
          } catch (error) {
            fail(error);
          }
        });
        worker.on("error", fail);
        worker.on("messageerror", fail);
        // A worker that stops before the work is done, even with code 0, fails the run: its files were not all answered.
        worker.on("exit", (code) => {
          if (delivered < batches.length) fail(new Error(`a worker thread stopped with code ${code} before its work was done`));
        });
        for (let i = 0; i < (loadedWorkers.has(worker) ? IN_FLIGHT : 1); i++) give(worker);
      }
      // This thread takes batches too, between the workers' replies: one thread fewer to start.
      const here = async () => {
        for (let job = batches[nextToHand++]; job !== undefined && !failed; job = batches[nextToHand++]) {
          waiting.set(job.batch, job.inputs.map(local));
          deliver();
          holdYoungGeneration();
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      here().catch(fail);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    // Threads started beforehand and not needed after all (fewer files than threads).
    if (started?.setup === setup) await Promise.all(started.workers.filter((w) => !workers.includes(w)).map((w) => w.terminate()));
  }
}

/** Stops threads started beforehand that the run does not use. */
async function stop(started: Started | undefined): Promise<void> {
  if (started !== undefined) await Promise.all(started.workers.map((w) => w.terminate()));
}

/** In a worker thread started by `mapFiles`: builds the task once, then answers batch after batch. */
export function serveIfWorker(): boolean {
  if (!process.argv.includes(WORKER_ARG)) return false;
  const { parentPort, workerData } = workerThreads();
  const data = workerData as { smartregionWorker?: TaskSetup; smartregionHeld?: Int32Array } | null;
  const setup = data?.smartregionWorker;
  if (parentPort === null || setup === undefined) return false;
  if (data?.smartregionHeld instanceof Int32Array) shareHeldMark(data.smartregionHeld);
  markWorkerThread();
  // A worker thread is started only for a long run: it holds its memory as such.
  runOf(Number.MAX_SAFE_INTEGER, setup.command);
  const port = parentPort;
  const task = taskFor(setup);
  port.postMessage({ loaded: true } satisfies Reply);
  port.on("message", (job: Job) => {
    try {
      const results = job.inputs.map(task);
      holdYoungGeneration();
      port.postMessage({ batch: job.batch, results, inputs: RUN_INPUTS.takeFresh() } satisfies Reply);
    } catch (error) {
      port.postMessage({ batch: job.batch, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply);
    }
  });
  return true;
}
