/**
 * The preview's pages under npm start, in real Chromium: the page open in the tab says when the
 * build refuses a save, and stops saying it once the file is fixed; /offline/ tells an online reader
 * the truth; the 404 page runs its live-reload client without breaking its own policy; axe-core finds
 * nothing on the preview's pages, banner included.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import axe from "axe-core";
import type { Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { collectErrors, launchBrowser } from "../support/browser.ts";
import { newsFile, tempDir, writeContent } from "../support/site.ts";
import { startPreview } from "../support/start.ts";

const contentDir = writeContent({
  "news/2023/alpha/index.md": newsFile({ title: "Alpha item", date: "2023-05-01" }, "Alpha's text.\n"),
});
const article = path.join(contentDir, "news/2023/alpha/index.md");
const { base, nextLine, stop } = await startPreview(contentDir, path.join(tempDir("preview-"), "_preview"));
const browser = await launchBrowser();

/**
 * What axe-core finds on a page, in a tab of its own that lets the test add axe's script despite the page's policy;
 * `ready` waits for what the page's scripts add.
 */
async function axeViolations(
  url: string,
  ready: (tab: Page) => Promise<unknown> = async () => undefined,
): Promise<string[]> {
  const tab = await browser.newPage({ bypassCSP: true });
  await tab.goto(`${base}${url}`);
  await ready(tab);
  await tab.addScriptTag({ content: axe.source });
  const found = await tab.evaluate(async () =>
    (await (window as unknown as { axe: typeof axe }).axe.run(document)).violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  );
  await tab.close();
  return found;
}

test("a save the build refuses shows in the open page, with the build's message, until the file is fixed", async () => {
  const tab = await browser.newPage();
  const errors = collectErrors(tab);
  await tab.goto(`${base}/news/2023/alpha/`);
  const banner = tab.getByRole("alert");
  assert.is(await banner.isVisible(), false);
  const good = readFileSync(article, "utf8");
  const refused = nextLine(/^preview not updated: fix the errors above and save again$/);
  writeFileSync(article, good.replace("date: 2023-05-01", "date: 2023-02-30"));
  await refused;
  await banner.waitFor();
  assert.is(await banner.locator("h2").textContent(), "This page is out of date: the build refuses the content");
  assert.is(
    await banner.locator("pre").textContent(),
    `1 content error:\n` +
      `  ${article}:3: date "2023-02-30" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no time or time zone)`,
  );
  assert.is(await tab.locator("h1").textContent(), "Alpha item", "the last good page stays");
  assert.equal(await axeViolations("/news/2023/alpha/", (other) => other.getByRole("alert").waitFor()), []);
  // The whole preview's rebuild after the fix reloads every open tab: the next test starts after it.
  const rebuilt = nextLine(/^background pass done: /);
  writeFileSync(article, good);
  await banner.waitFor({ state: "hidden" });
  await rebuilt;
  assert.equal(errors, []);
  await tab.close();
});

test("/offline/ in the preview says it has no offline files, not that the reader is offline", async () => {
  const tab = await browser.newPage();
  await tab.goto(`${base}/offline/`);
  const size = tab.locator("#offline-size");
  await tab.waitForFunction(
    () => document.querySelector("#offline-size")?.textContent === "There is no list of files to save here.",
  );
  assert.is(
    await tab.locator("#offline-status").textContent(),
    "This copy of the archive has no offline files (a preview has none): saving it for offline reading works on the " +
      "published archive.",
  );
  assert.is(await size.textContent(), "There is no list of files to save here.");
  assert.is(await tab.locator("#offline-save").isDisabled(), true);
  assert.equal(
    await axeViolations("/offline/", (other) =>
      other.waitForFunction(
        () => document.querySelector("#offline-size")?.textContent === "There is no list of files to save here.",
      ),
    ),
    [],
  );
  await tab.close();
});

test("regression: the 404 page loads the live-reload client as a file its policy allows; no error", async () => {
  const tab = await browser.newPage();
  const errors = collectErrors(tab);
  const response = await tab.goto(`${base}/news/2023/no-such-item/`);
  assert.is(response?.status(), 404);
  assert.is(await tab.locator("h1").textContent(), "Page not found");
  assert.is(await tab.locator("script[src^='/.11ty/reload-client.js']").count(), 1);
  assert.is(await tab.locator("script:not([src]):not([type='application/ld+json'])").count(), 0);
  await tab.waitForLoadState("networkidle");
  assert.equal(errors, ["Failed to load resource: the server responded with a status of 404 (Not Found)"]);
  assert.equal(await axeViolations("/news/2023/no-such-item/"), []);
  await tab.close();
});

test("axe-core finds nothing on the preview's home and item pages", async () => {
  for (const url of ["/", "/news/2023/alpha/"]) assert.equal(await axeViolations(url), [], url);
});

test.after(async () => {
  await browser.close();
  stop();
});

test.run();
