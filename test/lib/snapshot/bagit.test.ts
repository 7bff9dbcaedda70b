/** Writing and verifying BagIt bags (scripts/lib/snapshot/bagit.ts), from a folder or a zip (sources.ts). */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  decodeManifestPath,
  encodeManifestPath,
  escapeReason,
  folderSource,
  parseTagFile,
  tagLine,
  verifyBag,
  writeBag,
} from "../../../scripts/lib/snapshot/bagit.ts";
import { listFiles } from "../../../scripts/lib/util/list-files.ts";
import { zipSource } from "../../../scripts/lib/snapshot/sources.ts";
import { writeZip } from "../../../scripts/lib/snapshot/zip.ts";
import { writeContent } from "../../support/site.ts";

function smallBag(): string {
  const dir = writeContent({
    "data/index.html": "<p>home</p>\n",
    "data/news/index.html": "<p>news</p>\n",
    "data/a%b.txt": "percent\n",
  });
  writeBag(dir, [
    ["Source-Organization", "International Association of Prosecutors"],
    ["Bagging-Date", "2025-06-01"],
  ]);
  return dir;
}

test("tag lines fold before 79 characters, and read back whole", () => {
  const value =
    "Archived snapshot of IAP News Archive, 2023: 289 news items and 412 conference abstracts as published on 1 " +
    "June 2025.";
  const line = tagLine("External-Description", value);
  assert.is(
    line,
    "External-Description: Archived snapshot of IAP News Archive, 2023: 289 news\n" +
      "  items and 412 conference abstracts as published on 1 June 2025.\n",
  );
  assert.ok(line.split("\n").every((part) => part.length <= 79));
  assert.equal(
    parseTagFile(`${line}Bagging-Date: 2025-06-01\r\n`),
    new Map([
      ["External-Description", [value]],
      ["Bagging-Date", ["2025-06-01"]],
    ]),
  );
});

test("manifest paths encode only CR, LF and %, and paths that leave the bag are named", () => {
  assert.is(encodeManifestPath("data/a%b\nc.txt"), "data/a%25b%0Ac.txt");
  assert.is(decodeManifestPath("data/a%25b%0Ac%0d.txt"), "data/a%b\nc\r.txt");
  assert.is(escapeReason("data/news/index.html"), undefined);
  assert.is(escapeReason("data/../../etc/passwd"), "it contains ..");
  assert.is(escapeReason("/etc/passwd"), "it is absolute");
  assert.is(escapeReason("C:/Windows/win.ini"), "it is absolute");
  assert.is(escapeReason("~/.ssh/id_rsa"), "it starts with ~");
  assert.is(escapeReason("data\\..\\x"), "it contains a backslash");
  assert.is(escapeReason("data//x"), "it is not a plain relative path");
});

test("a written bag: declaration, bag-info with Payload-Oxum, manifests of payload and tag files", () => {
  const dir = smallBag();
  assert.is(
    readFileSync(path.join(dir, "bagit.txt"), "utf8"),
    "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
  );
  assert.is(
    readFileSync(path.join(dir, "bag-info.txt"), "utf8"),
    "Source-Organization: International Association of Prosecutors\nBagging-Date: 2025-06-01\nPayload-Oxum: 32.3\n",
  );
  const manifest = readFileSync(path.join(dir, "manifest-sha512.txt"), "utf8");
  assert.equal(
    manifest.split("\n").map((line) => line.slice(130)),
    ["data/a%25b.txt", "data/index.html", "data/news/index.html", ""],
  );
  assert.match(manifest, /^[0-9a-f]{128} {2}data\/a%25b\.txt\n/);
  assert.equal(
    readFileSync(path.join(dir, "tagmanifest-sha512.txt"), "utf8")
      .split("\n")
      .map((line) => line.slice(130)),
    ["bag-info.txt", "bagit.txt", "manifest-sha512.txt", ""],
  );
  assert.equal(listFiles(dir), [
    "bag-info.txt",
    "bagit.txt",
    "data/a%b.txt",
    "data/index.html",
    "data/news/index.html",
    "manifest-sha512.txt",
    "tagmanifest-sha512.txt",
  ]);
});

test("a complete bag verifies, from its folder and from a zip of it", async () => {
  const dir = smallBag();
  assert.equal(verifyBag(folderSource(dir)), {
    problems: [],
    algorithms: ["sha512"],
    payloadFiles: 3,
    payloadBytes: 32,
  });
  const zip = `${dir}.zip`;
  const files = listFiles(dir).map((file) => ({ name: `bag/${file}`, bytes: readFileSync(path.join(dir, file)) }));
  await writeZip(
    zip,
    files.map(({ name, bytes }) => ({ name, size: bytes.byteLength, read: () => bytes })),
    "2025-06-01",
  );
  assert.equal(verifyBag(await zipSource(zip)), {
    problems: [],
    algorithms: ["sha512"],
    payloadFiles: 3,
    payloadBytes: 32,
  });
});

test("each altered, missing and extra file is listed", () => {
  const dir = smallBag();
  writeFileSync(path.join(dir, "data/index.html"), "<p>hOme</p>\n");
  rmSync(path.join(dir, "data/news/index.html"));
  writeFileSync(path.join(dir, "data/added.html"), "<p>new</p>\n");
  writeFileSync(path.join(dir, "notes.txt"), "beside the payload\n");
  assert.equal(verifyBag(folderSource(dir)).problems, [
    "altered: data/index.html (its sha512 differs from manifest-sha512.txt)",
    "missing: data/news/index.html (listed in manifest-sha512.txt)",
    "extra: data/added.html (not listed in manifest-sha512.txt)",
    "extra: notes.txt (not listed in tagmanifest-sha512.txt)",
    "bag-info.txt: Payload-Oxum 32.3 does not match the payload, 31.3 (bytes.files)",
  ]);
});

test("a tag file changed after bagging is caught by the tag manifest", () => {
  const dir = smallBag();
  appendFileSync(path.join(dir, "bag-info.txt"), "Contact-Name: Someone\n");
  assert.equal(verifyBag(folderSource(dir)).problems, [
    "altered: bag-info.txt (its sha512 differs from tagmanifest-sha512.txt)",
  ]);
});

test("manifest paths that escape the bag are refused, never opened", () => {
  const dir = smallBag();
  const zeros = "0".repeat(128);
  appendFileSync(
    path.join(dir, "manifest-sha512.txt"),
    `${zeros}  ../outside.txt\n${zeros}  /etc/passwd\n${zeros}  ~/x\nnot a line\n`,
  );
  assert.equal(verifyBag(folderSource(dir)).problems, [
    'manifest-sha512.txt line 4: "../outside.txt" escapes the bag: it contains ..',
    'manifest-sha512.txt line 5: "/etc/passwd" escapes the bag: it is absolute',
    'manifest-sha512.txt line 6: "~/x" escapes the bag: it starts with ~',
    'manifest-sha512.txt line 7: not "checksum path"',
    "altered: manifest-sha512.txt (its sha512 differs from tagmanifest-sha512.txt)",
  ]);
});

test("a folder that is not a bag says why", () => {
  const dir = writeContent({ "data/index.html": "x" });
  assert.equal(verifyBag(folderSource(dir)).problems, ["missing: bagit.txt (every bag declares itself in it)"]);
  writeFileSync(path.join(dir, "bagit.txt"), "BagIt-Version: 1.0\n");
  assert.equal(verifyBag(folderSource(dir)).problems, ["missing: a payload manifest (manifest-sha512.txt)"]);
});

test.run();
