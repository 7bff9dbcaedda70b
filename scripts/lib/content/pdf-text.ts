/**
 * The text of an item's PDFs, for search: read by pdf.js on a thread of its own
 * (pdf-text-thread.mjs) within `pdfTextLimits`, so that no PDF can take the build's time or
 * memory. A PDF of a few MB can inflate to GBs: pdf.js holds the inflated streams in typed arrays,
 * outside the thread's V8 heap limit, so the process's memory is watched while a PDF is read, and
 * the thread is ended past either limit. Texts are cached by the file's hash; a result over a
 * limit is not cached: time depends on the machine's load, and the next build tries again.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { cacheWarning, readCacheEntry, writeCacheEntry } from "../util/cache-entry.ts";

/** What one PDF may take: its text read within this time, the process growing by at most this memory. */
export const pdfTextLimits = { seconds: 10, memoryMb: 256 };

const pdfTextSchema = z.union([
  z
    .strictObject({ pages: z.number().int().nonnegative(), text: z.array(z.string()) })
    .refine((read) => read.text.length === read.pages),
  z.strictObject({ unreadable: z.string() }),
]);

/** A PDF's page count and each page's text, or why it could not be read. */
export type PdfText = z.infer<typeof pdfTextSchema>;

/** How often the memory is looked at while a PDF is read: often enough that it grows little in between. */
const watchIntervalMs = 20;

/** Reads PDFs one at a time on one thread, started with the first PDF not in the cache. Close it when done. */
export class PdfTextReader {
  #thread: Promise<Worker> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  /**
   * The text of the PDF at `source`, from the cache folder `cacheDir` or read now. A damaged cache
   * entry is read again and reported through `warn`.
   */
  async read(source: string, cacheDir: string, warn: (warning: string) => void): Promise<PdfText> {
    const bytes = readFileSync(source);
    const entry = path.join(cacheDir, `${createHash("sha256").update(bytes).digest("hex")}.json`);
    const cached = readCacheEntry(entry, pdfTextSchema);
    if (cached && "value" in cached) return cached.value;
    if (cached) warn(cacheWarning(source, entry, cached.discarded));
    const done = this.#queue.then(() => this.#extract(bytes));
    this.#queue = done.catch(() => {});
    const { text, overLimit } = await done;
    if (!overLimit) writeCacheEntry(entry, text);
    return text;
  }

  /** Ends the thread; a later read starts another. */
  async close(): Promise<void> {
    const thread = this.#thread;
    this.#thread = undefined;
    await this.#queue;
    if (thread)
      await thread.then(
        (worker) => worker.terminate(),
        () => {},
      );
  }

  #start(): Promise<Worker> {
    this.#thread ??= new Promise((resolve, reject) => {
      const worker = new Worker(new URL("./pdf-text-thread.mjs", import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: pdfTextLimits.memoryMb },
      });
      worker.once("message", () => {
        worker.off("error", reject);
        // An idle thread never keeps the process alive; one reading a PDF does (`#extract`).
        worker.unref();
        resolve(worker);
      });
      worker.once("error", reject);
      // Errors while a PDF is read are that read's (below); the exit that follows drops the thread.
      worker.on("error", () => {});
      // A thread that ended cannot be used again: the next PDF starts another.
      worker.once("exit", () => {
        if (this.#thread === started) this.#thread = undefined;
      });
    });
    const started = this.#thread;
    return started;
  }

  async #extract(bytes: Buffer): Promise<{ text: PdfText; overLimit?: true }> {
    const worker = await this.#start();
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: { text: PdfText; overLimit?: true }) => {
        settled = true;
        clearInterval(watch);
        worker.unref();
        worker.off("message", answered);
        worker.off("error", failed);
        worker.off("exit", stopped);
        resolve(outcome);
      };
      const answered = (text: PdfText) => {
        if (!settled) settle({ text });
      };
      // Over a limit: the thread is ended, and its memory given back before the next PDF is measured.
      const end = (unreadable: string) => {
        if (settled) return;
        settled = true;
        clearInterval(watch);
        void worker.terminate().then(() => settle({ text: { unreadable }, overLimit: true }));
      };
      const failed = (error: Error & { code?: string }) =>
        end(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? overMemory()
            : `it is not a readable PDF: ${error.message.split("\n")[0]}`,
        );
      const stopped = (code: number) => end(`it is not a readable PDF: pdf.js stopped (exit code ${code})`);
      const started = performance.now();
      const baseline = process.memoryUsage.rss();
      const watch = setInterval(() => {
        if (process.memoryUsage.rss() - baseline > pdfTextLimits.memoryMb * 1e6) end(overMemory());
        else if (performance.now() - started > pdfTextLimits.seconds * 1000) end(overTime());
      }, watchIntervalMs);
      worker.ref();
      worker.on("message", answered);
      worker.on("error", failed);
      worker.on("exit", stopped);
      // A copy of its own: a small file's bytes share Node's buffer pool, which cannot be transferred.
      const copy = new Uint8Array(bytes);
      worker.postMessage(copy, [copy.buffer]);
    });
  }
}

const overMemory = () =>
  `its text could not be extracted within ${pdfTextLimits.memoryMb} MB of memory, the limit for one PDF`;
const overTime = () => `its text could not be extracted within ${pdfTextLimits.seconds} s, the limit for one PDF`;
