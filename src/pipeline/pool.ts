import { createRequire } from "node:module";
import type { Worker } from "node:worker_threads";
import { markWorkerThread, RUN_INPUTS } from "../node/inputs.js";
import type { NotedInput } from "../node/inputs.js";
import type { InputFile } from "../node/read.js";
import { taskFor } from "./tasks.js";
import type { TaskResult, TaskSetup } from "./tasks.js";

/**
 * From how many files worker threads are used unless `--jobs` says otherwise. A worker costs
 * some 30 ms to start and load the frameworks; scoring repays that from a few hundred files,
 * checking alone (about 0.2 ms a file) from a few thousand. Measured with `npm run bench`.
 */
export const WORKERS_FROM = { validate: 2000, score: 500, report: 500 } as const;
/** Files a worker is given at a time: enough to keep messages few, small enough to share work evenly. */
const BATCH = 64;

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

/** The module a worker thread starts from: the command line's entry, which serves when it is in a worker. */
export const workerEntry = { url: new URL(import.meta.url) };

interface Job {
  readonly batch: number;
  readonly inputs: readonly InputFile[];
}
/** A batch's results, with the files the worker read for it (member files), which no output may replace. */
type Reply = { readonly batch: number; readonly results: readonly TaskResult[]; readonly inputs: readonly NotedInput[] } | { readonly batch: number; readonly error: string };

/** How long the work goes on in this thread before it lets signals (SIGINT, SIGTERM) be handled, in ms. */
const YIELD_EVERY = 50;

/**
 * Runs `setup`'s task on every input in `threads` worker threads and hands each result to
 * `each` in input order (results that arrive early wait for the ones before them). With one
 * thread the work is done here, by `local`, one file at a time.
 */
export async function mapFiles<R extends TaskResult>(
  inputs: readonly InputFile[],
  threads: number,
  setup: TaskSetup,
  local: (input: InputFile) => R,
  each: (result: R, index: number) => void,
): Promise<void> {
  if (threads <= 1) {
    let since = Date.now();
    for (const [index, input] of inputs.entries()) {
      each(local(input), index);
      if (Date.now() - since >= YIELD_EVERY) {
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
      for (let i = 0; i < threads; i++) {
        const worker = new (workerThreads().Worker)(workerEntry.url, { workerData: { smartregionWorker: setup }, argv: [WORKER_ARG] });
        workers.push(worker);
        worker.on("message", (reply: Reply) => {
          if ("error" in reply) {
            reject(new Error(reply.error));
            return;
          }
          RUN_INPUTS.merge(reply.inputs);
          waiting.set(reply.batch, reply.results);
          give(worker);
          try {
            deliver();
          } catch (error) {
            reject(error);
          }
        });
        worker.on("error", reject);
        worker.on("messageerror", reject);
        // A worker that stops before the work is done, even with code 0, fails the run: its files were not all answered.
        worker.on("exit", (code) => {
          if (delivered < batches.length) reject(new Error(`a worker thread stopped with code ${code} before its work was done`));
        });
        give(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** In a worker thread started by `mapFiles`: builds the task once, then answers batch after batch. */
export function serveIfWorker(): boolean {
  if (!process.argv.includes(WORKER_ARG)) return false;
  const { parentPort, workerData } = workerThreads();
  const setup = (workerData as { smartregionWorker?: TaskSetup } | null)?.smartregionWorker;
  if (parentPort === null || setup === undefined) return false;
  markWorkerThread();
  const port = parentPort;
  const task = taskFor(setup);
  port.on("message", (job: Job) => {
    try {
      const results = job.inputs.map(task);
      port.postMessage({ batch: job.batch, results, inputs: RUN_INPUTS.takeFresh() } satisfies Reply);
    } catch (error) {
      port.postMessage({ batch: job.batch, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply);
    }
  });
  return true;
}
