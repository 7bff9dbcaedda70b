/**
 * What the import reads from a crawl of the old site: its HTTP responses, one at a time, from a
 * WARC (warc-reader.ts), a WACZ's WARCs, or a folder saved by wget --mirror (mirror-reader.ts).
 */
import { createReadStream, statSync, type Stats } from "node:fs";
import yauzl from "yauzl";
import { displayPath } from "../util/paths.ts";
import { mirrorCaptures } from "./mirror-reader.ts";
import { ImportSourceError } from "./source-error.ts";
import { warcCaptures } from "./warc-reader.ts";
import type { Capture, ReadOptions, ReadProgress, ReadState } from "./capture-types.ts";

export { ImportSourceError };

export type { Capture, ReadOptions, ReadProgress };

export const defaultMaxBodyBytes = 50_000_000;

async function* warcFileCaptures(file: string, stats: Stats, state: ReadState): AsyncGenerator<Capture> {
  state.progress.totalBytes = stats.size;
  state.options.onProgress?.({ ...state.progress });
  yield* warcCaptures({ name: displayPath(file), open: async (start) => createReadStream(file, { start }) }, state);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The WARCs of a WACZ (archive/*.warc, archive/*.warc.gz), read one after the other from the zip,
 * unzipped as they are read.
 */
async function* waczCaptures(file: string, state: ReadState): AsyncGenerator<Capture> {
  const name = displayPath(file);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw new ImportSourceError(`${name}: not a zip file, so not a WACZ (${messageOf(error)})`);
  }
  try {
    const entries: yauzl.Entry[] = [];
    try {
      for (;;) {
        const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
          zip
            .once("entry", resolve)
            .once("end", () => resolve(undefined))
            .once("error", reject);
          zip.readEntry();
        });
        zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
        if (!entry) break;
        entries.push(entry);
      }
    } catch (error) {
      throw new ImportSourceError(`${name}: its zip directory is damaged (${messageOf(error)})`);
    }
    const warcs = entries
      .filter((entry) => /^archive\/[^/]+\.warc(\.gz)?$/i.test(entry.fileName))
      .sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
    if (warcs.length === 0) throw new ImportSourceError(`${name}: holds no WARC in archive/, so it is not a WACZ`);
    state.progress.totalBytes = warcs.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    state.options.onProgress?.({ ...state.progress });
    for (const entry of warcs) {
      // Only a stored entry can be read from the middle, for a revisit's original.
      const open = async (start: number) =>
        start === 0
          ? zip.openReadStreamPromise(entry)
          : entry.compressionMethod === 0
            ? zip.openReadStreamPromise(entry, { start })
            : undefined;
      yield* warcCaptures({ name: `${name}, ${entry.fileName}`, open }, state);
    }
  } finally {
    zip.close();
  }
}

/** Every HTTP response of a .warc, .warc.gz or .wacz file, or a `wget --mirror --adjust-extension` folder, streamed. */
export async function* readCaptures(source: string, options: ReadOptions = {}): AsyncGenerator<Capture> {
  let stats: Stats;
  try {
    stats = statSync(source);
  } catch {
    throw new ImportSourceError(`${displayPath(source)}: no such file or folder`);
  }
  const state: ReadState = {
    progress: { records: 0, bytes: 0, totalBytes: 0, unresolvedRevisits: 0 },
    options,
    maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
  };
  if (stats.isDirectory()) yield* mirrorCaptures(source, state);
  else if (/\.wacz$/i.test(source)) yield* waczCaptures(source, state);
  else if (/\.warc(\.gz)?$/i.test(source)) yield* warcFileCaptures(source, stats, state);
  else
    throw new ImportSourceError(
      `${displayPath(source)}: not a .warc, .warc.gz or .wacz file, nor a folder saved by wget --mirror`,
    );
}
