/**
 * The content folder read again and again (npm start's edit loop): every file's result is kept,
 * keyed by path and checked by modification time and size, then by content hash, so a save
 * re-reads only the files that changed. A new day reads everything again: whether an item is
 * "scheduled" depends on the day.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { todayIn } from "./dates.ts";
import { itemFilesSignature } from "./item-files.ts";
import {
  assembleContent,
  contentReader,
  listContent,
  type ContentFile,
  type FileResult,
  type LoadedContent,
  type LoadOptions,
} from "./load.ts";
import { formatProblem, type Problem } from "./problems.ts";

interface CachedFile {
  mtimeMs: number;
  size: number;
  hash: string;
  /** The item's photos and documents as they were read (`itemFilesSignature`). */
  files: string;
  result: FileResult;
}

/** What `readContent` returns, and whether anything differs from the read before. */
export interface CachedRead {
  content: LoadedContent;
  problems: Problem[];
  changed: boolean;
}

export class ContentCache {
  readonly #files = new Map<string, CachedFile>();
  /** The day the cached results were read on. */
  #today: string | undefined;
  /** What the last read saw, to tell a change from a save that changed nothing. */
  #seen: { results: FileResult[]; listing: string } | undefined;
  /** The last read's content: returned again, the same object, while nothing changed. */
  #last: CachedRead | undefined;

  /** Reads the content folder as `readContent` does, re-reading only the files that changed since the last call. */
  read(options: LoadOptions): CachedRead {
    const today = todayIn(options.site.timeZone, options.now);
    if (today !== this.#today) {
      this.#files.clear();
      this.#today = today;
    }
    const listed = listContent(options.contentDir);
    if (!listed.ok) {
      const listing = listed.result.problems.map(formatProblem).join("\n");
      const changed = this.#seen?.listing !== listing;
      this.#seen = { results: [], listing };
      return this.#remember({ ...listed.result, changed });
    }
    const read = contentReader(options);
    const results = listed.files.map((file) => this.#result(file, read));
    const listing = listed.problems.map(formatProblem).join("\n");
    const names = new Set(listed.files.map((file) => file.file));
    for (const file of this.#files.keys()) if (!names.has(file)) this.#files.delete(file);
    const seen = this.#seen;
    const changed =
      !seen ||
      seen.listing !== listing ||
      seen.results.length !== results.length ||
      results.some((result, at) => result !== seen.results[at]);
    this.#seen = { results, listing };
    return this.#remember(
      changed || !this.#last
        ? { ...assembleContent(options, listed.files, listed.problems, results), changed }
        : this.#last,
    );
  }

  #remember(read: CachedRead): CachedRead {
    this.#last = { ...read, changed: false };
    return read;
  }

  /** One file's result: the cached one unless its size, time or bytes changed. */
  #result(file: ContentFile, read: (file: ContentFile) => FileResult): FileResult {
    const cached = this.#files.get(file.file);
    let stats;
    try {
      stats = statSync(file.file);
    } catch {
      // Deleted since it was listed: reading it reports that as the build would.
      return read(file);
    }
    const filesUnchanged = cached !== undefined && cached.files === itemFilesSignature(cached.result.item?.files);
    if (cached && filesUnchanged && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size)
      return cached.result;
    const hash = createHash("sha256").update(readFileSync(file.file)).digest("hex");
    const result = cached?.hash === hash && filesUnchanged ? cached.result : read(file);
    this.#files.set(file.file, {
      mtimeMs: stats.mtimeMs,
      size: stats.size,
      hash,
      result,
      files: itemFilesSignature(result.item?.files),
    });
    return result;
  }
}
