/**
 * PDF text extraction is bounded (a 3 MB PDF whose content stream inflates to 3 GiB, for one).
 * Built for real, each bomb ends at its limit in seconds and under 1 GB more than the process held
 * before the build; the document is published without searchable text, with a warning, and the
 * other PDF's text is searchable as before.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { pdfTextLimits } from "../../scripts/lib/content/pdf-text.ts";
import { pdfBomb, pdfWithText } from "../support/media.ts";
import { buildSite, newsFile, page, tempDir, text, writeContent } from "../support/site.ts";

const guide = await pdfWithText(["Zygomorphic cooperation.", "The second page."]);

/** Builds an item with a good PDF and `bomb`: its warnings, page, cache entries, time and peak memory over the RSS. */
async function buildWithBomb(bomb: Uint8Array) {
  const content = writeContent({
    "news/2023/bomb/index.md": newsFile({
      title: "Bomb",
      date: "2023-11-14",
      documents: "\n  - src: guide.pdf\n    title: Guide\n  - src: bomb.pdf\n    title: Bomb",
    }),
    "news/2023/bomb/guide.pdf": guide,
    "news/2023/bomb/bomb.pdf": bomb,
  });
  const cacheDir = tempDir("media-cache-");
  const warnings: string[] = [];
  const before = process.memoryUsage.rss();
  // Linux: resets the process's peak RSS (VmHWM) to what it holds now.
  writeFileSync("/proc/self/clear_refs", "5");
  const started = performance.now();
  const site = await buildSite(content, {
    mediaCacheDir: cacheDir,
    log: (line) => line.startsWith("warning") && warnings.push(line),
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]) * 1024;
  return {
    file: path.join(content, "news/2023/bomb/index.md"),
    warnings,
    item: page(site.read("/news/2023/bomb/")),
    cached: readdirSync(path.join(cacheDir, "documents")),
    seconds,
    growth: peak - before,
  };
}

const notSearchable = "it is listed on the page but its text is not searchable";

/**
 * `run` with other limits, so that one bomb meets only the limit under test whatever the machine's
 * load: the time a bomb takes to reach 256 MB, or the memory it takes in 10 s, depends on it.
 */
async function withLimits<T>(limits: Partial<typeof pdfTextLimits>, run: () => Promise<T>): Promise<T> {
  const shipped = { ...pdfTextLimits };
  Object.assign(pdfTextLimits, limits);
  try {
    return await run();
  } finally {
    Object.assign(pdfTextLimits, shipped);
  }
}

test("a PDF inflating to 3 GiB of zeros: stopped at 256 MB, a warning; the other PDF's text searchable", async () => {
  const bomb = await pdfBomb(3072);
  assert.ok(bomb.length < 3.5e6, `${bomb.length} bytes`);
  assert.equal(pdfTextLimits, { seconds: 10, memoryMb: 256 });
  const built = await withLimits({ seconds: 25 }, () => buildWithBomb(bomb));
  assert.equal(built.warnings, [
    `warning: ${built.file}:7: documents[1].src: bomb.pdf cannot be read (its text could not be extracted within ` +
      `256 MB of memory, the limit for one PDF): ${notSearchable}`,
  ]);
  assert.ok(built.seconds < 30, `${built.seconds.toFixed(1)} s`);
  assert.ok(built.growth < 1e9, `${(built.growth / 1e6).toFixed(0)} MB over the RSS before the build`);
  assert.equal(
    built
      .item(".documents h3")
      .map((_, heading) => built.item(heading).text())
      .get(),
    ["Guide (PDF)", "Bomb (PDF)"],
  );
  assert.equal(
    built
      .item(".document-text p")
      .map((_, paragraph) => built.item(paragraph).text())
      .get(),
    ["Zygomorphic cooperation.", "The second page."],
  );
  assert.is(text(built.item(".documents .meta").last()), `PDF, ${(bomb.length / 1e6).toFixed(1)} MB`);
  // Only the good PDF's text is cached: a limit reached may depend on the machine's load.
  assert.is(built.cached.length, 1);
});

test("a PDF of 1 GiB of text operators: stopped at the time limit (2 s here), a warning", async () => {
  const bomb = await pdfBomb(1024, "text");
  const built = await withLimits({ seconds: 2 }, () => buildWithBomb(bomb));
  assert.equal(built.warnings, [
    `warning: ${built.file}:7: documents[1].src: bomb.pdf cannot be read (its text could not be extracted within 2 ` +
      `s, the limit for one PDF): ${notSearchable}`,
  ]);
  assert.ok(built.seconds < 30, `${built.seconds.toFixed(1)} s`);
  assert.ok(built.growth < 1e9, `${(built.growth / 1e6).toFixed(0)} MB over the RSS before the build`);
  assert.equal(
    built
      .item(".document-text p")
      .map((_, paragraph) => built.item(paragraph).text())
      .get(),
    ["Zygomorphic cooperation.", "The second page."],
  );
});

test.run();
