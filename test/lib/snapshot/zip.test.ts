/** The reproducible zip writer and its reader (scripts/lib/snapshot/zip.ts). */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { crc32, dosDateTime, readZip, writeZip, ZipError } from "../../../scripts/lib/snapshot/zip.ts";
import { tempDir } from "../../support/site.ts";

const text = (value: string) => () => Buffer.from(value, "utf8");
const entries = [
  { name: "bag/data/b.html", read: text("<p>b</p>".repeat(50)) },
  { name: "bag/bagit.txt", read: text("BagIt-Version: 1.0\n") },
  { name: "bag/data/ä.txt", read: text("x") },
];

test("CRC-32 of the standard check string, and MS-DOS dates", () => {
  assert.is(crc32(Buffer.from("123456789")), 0xcbf43926);
  assert.is(crc32(new Uint8Array()), 0);
  assert.equal(dosDateTime("2023-11-14"), { date: (43 << 9) | (11 << 5) | 14, time: 0 });
  assert.throws(() => dosDateTime("1979-12-31"), /1980 to 2107/);
});

test("entries come back sorted by name, with their bytes; small files are stored, others deflated", () => {
  const zip = path.join(tempDir("zip-"), "a.zip");
  const bytes = writeZip(zip, entries, "2023-11-14");
  assert.is(readFileSync(zip).byteLength, bytes);
  const read = readZip(zip);
  assert.equal(
    read.map((entry) => entry.name),
    ["bag/bagit.txt", "bag/data/b.html", "bag/data/ä.txt"],
  );
  assert.is(read[1]?.read().toString(), "<p>b</p>".repeat(50));
  assert.is(read[2]?.read().toString(), "x");
  const raw = readFileSync(zip);
  assert.is(raw.readUInt16LE(8), 0, "the first entry (19 bytes) is stored");
  const second = 30 + "bag/bagit.txt".length + 19;
  assert.is(raw.readUInt16LE(second + 8), 8, "the repetitive one is deflated");
  assert.is(raw.readUInt16LE(second + 12), dosDateTime("2023-11-14").date, "every entry has the snapshot's date");
});

test("the same files and date give the same bytes, whatever order they are given in", () => {
  const dir = tempDir("zip-");
  writeZip(path.join(dir, "one.zip"), entries, "2023-11-14");
  writeZip(path.join(dir, "two.zip"), [...entries].reverse(), "2023-11-14");
  assert.ok(readFileSync(path.join(dir, "one.zip")).equals(readFileSync(path.join(dir, "two.zip"))));
  writeZip(path.join(dir, "three.zip"), entries, "2023-11-15");
  assert.not.ok(readFileSync(path.join(dir, "one.zip")).equals(readFileSync(path.join(dir, "three.zip"))));
});

test("a damaged entry or a file that is not a zip is reported", () => {
  const dir = tempDir("zip-");
  const zip = path.join(dir, "a.zip");
  writeZip(zip, entries, "2023-11-14");
  const raw = readFileSync(zip);
  // The stored bagit.txt's first byte.
  raw[30 + "bag/bagit.txt".length] = "X".charCodeAt(0);
  writeFileSync(zip, raw);
  const [bagit] = readZip(zip);
  assert.throws(() => bagit?.read(), (error: unknown) => error instanceof ZipError && error.message === "bag/bagit.txt: damaged (its CRC-32 or size differs from the zip's directory)");
  writeFileSync(path.join(dir, "not.zip"), "hello");
  assert.throws(() => readZip(path.join(dir, "not.zip")), /is not a zip file/);
});

test("an entry marked stored is never deflated, and its bytes read back unchecked as they are in the zip", () => {
  const zip = path.join(tempDir("zip-"), "stored.zip");
  const repetitive = "<p>b</p>".repeat(50);
  writeZip(zip, [{ name: "archive/data.warc.gz", read: text(repetitive), stored: true }, { name: "b.html", read: text(repetitive) }], "2023-11-14");
  const [warc, html] = readZip(zip);
  assert.equal([warc?.stored, html?.stored], [true, false]);
  assert.is(warc?.raw().toString("utf8"), repetitive);
  assert.throws(() => html?.raw(), /only a stored entry/);
  const changed = readFileSync(zip);
  changed[changed.indexOf("<p>b</p>")] = "P".charCodeAt(0);
  writeFileSync(zip, changed);
  const [damaged] = readZip(zip);
  assert.throws(() => damaged?.read(), /damaged \(its CRC-32/);
  assert.is(damaged?.raw().toString("utf8"), `P${repetitive.slice(1)}`);
});

test.run();
