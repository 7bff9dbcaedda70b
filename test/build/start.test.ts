/**
 * `npm start` for real, on a small content folder: it builds the preview, serves it with live
 * reload, serves an edit's page, keeps the last good page when a save breaks the content, and its
 * search finds the edit once the whole build that follows is swapped in. Its editor (/admin/,
 * Decap CMS on the local backend) makes a news item with a photo and a PDF in real Chromium, and
 * the preview serves and finds it. Each step waits for the line the preview prints when it is
 * done, not for a time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { launchBrowser } from "../../scripts/lib/util/browser.ts";
import { photoWithGps, pdfWithText } from "../support/media.ts";
import { newsFile, page, tempDir, text, writeContent } from "../support/site.ts";
import { startPreview } from "../support/start.ts";

const contentDir = writeContent({
  "news/2023/alpha.md": newsFile({ title: "Alpha item", date: "2023-05-01" }, "Alpha's first paragraph.\n"),
  "news/2023/beta.md": newsFile({ title: "Beta item", date: "2023-06-01" }),
});
const outDir = path.join(tempDir("start-"), "_preview");
const { base, backend, output, nextLine, stop } = await startPreview(contentDir, outDir);
const get = async (url: string) => (await fetch(`${base}${url}`)).text();
const article = path.join(contentDir, "news/2023/alpha.md");

const browser = await launchBrowser();

test("the preview is built and served with the live-reload client", async () => {
  assert.is(text(page(await get("/news/2023/alpha/"))("h1")), "Alpha item");
  const tab = await browser.newPage();
  await tab.goto(`${base}/news/2023/alpha/`);
  assert.equal(
    await tab.locator("script[src^='/.11ty/reload-client.js']").count(),
    1,
    "the dev server's live-reload client is in the page",
  );
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
  const found = await tab
    .locator("#search-results a[href]")
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  assert.equal(found, ["/news/2023/alpha/"]);
  await tab.close();
});

/** What the editor uploads: a real JPEG and a real PDF, named as staff's files would be. */
const uploads = tempDir("editor-uploads-");
const photo = path.join(uploads, "pelican.jpg");
const programme = path.join(uploads, "programme.pdf");
// Small: the preview encodes it in three formats before serving the page.
writeFileSync(photo, await photoWithGps(480, 320));
writeFileSync(programme, await pdfWithText(["Programme of the pelican conference."]));

/**
 * /admin/ signed in to the local backend (no account: the button just opens it), with every
 * request's origin recorded; opened once, as loading Decap takes a second.
 */
const editor = (async () => {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const origins = new Set<string>();
  tab.on("request", (request) => void origins.add(new URL(request.url()).origin));
  // Leaving a form with unsaved changes asks first.
  tab.on("dialog", (dialog) => void dialog.accept());
  await tab.goto(`${base}/admin/`);
  await tab.getByRole("button", { name: "Login" }).click();
  await tab.getByRole("link", { name: "News", exact: true }).waitFor();
  return { tab, origins };
})();

/** The editor's form for a new news item, from the list of news, as staff open it. */
async function newNewsItem() {
  const { tab, origins } = await editor;
  await tab.goto(`${base}/admin/#/collections/news`);
  await tab.getByRole("link", { name: "News item" }).click();
  await tab.getByRole("button", { name: "Publish", exact: true }).waitFor();
  return { tab, origins };
}

test("the editor's form is made from the schema: required fields, a date picker, topics and photos", async () => {
  const { tab, origins } = await newNewsItem();
  assert.equal(await tab.locator("label").allTextContents(), [
    "Title",
    "Date",
    "Summary (optional)",
    "Topics (optional)",
    "Aliases (optional)",
    "Draft (optional)",
    "Slug (optional)",
    "Image (optional)",
    "Photo (optional)",
    "Description of the photo (alt text) (optional)",
    "Caption (optional)",
    "Credit (optional)",
    "Documents (optional)",
    "Video (optional)",
    "Url (optional)",
    "Title (optional)",
    "Language (optional)",
    "Translation of (optional)",
    "Text",
  ]);
  assert.is(await tab.locator("input[type=date]").count(), 1);
  await tab.getByLabel("Topics (optional)").click();
  const options = await tab.locator("[class*=-option]").allTextContents();
  assert.equal(options.slice(0, 3), ["International cooperation", "Memoranda of understanding", "Drug trafficking"]);
  await tab.keyboard.press("Escape");
  // The preview pane is styled by the site's own stylesheet.
  assert.is(
    await tab.frameLocator("iframe").locator("link[rel=stylesheet][href^='/assets/site.'][href$='.css']").count(),
    1,
  );
  // A required field left empty: Decap refuses to save and marks it.
  await tab.getByRole("button", { name: "Publish" }).click();
  await tab.getByText("Publish now").click();
  await tab.getByText("Oops, you've missed a required field. Please complete before saving.").waitFor();
  assert.is(await tab.getByText("Title is required.").count(), 1);
  // Decap's code and the config come from the preview; its data from the local backend on loopback. Nothing else.
  assert.equal([...origins].sort(), [backend.origin, base].sort());
});

test("an item made in the editor is saved as a page bundle, served at once and found by search", async () => {
  const { tab } = await newNewsItem();
  await tab.getByLabel("Title").first().fill("Pelican conference opens");
  await tab.locator("input[type=date]").fill("2024-05-01");
  for (const topic of ["Cybercrime", "Training"]) {
    await tab.getByLabel("Topics (optional)").click();
    await tab.keyboard.type(topic);
    await tab.keyboard.press("Enter");
  }
  await tab.getByRole("button", { name: "Choose an image" }).click();
  await tab.locator("input[type=file]").setInputFiles(photo);
  await tab.getByRole("button", { name: "Choose selected" }).click();
  await tab.getByRole("button", { name: "Add documents" }).click();
  await tab.getByRole("button", { name: "Choose a file" }).click();
  await tab.locator("input[type=file]").setInputFiles(programme);
  await tab.getByRole("button", { name: "Choose selected" }).click();
  await tab.getByLabel("Title (optional)").nth(0).waitFor();
  await tab
    .locator("label", { hasText: /^Title$/ })
    .nth(1)
    .click();
  await tab.keyboard.type("Conference programme");
  await tab.locator("[data-slate-editor]").click();
  await tab.keyboard.type("The pelican conference opened with a session on cooperation.");
  // A photo without alt text is refused before anything is written.
  await tab.getByRole("button", { name: "Publish" }).click();
  await tab.getByText("Publish now").click();
  await tab.getByText("Image: Description of the photo (alt text) is required").waitFor();
  await tab
    .getByLabel("Description of the photo (alt text) (optional)")
    .fill("Delegates at the door of the conference hall");

  const updated = nextLine(/^updated \/news\/2024\/pelican-conference-opens\/ in /);
  const rebuiltWithItem = nextLine(/^background pass done/);
  const verdict = tab.waitForResponse((response) => response.url().endsWith("/verdict"));
  await tab.getByRole("button", { name: "Publish" }).click();
  await tab.getByText("Publish now").click();
  await tab.getByText("Entry saved").waitFor();
  await updated;
  // The editor asks the preview after the save: nothing refused, nothing shown.
  assert.equal(await (await verdict).json(), { refusal: null });
  assert.is(await tab.getByRole("alert").filter({ hasText: "the build refuses it" }).isVisible(), false);

  const bundle = path.join(contentDir, "news/2024/pelican-conference-opens");
  assert.is(
    readFileSync(path.join(bundle, "index.md"), "utf8"),
    [
      "---",
      "title: Pelican conference opens",
      "date: 2024-05-01",
      "tags:",
      "  - cybercrime",
      "  - training",
      "image:",
      "  src: pelican.jpg",
      "  alt: Delegates at the door of the conference hall",
      "documents:",
      "  - src: programme.pdf",
      "    title: Conference programme",
      "---",
      "The pelican conference opened with a session on cooperation.",
      "",
    ].join("\n"),
  );
  assert.ok(
    readFileSync(path.join(bundle, "pelican.jpg")).equals(readFileSync(photo)),
    "the photo is saved as uploaded",
  );
  assert.ok(
    readFileSync(path.join(bundle, "programme.pdf")).equals(readFileSync(programme)),
    "the PDF is saved as uploaded",
  );

  const article = page(await get("/news/2024/pelican-conference-opens/"));
  assert.is(text(article("h1")), "Pelican conference opens");
  assert.is(article("article img").first().attr("alt"), "Delegates at the door of the conference hall");
  assert.equal(
    article("article a[href$='programme.pdf']")
      .map((_, link) => text(article(link)))
      .get().length,
    1,
  );

  await rebuiltWithItem;
  const search = await browser.newPage();
  await search.goto(`${base}/search/?q=pelican`);
  await search.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
  const found = await search
    .locator("#search-results a[href]")
    .evaluateAll((links) => [...new Set(links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))]);
  assert.equal(found, ["/news/2024/pelican-conference-opens/"]);
  await search.close();
});

test("a broken save prints the build's error and the last good page stays served", async () => {
  const refused = nextLine(/^preview not updated: fix the errors above and save again$/);
  writeFileSync(article, newsFile({ title: "Alpha item", date: "2023-02-30" }, "Broken.\n"));
  await refused;
  assert.ok(
    output.some((line) => line.includes(`alpha.md:3: date "2023-02-30" is not a calendar date`)),
    output.join("\n"),
  );
  assert.is(text(page(await get("/news/2023/alpha/"))("h1")), "Alpha item, revised");
});

test("an item the build refuses shows the build's own message in the editor and in npm start's output", async () => {
  const { tab } = await newNewsItem();
  await tab.getByLabel("Title").first().fill("Before the archive");
  await tab.locator("input[type=date]").fill("1980-01-01");
  await tab.locator("[data-slate-editor]").click();
  await tab.keyboard.type("Dated before the archive begins.");
  const refused = nextLine(/^preview not updated: fix the errors above and save again$/);
  // The editor tab is shared: an earlier save's notice may still be showing, so wait for a new one.
  const notices = await tab.getByText("Entry saved").count();
  await tab.getByRole("button", { name: "Publish" }).click();
  await tab.getByText("Publish now").click();
  await tab.getByText("Entry saved").nth(notices).waitFor();
  await refused;
  assert.ok(
    output.some((line) =>
      line.includes(
        `news/1980/before-the-archive/index.md:3: date "1980-01-01" is before 1990, the first year of the archive`,
      ),
    ),
    output.join("\n"),
  );
  const banner = tab
    .getByRole("alert")
    .filter({ hasText: "Saved, but the build refuses it: the preview was not updated" });
  await banner.waitFor();
  assert.match(
    (await banner.locator("pre").textContent()) ?? "",
    `${contentDir}/news/1980/before-the-archive/index.md:3: date "1980-01-01" is before 1990, the first year of the ` +
      `archive`,
  );
});

test.after(async () => {
  await browser.close();
  stop();
});

test.run();
