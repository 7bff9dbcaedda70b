/**
 * A snapshot in Chromium: opened straight from disk (file://), its links lead from page to page and
 * its search finds an article through the fallback index; served over http, it searches with Pagefind.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { makeSnapshot } from "../../scripts/lib/build/make-snapshot.ts";
import { collectErrors, launchBrowser, serveStatic } from "../support/browser.ts";
import { newsFile, tempDir, writeContent } from "../support/site.ts";

const content = writeContent({
  "news/2021/middle.md": newsFile({ title: "Middle item", date: "2021-07-15" }, "The quokka workshop of 2021.\n"),
  "news/2023/launch.md": newsFile(
    { title: "Launch of the wombat programme", date: "2023-03-10", tags: "[training]" },
    "The Fiscalía joined the wombat programme, after [the 2021 workshop](/news/2021/middle/).\n",
  ),
  "news/2023/december.md": newsFile({ title: "December meeting", date: "2023-12-05" }, "A meeting in December.\n"),
  "news/2023/lanzamiento.md": newsFile(
    { title: "Comienza el programa del canguro", date: "2023-03-10", lang: "es", translationOf: "/news/2023/launch/" },
    "La Asociación comenzó el programa wombat del canguro.\n",
  ),
});
const outDir = path.join(tempDir("snapshot-browser-"), "iap-2023");
await makeSnapshot({ contentDir: content, period: { from: 2023, to: 2023 }, outDir, takenOn: "2025-06-01" });
const data = path.join(outDir, "data");
const home = pathToFileURL(path.join(data, "index.html")).href;
const browser = await launchBrowser();

test.after(async () => {
  await browser.close();
});

test("from disk: the banner, links from page to page, and the about page", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(home);
  assert.is(
    await page.locator(".snapshot-banner p").textContent(),
    "Archived snapshot of IAP News Archive, 2023, taken on 1 June 2025. About this snapshot · Live archive↗ (live " +
      "site)",
  );
  assert.is(
    await page
      .locator(".snapshot-banner .visually-hidden")
      .boundingBox()
      .then((box) => box?.width),
    1,
    "“(live site)” is for screen readers; the arrow shows it",
  );
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "News" }).click();
  assert.is(page.url(), pathToFileURL(path.join(data, "news/index.html")).href);
  await page.getByRole("link", { name: "Launch of the wombat programme" }).click();
  assert.is(page.url(), pathToFileURL(path.join(data, "news/2023/launch/index.html")).href);
  assert.is(await page.locator("h1").textContent(), "Launch of the wombat programme");
  assert.is(
    await page.getByRole("link", { name: "the 2021 workshop (live site)" }).getAttribute("href"),
    "https://archive.iap-association.org/news/2021/middle/",
  );
  // The stylesheet loaded from disk: the banner has its background.
  assert.is(
    await page
      .locator(".snapshot-banner")
      .evaluate((banner) => getComputedStyle(banner).backgroundColor !== "rgba(0, 0, 0, 0)"),
    true,
  );
  await page.getByRole("link", { name: "About this snapshot" }).first().click();
  assert.is(await page.locator("h1").textContent(), "About this snapshot");
  assert.equal(errors, []);
  await page.close();
});

test("from disk: the header's search finds an article by a word without its accent, shown as on the site", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(home);
  await page.getByRole("searchbox", { name: "Search the archive" }).fill("fiscalia");
  await page.keyboard.press("Enter");
  await page.waitForURL(`${pathToFileURL(path.join(data, "search/index.html")).href}?q=fiscalia`);
  const result = page.locator("#search-results li").first();
  await result.waitFor();
  assert.is(await page.locator("#search-status").textContent(), "1 result for “fiscalia”");
  assert.is(await result.locator(".search-result-type").textContent(), "News");
  assert.is(await result.locator("time").textContent(), "10 March 2023");
  assert.is(
    await result.locator(".search-excerpt").textContent(),
    "The Fiscalía joined the wombat programme, after the 2021 workshop.",
  );
  assert.equal(await result.locator("mark").allTextContents(), ["Fiscalía"]);
  // Facets work from disk too.
  assert.is(await page.locator('fieldset[data-facet="type"] label').first().textContent(), "News (1)");
  await result.getByRole("link", { name: "Launch of the wombat programme" }).click();
  await page.waitForURL((url) => url.pathname.endsWith("/news/2023/launch/index.html"));
  assert.is(await page.locator("h1").textContent(), "Launch of the wombat programme");

  await page.goBack();
  await page.getByRole("searchbox", { name: "Words to search for" }).fill("quokka");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.search === "?q=quokka");
  await page.waitForFunction(() => document.querySelector("#search-status")?.textContent === "No results for “quokka”");
  assert.equal(errors, []);
  await page.close();
});

test("from disk: a Spanish item found with its language, the Language facet, translations as one result", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const search = pathToFileURL(path.join(data, "search/index.html")).href;
  await page.goto(`${search}?q=canguro`);
  const result = page.locator("#search-results li").first();
  await result.waitFor();
  assert.equal(await page.locator("#search-results h3").allTextContents(), ["Comienza el programa del canguro"]);
  assert.is(await result.locator("h3").getAttribute("lang"), "es");
  assert.is(await result.locator(".search-result-type").textContent(), "News · Español");

  await page.goto(`${search}?lang=es`);
  await page.waitForFunction(
    () => document.querySelector("#search-status")?.textContent === "1 result for the chosen filters",
  );
  assert.equal(await page.locator("#search-results h3").allTextContents(), ["Comienza el programa del canguro"]);
  assert.equal(await page.locator('fieldset[data-facet="lang"] li:not([hidden]) label').allTextContents(), [
    "English (2)",
    "Español (1)",
  ]);

  await page.goto(`${search}?q=wombat`);
  await page.locator(".search-also-in").waitFor();
  assert.equal(await page.locator("#search-results h3").allTextContents(), ["Launch of the wombat programme"]);
  assert.is(await page.locator(".search-also-in").textContent(), "Also found in: Español");
  assert.equal(errors, []);
  await page.close();
});

test("from disk: a misspelling gets the live site's suggestion; an item and its translation count once", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const search = pathToFileURL(path.join(data, "search/index.html")).href;
  await page.goto(`${search}?q=wombta`);
  await page.waitForFunction(() => document.querySelector("#search-status")?.textContent === "No results for “wombta”");
  assert.is(await page.locator("#search-empty-title").textContent(), "No results for “wombta”.");
  const suggestion = page.locator("#search-suggestion");
  await suggestion.waitFor();
  assert.is(await suggestion.textContent(), "Did you mean wombat (1 result)?");
  await suggestion.getByRole("link", { name: "wombat" }).click();
  await page.waitForFunction(() => document.querySelector("#search-status")?.textContent === "1 result for “wombat”");
  assert.is(new URL(page.url()).search, "?q=wombat");
  assert.equal(await page.locator("#search-results h3").allTextContents(), ["Launch of the wombat programme"]);
  assert.is(await page.locator(".search-also-in").textContent(), "Also found in: Español");
  // Found as typed: nothing to suggest.
  assert.is(await suggestion.isHidden(), true);
  assert.equal(errors, []);
  await page.close();
});

test("over http the snapshot searches with Pagefind, which finds the year's articles only", async () => {
  const server = await serveStatic(data);
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${server.url}/search/?q=wombat`);
  const link = page.locator("#search-results a").first();
  await link.waitFor();
  assert.is(await link.textContent(), "Launch of the wombat programme");
  assert.ok(requested.includes("/pagefind/pagefind.js"), "Pagefind was loaded");
  assert.not.ok(requested.includes("/search-index.js"), "the fallback index was not");
  await link.click();
  await page.waitForURL((url) => url.pathname === "/news/2023/launch/");
  await page.goto(`${server.url}/search/?q=quokka`);
  await page.waitForFunction(() => document.querySelector("#search-status")?.textContent === "No results for “quokka”");
  assert.equal(errors, []);
  await page.close();
  await server.close();
});

test.run();
