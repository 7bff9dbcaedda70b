/**
 * A snapshot's site as WARC records (ISO 28500, WARC 1.1), written and read with Webrecorder's
 * warcio: one gzip member per record, as web-archive tools expect, so that a CDX line's offset and
 * length name one record that can be read alone.
 *
 * Every published file is a `response` at the URL the live site serves it from (`/news/` for
 * `news/index.html`), with the HTTP headers a static host sends; an alias's redirect page is a 301
 * to its article. Everything is fixed by the snapshot's date: WARC-Date, the HTTP Date and the
 * record IDs (UUIDv5 of date and URL), so the same site gives the same bytes.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { v5 } from "uuid";
import { getSurt, WARCParser, WARCRecord, WARCSerializer, type WARCRecordOpts } from "warcio";
import type { Redirect } from "../model/archive.ts";
import { absoluteUrl } from "../model/urls.ts";
import { contentTypeOf as typeByName } from "../util/content-type.ts";
import { urlPathOf } from "../util/paths.ts";

const warcVersion = "WARC/1.1";

/**
 * A record's ID: RFC 9562's name-based UUID (version 5) in the URL namespace, so it follows from
 * what the record is.
 */
export function recordUuid(name: string): string {
  return v5(name, v5.URL);
}

/** What a host sends for a file of the build; a feed as Atom. */
export function contentTypeOf(file: string): string {
  if (/\.(atom|rss)\.xml$|(^|\/)feed\.xml$/.test(file)) return "application/atom+xml";
  return typeByName(file);
}

/**
 * Where the live site serves a file of the build: "news/index.html" → "https://…/news/",
 * "x/100% final.pdf" → "https://…/x/100%25%20final.pdf".
 */
export function liveUrlOf(file: string, siteRoot: string): string {
  return absoluteUrl(urlPathOf(file === "index.html" ? "" : file.replace(/(^|\/)index\.html$/, "$1")), siteRoot);
}

/** "2025-06-01T12:00:00Z" → "Sun, 01 Jun 2025 12:00:00 GMT" (HTTP's date). */
function httpDate(warcDate: string): string {
  return new Date(warcDate).toUTCString();
}

/** A record as it is in the WARC, with what a CDX line says of it. */
export interface WrittenRecord {
  bytes: Uint8Array;
  url: string;
  /** The HTTP status and Content-Type's media type (no parameters), as a CDX line gives them. */
  status: number;
  mime: string;
  /** The payload's sha256, hex. */
  digest: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The record as one gzip member. warcio writes the record (and its Content-Length); its digests
 * are set beforehand with Node's sha256 and the member is gzipped by Node's zlib, because warcio's
 * own hashing (WebAssembly, set up anew for every record) and gzip streams cost many times more per
 * record, which adds up to minutes over a whole archive.
 */
export async function serialise(record: WARCRecord, payload?: Uint8Array, gzipLevel = 9): Promise<Uint8Array> {
  if (payload) {
    const headers = Buffer.from(record.httpHeaders ? `${record.httpHeaders.toString()}\r\n` : "", "utf8");
    record.warcHeaders.headers.set("WARC-Payload-Digest", `sha256:${sha256(payload)}`);
    record.warcHeaders.headers.set("WARC-Block-Digest", `sha256:${sha256(Buffer.concat([headers, payload]))}`);
  }
  return gzipSync(await WARCSerializer.serialize(record, { digest: { algo: "sha-256", prefix: "sha256:" } }), {
    level: gzipLevel,
  });
}

/** The first record: what made the WARC and what it holds (WARC 1.1 §10.1's warcinfo fields). */
export async function warcinfoRecord(
  filename: string,
  warcDate: string,
  fields: Record<string, string>,
): Promise<Uint8Array> {
  const opts: WARCRecordOpts = {
    filename,
    date: warcDate,
    warcVersion,
    warcHeaders: { "WARC-Record-ID": `<urn:uuid:${recordUuid(`warcinfo ${warcDate} ${filename}`)}>` },
  };
  return serialise(await WARCRecord.createWARCInfo(opts, fields));
}

/** A published file as the live site answers for it: 200 with its bytes, or a redirect page's 301 to its article. */
export async function responseRecord(
  file: string,
  body: Uint8Array,
  warcDate: string,
  siteRoot: string,
  redirect?: Pick<Redirect, "from" | "to">,
): Promise<WrittenRecord> {
  const url = redirect ? absoluteUrl(redirect.from, siteRoot) : liveUrlOf(file, siteRoot);
  const contentType = contentTypeOf(file);
  const httpHeaders: [string, string][] = [
    ["Date", httpDate(warcDate)],
    ["Content-Type", contentType],
    ["Content-Length", String(body.byteLength)],
  ];
  if (redirect) httpHeaders.push(["Location", absoluteUrl(redirect.to, siteRoot)]);
  const record = WARCRecord.create(
    {
      url,
      date: warcDate,
      type: "response",
      warcVersion,
      statusline: redirect ? "HTTP/1.1 301 Moved Permanently" : "HTTP/1.1 200 OK",
      httpHeaders,
      warcHeaders: { "WARC-Record-ID": `<urn:uuid:${recordUuid(`${warcDate} ${url}`)}>` },
    },
    [body],
  );
  const bytes = await serialise(record, body);
  return {
    bytes,
    url: record.warcTargetURI ?? url,
    status: redirect ? 301 : 200,
    mime: contentType.split(";")[0] ?? contentType,
    digest: sha256(body),
  };
}

/** A CDXJ line (SURT key, 14-digit timestamp, JSON), the fields in the order warcio's indexer writes them. */
export function cdxjLine(record: WrittenRecord, warcDate: string, offset: number, filename: string): string {
  const timestamp = warcDate.replace(/[-:TZ]/g, "").slice(0, 14);
  const fields = {
    url: record.url,
    mime: record.mime,
    status: String(record.status),
    digest: record.digest,
    length: String(record.bytes.byteLength),
    offset: String(offset),
    filename,
  };
  return `${getSurt(record.url)} ${timestamp} ${JSON.stringify(fields)}`;
}

/** What one CDXJ line says: the record it points at and what that record must be. */
export interface CdxEntry {
  line: number;
  url: string;
  digest: string;
  offset: number;
  length: number;
  filename: string;
}

/** A CDXJ file's entries; a line that is not "key timestamp {json}" with those fields is an error. */
export function parseCdxj(text: string): { entries: CdxEntry[]; problems: string[] } {
  const entries: CdxEntry[] = [];
  const problems: string[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const json = /^\S+ \d{14} (\{.*\})$/.exec(line)?.[1];
    let fields: Record<string, unknown> | undefined;
    try {
      fields = json ? (JSON.parse(json) as Record<string, unknown>) : undefined;
    } catch {
      fields = undefined;
    }
    const { url, digest, offset, length, filename } = fields ?? {};
    if (
      typeof url !== "string" ||
      typeof digest !== "string" ||
      typeof filename !== "string" ||
      !/^\d+$/.test(String(offset)) ||
      !/^\d+$/.test(String(length))
    ) {
      problems.push(`line ${index + 1}: not a CDXJ line with url, digest, offset, length and filename`);
      return;
    }
    entries.push({ line: index + 1, url, digest, offset: Number(offset), length: Number(length), filename });
  });
  return { entries, problems };
}

/** A record read back from a WARC: where it is, what it says it is, and whether its digests hold. */
export interface ReadRecord {
  offset: number;
  length: number;
  type: string;
  url: string;
  /** WARC-Payload-Digest as written, without its "sha256:". */
  digest: string;
  /** What is wrong with it, or undefined when its gzip member, block and payload digests are sound. */
  problem?: string;
}

/**
 * Checks one record, a gzip member on its own: it must inflate (gzip's CRC-32 catches a changed
 * byte), and its block and payload must have the sha256 digests its headers state. A sound HTML
 * response gives its page too, so that its links can be checked.
 */
export async function checkRecord(
  member: Uint8Array,
): Promise<{ problem?: string; type?: string; url?: string; digest?: string; html?: string }> {
  let inflated: Buffer;
  try {
    inflated = gunzipSync(member);
  } catch (error) {
    return { problem: `its gzip member is damaged (${error instanceof Error ? error.message : String(error)})` };
  }
  const record = await new WARCParser([inflated], { parseHttp: false }).parse();
  if (!record) return { problem: "it is not a WARC record" };
  const block = await record.readFully(false);
  const headers = record.warcHeaders.headers;
  const type = record.warcType ?? "";
  const url = record.warcTargetURI ?? "";
  const blockDigest = headers.get("WARC-Block-Digest") ?? "";
  const payloadDigest = headers.get("WARC-Payload-Digest") ?? "";
  const digest = payloadDigest.replace(/^sha256:/, "");
  if (blockDigest && blockDigest !== `sha256:${sha256(block)}`)
    return { type, url, digest, problem: "its block differs from its WARC-Block-Digest" };
  if (type === "response") {
    // The payload is what follows the HTTP headers (WARC 1.1 §6.3.2).
    const end = Buffer.from(block).indexOf("\r\n\r\n");
    if (end < 0) return { type, url, digest, problem: "its HTTP headers do not end" };
    if (!payloadDigest.startsWith("sha256:"))
      return { type, url, digest, problem: "it has no sha256 WARC-Payload-Digest" };
    const payload = block.subarray(end + 4);
    if (sha256(payload) !== digest)
      return { type, url, digest, problem: "its payload differs from its WARC-Payload-Digest" };
    if (/^content-type:[ \t]*text\/html\b/im.test(Buffer.from(block.subarray(0, end)).toString("latin1")))
      return { type, url, digest, html: Buffer.from(payload).toString("utf8") };
  }
  return { type, url, digest };
}

/**
 * Every record of a gzipped WARC, in order. warcio's parser finds where each record's gzip member
 * starts and ends; each member is then checked on its own. warcio reads a damaged member as if it
 * were not compressed, so after one the records' bounds are lost: an index's offsets find them better.
 */
export async function readWarcRecords(warc: Uint8Array): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  const parser = new WARCParser([warc], { parseHttp: false });
  let offset = 0;
  try {
    for await (const record of parser) {
      await record.skipFully();
      offset = parser.offset;
      const length = parser.recordLength;
      const checked = await checkRecord(warc.subarray(offset, offset + length));
      records.push({
        offset,
        length,
        type: checked.type ?? "",
        url: checked.url ?? "",
        digest: checked.digest ?? "",
        ...(checked.problem ? { problem: checked.problem } : {}),
      });
      if (checked.problem) return records;
      offset += length;
    }
  } catch (error) {
    records.push({
      offset,
      length: 0,
      type: "",
      url: "",
      digest: "",
      problem: `it cannot be read (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  return records;
}
