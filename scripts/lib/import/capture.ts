/** One HTTP response of a crawl, as the import reads it from a WARC, a WACZ or a mirror folder. */
export interface Capture {
  /** The URL as crawled, absolute, exactly as the crawler recorded it (percent-encoding kept). */
  url: string;
  /** HTTP status; a mirror folder's files are 200. */
  status: number;
  /** Response headers, names lower-cased (content-type, content-language, location, ...). */
  headers: Record<string, string>;
  /** The body, with transfer and content encodings undone (dechunked, gunzipped); bytes, not yet decoded to text. */
  body: Uint8Array;
  /** Where it came from, for messages: "crawl.warc.gz, record 12 at byte 34567" or "mirror/www.x.org/News/A.html". */
  origin: string;
  /** When it was captured (WARC-Date, or the mirror file's mtime), ISO 8601. */
  capturedAt: string;
}

export interface ReadProgress {
  records: number;
  bytes: number;
  totalBytes: number;
}

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Larger bodies are refused with ImportSourceError naming the record (default 50 MB). */
  maxBodyBytes?: number;
  /** Only captures for which this returns true have their body read into memory (others are skipped cheaply). */
  wanted?: (url: string, status: number, headers: Record<string, string>) => boolean;
}

/** A source that cannot be read: the message is one line naming the file and record and the reason. */
export class ImportSourceError extends Error {}

/** Every HTTP response of a .warc, .warc.gz or .wacz file, or a `wget --mirror --adjust-extension` folder, streamed. */
export function readCaptures(source: string, options: ReadOptions = {}): AsyncIterable<Capture> {
  void source;
  void options;
  throw new Error("not implemented yet");
}
