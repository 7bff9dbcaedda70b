/**
 * Photos and documents in real Chromium: the picture's candidate chosen at phone and desktop
 * widths, no layout shift while it loads, the list card's thumbnail, and a word found only in an
 * attached PDF finding its item through the search page, which says the document matched, and the
 * lead image's thumbnail in search results (at the root, under a base path, in a snapshot from disk).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { collectErrors, imageSettled, launchBrowser, serveStatic } from "../support/browser.ts";
import { pdfWithText, photoWithGps } from "../support/media.ts";
import { makeSnapshot } from "../../scripts/lib/build/make-snapshot.ts";
import { buildSite, newsFile, tempDir, writeContent } from "../support/site.ts";

const content = writeContent({
  "news/2023/mou-signed/index.md": newsFile(
    {
      title: "MoU signed",
      date: "2023-11-14",
      image: "\n  src: photo.jpg\n  alt: A yellow circle on blue",
      documents: "\n  - src: guide.pdf\n    title: Good Practices Guide",
    },
    `${"The associations signed a memorandum of understanding on cooperation. ".repeat(12)}\n`,
  ),
  "news/2023/mou-signed/photo.jpg": await photoWithGps(),
  "news/2023/mou-signed/guide.pdf": await pdfWithText([
    "Special investigative techniques and zygomorphic cooperation.",
  ]),
  "news/2023/other.md": newsFile({ title: "Another item", date: "2023-10-01" }, "Cooperation without documents.\n"),
});
const site = await buildSite(content, { mediaCacheDir: tempDir("media-cache-") });
const server = await serveStatic(site.outDir);
const browser: Browser = await launchBrowser();

test.after(async () => {
  await browser.close();
  await server.close();
});

/** The lead image's chosen file (its width and format), and the page's total layout shift once it loaded. */
async function leadImage(width: number, deviceScaleFactor: number) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/news/2023/mou-signed/`);
  const img = page.locator("article > figure img");
  await imageSettled(img);
  const facts = await img.evaluate(async (element: HTMLImageElement) => {
    // Two frames after the load, the frame that laid the image out has been drawn and its shifts
    // recorded; a buffered observer holds them all at once, so takeRecords needs no wait.
    const shift = await new Promise<number>((resolve) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const observer = new PerformanceObserver(() => undefined);
          observer.observe({ type: "layout-shift", buffered: true });
          const entries = observer.takeRecords();
          observer.disconnect();
          resolve(entries.reduce((total, entry) => total + (entry as unknown as { value: number }).value, 0));
        }),
      ),
    );
    const box = element.getBoundingClientRect();
    return {
      file: element.currentSrc.replace(/^.*-/, ""),
      width: Math.round(box.width),
      height: Math.round(box.height),
      shift,
    };
  });
  await context.close();
  return { ...facts, errors };
}

test("the picture fits the screen: 800 px AVIF on a phone at DPR 2 and a desktop at 1, 1280 px at 2", async () => {
  assert.equal(await leadImage(390, 2), { file: "800.avif", width: 358, height: 224, shift: 0, errors: [] });
  assert.equal(await leadImage(1280, 1), { file: "800.avif", width: 672, height: 420, shift: 0, errors: [] });
  assert.equal((await leadImage(1280, 2)).file, "1280.avif");
});

test("the news list shows the lead image's thumbnail at 240 px", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${server.url}/news/`);
  const thumbnail = page.locator("img.thumbnail");
  assert.is(await thumbnail.count(), 1);
  await thumbnail.scrollIntoViewIfNeeded();
  await imageSettled(thumbnail);
  assert.equal(
    await thumbnail.evaluate((element: HTMLImageElement) => [
      element.currentSrc.replace(/^.*-/, ""),
      Math.round(element.getBoundingClientRect().width),
    ]),
    ["240.avif", 120],
  );
  await context.close();
});

test("a word only in an attached PDF finds its item; the result names the document, with its excerpt", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/search/?q=zygomorphic`);
  await page.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
  assert.equal(await page.locator("#search-results h3 a").allTextContents(), ["MoU signed"]);
  assert.is(await page.locator(".search-found-in").textContent(), "Matched in Good Practices Guide (PDF)");
  assert.is(await page.locator(".search-found-in a").getAttribute("href"), "/news/2023/mou-signed/#document-1");
  assert.equal(await page.locator(".search-excerpt mark").allTextContents(), ["zygomorphic"]);
  // A word of the page's own text: no document named.
  await page.goto(`${server.url}/search/?q=memorandum`);
  await page.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
  assert.equal(await page.locator("#search-results h3 a").allTextContents(), ["MoU signed"]);
  assert.is(await page.locator(".search-found-in").count(), 0);
  assert.equal(errors, []);
  await page.close();
});

/** Each result's title and its thumbnail's facts once loaded (its file named by the width and format), or null. */
async function searchThumbnails(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
  const thumbnails = page.locator("img.search-thumbnail");
  for (const img of await thumbnails.all()) {
    await img.scrollIntoViewIfNeeded();
    await imageSettled(img);
  }
  return page.locator("#search-results li").evaluateAll((items) =>
    items.map((item) => {
      const img = item.querySelector<HTMLImageElement>("img.search-thumbnail");
      return [
        item.querySelector("h3")?.textContent,
        img && {
          src: img.getAttribute("src")?.replace(/[\w-]+-(\d+\.webp)$/, "…-$1"),
          width: img.getAttribute("width"),
          height: img.getAttribute("height"),
          alt: img.getAttribute("alt"),
          loading: img.getAttribute("loading"),
          loaded: img.naturalWidth,
          shown: Math.round(img.getBoundingClientRect().width),
        },
      ];
    }),
  );
}

const thumbnailFacts = { width: "240", height: "150", alt: "", loading: "lazy", loaded: 240, shown: 96 };

test("a result shows its item's lead image as a 240 px WebP thumbnail; a result without one shows none", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  assert.equal(await searchThumbnails(page, `${server.url}/search/?q=cooperation`), [
    ["MoU signed", { src: `${server.url}/news/2023/mou-signed/…-240.webp`, ...thumbnailFacts }],
    ["Another item", null],
  ]);
  assert.equal(errors, []);
  await page.close();
});

test("under a base path and in a snapshot from disk, the thumbnail resolves beside its item's page", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const subfolder = await buildSite(content, { basePath: "/archive/", mediaCacheDir: tempDir("media-cache-") });
  const subfolderServer = await serveStatic(subfolder.outDir, { basePath: "/archive/" });
  try {
    assert.equal(await searchThumbnails(page, `${subfolderServer.url}/search/?q=memorandum`), [
      ["MoU signed", { src: `${subfolderServer.url}/news/2023/mou-signed/…-240.webp`, ...thumbnailFacts }],
    ]);
  } finally {
    await subfolderServer.close();
  }
  const snapshot = path.join(tempDir("media-snapshot-"), "iap-2023");
  await makeSnapshot({
    contentDir: content,
    period: { from: 2023, to: 2023 },
    outDir: snapshot,
    takenOn: "2025-06-01",
  });
  const data = pathToFileURL(path.join(snapshot, "data")).href;
  assert.equal(await searchThumbnails(page, `${data}/search/index.html?q=memorandum`), [
    ["MoU signed", { src: `${data}/news/2023/mou-signed/…-240.webp`, ...thumbnailFacts }],
  ]);
  assert.equal(errors, []);
  await page.close();
});

test.run();
