/** A bag of 70,000 files zips (zip64: more than 65,535 entries) and `npm run verify` passes the zip. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeBag } from "../../scripts/lib/snapshot/bagit.ts";
import { writeZip } from "../../scripts/lib/snapshot/zip.ts";
import { listFiles } from "../../scripts/lib/util/list-files.ts";
import { repoRoot, tempDir } from "../support/site.ts";

const folders = 70;
const filesPerFolder = 1000;

test("a bag of 70,000 files is zipped with zip64 and verifies from the zip", async () => {
  const bag = path.join(tempDir("large-bag-"), "bag");
  for (let folder = 0; folder < folders; folder++) {
    const dir = path.join(bag, "data", `f${folder}`);
    mkdirSync(dir, { recursive: true });
    for (let file = 0; file < filesPerFolder; file++)
      writeFileSync(path.join(dir, `${file}.txt`), `${folder}/${file}\n`);
  }
  const report = writeBag(bag, [["Bagging-Date", "2025-06-01"]]);
  assert.equal(report, { payloadFiles: 70_000, payloadBytes: 472_300 });

  const zip = `${bag}.zip`;
  const entries = listFiles(bag).map((file) => {
    const bytes = readFileSync(path.join(bag, file));
    return { name: `bag/${file}`, size: bytes.byteLength, read: () => bytes };
  });
  assert.is(entries.length, 70_004);
  await writeZip(zip, entries, "2025-06-01");
  const raw = readFileSync(zip);
  const end = raw.byteLength - 22;
  assert.is(raw.readUInt32LE(end), 0x06054b50, "the end of central directory record closes the zip");
  assert.is(raw.readUInt16LE(end + 10), 0xffff, "its entry count says: see the zip64 record");
  assert.is(raw.readUInt32LE(end - 20), 0x07064b50, "the zip64 end locator precedes it");

  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/verify.ts", zip], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  assert.equal(
    { code: run.status, output: `${run.stdout}${run.stderr}`.trim() },
    { code: 0, output: `${zip}: complete and valid: 70000 files (472 kB) in data/, every sha512 checksum matches` },
  );
});

test.run();
