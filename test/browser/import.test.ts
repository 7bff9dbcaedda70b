/**
 * An imported old site searched in real Chromium: `npm run import` on the tests' old site (as a
 * mirror folder this time), the build, then the header's search box finds an imported item by a
 * word of its text, and the result opens its page.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { conferences, site as siteData, topics } from "../../scripts/lib/content/data.ts";
import { runImport } from "../../scripts/lib/import/run.ts";
import { collectErrors, launchBrowser, serveStatic } from "../support/browser.ts";
import { writeOldSite } from "../support/old-site.ts";
import { buildSite, tempDir } from "../support/site.ts";

const old = await writeOldSite();
const content = tempDir("import-browser-");
await runImport({ source: old.mirror, contentDir: content, rules: {}, site: siteData, topics, conferences });
const site = await buildSite(content, { mediaCacheDir: tempDir("media-cache-") });
const server = await serveStatic(site.outDir);
const browser = await launchBrowser();

test("the header's search finds an imported item by a word of its text, and opens it", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/`);
  await page
    .getByRole("search", { name: "Site" })
    .getByRole("searchbox", { name: "Search the archive" })
    .fill("Generalbundesanwalt");
  await page.getByRole("search", { name: "Site" }).getByRole("button", { name: "Search" }).click();
  await page.waitForURL(`${server.url}/search/?q=Generalbundesanwalt`);
  await page.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
  assert.equal(await page.locator("#search-results h3 a").allTextContents(), [
    "Statement on the independence of prosecutors",
  ]);
  await page.locator("#search-results h3 a").click();
  // The result link may carry the words to highlight as a query.
  await page.waitForURL((url) => url.pathname === "/news/2014/statement-on-the-independence-of-prosecutors/");
  assert.is(await page.locator("h1").textContent(), "Statement on the independence of prosecutors");
  assert.equal(errors, []);
});

test.after(async () => {
  await browser.close();
  await server.close();
});

test.run();
