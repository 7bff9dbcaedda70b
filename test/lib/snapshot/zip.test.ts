/** The reproducible zip writer and its reader (scripts/lib/snapshot/zip.ts, on yazl and yauzl). */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { crc32 } from "node:zlib";
import {
  maxStoredBytes,
  readZip,
  writeZip,
  ZipError,
  zipTime,
  type ZipInput,
} from "../../../scripts/lib/snapshot/zip.ts";
import { tempDir } from "../../support/site.ts";
import { dataDescriptorFlag, zipHeaders } from "../../support/zip-headers.ts";

const text = (name: string, value: string, stored?: boolean): ZipInput => {
  const bytes = Buffer.from(value, "utf8");
  return { name, size: bytes.byteLength, read: () => bytes, ...(stored ? { stored } : {}) };
};
const entries = [
  text("bag/data/b.html", "<p>b</p>".repeat(50)),
  text("bag/bagit.txt", "BagIt-Version: 1.0\n"),
  text("bag/data/ä.txt", "x"),
];
/** Where an entry's data starts: after the 30-byte local header and its name (no extra field). */
const dataOffset = (name: string) => 30 + Buffer.byteLength(name, "utf8");

test("the snapshot's date is midnight of that day, and zip cannot store dates before 1980", () => {
  const time = zipTime("2023-11-14");
  assert.equal(
    [time.getFullYear(), time.getMonth(), time.getDate(), time.getHours(), time.getMinutes()],
    [2023, 10, 14, 0, 0],
  );
  assert.throws(() => zipTime("1979-12-31"), /1980 to 2107/);
});

test("entries come back sorted by name, with their bytes, deflated, the snapshot's date, no extra field", async () => {
  const zip = path.join(tempDir("zip-"), "a.zip");
  const bytes = await writeZip(zip, entries, "2023-11-14");
  const raw = readFileSync(zip);
  assert.is(raw.byteLength, bytes);
  const read = await readZip(zip);
  assert.equal(
    read.map((entry) => [entry.name, entry.stored, entry.read().toString()]),
    [
      ["bag/bagit.txt", false, "BagIt-Version: 1.0\n"],
      ["bag/data/b.html", false, "<p>b</p>".repeat(50)],
      ["bag/data/ä.txt", false, "x"],
    ],
  );
  assert.is(raw.readUInt16LE(8), 8, "deflated");
  assert.is(raw.readUInt16LE(12), (43 << 9) | (11 << 5) | 14, "the MS-DOS date of 2023-11-14");
  assert.is(raw.readUInt16LE(10), 0, "midnight");
  assert.is(raw.readUInt16LE(28), 0, "no extended timestamp field");
  assert.is(raw.readUInt16LE(6) & 0x0800, 0x0800, "UTF-8 names");
});

test("the same files and date give the same bytes, whatever order they are given in", async () => {
  const dir = tempDir("zip-");
  await writeZip(path.join(dir, "one.zip"), entries, "2023-11-14");
  await writeZip(path.join(dir, "two.zip"), [...entries].reverse(), "2023-11-14");
  assert.ok(readFileSync(path.join(dir, "one.zip")).equals(readFileSync(path.join(dir, "two.zip"))));
  await writeZip(path.join(dir, "three.zip"), entries, "2023-11-15");
  assert.not.ok(readFileSync(path.join(dir, "one.zip")).equals(readFileSync(path.join(dir, "three.zip"))));
});

test("a damaged entry or a file that is not a zip is reported", async () => {
  const dir = tempDir("zip-");
  const zip = path.join(dir, "a.zip");
  await writeZip(zip, [text("bag/bagit.txt", "BagIt-Version: 1.0\n", true)], "2023-11-14");
  const raw = readFileSync(zip);
  raw[dataOffset("bag/bagit.txt")] = "X".charCodeAt(0);
  writeFileSync(zip, raw);
  const [bagit] = await readZip(zip);
  assert.throws(
    () => bagit?.read(),
    (error: unknown) =>
      error instanceof ZipError &&
      error.message === "bag/bagit.txt: damaged (its CRC-32 or size differs from the zip's directory)",
  );
  writeFileSync(path.join(dir, "not.zip"), "hello");
  try {
    await readZip(path.join(dir, "not.zip"));
    assert.unreachable("a file that is not a zip was read");
  } catch (error) {
    assert.instance(error, ZipError);
    assert.match((error as Error).message, /not\.zip is not a zip file/);
  }
});

test("an entry marked stored is never deflated, and its bytes read back unchecked as they are in the zip", async () => {
  const zip = path.join(tempDir("zip-"), "stored.zip");
  const repetitive = "<p>b</p>".repeat(50);
  await writeZip(zip, [text("archive/data.warc.gz", repetitive, true), text("b.html", repetitive)], "2023-11-14");
  const [warc, html] = await readZip(zip);
  assert.equal([warc?.stored, html?.stored], [true, false]);
  assert.is(warc?.raw().toString("utf8"), repetitive);
  assert.throws(() => html?.raw(), /only a stored entry/);
  const changed = readFileSync(zip);
  changed[changed.indexOf("<p>b</p>")] = "P".charCodeAt(0);
  writeFileSync(zip, changed);
  const [damaged] = await readZip(zip);
  assert.throws(() => damaged?.read(), /damaged \(its CRC-32/);
  assert.is(damaged?.raw().toString("utf8"), `P${repetitive.slice(1)}`);
});

test("a stored entry has its CRC-32 and sizes in its local header, no data descriptor (for streaming)", async () => {
  const zip = path.join(tempDir("zip-"), "stored.zip");
  const warc = "WARC/1.1\r\n".repeat(40);
  await writeZip(zip, [text("archive/data.warc.gz", warc, true), text("b.html", "<p>b</p>".repeat(50))], "2023-11-14");
  const [stored, deflated] = zipHeaders(readFileSync(zip));
  const expected = { flags: 0x0800, crc32: crc32(warc), compressedSize: warc.length, size: warc.length };
  assert.equal(stored, { name: "archive/data.warc.gz", method: 0, local: expected, central: expected });
  // A deflated entry is written as it streams, its sizes after it: every reader can find the end of a deflate stream.
  assert.equal([deflated?.method, deflated?.local.flags, deflated?.local.size], [8, 0x0800 | dataDescriptorFlag, 0]);
  assert.is(deflated?.central.size, 400);
});

test("a stored entry over yazl's limit for a local header without zip64 is refused before it is read", async () => {
  const huge: ZipInput = {
    name: "archive/data.warc.gz",
    size: maxStoredBytes + 1,
    stored: true,
    read: () => assert.unreachable("read") as never,
  };
  try {
    await writeZip(path.join(tempDir("zip-"), "huge.zip"), [huge], "2023-11-14");
    assert.unreachable("written");
  } catch (error) {
    assert.instance(error, RangeError);
    assert.is(
      (error as Error).message,
      "archive/data.warc.gz is 1073741824 bytes, over the 1073741823 an entry stored with its sizes in its local " +
        "header may have",
    );
  }
});

test.run();
