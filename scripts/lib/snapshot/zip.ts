/**
 * A small, reproducible zip writer and a reader for verifying, on Node's zlib (raw deflate).
 *
 * Reproducible: entries are sorted by name, every entry has the same fixed time (the snapshot's
 * date, midnight) and the same permissions, there are no extra fields (no "extended timestamp"),
 * and a file is stored when deflating would not make it smaller. So the same files give the same
 * zip, byte for byte, with the same zlib (Node bundles its own; its deflate output is stable for a
 * given zlib version and level).
 *
 * Format (APPNOTE.TXT 6.3.10, https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT): local
 * file headers with their data, then the central directory, then its end record. Names are UTF-8
 * (general purpose flag bit 11). No zip64: a zip of more than 65,535 files or 4 GiB is refused.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { byCodeUnits } from "../util/list-files.ts";

const localHeaderSignature = 0x04034b50;
const centralHeaderSignature = 0x02014b50;
const endSignature = 0x06054b50;
const utf8Names = 0x0800;
const stored = 0;
const deflated = 8;
/** Made by: Unix (3), spec version 2.0, so that the external attributes carry Unix permissions. */
const madeBy = (3 << 8) | 20;
const versionNeeded = 20;
/** A regular file, rw-r--r--, in the high 16 bits. */
const fileAttributes = (0o100644 << 16) >>> 0;
const limit = 0xffffffff;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309, as zip and gzip use it). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** "2023-11-14" → MS-DOS date and time (midnight); zip cannot store dates before 1980. */
export function dosDateTime(day: string): { date: number; time: number } {
  const [year = 1980, month = 1, date = 1] = day.split("-").map(Number);
  if (year < 1980 || year > 2107) throw new RangeError(`zip dates run from 1980 to 2107, not ${day}`);
  return { date: ((year - 1980) << 9) | (month << 5) | date, time: 0 };
}

export interface ZipInput {
  /** The entry's name in the zip, forward slashes: "iap-news-archive-2023/data/index.html". */
  name: string;
  /** Reads the file's bytes when the entry is written (one file in memory at a time). */
  read(): Uint8Array;
  /** Store it as it is, never deflated (a WACZ's WARC: its gzip members must stay where its index says). */
  stored?: boolean;
}

interface CentralEntry {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * Writes `entries`, sorted by name, to `zipPath` (through a temporary file renamed at the end, so
 * a failure leaves no half-written zip). Returns the zip's size.
 */
export function writeZip(zipPath: string, entries: readonly ZipInput[], day: string): number {
  if (entries.length > 0xffff) throw new RangeError(`${entries.length} files: a zip without zip64 holds at most 65,535`);
  const { date, time } = dosDateTime(day);
  const sorted = [...entries].sort((a, b) => byCodeUnits(a.name, b.name));
  const temporary = `${zipPath}.tmp-${process.pid}`;
  const fd = openSync(temporary, "w");
  let offset = 0;
  const write = (bytes: Uint8Array) => {
    writeSync(fd, bytes);
    offset += bytes.byteLength;
  };
  const central: CentralEntry[] = [];
  try {
    for (const entry of sorted) {
      const data = entry.read();
      const deflatedData = entry.stored ? data : deflateRawSync(data, { level: 9 });
      const method = deflatedData.byteLength < data.byteLength ? deflated : stored;
      const body = method === deflated ? deflatedData : data;
      const name = Buffer.from(entry.name, "utf8");
      const record: CentralEntry = { name, method, crc: crc32(data), compressedSize: body.byteLength, size: data.byteLength, offset };
      if (offset > limit || body.byteLength > limit || data.byteLength > limit) throw new RangeError(`${entry.name}: the zip would pass 4 GiB, which needs zip64`);
      const header = Buffer.alloc(30);
      header.writeUInt32LE(localHeaderSignature, 0);
      header.writeUInt16LE(versionNeeded, 4);
      header.writeUInt16LE(utf8Names, 6);
      header.writeUInt16LE(method, 8);
      header.writeUInt16LE(time, 10);
      header.writeUInt16LE(date, 12);
      header.writeUInt32LE(record.crc, 14);
      header.writeUInt32LE(record.compressedSize, 18);
      header.writeUInt32LE(record.size, 22);
      header.writeUInt16LE(name.byteLength, 26);
      header.writeUInt16LE(0, 28);
      write(header);
      write(name);
      write(body);
      central.push(record);
    }
    const directoryOffset = offset;
    for (const record of central) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(centralHeaderSignature, 0);
      header.writeUInt16LE(madeBy, 4);
      header.writeUInt16LE(versionNeeded, 6);
      header.writeUInt16LE(utf8Names, 8);
      header.writeUInt16LE(record.method, 10);
      header.writeUInt16LE(time, 12);
      header.writeUInt16LE(date, 14);
      header.writeUInt32LE(record.crc, 16);
      header.writeUInt32LE(record.compressedSize, 20);
      header.writeUInt32LE(record.size, 24);
      header.writeUInt16LE(record.name.byteLength, 28);
      // Extra field, comment, disk number and internal attributes: all 0 (Buffer.alloc zero-fills).
      header.writeUInt32LE(fileAttributes, 38);
      header.writeUInt32LE(record.offset, 42);
      write(header);
      write(record.name);
    }
    const directorySize = offset - directoryOffset;
    if (offset > limit) throw new RangeError("the zip would pass 4 GiB, which needs zip64");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(endSignature, 0);
    end.writeUInt16LE(central.length, 8);
    end.writeUInt16LE(central.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(directoryOffset, 16);
    write(end);
    closeSync(fd);
    renameSync(temporary, zipPath);
    return offset;
  } catch (error) {
    closeSync(fd);
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

/** The entries of a zip (directories left out), from its central directory. */
export function readZip(zipPath: string): ZipEntry[] {
  const zip = readFileSync(zipPath);
  // The end record is the last 22 bytes, unless the zip has a comment (up to 65,535 bytes) after it.
  let end = -1;
  for (let at = zip.byteLength - 22; at >= Math.max(0, zip.byteLength - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === endSignature) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError(`${zipPath} is not a zip file (no end of central directory)`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === limit) throw new ZipError(`${zipPath} is a zip64 file, which this reader does not read`);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > zip.byteLength || zip.readUInt32LE(at) !== centralHeaderSignature) throw new ZipError(`${zipPath}: its central directory is damaged`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.toString(flags & utf8Names ? "utf8" : "latin1", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    const body = () => {
      if (flags & 1) throw new ZipError(`${name} is encrypted`);
      if (zip.readUInt32LE(offset) !== localHeaderSignature) throw new ZipError(`${name}: its local header is damaged`);
      const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
      return zip.subarray(start, start + compressedSize);
    };
    entries.push({
      name,
      size,
      stored: method === stored,
      raw: () => {
        if (method !== stored) throw new ZipError(`${name} is compressed: only a stored entry can be read unchecked`);
        return Buffer.from(body());
      },
      read: () => {
        const compressed = body();
        let data: Buffer;
        if (method === stored) data = Buffer.from(compressed);
        else if (method === deflated) data = inflateRawSync(compressed);
        else throw new ZipError(`${name}: compression method ${method} is not supported (only stored and deflated)`);
        if (data.byteLength !== size || crc32(data) !== crc) throw new ZipError(`${name}: damaged (its CRC-32 or size differs from the zip's directory)`);
        return data;
      },
    });
  }
  return entries;
}
