/**
 * Writes files on a thread of its own, for a producer that must not wait for them.
 *
 * The render phase writes each article page's search source (scripts/lib/search-index.ts) as
 * Eleventy renders it. Written from the render's own thread, through libuv's pool that Eleventy's
 * own writes go through, they made the 10k corpus's render 3 s slower (4.3 → 7.5 s): creating
 * 10,000 folders and files is mostly the kernel's work. On this thread it is done on the core
 * Eleventy leaves idle.
 *
 * The thread is plain JavaScript run from a string, so it starts in milliseconds (see read-ahead.ts).
 */
import { Worker } from "node:worker_threads";

const source = `
const { parentPort, workerData } = require("node:worker_threads");
const { mkdirSync, writeFileSync } = require("node:fs");
const path = require("node:path");
let written = 0;
let failure;
try {
  for (const folder of workerData.folders) mkdirSync(folder, { recursive: true });
} catch (error) {
  failure = String(error && error.message || error);
}
parentPort.on("message", (message) => {
  if (message === "end") {
    parentPort.postMessage({ written, failure });
    parentPort.close();
    return;
  }
  if (failure) return;
  try {
    for (const [file, text] of message) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      written++;
    }
  } catch (error) {
    failure = String(error && error.message || error);
  }
});
`;

export interface WriteBehind {
  write(file: string, text: string): void;
  /** Waits for every file to be written; rejects with the first failure. Returns how many were written. */
  end(): Promise<number>;
}

/** Files are sent in batches of this many: one message per page would cost more than its write. */
const batchSize = 64;

/**
 * Starts the thread. It first makes `folders`, in that order: a folder lists its entries in the
 * order they were made on some file systems (tmpfs), and Pagefind numbers pages in the order it
 * finds them, so the search sources' folders are made in a fixed order, whatever order the pages
 * render in.
 */
export function writeBehind(folders: readonly string[] = []): WriteBehind {
  const worker = new Worker(source, { eval: true, workerData: { folders } });
  let batch: [string, string][] = [];
  const done = new Promise<number>((resolve, reject) => {
    worker.on("message", ({ written, failure }: { written: number; failure?: string }) => {
      if (failure) reject(new Error(failure));
      else resolve(written);
    });
    worker.on("error", reject);
    worker.on("exit", () => reject(new Error("the writing thread ended before its files were written")));
  });
  return {
    write(file, text) {
      batch.push([file, text]);
      if (batch.length >= batchSize) {
        worker.postMessage(batch);
        batch = [];
      }
    },
    async end() {
      if (batch.length > 0) worker.postMessage(batch);
      batch = [];
      worker.postMessage("end");
      try {
        return await done;
      } finally {
        await worker.terminate();
      }
    },
  };
}
