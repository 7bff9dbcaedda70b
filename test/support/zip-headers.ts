/** A zip's headers as a streaming reader meets them, read byte by byte (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16), for tests. */

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
      local: { flags: zip.readUInt16LE(local + 6), crc32: zip.readUInt32LE(local + 14), compressedSize: zip.readUInt32LE(local + 18), size: zip.readUInt32LE(local + 22) },
      central: { flags: zip.readUInt16LE(at + 8), crc32: zip.readUInt32LE(at + 16), compressedSize: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24) },
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return headers;
}

/** General-purpose flag bit 3: the CRC-32 and sizes follow the data in a data descriptor, and the local header has zeros. */
export const dataDescriptorFlag = 0x0008;
