/**
 * What the import reads from a crawl of the old site: its HTTP responses, one at a time, from a
 * WARC (warc-reader.ts), a WACZ's WARCs, or a folder saved by wget --mirror (mirror-reader.ts).
 */
import { createReadStream, statSync, type Stats } from "node:fs";
import yauzl from "yauzl";
import { displayPath } from "../util/paths.ts";
import { mirrorCaptures } from "./mirror-reader.ts";
import { ImportSourceError } from "./source-error.ts";
import { warcCaptures, type ReadState } from "./warc-reader.ts";

export { ImportSourceError };

/** One HTTP response of a crawl, as the import reads it from a WARC, a WACZ or a mirror folder. */
export interface Capture {
  /** The URL as crawled, absolute, exactly as the crawler recorded it (percent-encoding kept). */
  url: string;
  /** HTTP status; a mirror folder's files are 200. */
  status: number;
  /**
   * Response headers, names lower-cased (content-type, content-language, location, ...). Those that
   * describe how the body was sent (content-encoding, transfer-encoding, content-length) are left
   * out, since the body is given decoded. A mirror's files have only a content-type, from the name.
   */
  headers: Record<string, string>;
  /** The body, with transfer and content encodings undone (dechunked, gunzipped); bytes, not yet decoded to text. */
  body: Uint8Array;
  /** Where it came from, for messages: "crawl.warc.gz, record 12 at byte 34567" or "mirror/www.x.org/News/A.html". */
  origin: string;
  /** When it was captured (WARC-Date, or the mirror file's mtime), ISO 8601. */
  capturedAt: string;
  /** Why the body is given as recorded rather than decoded (a Content-Encoding that does not decode), for the report. */
  problem?: string;
}

export interface ReadProgress {
  /** WARC records (of every type) or mirror files read so far. */
  records: number;
  bytes: number;
  totalBytes: number;
  /** Revisit records whose original response the source does not hold (or cannot be read again from the middle): skipped. */
  unresolvedRevisits: number;
}

export interface ReadOptions {
  /** Called after every record (and once at the start, with totalBytes). */
  onProgress?: (progress: ReadProgress) => void;
  /** Larger bodies are refused with ImportSourceError naming the record (default 50 MB). */
  maxBodyBytes?: number;
  /**
   * Only captures for which this returns true have their body read into memory (others are skipped
   * cheaply, and not given). A mirror's pages are read before it is asked, for their charset.
   */
  wanted?: (url: string, status: number, headers: Record<string, string>) => boolean;
}

export const defaultMaxBodyBytes = 50_000_000;

async function* warcFileCaptures(file: string, stats: Stats, state: ReadState): AsyncGenerator<Capture> {
  state.progress.totalBytes = stats.size;
  state.options.onProgress?.({ ...state.progress });
  yield* warcCaptures({ name: displayPath(file), open: async (start) => createReadStream(file, { start }) }, state);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The WARCs of a WACZ (archive/*.warc, archive/*.warc.gz), read one after the other from the zip, unzipped as they are read. */
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
          zip.once("entry", resolve).once("end", () => resolve(undefined)).once("error", reject);
          zip.readEntry();
        });
        zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
        if (!entry) break;
        entries.push(entry);
      }
    } catch (error) {
      throw new ImportSourceError(`${name}: its zip directory is damaged (${messageOf(error)})`);
    }
    const warcs = entries.filter((entry) => /^archive\/[^/]+\.warc(\.gz)?$/i.test(entry.fileName)).sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
    if (warcs.length === 0) throw new ImportSourceError(`${name}: holds no WARC in archive/, so it is not a WACZ`);
    state.progress.totalBytes = warcs.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    state.options.onProgress?.({ ...state.progress });
    for (const entry of warcs) {
      // Only a stored entry can be read from the middle, for a revisit's original.
      const open = async (start: number) => (start === 0 ? zip.openReadStreamPromise(entry) : entry.compressionMethod === 0 ? zip.openReadStreamPromise(entry, { start }) : undefined);
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
  const state: ReadState = { progress: { records: 0, bytes: 0, totalBytes: 0, unresolvedRevisits: 0 }, options, maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes };
  if (stats.isDirectory()) yield* mirrorCaptures(source, state);
  else if (/\.wacz$/i.test(source)) yield* waczCaptures(source, state);
  else if (/\.warc(\.gz)?$/i.test(source)) yield* warcFileCaptures(source, stats, state);
  else throw new ImportSourceError(`${displayPath(source)}: not a .warc, .warc.gz or .wacz file, nor a folder saved by wget --mirror`);
}
