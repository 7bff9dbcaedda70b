/** What the crawl's readers (warc-reader.ts, mirror-reader.ts) give and share; capture.ts picks the reader. */
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
  /**
   * Why the body is given as recorded rather than decoded (a Content-Encoding that does not
   * decode), for the report.
   */
  problem?: string;
}

export interface ReadProgress {
  /** WARC records (of every type) or mirror files read so far. */
  records: number;
  bytes: number;
  totalBytes: number;
  /**
   * Revisit records whose original response the source does not hold (or cannot be read again from
   * the middle): skipped.
   */
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

/** How far the reading is: shared by the WARCs of a WACZ. */
export interface ReadState {
  progress: ReadProgress;
  options: ReadOptions;
  maxBodyBytes: number;
}
