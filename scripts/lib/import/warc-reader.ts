/**
 * The HTTP responses of a WARC (ISO 28500), plain or gzipped, read as a stream with Webrecorder's
 * warcio: one record in memory at a time, and only the bodies the caller wants. A revisit record
 * (a payload the crawler had seen before, as browsertrix-crawler writes for a duplicate page) is
 * given the body of the response it refers to, read again from that response's offset.
 */
import type { Readable } from "node:stream";
import { inflateRawSync, constants as zlib } from "node:zlib";
import { LimitReader, WARCParser, type WARCRecord } from "warcio";
import type { Capture, ReadState } from "./capture-types.ts";
import { BodyTooLarge, decodeHttpBody, transferHeaders } from "./http-body.ts";
import { ImportSourceError } from "./source-error.ts";

export interface WarcInput {
  /** For messages: "crawl.warc.gz", or "crawl.wacz, archive/data.warc.gz". */
  name: string;
  /**
   * The WARC's bytes from `start` on; undefined when it cannot be read from the middle (a WARC
   * deflated inside a zip).
   */
  open(start: number): Promise<Readable | undefined>;
}

const revisitProfile = /\/revisit\/identical-payload-digest$/;

/** Counts the bytes as they are read, for the progress bar. */
async function* counted(source: AsyncIterable<Uint8Array>, state: ReadState): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    state.progress.bytes += chunk.byteLength;
    yield chunk;
  }
}

/**
 * Where a gzip member's deflate data starts: after its 10-byte header and the optional fields its
 * flags announce (RFC 1952 §2.3).
 */
function gzipHeaderLength(bytes: Uint8Array): number {
  const flags = bytes[3] ?? 0;
  let at = 10;
  if (flags & 4) at += 2 + ((bytes[10] ?? 0) | ((bytes[11] ?? 0) << 8));
  for (const flag of [8, 16]) if (flags & flag) at = Buffer.from(bytes).indexOf(0, at) + 1 || bytes.length;
  if (flags & 2) at += 2;
  return at;
}

/**
 * Refuses a file that is not a WARC before warcio reads it: warcio would read a file without a
 * "WARC/" line as one long header block, into memory. A gzip member's first bytes are inflated to look.
 */
async function* startingAsWarc(
  source: AsyncIterable<Uint8Array>,
  name: string,
  seen: { gzipped: boolean },
): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < 512 && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      head.push(next.value);
      size += next.value.byteLength;
    }
  }
  const first = Buffer.concat(head);
  if (first.byteLength === 0) throw new ImportSourceError(`${name}: not a WARC file (it is empty)`);
  let start: Buffer = first;
  if (first[0] === 0x1f && first[1] === 0x8b) {
    seen.gzipped = true;
    try {
      // Only the first member is inflated: raw inflate stops at the end of its deflate data.
      start = inflateRawSync(first.subarray(gzipHeaderLength(first)), { finishFlush: zlib.Z_SYNC_FLUSH });
    } catch {
      throw new ImportSourceError(`${name}: not a WARC file (it is gzipped, but its first record does not inflate)`);
    }
  }
  if (start.subarray(0, 5).toString("latin1") !== "WARC/")
    throw new ImportSourceError(`${name}: not a WARC file (it does not start with "WARC/")`);
  yield first;
  if (!done) yield* { [Symbol.asyncIterator]: () => iterator };
}

/** The record's WARC-Target-URI; wget wrote some inside angle brackets. */
function targetUri(record: WARCRecord): string {
  return (record.warcTargetURI ?? "").replace(/^<(.*)>$/, "$1");
}

function headersOf(record: WARCRecord): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of record.httpHeaders?.headers ?? []) headers[name.toLowerCase()] = value;
  return headers;
}

function withoutTransferHeaders(headers: Record<string, string>): Record<string, string> {
  const kept = { ...headers };
  for (const name of transferHeaders) delete kept[name];
  return kept;
}

/**
 * Reads the rest of a record's block (kept when `keep`), and refuses a record the file ends inside:
 * warcio would otherwise give its first bytes as if they were all of it.
 */
async function readBlock(record: WARCRecord, where: string, keep: boolean): Promise<Uint8Array> {
  const reader = record.reader;
  const expected = reader instanceof LimitReader ? reader.limit : undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of reader) {
    size += chunk.byteLength;
    if (keep) chunks.push(chunk);
  }
  if (expected !== undefined && size < expected)
    throw new ImportSourceError(
      `${where}: the WARC ends inside this record ` +
        `(${size.toLocaleString("en")} of its ${expected.toLocaleString("en")} bytes are there): ` +
        "the file was cut short",
    );
  return keep ? Buffer.concat(chunks, size) : new Uint8Array(0);
}

function statusOf(record: WARCRecord, where: string): number {
  const status = Number(record.httpHeaders?.statusCode);
  if (!Number.isInteger(status))
    throw new ImportSourceError(
      `${where}: its HTTP status line "${record.httpHeaders?.statusline ?? ""}" has no status code`,
    );
  return status;
}

/** The body of a response wanted by the caller: within the limit, then decoded. */
async function readBody(
  record: WARCRecord,
  headers: Record<string, string>,
  where: string,
  state: ReadState,
): Promise<{ body: Uint8Array; problem?: string }> {
  const recorded = record.reader instanceof LimitReader ? record.reader.limit : 0;
  const limit = state.maxBodyBytes;
  const tooLarge = (size: string) =>
    new ImportSourceError(`${where}: its body is ${size}, more than the ${limit.toLocaleString("en")} bytes allowed`);
  // A chunked body is a little larger than the body itself; a content-encoded one is checked once decoded.
  if (recorded > limit && !headers["content-encoding"] && !headers["transfer-encoding"])
    throw tooLarge(`${recorded.toLocaleString("en")} bytes`);
  const raw = await readBlock(record, where, true);
  try {
    const decoded = await decodeHttpBody(raw, headers, limit);
    if (decoded.body.byteLength > limit) throw tooLarge(`${decoded.body.byteLength.toLocaleString("en")} bytes`);
    return decoded;
  } catch (error) {
    if (error instanceof BodyTooLarge) throw tooLarge("larger once decoded");
    throw error;
  }
}

/** The response a revisit record refers to, parsed again from its offset; undefined when it cannot be found there. */
async function originalOf(
  input: WarcInput,
  offset: number,
  recordId: string,
): Promise<{ record: WARCRecord; stream: Readable } | undefined> {
  const stream = await input.open(offset);
  if (!stream) return undefined;
  const record = await new WARCParser(stream).parse();
  if (record?.warcHeader("WARC-Record-ID") === recordId) return { record, stream };
  stream.destroy();
  return undefined;
}

/** Responses by payload digest, for the revisits that refer to them. */
type SeenResponses = Map<string, { offset: number; recordId: string }>;

/** What one record gives: a capture, or nothing (a request, a warcinfo, a body the caller does not want). */
async function captureOf(
  record: WARCRecord,
  offset: number,
  where: string,
  input: WarcInput,
  seen: SeenResponses,
  state: ReadState,
): Promise<Capture | undefined> {
  const { options } = state;
  const url = targetUri(record);
  if (!/^https?:\/\//i.test(url)) return undefined;
  if (record.warcType === "response" && record.httpHeaders) {
    const headers = headersOf(record);
    const status = statusOf(record, where);
    const digest = record.warcPayloadDigest;
    if (digest) seen.set(digest, { offset, recordId: record.warcHeader("WARC-Record-ID") ?? "" });
    if (options.wanted && !options.wanted(url, status, withoutTransferHeaders(headers))) return undefined;
    const { body, problem } = await readBody(record, headers, where, state);
    return {
      url,
      status,
      headers: withoutTransferHeaders(headers),
      body,
      origin: where,
      capturedAt: record.warcDate ?? "",
      ...(problem ? { problem } : {}),
    };
  }
  if (record.warcType !== "revisit") return undefined;
  await readBlock(record, where, false);
  const known = revisitProfile.test(record.warcHeader("WARC-Profile") ?? "")
    ? seen.get(record.warcPayloadDigest ?? "")
    : undefined;
  const original = known && (await originalOf(input, known.offset, known.recordId));
  if (!original) {
    state.progress.unresolvedRevisits++;
    return undefined;
  }
  try {
    // The revisit's own headers, but the original's say how its body was sent.
    const originalHeaders = headersOf(original.record);
    const headers = { ...withoutTransferHeaders(originalHeaders), ...withoutTransferHeaders(headersOf(record)) };
    const status = statusOf(record.httpHeaders ? record : original.record, where);
    if (options.wanted && !options.wanted(url, status, headers)) return undefined;
    const { body, problem } = await readBody(
      original.record,
      originalHeaders,
      `${where}, a revisit of the record at byte ${known.offset}`,
      state,
    );
    return {
      url,
      status,
      headers,
      body,
      origin: where,
      capturedAt: record.warcDate ?? "",
      ...(problem ? { problem } : {}),
    };
  } finally {
    original.stream.destroy();
  }
}

function readFailure(error: unknown, where: string): ImportSourceError {
  if (error instanceof ImportSourceError) return error;
  return new ImportSourceError(`${where}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
}

/**
 * Every response of one WARC, each given as a capture (revisits resolved where they can be); other
 * records are read past.
 */
export async function* warcCaptures(input: WarcInput, state: ReadState): AsyncGenerator<Capture> {
  const stream = await input.open(0);
  if (!stream) throw new ImportSourceError(`${input.name}: cannot be read`);
  const start = { gzipped: false };
  const parser = new WARCParser(counted(startingAsWarc(stream, input.name, start), state));
  const seen: SeenResponses = new Map();
  let number = 0;
  try {
    for (;;) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (error) {
        throw readFailure(error, `${input.name}, record ${number + 1} at byte ${parser.offset}`);
      }
      if (!record) break;
      number++;
      const offset = parser.offset;
      const url = targetUri(record);
      const where = `${input.name}, record ${number} at byte ${offset}${url ? ` (${url})` : ""}`;
      if (!/^WARC\/\d/.test(record.warcHeaders.statusline))
        throw new ImportSourceError(
          `${where}: not a WARC record (it does not start with "WARC/"): the file is damaged here`,
        );
      if (!/^\d+$/.test(record.warcHeaders.headers.get("Content-Length") ?? ""))
        throw new ImportSourceError(
          `${where}: its WARC headers have no Content-Length: the file was cut short or is damaged here`,
        );
      let capture: Capture | undefined;
      try {
        capture = await captureOf(record, offset, where, input, seen, state);
        if (!capture) await readBlock(record, where, false);
      } catch (error) {
        throw readFailure(error, where);
      }
      state.progress.records++;
      state.options.onProgress?.({ ...state.progress });
      if (capture) yield capture;
    }
    // warcio stops without a word at a gzip member it cannot inflate, and gives nothing of one cut short.
    const reader = parser._reader;
    if (start.gzipped && !reader.compressed)
      throw new ImportSourceError(
        `${input.name}, record ${number + 1} at byte ${parser.offset}: ` +
          "its gzip data is damaged, so the records from here on cannot be read",
      );
    if (reader.compressed && reader.inflator && !reader.inflator.ended)
      throw new ImportSourceError(
        `${input.name}, record ${number + 1} at byte ${parser.offset}: ` +
          "the WARC ends inside this record: the file was cut short",
      );
  } finally {
    stream.destroy();
  }
  if (number === 0) throw new ImportSourceError(`${input.name}: not a WARC file (it holds no records)`);
}
