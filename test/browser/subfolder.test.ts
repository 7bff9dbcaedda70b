/**
 * The archive built with --base-path /archive/ and served from that folder on a plain static host:
 * every page reachable by crawling, no broken link or #fragment, and a search whose results open.
 */
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { collectErrors, launchBrowser, serveStatic } from "../support/browser.ts";
import { buildSite, repoRoot } from "../support/site.ts";

const site = await buildSite(path.join(repoRoot, "src"), { basePath: "/archive/" });
const server = await serveStatic(site.outDir, { basePath: "/archive/" });
const origin = new URL(server.url).origin;
const browser = await launchBrowser();

test.after(async () => {
  await browser.close();
  await server.close();
});

test("crawling from the home page reaches every page, and every link and #fragment resolves", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const failedRequests: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  });
  const seen = new Set<string>();
  const queue = [`${server.url}/`];
  const broken: string[] = [];
  const fragments: { from: string; to: string; id: string }[] = [];
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    // Files (feeds, styles, scripts) are fetched, not opened: a browser tab showing a feed would
    // also ask for /favicon.ico at the host's root, outside the archive's folder.
    if (/\.[a-z]+$/.test(new URL(url).pathname) && !url.endsWith(".html")) {
      const file = await page.request.get(url);
      if (file.status() !== 200) broken.push(`${url} (${file.status()})`);
      continue;
    }
    const response = await page.goto(url);
    if (!response || response.status() !== 200) {
      broken.push(`${url} (${response?.status()})`);
      continue;
    }
    const links = await page.$$eval("a[href], link[href], script[src], img[src], form[action]", (elements) =>
      elements.map(
        (element) =>
          (element as HTMLAnchorElement).href ||
          (element as HTMLScriptElement).src ||
          (element as HTMLFormElement).action,
      ),
    );
    for (const link of links) {
      const target = new URL(link);
      if (target.origin !== origin) continue;
      if (target.hash)
        fragments.push({
          from: url,
          to: `${target.origin}${target.pathname}`,
          id: decodeURIComponent(target.hash.slice(1)),
        });
      target.hash = "";
      target.search = "";
      if (!seen.has(target.href)) queue.push(target.href);
    }
  }
  for (const { from, to, id } of fragments) {
    await page.goto(to);
    if ((await page.locator(`[id="${id}"]`).count()) === 0) broken.push(`${from} → ${to}#${id}`);
  }
  assert.equal(broken, []);
  assert.equal(failedRequests, []);
  assert.ok(
    [...seen].every((url) => url.startsWith(`${server.url}/`)),
    "every internal URL stays under /archive/",
  );
  // Every page of the sitemap was reached by following links.
  const sitemap = site.read("/sitemap.xml");
  const pages = [...sitemap.matchAll(/<loc>https:\/\/archive\.iap-association\.org\/archive\/([^<]*)<\/loc>/g)].map(
    (match) => `${server.url}/${match[1]}`,
  );
  // 23: topics nothing is tagged with have no page.
  assert.is(pages.length, 23);
  assert.equal(
    pages.filter((url) => !seen.has(url)),
    [],
  );
  assert.equal(errors, []);
  await page.close();
});

test("search works under the subfolder and its results open", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/`);
  await page.getByRole("searchbox").first().fill("AIAMP");
  await page.keyboard.press("Enter");
  await page.waitForURL(`${server.url}/search/?q=AIAMP`);
  const result = page.locator("#search-results a").first();
  await result.waitFor();
  assert.is(await result.textContent(), "The IAP signed MOU with AIAMP");
  await result.click();
  await page.waitForURL((url) => url.pathname === "/archive/news/2023/iap-signed-mou-with-aiamp/");
  assert.is(await page.locator("h1").textContent(), "The IAP signed MOU with AIAMP");
  assert.equal(errors, []);
  await page.close();
});

test("under the subfolder: a Spanish item found without accents, the Language facet, the Also in link", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/`);
  await page.getByRole("searchbox").first().fill("fiscalias");
  await page.keyboard.press("Enter");
  await page.waitForURL(`${server.url}/search/?q=fiscalias`);
  const result = page.locator("#search-results h3 a").first();
  await result.waitFor();
  assert.is(await result.textContent(), "La IAP firmó un memorando de entendimiento con la AIAMP");

  await page.goto(`${server.url}/search/?q=AIAMP`);
  await page.getByRole("checkbox", { name: "Español" }).check();
  await page.waitForURL(`${server.url}/search/?q=AIAMP&lang=es`);
  await page.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
  assert.equal(await page.locator("#search-results h3 a").allTextContents(), [
    "La IAP firmó un memorando de entendimiento con la AIAMP",
  ]);
  await page.locator("#search-results h3 a").click();
  await page.waitForURL((url) => url.pathname === "/archive/news/2023/la-iap-firmo-un-memorando-con-la-aiamp/");
  await page.getByRole("link", { name: "English" }).click();
  await page.waitForURL(`${server.url}/news/2023/iap-signed-mou-with-aiamp/`);
  assert.is(await page.locator("h1").textContent(), "The IAP signed MOU with AIAMP");
  assert.equal(errors, []);
  await page.close();
});

test("an old URL from the previous site redirects to the article inside the subfolder", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/News/The-IAP-signed-MOU-with-AIAMP`);
  await page.waitForURL(`${server.url}/news/2023/iap-signed-mou-with-aiamp/`);
  assert.is(await page.locator("h1").textContent(), "The IAP signed MOU with AIAMP");
  await page.close();
});

test("the 404 page's links work from any depth under the subfolder", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/404.html`);
  assert.is(await page.locator('main a[href="/archive/news/"]').count(), 1);
  await page.close();
});

test.run();
