/**
 * Writes files in the background, a few at a time. Writing one file per rendered article as soon as
 * Eleventy finishes it, all at once, opened 15,000 files together in a 100k build and failed with
 * EMFILE (too many open files; many systems allow 1,024). Here at most `limit` writes are under way;
 * the others wait their turn. The first failure is kept and thrown by `done`, never left unhandled.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export class FileQueue {
  readonly #waiting: { file: string; content: () => string }[] = [];
  #running = 0;
  #failure: unknown;
  #idle: (() => void)[] = [];

  constructor(readonly limit = 32) {}

  /** Queues `file` (its folders are made); `content` is computed when its turn comes. */
  add(file: string, content: () => string): void {
    this.#waiting.push({ file, content });
    this.#next();
  }

  /** Resolves once every queued file is written; rejects with the first failure. */
  async done(): Promise<void> {
    if (this.#running > 0 || this.#waiting.length > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
    if (this.#failure !== undefined) throw this.#failure;
  }

  #next(): void {
    while (this.#running < this.limit && this.#waiting.length > 0) {
      const { file, content } = this.#waiting.shift() as { file: string; content: () => string };
      this.#running++;
      const write = this.#failure === undefined ? mkdir(path.dirname(file), { recursive: true }).then(() => writeFile(file, content())) : Promise.resolve();
      void write
        .catch((error: unknown) => {
          this.#failure ??= error;
        })
        .finally(() => {
          this.#running--;
          this.#next();
          if (this.#running === 0 && this.#waiting.length === 0) for (const resolve of this.#idle.splice(0)) resolve();
        });
    }
  }
}
