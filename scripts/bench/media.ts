/**
 * Photos at scale (`npm run bench -- --media 1000`): the bench corpus of that size with one
 * generated photo per news item (each item a page bundle), built in this process three times:
 * without photos, with photos and an empty image cache, and again with the cache kept. Reports
 * each build's total, the media phase's time, images processed and reused, and the cache's size,
 * then the budgets (`mediaBudgets`) in Chromium: a news page with a lead photo on a phone (bytes, and
 * Largest Contentful Paint under DevTools' "Slow 4G" with 4× CPU slowdown), the cached build
 * against the photo-less one, and search's cold query without and with photos (thumbnails).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { build } from "../lib/phases/build.ts";
import { formatBytes } from "../lib/util/format.ts";
import { folderSize, writeBenchCorpus } from "./builds.ts";
import { median } from "./median.ts";
import { measureSearch, waitForQuiet } from "./search.ts";
import { serveSite, type StaticServer } from "../lib/util/static-server.ts";

/**
 * Chrome DevTools' "Slow 4G" preset (NetworkManager.ts `Slow4GConditions`, once "Fast 3G"): 150 ms
 * RTT scaled by 3.75 for its request-level emulation, 1.6 Mbps down and 0.75 Mbps up at 90 %. The
 * network preset throttles no CPU; 4× is DevTools' and Lighthouse's mid-tier phone.
 */
export const slow4g = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
export const phoneCpuSlowdown = 4;

/** A news page's first view on a phone, its Largest Contentful Paint, a cached build against one without photos. */
export const mediaBudgets = { pageBytes: 150_000, lcpMs: 2500, cachedBuildRatio: 1.1 };

export interface MediaBuild {
  label: string;
  totalMs: number;
  mediaMs: number;
  images: number;
  processed: number;
  reused: number;
}

export interface PhotoPageMeasure {
  url: string;
  /** First view on a 375 px phone at DPR 2, service workers blocked: the page's own transfer, as the server sent it. */
  bytes: number;
  requests: number;
  /** Largest Contentful Paint under Slow 4G and the CPU slowdown, and what it painted. */
  lcpMs: number;
  lcpElement: string;
}

export interface SearchColdMeasure {
  label: string;
  /** Medians over the terms: first result shown since navigation, bytes and requests of the cold query. */
  ms: number;
  bytes: number;
  requests: number;
  thumbnails: number;
}

export interface MediaBenchResult {
  size: number;
  photos: number;
  photoBytes: number;
  builds: MediaBuild[];
  cacheBytes: number;
  page?: PhotoPageMeasure;
  search: SearchColdMeasure[];
}

/**
 * A photo's grain: blurred noise laid over flat shapes gives files of a photo's weight, where flat
 * shapes alone compress to almost nothing. Made once.
 */
let grain: Promise<Buffer> | undefined;

/** A 1600×1000 JPEG, different for each index, as a camera's photo would be (no two alike). */
async function generatedPhoto(index: number): Promise<Buffer> {
  grain ??= sharp({
    create: {
      width: 1600,
      height: 1000,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .blur(1.2)
    .png()
    .toBuffer();
  const hue = (index * 37) % 360;
  const x = 300 + ((index * 131) % 1000);
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">' +
    `<rect width="1600" height="1000" fill="hsl(${hue},40%,60%)"/>` +
    `<circle cx="${x}" cy="500" r="280" fill="hsl(${(hue + 180) % 360},50%,45%)"/>` +
    `<rect x="100" y="700" width="1400" height="200" fill="hsl(${hue},30%,30%)" fill-opacity="0.6"/></svg>`;
  return sharp(Buffer.from(svg))
    .composite([{ input: await grain, blend: "overlay" }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Turns each news item of a corpus into a bundle with its own photo as the lead image. */
async function addPhotos(contentDir: string): Promise<{ photos: number; bytes: number }> {
  const newsDir = path.join(contentDir, "news");
  let photos = 0;
  let bytes = 0;
  for (const year of readdirSync(newsDir)) {
    for (const name of readdirSync(path.join(newsDir, year)).filter((file) => file.endsWith(".md"))) {
      const bundle = path.join(newsDir, year, name.replace(/\.md$/, ""));
      mkdirSync(bundle);
      const text = readFileSync(path.join(newsDir, year, name), "utf8");
      writeFileSync(
        path.join(bundle, "index.md"),
        text.replace(/^---\n/, `---\nimage:\n  src: photo.jpg\n  alt: Generated picture ${photos + 1}\n`),
      );
      rmSync(path.join(newsDir, year, name));
      const photo = await generatedPhoto(photos);
      writeFileSync(path.join(bundle, "photo.jpg"), photo);
      photos++;
      bytes += photo.length;
    }
  }
  return { photos, bytes };
}

/** In the page, before any script: the latest Largest Contentful Paint candidate. */
function recordLcp(): void {
  new PerformanceObserver((list) => {
    const entry = list.getEntries().at(-1) as
      (PerformanceEntry & { element?: Element | null; url?: string }) | undefined;
    if (!entry) return;
    const element = entry.element;
    (window as { benchLcp?: { ms: number; element: string } }).benchLcp = {
      ms: entry.startTime,
      element: element
        ? `${element.tagName.toLowerCase()}${entry.url ? ` ${entry.url.replace(/^.*\//, "")}` : ""}`
        : "?",
    };
  }).observe({ type: "largest-contentful-paint", buffered: true });
}

/** A news page with its lead photo, first view on a phone: what it transfers, and its LCP on Slow 4G. */
export async function measurePhotoPage(browser: Browser, server: StaticServer, url: string): Promise<PhotoPageMeasure> {
  const phone = {
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: "block" as const,
  };
  // Unthrottled, for the bytes: every request the first view makes, until the network is quiet.
  const weightContext = await browser.newContext(phone);
  let bytes: number;
  let requests: number;
  try {
    const page = await weightContext.newPage();
    server.reset();
    await page.goto(`${server.url}${url}`, { waitUntil: "load" });
    await waitForQuiet(server, 1000);
    ({ bytes, requests } = server.totals());
  } finally {
    await weightContext.close();
  }
  const context = await browser.newContext(phone);
  try {
    await context.addInitScript(recordLcp);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", slow4g);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: phoneCpuSlowdown });
    await page.goto(`${server.url}${url}`, { waitUntil: "load", timeout: 60_000 });
    await waitForQuiet(server, 1000, 30_000);
    const lcp = await page.evaluate(() => (window as { benchLcp?: { ms: number; element: string } }).benchLcp);
    return { url, bytes, requests, lcpMs: lcp?.ms ?? -1, lcpElement: lcp?.element ?? "none" };
  } finally {
    await context.close();
  }
}

/** How many thumbnails our search page shows for `term`, in a fresh context. */
async function thumbnailsShown(browser: Browser, server: StaticServer, term: string): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(term)}`);
    await page.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
    return await page.locator("img.search-thumbnail").count();
  } finally {
    await context.close();
  }
}

/**
 * Our search page's cold query for each term, in a fresh context: the medians, and the thumbnails
 * the first term shows.
 */
async function measureColdSearch(
  browser: Browser,
  server: StaticServer,
  label: string,
  terms: readonly string[],
): Promise<SearchColdMeasure> {
  // One throwaway query: the server's gzip cache and Chromium's start-up are not measured.
  await measureSearch(browser, server, "ours", terms[0] ?? "training", terms[1] ?? "training");
  const samples = [];
  for (const [i, term] of terms.entries())
    samples.push(await measureSearch(browser, server, "ours", term, terms[(i + 1) % terms.length] ?? term));
  const thumbnails = await thumbnailsShown(browser, server, terms[0] ?? "");
  return {
    label,
    ms: median(samples.map((sample) => sample.cold.ms)),
    bytes: median(samples.map((sample) => sample.cold.bytes)),
    requests: median(samples.map((sample) => sample.cold.requests)),
    thumbnails,
  };
}

export async function benchMedia(
  size: number,
  workDir: string,
  log: (line: string) => void,
  measure?: { browser: Browser; searchTerms: readonly string[] },
): Promise<MediaBenchResult> {
  const root = path.join(workDir, `media-${size}`);
  rmSync(root, { recursive: true, force: true });
  const plain = path.join(root, "plain");
  const withPhotos = path.join(root, "photos");
  const cacheDir = path.join(root, "cache");
  const siteDir = path.join(root, "_site");
  writeBenchCorpus(size, plain);
  const corpus = writeBenchCorpus(size, withPhotos);
  log(`media: writing ${size} items' photos…`);
  const { photos, bytes } = await addPhotos(withPhotos);
  const builds: MediaBuild[] = [];
  const search: SearchColdMeasure[] = [];
  let page: PhotoPageMeasure | undefined;
  const run = async (label: string, contentDir: string) => {
    const report = await build({
      contentDir,
      outDir: siteDir,
      mediaCacheDir: cacheDir,
      log: (line) => log(`  ${line}`),
    });
    const total = report.phases.reduce((sum, phase) => sum + phase.ms, 0);
    const media = report.phases.find((phase) => phase.name === "media")?.ms ?? 0;
    builds.push({
      label,
      totalMs: total,
      mediaMs: media,
      images: report.media.images,
      processed: report.media.processed,
      reused: report.media.reused,
    });
    log(
      `media: ${label}: ${seconds(total)} in all, media phase ${seconds(media)}, ` +
        `${report.media.processed} processed, ${report.media.reused} reused`,
    );
  };
  const inBrowser = async (label: string, withPage: boolean) => {
    if (!measure) return;
    const server = await serveSite(siteDir);
    try {
      search.push(await measureColdSearch(measure.browser, server, label, measure.searchTerms));
      if (withPage) page = await measurePhotoPage(measure.browser, server, corpus.sample.url);
    } finally {
      await server.close();
    }
  };
  await run("no photos", plain);
  await inBrowser("no photos", false);
  await run("photos, empty cache", withPhotos);
  await run("photos, cache kept", withPhotos);
  await inBrowser("photos (thumbnails in results)", true);
  const cacheBytes = folderSize(cacheDir).bytes;
  rmSync(root, { recursive: true, force: true });
  return { size, photos, photoBytes: bytes, builds, cacheBytes, ...(page ? { page } : {}), search };
}

/** "3.2 s": the bench's build times, to a tenth of a second. */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The Markdown table of the media bench. */
export function mediaSection(result: MediaBenchResult): string {
  const rows = result.builds.map(
    ({ label, totalMs, mediaMs, images, processed, reused }) =>
      `| ${label} | ${seconds(totalMs)} | ${seconds(mediaMs)} | ${images} | ${processed} | ${reused} |`,
  );
  const [plain, first, cached] = result.builds;
  const verdict = (pass: boolean) => (pass ? "pass" : "**FAIL**");
  const budgets: string[][] = [];
  if (result.page) {
    budgets.push([
      `page weight: ${result.page.url}, first view on a 375 px phone at DPR 2`,
      `${formatBytes(result.page.bytes)} over ${result.page.requests} requests`,
      `≤ ${formatBytes(mediaBudgets.pageBytes)}`,
      verdict(result.page.bytes <= mediaBudgets.pageBytes),
    ]);
    budgets.push([
      `Largest Contentful Paint, Slow 4G and ${phoneCpuSlowdown}× CPU (${result.page.lcpElement})`,
      `${(result.page.lcpMs / 1000).toFixed(2)} s`,
      `≤ ${mediaBudgets.lcpMs / 1000} s`,
      verdict(result.page.lcpMs >= 0 && result.page.lcpMs <= mediaBudgets.lcpMs),
    ]);
  }
  if (plain && cached) {
    const ratio = cached.totalMs / plain.totalMs;
    budgets.push([
      "second build with photos (cache kept) ÷ build without photos",
      `${ratio.toFixed(2)}× (${seconds(cached.totalMs)} ÷ ${seconds(plain.totalMs)})`,
      `≤ ${mediaBudgets.cachedBuildRatio}×`,
      verdict(ratio <= mediaBudgets.cachedBuildRatio),
    ]);
  }
  const perPhoto = first && first.processed > 0 ? first.mediaMs / first.processed : undefined;
  const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  return [
    `## Photos (${result.size} items, ${result.photos} photos of 1600×1000, ${megabytes(result.photoBytes)})`,
    "",
    "| build | total | media phase | images | processed | reused |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `Image cache: ${megabytes(result.cacheBytes)}` +
      `${perPhoto ? `; first build ${perPhoto.toFixed(0)} ms of media phase per photo` : ""}.`,
    ...(budgets.length > 0
      ? [
          "",
          "| budget | measured | limit | |",
          "| --- | --- | --- | --- |",
          ...budgets.map((row) => `| ${row.join(" | ")} |`),
        ]
      : []),
    ...(result.search.length > 0
      ? [
          "",
          "Search, cold query on our search page (median over the terms; 1280 px window, service worker blocked):",
          "",
          "| site | first result | bytes | requests | thumbnails shown |",
          "| --- | --- | --- | --- | --- |",
          ...result.search.map(
            ({ label, ms, bytes, requests, thumbnails }) =>
              `| ${label} | ${ms.toFixed(0)} ms | ${formatBytes(bytes)} | ${requests} | ${thumbnails} |`,
          ),
        ]
      : []),
  ].join("\n");
}
