/** The sample archive in real Chromium: pages render, links work, nothing errors, no JavaScript. */
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { collectErrors, launchBrowser, serveStatic } from "../support/browser.ts";
import { buildSite, repoRoot } from "../support/site.ts";

const site = await buildSite(path.join(repoRoot, "src"));
const server = await serveStatic(site.outDir);
const browser = await launchBrowser();

test.after(async () => {
  await browser.close();
  await server.close();
});

test("the home page and a news article render in Chromium with no console errors", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const failed: string[] = [];
  page.on("requestfailed", (request) => failed.push(request.url()));
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.url}/`);
  assert.is(await page.locator("h1").textContent(), "IAP News Archive");
  await page.getByRole("link", { name: "The IAP signed MOU with AIAMP" }).click();
  await page.waitForURL(`${server.url}/news/2023/iap-signed-mou-with-aiamp/`);
  assert.is(await page.locator("h1").textContent(), "The IAP signed MOU with AIAMP");
  assert.is(await page.locator("article time").textContent(), "14 November 2023");
  // The stylesheet applied: the main column is narrower than a maximised window.
  const width = await page.locator(".prose").evaluate((element) => element.getBoundingClientRect().width);
  assert.ok(width > 300 && width <= 42 * 16 + 1, `prose width ${width}px`);
  // Reading needs no JavaScript: the one script registers the service worker for offline reading.
  assert.equal(
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement>('script:not([type="application/ld+json"])')].map((script) =>
        new URL(script.src).pathname.replace(/[0-9a-f]{10}/, "HASH"),
      ),
    ),
    ["/assets/register.HASH.js"],
  );
  assert.equal(failed, []);
  assert.equal(errors, []);
  await page.close();
});

test("an abstract page links to its conference", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/abstracts/annual-27/mahiques-heads-of-prosecution-services/`);
  await page.getByRole("link", { name: "IAP 27th Annual Conference & General Meeting" }).first().click();
  await page.waitForURL(`${server.url}/conferences/annual-27/`);
  assert.is(await page.locator("h1").textContent(), "IAP 27th Annual Conference & General Meeting");
  assert.is(
    await page.locator("section h4 a").textContent(),
    "Juan Bautista Mahiques: Special Interest Group Session – Heads of Prosecution Services",
  );
  assert.equal(errors, []);
  await page.close();
});

test("the Content-Security-Policy is in force: an injected inline script does not run", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/news/2023/iap-signed-mou-with-aiamp/`);
  assert.match(
    (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "",
    "script-src 'self';",
  );
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.head.append(script);
  });
  assert.is(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected), undefined);
  assert.equal(
    errors.map((error) => error.split(". Either")[0]),
    ["Executing inline script violates the following Content Security Policy directive 'script-src 'self''"],
  );
  await page.close();
});

test.run();
