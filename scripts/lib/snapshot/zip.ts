/**
 * Reproducible zips, written with yazl and read back with yauzl (both zip64, UTF-8 names).
 *
 * Reproducible: entries are sorted by name, every entry has the same fixed time (the snapshot's
 * date, midnight, as an MS-DOS time without yazl's "extended timestamp" field) and the same
 * permissions. So the same files give the same zip, byte for byte, with the same zlib (Node
 * bundles its own; its deflate output is stable for a given zlib version and level).
 */
import { createWriteStream, renameSync, rmSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32 } from "node:zlib";
import yauzl from "yauzl";
import yazl from "yazl";
import { formatBytes } from "../util/format.ts";
import { byCodeUnits } from "../util/list-files.ts";

/** Compression method 0: the bytes as they are. */
const storedMethod = 0;
/** A regular file, rw-r--r--. */
const fileMode = 0o100644;
/** yazl's limit for addBuffer, which keeps a local header free of zip64 fields. */
export const maxStoredBytes = 0x3fffffff;

/** "2023-11-14" → midnight of that day in local time, the time zone MS-DOS times are read in. */
export function zipTime(day: string): Date {
  const [year = 1980, month = 1, date = 1] = day.split("-").map(Number);
  if (year < 1980 || year > 2107) throw new RangeError(`zip dates run from 1980 to 2107, not ${day}`);
  return new Date(year, month - 1, date);
}

export interface ZipInput {
  /** The entry's name in the zip, forward slashes: "iap-news-archive-2023/data/index.html". */
  name: string;
  /** The entry's size in bytes, known beforehand so that yazl picks zip64 where it is needed. */
  size: number;
  /** Reads the file's bytes when the entry is written (one file in memory at a time). */
  read(): Uint8Array;
  /**
   * Store it as it is, never deflated (a WACZ's WARC: its gzip members must stay where its index
   * says), read when added, at most `maxStoredBytes`.
   */
  stored?: boolean;
}

/**
 * Writes `entries`, sorted by name, to `zipPath` (through a temporary file renamed at the end, so
 * a failure leaves no half-written zip). Returns the zip's size.
 */
export async function writeZip(zipPath: string, entries: readonly ZipInput[], day: string): Promise<number> {
  const mtime = zipTime(day);
  const zip = new yazl.ZipFile();
  for (const entry of [...entries].sort((a, b) => byCodeUnits(a.name, b.name))) {
    const options = { mtime, mode: fileMode, forceDosTimestamp: true };
    if (entry.stored) {
      // addBuffer knows the CRC-32 and sizes before the bytes and writes them in the local header,
      // with no data descriptor: streaming readers (Java's ZipInputStream) refuse a stored entry with one.
      if (entry.size > maxStoredBytes)
        throw new RangeError(
          `${entry.name} is ${entry.size} bytes, ` +
            `over the ${maxStoredBytes} an entry stored with its sizes in its local header may have`,
        );
      const bytes = entry.read();
      zip.addBuffer(
        Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        entry.name,
        { ...options, compress: false },
      );
    } else {
      zip.addReadStreamLazy(entry.name, { ...options, compressionLevel: 9, size: entry.size }, (done) =>
        done(null, Readable.from([Buffer.from(entry.read())])),
      );
    }
  }
  const temporary = `${zipPath}.tmp-${process.pid}`;
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(temporary));
    renameSync(temporary, zipPath);
    return statSync(zipPath).size;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export interface ZipEntry {
  name: string;
  size: number;
  /** Kept as it is, not deflated. */
  stored: boolean;
  /** The entry's bytes, inflated and checked against its CRC-32 (throws when they differ). */
  read(): Buffer;
  /** A stored entry's bytes without the CRC-32 check, so that a checker can name what in them changed. */
  raw(): Buffer;
}

/** Thrown for a file that is not a zip this reader can read. */
export class ZipError extends Error {
  override name = "ZipError";
}

/** An entry's bytes, inflated, or why they cannot be read. */
async function entryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer | Error> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return error;
  }
}

/**
 * A zip may inflate to at most this many times its own size, or to `inflationFloor` for a small
 * zip: deflate packs real files 2 to 20 to 1, zeros 1,000 to 1.
 */
export const maxInflationRatio = 100;
export const inflationFloor = 64 * 1024 * 1024;

/**
 * Refuses a zip whose entries declare more than it may inflate to, before anything is inflated;
 * yauzl (validateEntrySizes) stops an entry that inflates past its declared size.
 */
function checkInflation(zipPath: string, zipBytes: number, entries: readonly yauzl.Entry[]): void {
  const allowed = Math.max(zipBytes * maxInflationRatio, inflationFloor);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total <= allowed) continue;
    const what =
      entry.uncompressedSize > allowed
        ? `entry ${JSON.stringify(entry.fileName)} would inflate`
        : `its entries up to ${JSON.stringify(entry.fileName)} would inflate`;
    const limit =
      allowed === inflationFloor
        ? `the ${formatBytes(allowed)} any zip may hold`
        : `the ${formatBytes(allowed)} a zip of ${formatBytes(zipBytes)} ` +
          `may hold (${maxInflationRatio} times its size)`;
    throw new ZipError(
      `${zipPath}: ${what} to ${formatBytes(total)}, over ${limit}: refused as a likely zip bomb, nothing inflated`,
    );
  }
}

/**
 * The entries of a zip (directories left out), read whole into memory: yauzl reads only
 * asynchronously, and the checks that use them read every entry anyway. The central directory is
 * read first, so that a zip bomb is refused before anything is inflated (checkInflation).
 */
export async function readZip(zipPath: string): Promise<ZipEntry[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: true,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw new ZipError(`${zipPath} is not a zip file (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const listed: yauzl.Entry[] = [];
    for (;;) {
      const entry = await nextEntry(zip, zipPath);
      if (!entry) break;
      if (!entry.fileName.endsWith("/")) listed.push(entry);
    }
    checkInflation(zipPath, zip.fileSize, listed);
    const entries: ZipEntry[] = [];
    for (const entry of listed) entries.push(await zipEntry(zip, entry));
    return entries;
  } finally {
    zip.close();
  }
}

async function zipEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<ZipEntry> {
  const name = entry.fileName;
  const stored = entry.compressionMethod === storedMethod;
  const damaged = () => new ZipError(`${name}: damaged (its CRC-32 or size differs from the zip's directory)`);
  let problem: ZipError | undefined;
  let bytes: Buffer = Buffer.alloc(0);
  if (entry.isEncrypted()) problem = new ZipError(`${name} is encrypted`);
  else if (!stored && entry.compressionMethod !== 8)
    problem = new ZipError(
      `${name}: compression method ${entry.compressionMethod} is not supported (only stored and deflated)`,
    );
  else {
    const read = await entryBytes(zip, entry);
    if (read instanceof Error && /^too many bytes/.test(read.message))
      problem = new ZipError(
        `${name}: damaged (it inflates to more than the ${entry.uncompressedSize} bytes the zip's directory declares)`,
      );
    else if (read instanceof Error) problem = damaged();
    else {
      bytes = read;
      if (crc32(bytes) !== entry.crc32) problem = damaged();
    }
  }
  return {
    name,
    size: entry.uncompressedSize,
    stored,
    read: () => {
      if (problem) throw problem;
      return Buffer.from(bytes);
    },
    raw: () => {
      if (!stored) throw new ZipError(`${name} is compressed: only a stored entry can be read unchecked`);
      return Buffer.from(bytes);
    },
  };
}

/** The next entry of the central directory, or undefined at its end. */
async function nextEntry(zip: yauzl.ZipFile, zipPath: string): Promise<yauzl.Entry | undefined> {
  const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
    zip
      .once("entry", resolve)
      .once("end", () => resolve(undefined))
      .once("error", reject);
    zip.readEntry();
  }).catch((error: unknown) => {
    throw new ZipError(
      `${zipPath}: its central directory is damaged (${error instanceof Error ? error.message : String(error)})`,
    );
  });
  zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
  return entry;
}

/**
 * One small entry of a zip, read without reading the others (a look at a big zip, to tell what
 * made it); undefined when it has no such entry, or it is larger than `maxBytes`. Throws ZipError
 * when the file is not a zip.
 */
export async function readZipEntry(zipPath: string, name: string, maxBytes = 64 * 1024): Promise<Buffer | undefined> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true });
  } catch (error) {
    throw new ZipError(`${zipPath} is not a zip file (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    for (;;) {
      const entry = await nextEntry(zip, zipPath);
      if (!entry) return undefined;
      if (entry.fileName !== name) continue;
      if (entry.uncompressedSize > maxBytes) return undefined;
      const bytes = await entryBytes(zip, entry);
      return bytes instanceof Error || crc32(bytes) !== entry.crc32 ? undefined : bytes;
    }
  } finally {
    zip.close();
  }
}
