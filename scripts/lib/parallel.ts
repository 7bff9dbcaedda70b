/**
 * Validating on two threads. Reading, checking and rendering the Markdown of every content file
 * is the build's first single-threaded phase (3.3–3.7 s for the 10k corpus); the main thread and
 * one helper thread (scripts/lib/helper-worker.ts) take batches of files from one shared counter
 * until none are left, so the helper, which starts half a second late (loading its modules),
 * simply takes fewer. The main thread puts the results back in file order (`assembleContent`), so
 * the archive, its problems and their order are exactly those of reading on one thread; whatever
 * the helper claimed but did not return (it failed to start, or died) is read on the main thread.
 *
 * Rendering is not split: on the 2-core machine two Eleventy renders at once, in two threads or
 * two processes, each took as long as one render of every page (each half cost 1.5× the CPU time
 * it costs alone), so splitting gained nothing and cost a second copy of the archive in memory.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { assembleContent, contentReader, type ContentFile, type FileResult, type LoadedContent, type LoadOptions } from "./content.ts";
import type { Problem } from "./problems.ts";

/** Fewer content files than this are read on one thread: a helper costs about half a second to start. */
export const parallelThreshold = 4_000;

/** Files per batch: small enough to balance the two threads, large enough that claiming costs nothing. */
const batchSize = 50;

export type HelperRequest = { type: "validate"; options: LoadOptions; files: readonly ContentFile[]; counter: SharedArrayBuffer; batchSize: number };

export type HelperReply = { type: "batch"; start: number; results: FileResult[] } | { type: "validated" } | { type: "failed"; message: string };

/** Whether this machine has a second core for the helper. */
export function canRunParallel(): boolean {
  return availableParallelism() > 1;
}

/**
 * Reads and validates the listed content files (`listContent`'s) on two threads; resolves as
 * `readContent` would, with the same content and the same problems in the same order.
 */
export async function readContentInParallel(
  options: LoadOptions,
  files: readonly ContentFile[],
  listingProblems: readonly Problem[],
): Promise<{ content: LoadedContent; problems: Problem[] }> {
  const results: (FileResult | undefined)[] = new Array<FileResult | undefined>(files.length);
  const counter = new SharedArrayBuffer(4);
  const claimed = new Int32Array(counter);
  const batches = Math.ceil(files.length / batchSize);

  // A plain ES module that registers tsx and loads helper-worker.ts: worker threads do not inherit
  // the `--import tsx` of the main thread.
  const helper = new Worker(new URL("./helper-worker.mjs", import.meta.url));
  const helperDone = new Promise<void>((resolve) => {
    helper.on("message", (reply: HelperReply) => {
      if (reply.type === "batch") reply.results.forEach((result, offset) => (results[reply.start + offset] = result));
      else resolve();
    });
    // A helper that cannot start or fails leaves its batches to the main thread.
    helper.on("error", () => resolve());
    helper.on("exit", () => resolve());
  });
  helper.postMessage({ type: "validate", options, files, counter, batchSize } satisfies HelperRequest);
  try {
    const read = contentReader(options);
    for (let batch = Atomics.add(claimed, 0, 1); batch < batches; batch = Atomics.add(claimed, 0, 1)) {
      for (let at = batch * batchSize; at < Math.min(files.length, (batch + 1) * batchSize); at++) results[at] = read(files[at] as ContentFile);
    }
    await helperDone;
    const complete = results.map((result, at) => result ?? read(files[at] as ContentFile));
    return assembleContent(options, files, listingProblems, complete);
  } finally {
    await helper.terminate();
  }
}
