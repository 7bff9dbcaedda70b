/**
 * `npm start` for real, on a small content folder: it builds the preview, serves it with live
 * reload, serves an edit's page, keeps the last good page when a save breaks the content, and its
 * search finds the edit once the whole build that follows is swapped in. Each step waits for the
 * line the preview prints when it is done, not for a time.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { launchBrowser } from "../../scripts/lib/util/browser.ts";
import { newsFile, page, repoRoot, tempDir, text, writeContent } from "../support/site.ts";

const contentDir = writeContent({
  "news/2023/alpha.md": newsFile({ title: "Alpha item", date: "2023-05-01" }, "Alpha's first paragraph.\n"),
  "news/2023/beta.md": newsFile({ title: "Beta item", date: "2023-06-01" }),
});
const outDir = path.join(tempDir("start-"), "_preview");
const start = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--content", contentDir, "--out", outDir, "--port", "0"], {
  cwd: repoRoot,
  stdio: ["ignore", "pipe", "inherit"],
});
const output: string[] = [];
const waiting: { wanted: RegExp; resolve: (line: string) => void }[] = [];
createInterface({ input: start.stdout }).on("line", (line) => {
  output.push(line);
  for (const waiter of waiting.filter(({ wanted }) => wanted.test(line))) {
    waiting.splice(waiting.indexOf(waiter), 1);
    waiter.resolve(line);
  }
});
const exited = new Promise<never>((_, reject) => start.once("exit", (code) => reject(new Error(`npm start exited (${code}):\n${output.join("\n")}`))));
/** The next line the preview prints that matches `wanted` (lines before the call do not count). */
const nextLine = (wanted: RegExp) => Promise.race([new Promise<string>((resolve) => waiting.push({ wanted, resolve })), exited]);

const served = nextLine(/^serving http/);
const base = (await served).replace(/^serving /, "").replace(/\/$/, "");
const get = async (url: string) => (await fetch(`${base}${url}`)).text();
const article = path.join(contentDir, "news/2023/alpha.md");

const browser = await launchBrowser();

test("the preview is built and served with the live-reload client", async () => {
  assert.is(text(page(await get("/news/2023/alpha/"))("h1")), "Alpha item");
  const tab = await browser.newPage();
  await tab.goto(`${base}/news/2023/alpha/`);
  assert.equal(await tab.locator("script[src^='/.11ty/reload-client.js']").count(), 1, "the dev server's live-reload client is in the page");
  await tab.close();
});

/** Registered before the edit: that build may be done before the test that waits for it starts. */
let rebuilt: Promise<string> | undefined;

test("an edit's page is served as soon as the preview says so", async () => {
  rebuilt = nextLine(/^background pass done/);
  const updated = nextLine(/^updated \/news\/2023\/alpha\/ in /);
  writeFileSync(article, newsFile({ title: "Alpha item, revised", date: "2023-05-01" }, "Now with a flamingo.\n"));
  await updated;
  assert.is(text(page(await get("/news/2023/alpha/"))("h1")), "Alpha item, revised");
});

test("search finds the edit once the whole build after it is served", async () => {
  await rebuilt;
  const tab = await browser.newPage();
  await tab.goto(`${base}/search/?q=flamingo`);
  await tab.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
  const found = await tab.locator("#search-results a[href]").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  assert.equal(found, ["/news/2023/alpha/"]);
  await tab.close();
});

test("a broken save prints the build's error and the last good page stays served", async () => {
  const refused = nextLine(/^preview not updated: fix the errors above and save again$/);
  writeFileSync(article, newsFile({ title: "Alpha item", date: "2023-02-30" }, "Broken.\n"));
  await refused;
  assert.ok(output.some((line) => line.includes(`alpha.md:3: date "2023-02-30" is not a calendar date`)), output.join("\n"));
  assert.is(text(page(await get("/news/2023/alpha/"))("h1")), "Alpha item, revised");
});

test.after(async () => {
  await browser.close();
  start.kill();
});

test.run();
