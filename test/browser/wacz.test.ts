/**
 * A snapshot's WACZ in Webrecorder's ReplayWeb.page (npm `replaywebpage`, its ui.js and sw.js
 * served from node_modules on localhost, no network), in real Chromium: an article at its live URL,
 * a link followed to another archived page, the archive's search page, and ReplayWeb.page's own
 * full-text search over pages.jsonl, and an article's documents whose names hold `%`, `#` and `?`.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Frame, Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { makeSnapshot } from "../../scripts/lib/build/make-snapshot.ts";
import { launchBrowser } from "../support/browser.ts";
import { serveSite } from "../../scripts/lib/util/static-server.ts";
import { newsFile, repoRoot, tempDir, writeContent } from "../support/site.ts";

/** The bundle's documents, by file name, with their text. */
const documents: Record<string, string> = {
  "100% final.txt": "The final text.\n",
  "report#1.txt": "Report number one.\n",
  "what?.txt": "Questions asked.\n",
};
const documentsYaml = ['"100%25 final.txt"', '"report#1.txt"', '"what?.txt"']
  .map((src, index) => `\n  - src: ${src}\n    title: Document ${index + 1}`)
  .join("");
const content = writeContent({
  "news/2023/launch.md": newsFile(
    { title: "Launch of the wombat programme", date: "2023-03-10" },
    "The Fiscalía joined the wombat programme.\n\nIt follows [the agreement](/news/2023/cooperation/).\n",
  ),
  "news/2023/cooperation.md": newsFile(
    { title: "Cooperation agreement", date: "2023-06-01" },
    "An agreement on quokka habitats was signed.\n",
  ),
  "news/2023/december.md": newsFile({ title: "December meeting", date: "2023-12-05" }, "A meeting in December.\n"),
  // A page bundle whose documents' names are a %-escape, a fragment and a query if written into a URL as they are.
  "news/2023/files/index.md": newsFile(
    { title: "Files of the meeting", date: "2023-02-01", documents: documentsYaml },
    "The final version: [100% final](100%25%20final.txt).\n",
  ),
  ...Object.fromEntries(Object.entries(documents).map(([name, text]) => [`news/2023/files/${name}`, text])),
});
const live = "https://archive.iap-association.org/";
const outDir = path.join(tempDir("wacz-replay-"), "iap-2023");
await makeSnapshot({
  contentDir: content,
  period: { from: 2023, to: 2023 },
  outDir,
  takenOn: "2025-06-01",
  wacz: "only",
});

// ReplayWeb.page's service worker serves the replay from the folder it is in (`replayBase`,
// ./replay/ by default), and the replay frame loads ui.js from there too.
const served = tempDir("wacz-served-");
mkdirSync(path.join(served, "replay"));
const replaywebpage = path.join(repoRoot, "node_modules/replaywebpage");
copyFileSync(path.join(replaywebpage, "ui.js"), path.join(served, "ui.js"));
copyFileSync(path.join(replaywebpage, "ui.js"), path.join(served, "replay/ui.js"));
copyFileSync(path.join(replaywebpage, "sw.js"), path.join(served, "replay/sw.js"));
copyFileSync(`${outDir}.wacz`, path.join(served, "iap-2023.wacz"));
/** An embedding page, as ReplayWeb.page's embedding guide writes it. */
const embed = (attributes: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Replay</title><script src="ui.js"></script>` +
  `<style>html,body{height:100%;margin:0}replay-web-page{display:block;height:100%}</style></head>` +
  `<body><replay-web-page source="iap-2023.wacz" ${attributes}></replay-web-page></body></html>`;
writeFileSync(path.join(served, "article.html"), embed(`url="${live}news/2023/launch/"`));
writeFileSync(path.join(served, "files.html"), embed(`url="${live}news/2023/files/"`));
writeFileSync(path.join(served, "search.html"), embed(`url="${live}search/"`));
writeFileSync(path.join(served, "pages.html"), embed(`embed="full"`));

const server = await serveSite(served);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// A browser's first visit installs the service worker; the replay starts once it controls the page.
await page.goto(`${server.url}/pages.html`);
await page.waitForFunction(
  async () => (await navigator.serviceWorker.getRegistration("replay/"))?.active?.state === "activated",
  undefined,
  { timeout: 30_000 },
);

/**
 * Opens an embedding page and returns its frame that `matches`. A replay frame requested while the
 * service worker is still starting up is answered by the server (a 404), as on a browser's first
 * visit; the page is then loaded again, as a reader would reload it.
 */
async function openReplay(embedding: string, matches: (url: string) => boolean, what: string): Promise<Frame> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${server.url}/${embedding}`);
    try {
      return await loadedFrame(page, matches, what, 15_000);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Opens an embedding page and returns the frame that shows the archived page at `url`. */
function replayed(embedding: string, url: string): Promise<Frame> {
  return openReplay(embedding, (frameUrl) => frameUrl.endsWith(`mp_/${url}`), `replays ${url}`);
}

/** The archived page at `url`, once the replay has loaded it. */
function archivedFrame(on: Page, url: string): Promise<Frame> {
  return loadedFrame(on, (frameUrl) => frameUrl.endsWith(`mp_/${url}`), `replays ${url}`);
}

/** The frame whose URL `matches`, once it has loaded: one there already, or the next to navigate there. */
async function loadedFrame(
  on: Page,
  matches: (url: string) => boolean,
  what: string,
  timeout = 30_000,
): Promise<Frame> {
  const navigated = on
    .waitForEvent("framenavigated", { predicate: (frame) => matches(frame.url()), timeout })
    .catch(() => undefined);
  const frame = on.frames().find((candidate) => matches(candidate.url())) ?? (await navigated);
  if (!frame)
    throw new Error(
      `no frame ${what}; frames: ${on
        .frames()
        .map((candidate) => candidate.url())
        .join(", ")}`,
    );
  await frame.waitForLoadState("load", { timeout });
  return frame;
}

test("an article replays at its live URL, with its text", async () => {
  const frame = await replayed("article.html", `${live}news/2023/launch/`);
  assert.is(await frame.locator("h1").innerText(), "Launch of the wombat programme");
  assert.match(await frame.locator("main").innerText(), "The Fiscalía joined the wombat programme.");
});

test("following a link goes to the other archived page", async () => {
  const frame = await replayed("article.html", `${live}news/2023/launch/`);
  await frame.getByRole("link", { name: "the agreement" }).click();
  const next = await archivedFrame(page, `${live}news/2023/cooperation/`);
  assert.is(await next.locator("h1").innerText(), "Cooperation agreement");
  assert.match(await next.locator("main").innerText(), "An agreement on quokka habitats was signed.");
});

test("each of an article's documents opens from its link in the replay, though its name holds %, # or ?", async () => {
  // The replay shows a document in its frame (ReplayWeb.page serves it inline), at the URL the page links to.
  const urls = ["100%25%20final.txt", "report%231.txt", "what%3F.txt"];
  for (const [index, text] of Object.values(documents).entries()) {
    const frame = await replayed("files.html", `${live}news/2023/files/`);
    await frame.getByRole("link", { name: `Document ${index + 1} (Text)` }).click();
    const opened = await archivedFrame(page, `${live}news/2023/files/${urls[index]}`);
    assert.is(await opened.locator("body").innerText(), text, urls[index]);
  }
});

test("the body's link to a document opens it in the replay", async () => {
  const frame = await replayed("files.html", `${live}news/2023/files/`);
  await frame.getByRole("link", { name: "100% final" }).click();
  const opened = await archivedFrame(page, `${live}news/2023/files/100%25%20final.txt`);
  assert.is(await opened.locator("body").innerText(), "The final text.\n");
});

test("the archive's search page opens in the replay", async () => {
  const frame = await replayed("search.html", `${live}search/`);
  assert.is(await frame.locator("h1").innerText(), "Search the archive");
  assert.ok(await frame.locator("#search-q").isEditable());
});

/**
 * In the page: the titles ReplayWeb.page's page list shows. Its entries draw their text inside
 * nested shadow roots (wr-page-entry, keyword-mark), which Playwright's text locators do not reach.
 * A string, not a function: the page runs it as written.
 */
const listedTitles =
  `(() => {
  const found = [];
  const text = (node) => node.nodeType === 3 ? node.data : [...(node.shadowRoot ? node.shadowRoot.childNodes : []), ` +
  `...node.childNodes].map(text).join(" ");
  const walk = (root) => root.querySelectorAll("*").forEach((element) => {
    if (element.tagName === "WR-PAGE-ENTRY") found.push(text(element).replace(/\\s+/g, " ").trim());
    if (element.shadowRoot) walk(element.shadowRoot);
  });
  walk(document);
  return found;
})()`;

/** Waits until the page list shows `expected` in that order; gives back what it shows then (or at the timeout). */
async function titlesBecome(ui: Frame, expected: string[]): Promise<string[]> {
  const wanted = JSON.stringify(expected);
  await ui
    .waitForFunction(
      `(() => { const titles = ${listedTitles}; const wanted = ${wanted}; return titles.length === wanted.length && ` +
        `titles.every((entry, index) => entry.includes(wanted[index])); })()`,
      undefined,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  const titles: string[] = await ui.evaluate(listedTitles);
  return titles.map((entry) => expected.find((title) => entry.includes(title)) ?? entry);
}

test("ReplayWeb.page's full-text search over pages.jsonl finds an article by a word of its body", async () => {
  const ui = await openReplay("pages.html", (url) => url.includes("/replay/?source="), "shows ReplayWeb.page");
  const all = ["December meeting", "Cooperation agreement", "Launch of the wombat programme", "Files of the meeting"];
  assert.equal(await titlesBecome(ui, all), all);
  // "quokka" is in one article's text only, in neither title nor URL.
  await ui.getByPlaceholder("Search by Page URL, Title, or Text").fill("quokka");
  assert.equal(await titlesBecome(ui, ["Cooperation agreement"]), ["Cooperation agreement"]);
});

test.after(async () => {
  await browser.close();
  await server.close();
});

test.run();
