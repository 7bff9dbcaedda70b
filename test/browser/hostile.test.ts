/**
 * Script injection in real Chromium: every page built from the injection fixture (payloads in
 * every front-matter field, markdown-it's XSS cases in the body) is opened with its
 * Content-Security-Policy bypassed, so that escaping alone must keep the payloads inert: no dialog
 * opens and `window.__pwned`, which each payload would set, stays unset. Search shows them as text.
 */
import path from "node:path";
import { readdirSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { injectionFiles, payload } from "../fixtures/hostile/injection.ts";
import { launchBrowser, serveStatic } from "../support/browser.ts";
import { buildSite, writeContent } from "../support/site.ts";

const site = await buildSite(writeContent(injectionFiles));
const server = await serveStatic(site.outDir);
const browser = await launchBrowser();
// The CSP would block inline script anyway; bypassing it proves the markup itself is inert.
const context: BrowserContext = await browser.newContext({ bypassCSP: true });

test.after(async () => {
  await context.close();
  await browser.close();
  await server.close();
});

/** A page that records dialogs and uncaught errors. */
async function watchedPage(on: BrowserContext = context): Promise<{ page: Page; events: string[] }> {
  const page = await on.newPage();
  const events: string[] = [];
  page.on("dialog", (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => events.push(`error: ${error.message}`));
  return { page, events };
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);

test("no page built from hostile content runs a payload", async () => {
  const files = readdirSync(site.outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => `/${path.relative(site.outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
    .sort();
  assert.is(files.length, site.report.pages);
  const { page, events } = await watchedPage();
  const ran: string[] = [];
  for (const file of files) {
    const url = file.replace(/index\.html$/, "");
    await page.goto(`${server.url}${url.split("/").map(encodeURIComponent).join("/")}`, { waitUntil: "load" });
    // The alias's redirect page moves on at once (meta refresh): check the page it lands on.
    if (url.startsWith("/old/")) await page.waitForURL(`${server.url}/news/2023/injection/`, { waitUntil: "load" });
    // No wait needed: every payload kind here (script, img onerror, svg onload, javascript: iframe)
    // runs while the page parses or before its load event, which goto has awaited.
    const value = await pwned(page);
    if (value !== null) ran.push(`${url}: ${String(value)}`);
  }
  assert.equal(ran, []);
  assert.equal(events, []);
  await page.close();
});

test("search finds the injected items and shows their payloads as text", async () => {
  const { page, events } = await watchedPage(await browser.newContext({ bypassCSP: true }));
  await page.goto(`${server.url}/search/?q=pwned&sort=newest`);
  await page.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
  // Newest first: the news item, then the two abstracts of one conference (same date, either order).
  const titles = await page.locator("#search-results h3 a").allTextContents();
  assert.is(titles[0], payload("title"));
  assert.equal(
    titles.slice(1).sort(),
    [payload("abstract title"), `${payload("speaker")}: ${payload("session")}`].sort(),
  );
  // Results are made of the view's own elements only; payloads in titles, excerpts and metadata are text.
  const tags = await page
    .locator("#search-results *")
    .evaluateAll((elements) => [...new Set(elements.map((element) => element.tagName.toLowerCase()))].sort());
  assert.equal(tags, ["a", "h3", "li", "mark", "p", "time"]);
  const excerpt = (await page.locator("#search-results .search-excerpt").first().textContent()) ?? "";
  assert.ok(
    excerpt.includes(
      `<img src=x onerror="window.__pwned='title'"></title></textarea></script><script>window.__pwned='title'</script>`,
    ),
    excerpt,
  );
  assert.equal(await page.locator("#search-results .meta").allTextContents(), [
    "5 May 2023",
    `25 September 2022 · IAP 27th Annual Conference & General Meeting · ${payload("speaker")}`,
    `25 September 2022 · IAP 27th Annual Conference & General Meeting · ${payload("speaker")}`,
  ]);
  const speakerFacet = await page.locator('fieldset[data-facet="speaker"] label').allTextContents();
  assert.equal(speakerFacet, [`${payload("speaker")} (2)`]);
  // The results hold only the view's elements (above): no markup is left that could run later.
  assert.is(await pwned(page), null);
  assert.equal(events, []);
  await page.close();
});

test.run();
