/**
 * Offline reading in real Chromium, with the service worker the build writes: pages and searches
 * of a visit work offline, an unvisited page shows the offline page, "Save the archive" makes
 * every page and search work offline, and a new deploy is offered as a reload — at the site root
 * and under a base path.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { launchBrowser, serveStatic } from "../support/browser.ts";
import { buildSite, repoRoot, tempDir } from "../support/site.ts";

const browser = await launchBrowser();
const newsUrl = "news/2023/iap-signed-mou-with-aiamp/";
const abstractUrl = "abstracts/annual-27/mahiques-heads-of-prosecution-services/";

test.after(async () => {
  await browser.close();
});

/**
 * The page's console errors, except the failures by which the pages learn what is not saved: the
 * service worker's 504 "not saved" answers (and Pagefind's note of one), and the offline page's try
 * at downloading the list of files to save.
 */
function collectUnexpectedErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    const url = message.location().url;
    if (message.type() !== "error") return;
    if (
      text.includes("status of 504 (Not saved for offline reading)") ||
      text.includes("is not saved on this device") ||
      url.endsWith("/offline/files.json")
    )
      return;
    errors.push(`${text} (${url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Opens a page and waits until the service worker controls it. */
async function openControlled(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

/** The first page of a visit asks the worker to keep it; wait until it is in the pages cache. */
async function waitUntilKept(page: Page, url: string): Promise<void> {
  await page.waitForFunction(
    async (wanted) => (await (await caches.open("archive-pages-v1")).match(wanted)) !== undefined,
    url,
  );
}

for (const basePath of ["/", "/archive/"]) {
  test(`one visit, then offline: visited pages and search work, others the offline page (${basePath})`, async () => {
    const site = await buildSite(path.join(repoRoot, "src"), { basePath });
    const server = await serveStatic(site.outDir, { basePath });
    const context = await browser.newContext();
    try {
      const page = await openControlled(context, `${server.url}/`);
      const errors = collectUnexpectedErrors(page);
      await waitUntilKept(page, `${server.url}/`);
      await page.goto(`${server.url}/${newsUrl}`);
      await page.goto(`${server.url}/search/?q=AIAMP`);
      await page.locator("#search-results a").first().waitFor();
      // The facets load after the first results: the visit is over once the search has settled.
      await page.waitForFunction(
        () => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false",
      );

      await context.setOffline(true);
      await page.goto(`${server.url}/`);
      assert.is(await page.locator("h1").textContent(), "IAP News Archive");
      await page.goto(`${server.url}/${newsUrl}`);
      assert.is(await page.locator("h1").textContent(), "The IAP signed MOU with AIAMP");

      await page.goto(`${server.url}/search/?q=AIAMP`);
      const result = page.locator("#search-results a").first();
      await result.waitFor();
      assert.is(await result.textContent(), "The IAP signed MOU with AIAMP");
      await result.click();
      await page.waitForURL((url) => url.pathname === `${basePath}${newsUrl}`);
      assert.is(await page.locator("h1").textContent(), "The IAP signed MOU with AIAMP");

      // The abstract's fragment was never downloaded: its result says so instead of vanishing.
      await page.goto(`${server.url}/search/?q=Panama`);
      const unavailable = page.locator("#search-results .search-result-unavailable");
      await unavailable.waitFor();
      assert.is(
        await unavailable.textContent(),
        "This result is not saved for offline reading. Open it when you are online, or save the whole archive on " +
          "the Offline reading page.",
      );

      // The part of the index a search needs is missing from the caches: the page says so, never "No results".
      await page.evaluate(async () => {
        const cache = await caches.open("archive-search-v1");
        for (const request of await cache.keys()) if (request.url.endsWith(".pf_index")) await cache.delete(request);
      });
      await page.goto(`${server.url}/search/?q=AIAMP`);
      const status = page.locator("#search-status");
      await status.filter({ hasText: "not saved" }).waitFor();
      assert.is(
        await status.textContent(),
        "The part of the search index this search needs is not saved on this device. Search again when you are " +
          "online, or Save the archive to search it offline.",
      );
      assert.is(
        await status.getByRole("link", { name: "Save the archive" }).getAttribute("href"),
        `${server.url}/offline/`,
      );
      assert.is(await page.locator("#search-results a").count(), 0);

      await page.goto(`${server.url}/conferences/`);
      assert.is(await page.locator("h1").textContent(), "Offline reading");
      await page.locator("#offline-status").filter({ hasText: "is not saved on this device" }).waitFor();
      assert.match(
        (await page.locator("#offline-status").textContent()) ?? "",
        `${basePath}conferences/ is not saved on this device`,
      );
      await page.locator("#offline-available a").first().waitFor();
      const available = await page.locator("#offline-available a").allTextContents();
      assert.ok(available.includes("The IAP signed MOU with AIAMP"), `available: ${available.join(", ")}`);
      assert.equal(errors, []);
    } finally {
      await context.close();
      await server.close();
    }
  });
}

test("Save the archive: size first, progress, then every page and any search offline; Remove empties it", async () => {
  const site = await buildSite(path.join(repoRoot, "src"), { basePath: "/archive/" });
  const server = await serveStatic(site.outDir, { basePath: "/archive/" });
  const context = await browser.newContext();
  try {
    const page = await openControlled(context, `${server.url}/offline/`);
    const errors = collectUnexpectedErrors(page);
    const manifest = JSON.parse(site.read("/offline/files.json")) as { files: unknown[]; bytes: number };
    await page.locator("#offline-save:enabled").waitFor();
    assert.is(
      await page.locator("#offline-size").textContent(),
      `The whole archive is ${manifest.files.length} files, ${(manifest.bytes / 1_000_000).toFixed(1)} MB in all; ` +
        `saving downloads only those not saved yet.`,
    );
    await page.locator("#offline-save").click();
    await page.locator("#offline-status").filter({ hasText: "The whole archive is saved" }).waitFor();
    // Counted over the same files the size named, pages saved before included, so that the two numbers agree.
    assert.match(
      (await page.locator("#offline-progress-text").textContent()) ?? "",
      new RegExp(`\\(${manifest.files.length} of ${manifest.files.length} files\\)$`),
    );
    const saved = await page.evaluate(
      async () =>
        (await (await caches.open("archive-pages-v1")).keys()).filter((request) => !request.url.endsWith("/offline/"))
          .length,
    );
    assert.is(await page.locator("#offline-available-count").textContent(), `${saved} pages are saved on this device.`);
    assert.is(await page.locator("#offline-available li").count(), saved);
    assert.is(
      await page
        .locator("#offline-progress")
        .evaluate((bar) => (bar as HTMLProgressElement).value === (bar as HTMLProgressElement).max),
      true,
    );
    assert.match((await page.locator("#offline-usage").textContent()) ?? "", /use \d+\.\d MB of this device's storage/);

    await context.setOffline(true);
    const pages = [
      ...site.read("/sitemap.xml").matchAll(/<loc>https:\/\/archive\.iap-association\.org\/archive\/([^<]*)<\/loc>/g),
    ].map((match) => match[1] as string);
    // 23: the sample's pages, its Spanish news item among them.
    assert.is(pages.length, 23);
    for (const url of pages) {
      await page.goto(`${server.url}/${url}`);
      const heading = await page.locator("h1").textContent();
      assert.ok(url === "offline/" || heading !== "Offline reading", `${url} was not saved`);
    }
    // A word only in the abstract, never searched online before.
    await page.goto(`${server.url}/search/?q=Panama`);
    const result = page.locator("#search-results a").first();
    await result.waitFor();
    assert.is(
      await result.textContent(),
      "Juan Bautista Mahiques: Special Interest Group Session – Heads of Prosecution Services",
    );

    await page.goto(`${server.url}/offline/`);
    await page.locator("#offline-remove:enabled").click();
    await page.locator("#offline-status").filter({ hasText: "was removed" }).waitFor();
    assert.is(await page.evaluate(async () => (await (await caches.open("archive-pages-v1")).keys()).length), 0);
    await page.goto(`${server.url}/${abstractUrl}`);
    assert.is(await page.locator("h1").textContent(), "Offline reading");
    assert.equal(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test("an article's first visit loads 4 files; the idle worker fetches 13, each once, all used by search", async () => {
  const site = await buildSite(path.join(repoRoot, "src"));
  const server = await serveStatic(site.outDir);
  const context = await browser.newContext();
  try {
    const byWorker: string[] = [];
    // The page asks the worker to keep it once the worker is ready: that request comes after activation.
    let pageKept = (): void => {};
    const kept = new Promise<void>((resolve) => (pageKept = resolve));
    context.on("request", (request) => {
      if (!request.serviceWorker()) return;
      const pathname = new URL(request.url()).pathname;
      byWorker.push(pathname);
      if (pathname === `/${newsUrl}`) pageKept();
    });
    const page = await context.newPage();
    const errors = collectUnexpectedErrors(page);
    // Whether the worker is registered when the load event fires: it must wait until the page is idle.
    await page.addInitScript(() =>
      addEventListener("load", async () => {
        (window as unknown as { registeredAtLoad?: boolean }).registeredAtLoad =
          (await navigator.serviceWorker.getRegistration()) !== undefined;
      }),
    );
    await page.goto(`${server.url}/${newsUrl}`);
    // The browser's own request for the favicon is left out: it is not the page's, and comes when it likes.
    const pageFiles = await page.evaluate(() => [
      location.pathname,
      ...performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname),
    ]);
    assert.equal(
      pageFiles
        .map((file) => file.replace(/[0-9a-f]{10}/, "HASH").replace(/\/[\w-]{10}-800\.avif$/, "/PHOTO-800.avif"))
        .filter((file) => !file.startsWith("/assets/favicon."))
        .sort(),
      ["/assets/register.HASH.js", "/assets/site.HASH.css", `/${newsUrl}`, `/${newsUrl}PHOTO-800.avif`],
    );
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated");
    // At most 10 s: a page never kept then fails the list below, naming what was fetched.
    await Promise.race([kept, page.waitForTimeout(10_000)]);
    assert.is(await page.evaluate(() => (window as unknown as { registeredAtLoad?: boolean }).registeredAtLoad), false);
    const hashless = (files: string[]) => files.map((file) => file.replace(/[0-9a-f]{10}/, "HASH"));
    const precached = hashless(byWorker);
    assert.equal(
      precached.filter((file, index) => precached.indexOf(file) !== index),
      [],
      "the worker fetches no file twice",
    );
    assert.equal(
      hashless(server.requested).filter((file) => file.startsWith("/search/")),
      ["/search/index.html"],
    );
    // The shell, the search page and what it loads first, the offline page, and the page read.
    assert.equal(precached.sort(), [
      "/assets/favicon.HASH.svg",
      "/assets/offline.HASH.js",
      "/assets/register.HASH.js",
      "/assets/search.HASH.js",
      "/assets/site.HASH.css",
      `/${newsUrl}`,
      "/offline/index.html",
      "/pagefind/pagefind-entry.json",
      "/pagefind/pagefind.en_HASH.pf_meta",
      "/pagefind/pagefind.js",
      "/pagefind/wasm.en.pagefind",
      "/search/index.html",
      "/sw.js",
    ]);
    assert.equal(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test("the offline page counts the saved pages in words and lists them by address; past 100 it says so", async () => {
  const site = await buildSite(path.join(repoRoot, "src"));
  const server = await serveStatic(site.outDir);
  const context = await browser.newContext();
  try {
    const page = await openControlled(context, `${server.url}/offline/`);
    /** Puts `count` pages in the pages cache, in reverse address order, then opens the offline page afresh. */
    const saved = async (count: number) => {
      await page.evaluate(async (count) => {
        await caches.delete("archive-pages-v1");
        const cache = await caches.open("archive-pages-v1");
        for (let index = count; index >= 1; index--) {
          const number = String(index).padStart(3, "0");
          await cache.put(
            `/news/2023/item-${number}/`,
            new Response(`<!doctype html><title>t</title><h1>Item ${number}</h1>`, {
              headers: { "content-type": "text/html" },
            }),
          );
        }
      }, count);
      await page.reload();
      await page.locator("#offline-available-count").filter({ hasText: "saved" }).waitFor();
      return {
        count: await page.locator("#offline-available-count").textContent(),
        listed: await page.locator("#offline-available a").allTextContents(),
      };
    };
    assert.equal(await saved(1), { count: "1 page is saved on this device.", listed: ["Item 001"] });
    const many = await saved(101);
    assert.is(many.count, "101 pages are saved on this device; the first 100, by address, are listed below.");
    assert.is(many.listed.length, 100);
    assert.equal([many.listed[0], many.listed[1], many.listed[99]], ["Item 001", "Item 002", "Item 100"]);
  } finally {
    await context.close();
    await server.close();
  }
});

test("a new deploy is offered as a reload, then shows the new content; search finds only the new words", async () => {
  const content = tempDir("content-");
  cpSync(path.join(repoRoot, "src/news"), path.join(content, "news"), { recursive: true });
  cpSync(path.join(repoRoot, "src/abstracts"), path.join(content, "abstracts"), { recursive: true });
  const site = await buildSite(content, { basePath: "/archive/" });
  const server = await serveStatic(site.outDir, { basePath: "/archive/" });
  const context = await browser.newContext();
  try {
    const page = await openControlled(context, `${server.url}/${newsUrl}`);
    const errors = collectUnexpectedErrors(page);
    await page.goto(`${server.url}/search/?q=AIAMP`);
    await page.locator("#search-results a").first().waitFor();

    const file = path.join(content, "news/2023/iap-signed-mou-with-aiamp/index.md");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "title: The IAP signed MOU with AIAMP",
        "title: The IAP and AIAMP sign a Zanzibarian memorandum",
      ),
    );
    await buildSite(content, { basePath: "/archive/", outDir: site.outDir });

    await page.goto(`${server.url}/${newsUrl}`);
    const notice = page.locator(".update-notice");
    await notice.waitFor();
    assert.is(await notice.textContent(), "A new version of the archive is available — Reload");
    await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload" }).click()]);
    await page.locator("h1").filter({ hasText: "Zanzibarian" }).waitFor();

    await page.goto(`${server.url}/search/?q=Zanzibarian`);
    const result = page.locator("#search-results a").first();
    await result.waitFor();
    assert.is(await result.textContent(), "The IAP and AIAMP sign a Zanzibarian memorandum");
    await page.goto(`${server.url}/search/?q=signed`);
    await page
      .locator("#search-status")
      .filter({ hasText: /result/ })
      .waitFor();
    assert.not.ok(
      (await page.locator("#search-results a").allTextContents()).includes("The IAP signed MOU with AIAMP"),
    );
    assert.equal(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test.run();
