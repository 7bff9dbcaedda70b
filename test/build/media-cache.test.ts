/**
 * The media cache heals: a damaged entry (a PDF's text, an image's record, a processed
 * image cut short) is discarded, recomputed and reported once as a cache problem, never as a
 * content problem, and the build's output is byte-identical to a build with an empty cache.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { pdfWithText, photoWithGps } from "../support/media.ts";
import { buildSite, hashTree, newsFile, tempDir, writeContent } from "../support/site.ts";

const content = writeContent({
  "news/2023/signed/index.md": newsFile({
    title: "Signed",
    date: "2023-11-14",
    image: "\n  src: photo.jpg\n  alt: The signing table",
    documents: "\n  - src: guide.pdf\n    title: Guide",
  }),
  "news/2023/signed/photo.jpg": await photoWithGps(),
  "news/2023/signed/guide.pdf": await pdfWithText(["Zygomorphic cooperation.", "The second page."]),
});
const photo = path.join(content, "news/2023/signed/photo.jpg");
const guide = path.join(content, "news/2023/signed/guide.pdf");

/** A build with the cache folder `cacheDir`: its output's hash, its warnings, and images encoded. */
async function build(cacheDir: string) {
  const warnings: string[] = [];
  const site = await buildSite(content, {
    mediaCacheDir: cacheDir,
    log: (line) => line.startsWith("warning") && warnings.push(line),
  });
  return { tree: hashTree(site.outDir), warnings, processed: site.report.media.processed };
}

const clean = await build(tempDir("media-cache-"));

/** A cache folder filled by a build, damaged by `damage` (given the folder, returning the entry it damaged). */
async function damagedCache(damage: (cacheDir: string) => string): Promise<{ cacheDir: string; entry: string }> {
  const cacheDir = tempDir("media-cache-");
  await build(cacheDir);
  return { cacheDir, entry: damage(cacheDir) };
}

const onlyFile = (dir: string, pattern: RegExp) => {
  const names = readdirSync(dir).filter((name) => pattern.test(name));
  assert.is(names.length, 1, `${dir}: ${names.join(", ")}`);
  return path.join(dir, names[0] ?? "");
};

test("a clean build has no warnings and encodes the photo", () => {
  assert.equal(clean.warnings, []);
  assert.is(clean.processed, 1);
});

const cases: {
  name: string;
  source: string;
  damage: (cacheDir: string) => string;
  reason: (entry: string) => string;
  processed: number;
}[] = [
  {
    name: "a PDF's text cut short",
    source: guide,
    damage: (cacheDir) => {
      const entry = onlyFile(path.join(cacheDir, "documents"), /\.json$/);
      writeFileSync(entry, readFileSync(entry, "utf8").slice(0, 20));
      return entry;
    },
    reason: () => "not valid JSON",
    processed: 0,
  },
  {
    name: "a PDF's text of another form (3 pages, no text)",
    source: guide,
    damage: (cacheDir) => {
      const entry = onlyFile(path.join(cacheDir, "documents"), /\.json$/);
      writeFileSync(entry, JSON.stringify({ pages: 3, text: [] }));
      return entry;
    },
    reason: () => "not an entry this build writes",
    processed: 0,
  },
  {
    name: "an image's record cut short",
    source: photo,
    damage: (cacheDir) => {
      const entry = onlyFile(path.join(cacheDir, "images/records"), /\.json$/);
      writeFileSync(entry, readFileSync(entry, "utf8").slice(0, 100));
      return entry;
    },
    reason: () => "not valid JSON",
    processed: 1,
  },
  {
    name: "an empty image record",
    source: photo,
    damage: (cacheDir) => {
      const entry = onlyFile(path.join(cacheDir, "images/records"), /\.json$/);
      writeFileSync(entry, "");
      return entry;
    },
    reason: () => "empty",
    processed: 1,
  },
];

for (const { name, source, damage, reason, processed } of cases) {
  test(`${name}: discarded, recomputed, one warning; the output is a clean build's`, async () => {
    const { cacheDir, entry } = await damagedCache(damage);
    const healed = await build(cacheDir);
    assert.equal(healed.warnings, [
      `warning: cache: discarded an unreadable entry for ${source} (${entry}: ${reason(entry)}): recomputed`,
    ]);
    assert.is(healed.processed, processed);
    assert.is(healed.tree, clean.tree);
    const again = await build(cacheDir);
    assert.equal([again.warnings, again.processed, again.tree], [[], 0, clean.tree]);
  });
}

test("a processed image cut short: its record is dropped, the image encoded again, never published cut", async () => {
  let cut = "";
  let size = 0;
  const { cacheDir, entry } = await damagedCache((cacheDir) => {
    cut = onlyFile(path.join(cacheDir, "images"), /-240\.avif$/);
    size = readFileSync(cut).length;
    writeFileSync(cut, readFileSync(cut).subarray(0, 100));
    return onlyFile(path.join(cacheDir, "images/records"), /\.json$/);
  });
  const healed = await build(cacheDir);
  assert.equal(healed.warnings, [
    `warning: cache: discarded an unreadable entry for ${photo} (${entry}: its file ${path.basename(cut)} is 100 ` +
      `bytes, not ${size}): recomputed`,
  ]);
  assert.is(healed.processed, 1);
  assert.is(readFileSync(cut).length, size);
  assert.is(healed.tree, clean.tree);
});

test("a processed image missing from the cache: the image is encoded again", async () => {
  let removed = "";
  const { cacheDir, entry } = await damagedCache((cacheDir) => {
    removed = onlyFile(path.join(cacheDir, "images"), /-1280\.webp$/);
    rmSync(removed);
    return onlyFile(path.join(cacheDir, "images/records"), /\.json$/);
  });
  const healed = await build(cacheDir);
  assert.equal(healed.warnings, [
    `warning: cache: discarded an unreadable entry for ${photo} (${entry}: its file ${path.basename(removed)} is ` +
      `missing): recomputed`,
  ]);
  assert.is(healed.processed, 1);
  assert.is(healed.tree, clean.tree);
});

test.run();
