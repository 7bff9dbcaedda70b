/**
 * A recorded HTTP body made into the bytes the page was: chunked transfer undone, then each
 * Content-Encoding (gzip, deflate, br) undone in reverse order of application.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import { AsyncIterReader } from "warcio";

/** Headers that describe how the body was sent, not the body: left out of a capture, whose body is decoded. */
export const transferHeaders = ["content-encoding", "transfer-encoding", "content-length"] as const;

export interface DecodedBody {
  body: Uint8Array;
  /** Why the body is given as recorded, undecoded. */
  problem?: string;
}

/**
 * Thrown when the decoded body would pass the limit; zlib stops at `maxOutputLength`, so a gzip
 * bomb never fills memory.
 */
export class BodyTooLarge extends Error {}

function decodeOnce(body: Uint8Array, encoding: string, maxBytes: number): Uint8Array {
  const options = { maxOutputLength: maxBytes };
  if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(body, options);
  if (encoding === "br") return brotliDecompressSync(body, options);
  // "deflate" means zlib-wrapped deflate, but some servers send it raw.
  try {
    return inflateSync(body, options);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    return inflateRawSync(body, options);
  }
}

/**
 * Undoes `Transfer-Encoding: chunked` (warcio's lenient dechunker: a body that is not really chunked
 * stays as it is) and the Content-Encoding. A body that does not decode is kept as recorded, with
 * the reason: some crawlers record the decoded body under the original Content-Encoding header.
 */
export async function decodeHttpBody(
  raw: Uint8Array,
  headers: Readonly<Record<string, string>>,
  maxBytes: number,
): Promise<DecodedBody> {
  let body = raw;
  if (/(^|,)\s*chunked\s*$/i.test(headers["transfer-encoding"] ?? ""))
    body = await new AsyncIterReader([raw], null, true).readFully();
  const encodings = (headers["content-encoding"] ?? "")
    .split(",")
    .map((encoding) => encoding.trim().toLowerCase())
    .filter((encoding) => encoding !== "" && encoding !== "identity");
  for (const encoding of encodings.reverse()) {
    if (!["gzip", "x-gzip", "deflate", "br"].includes(encoding))
      return {
        body,
        problem:
          `its Content-Encoding "${encoding}" is not one the import reads (gzip, deflate, br): ` +
          "its body is kept as recorded",
      };
    try {
      body = decodeOnce(body, encoding, maxBytes);
    } catch (error) {
      if (error instanceof RangeError) throw new BodyTooLarge();
      return {
        body,
        problem:
          `its body is not valid ${encoding} (Content-Encoding: ${headers["content-encoding"]}): ` + "kept as recorded",
      };
    }
  }
  return { body };
}
