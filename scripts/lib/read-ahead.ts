/**
 * Reads files ahead of a synchronous reader, so that it finds them in the page cache.
 *
 * Validation reads each content file with `readFileSync` between the CPU work of parsing it. When
 * the files are not in the page cache (a fresh machine, or a virtual machine that reclaims cold
 * pages: this one dropped the 10k corpus between two builds a minute apart), every read waits on
 * the disk one at a time: 1.0 s of the 10k corpus's validation on one thread, 1.5 s of the main
 * thread's and 1.3 s of the helper's in a profile of the two-thread build. A small thread reading
 * the same files in the same order, several at once, keeps the disk busy while the validators
 * compute: they then read from memory (0.1 s for the whole corpus).
 *
 * The thread is plain JavaScript run from a string, so it starts in milliseconds (a TypeScript
 * worker would first load tsx). It only reads: what it reads is dropped, and if it fails or falls
 * behind, the validators simply read from the disk themselves.
 */
import { Worker } from "node:worker_threads";

/** Reads in flight at once: enough to keep a virtual disk's queue full. */
const concurrency = 16;

const source = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFile } = require("node:fs/promises");
const { files, concurrency } = workerData;
let next = 0;
let read = 0;
let failed = 0;
async function reader() {
  while (next < files.length) await readFile(files[next++]).then(() => read++, () => failed++);
}
Promise.all(Array.from({ length: concurrency }, reader)).then(() => parentPort.postMessage({ read, failed }));
`;

export interface ReadingAhead {
  /** Files read and files that could not be read, once all were tried; undefined if it was stopped first or failed. */
  finished: Promise<{ read: number; failed: number } | undefined>;
  /** Ends the reading (when the reader is done with the files). */
  stop: () => Promise<void>;
}

/** Starts reading `files` ahead, in order, on a thread of its own. */
export function readAhead(files: readonly string[]): ReadingAhead {
  let worker: Worker;
  try {
    worker = new Worker(source, { eval: true, workerData: { files, concurrency } });
  } catch {
    // Reading ahead is an optimisation: a failure is the same as not reading ahead.
    return { finished: Promise.resolve(undefined), stop: async () => {} };
  }
  worker.unref();
  const finished = new Promise<{ read: number; failed: number } | undefined>((resolve) => {
    worker.on("message", resolve);
    worker.on("error", () => resolve(undefined));
    worker.on("exit", () => resolve(undefined));
  });
  return {
    finished,
    stop: async () => {
      await worker.terminate();
    },
  };
}
