import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { z } from "zod";
import { cacheWarning, readCacheEntry, writeCacheEntry } from "../../../scripts/lib/util/cache-entry.ts";

const schema = z.strictObject({ pages: z.number(), text: z.array(z.string()) });
const entry = (contents?: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "cache-entry-")), "entry.json");
  if (contents !== undefined) writeFileSync(file, contents);
  return file;
};

test("an entry written is read back whole, and no other file is left beside it", () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "cache-entry-")), "documents", "entry.json");
  writeCacheEntry(file, { pages: 1, text: ["Zygomorphic"] });
  assert.equal(readCacheEntry(file, schema), { value: { pages: 1, text: ["Zygomorphic"] } });
  assert.equal(readdirSync(path.dirname(file)), ["entry.json"]);
});

test("no entry: undefined, nothing reported", () => {
  assert.is(readCacheEntry(entry(), schema), undefined);
});

for (const [contents, reason] of [
  ['{"pages":1,"text":["Zyg', "not valid JSON"],
  ["", "empty"],
  ['{"pages":1}', "not an entry this build writes"],
  ['{"pages":1,"text":[],"extra":true}', "not an entry this build writes"],
] as const) {
  test(`${JSON.stringify(contents)}: discarded as ${reason}, and removed`, () => {
    const file = entry(contents);
    assert.equal(readCacheEntry(file, schema), { discarded: reason });
    assert.not.ok(existsSync(file));
  });
}

test("a folder where an entry belongs: discarded and removed, so the entry can be written", () => {
  const file = entry();
  mkdirSync(path.join(file, "inner"), { recursive: true });
  assert.equal(readCacheEntry(file, schema), { discarded: "a folder" });
  writeCacheEntry(file, { pages: 0, text: [] });
  assert.equal(JSON.parse(readFileSync(file, "utf8")), { pages: 0, text: [] });
});

test("the warning names the source, the entry and the reason", () => {
  assert.is(
    cacheWarning("/content/news/2023/x/photo.jpg", "/cache/images/records/ab.json", "not valid JSON"),
    "cache: discarded an unreadable entry for /content/news/2023/x/photo.jpg (/cache/images/records/ab.json: not " +
      "valid JSON): recomputed",
  );
});

test.run();
