/** A zip's headers read byte by byte, and a zip bomb written byte by byte (APPNOTE.TXT 4.3, 4.5.3), for tests. */
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface ZipHeaders {
  name: string;
  /** Compression method: 0 stored, 8 deflated. */
  method: number;
  /** General-purpose flags, CRC-32 and sizes: in the local header, and in the central directory. */
  local: { flags: number; crc32: number; compressedSize: number; size: number };
  central: { flags: number; crc32: number; compressedSize: number; size: number };
}

/** Every entry of a zip without zip64 fields: its central directory record and the local header it points at. */
export function zipHeaders(zip: Buffer): ZipHeaders[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("no end of central directory record");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const headers: ZipHeaders[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central directory record at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`no local header at ${local} for ${name}`);
    headers.push({
      name,
      method: zip.readUInt16LE(at + 10),
      local: {
        flags: zip.readUInt16LE(local + 6),
        crc32: zip.readUInt32LE(local + 14),
        compressedSize: zip.readUInt32LE(local + 18),
        size: zip.readUInt32LE(local + 22),
      },
      central: {
        flags: zip.readUInt16LE(at + 8),
        crc32: zip.readUInt32LE(at + 16),
        compressedSize: zip.readUInt32LE(at + 20),
        size: zip.readUInt32LE(at + 24),
      },
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return headers;
}

/** General-purpose flag bit 3: the CRC-32 and sizes follow the data in a data descriptor; the local header has 0s. */
export const dataDescriptorFlag = 0x0008;

/**
 * A zip bomb: one deflated entry of `size` zeros (4 GiB by default, zip64 sizes), a few MB on disk.
 * zlib's deflate of 1 MiB of zeros, flushed to a byte boundary and not final, is repeated, then an
 * empty final block ends the stream: no GiB is ever compressed. `declared` lies about the size when given.
 */
export function zipBomb(
  name: string,
  { size = 4 * 1024 ** 3, declared = size }: { size?: number; declared?: number } = {},
): Buffer {
  const mebibyte = Buffer.alloc(1024 * 1024);
  if (size % mebibyte.byteLength !== 0) throw new RangeError("size must be whole MiB");
  const chunk = deflateRawSync(mebibyte, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([
    ...Array.from({ length: size / mebibyte.byteLength }, () => chunk),
    Buffer.from([0x03, 0x00]),
  ]);
  let crc = 0;
  for (let done = 0; done < size; done += mebibyte.byteLength) crc = crc32(mebibyte, crc);
  const fileName = Buffer.from(name, "utf8");
  // Zip64 extended information (APPNOTE 4.5.3): the sizes, where the headers say 0xFFFFFFFF.
  const zip64 = Buffer.alloc(20);
  zip64.writeUInt16LE(0x0001, 0);
  zip64.writeUInt16LE(16, 2);
  zip64.writeBigUInt64LE(BigInt(declared), 4);
  zip64.writeBigUInt64LE(BigInt(data.byteLength), 12);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(0xffffffff, 18);
  local.writeUInt32LE(0xffffffff, 22);
  local.writeUInt16LE(fileName.byteLength, 26);
  local.writeUInt16LE(zip64.byteLength, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE((3 << 8) | 45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(fileName.byteLength, 28);
  central.writeUInt16LE(zip64.byteLength, 30);
  central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
  const centralOffset = local.byteLength + fileName.byteLength + zip64.byteLength + data.byteLength;
  const centralSize = central.byteLength + fileName.byteLength + zip64.byteLength;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, zip64, data, central, fileName, zip64, end]);
}
