/**
 * The editor's form (/admin/ under npm start, Decap CMS on the local backend) in real Chromium, as
 * staff use it: the right widgets after Back and after an address typed in between a news item and
 * an abstract; a calendar date without a time zone; the preview pane in the site's words; a form
 * that fits a phone; nothing axe-core finds. Screenshots of the form at 375 and 1280 px go to
 * /tmp/shots-33-editor/.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import axe from "axe-core";
import type { Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { launchBrowser } from "../support/browser.ts";
import { newsFile, tempDir, writeContent } from "../support/site.ts";
import { startPreview } from "../support/start.ts";

const contentDir = writeContent({
  "news/2023/alpha/index.md": newsFile({ title: "Alpha item", date: "2023-05-01" }, "Alpha's text.\n"),
  "news/2023/beta/index.md": newsFile({ title: "Beta item", date: "2023-06-01" }, "Beta's text.\n"),
});
const { base, nextLine, stop } = await startPreview(contentDir, path.join(tempDir("editor-"), "_preview"));
const browser = await launchBrowser();
const shots = "/tmp/shots-33-editor";
mkdirSync(shots, { recursive: true });

/** A tab signed in to the editor (no account locally: the button opens it). */
async function editorTab(width: number): Promise<Page> {
  const tab = await browser.newPage({ viewport: { width, height: 900 } });
  // Leaving a form with unsaved changes asks first.
  // (A reload may close a dialog before it is answered.)
  tab.on("dialog", (dialog) => void dialog.accept().catch(() => undefined));
  await tab.goto(`${base}/admin/`);
  await tab.getByRole("button", { name: "Login" }).click();
  await tab.getByRole("link", { name: "News", exact: true }).waitFor();
  return tab;
}

/** A collection's form for a new item, reached from its list as staff do (no move from one form to another). */
async function openNewForm(tab: Page, collection: string): Promise<void> {
  await tab.goto(`${base}/admin/#/collections/${collection}`);
  await tab.goto(`${base}/admin/#/collections/${collection}/new`);
  await tab.locator("label", { hasText: collection === "news" ? /^Title$/ : /^Conference$/ }).waitFor();
  await tab.getByLabel("markdown field").locator("[data-slate-editor]").waitFor();
}

/**
 * Each of the form's first fields as "Label: the control its label names" (input:date, input:text[combobox],
 * button[switch]…).
 */
async function controls(tab: Page, count: number): Promise<string[]> {
  return tab.evaluate(
    (count) =>
      [...document.querySelectorAll("label")].slice(0, count).map((label) => {
        const control = document.getElementById(label.htmlFor);
        const type = control?.getAttribute("type");
        const role = control?.getAttribute("role");
        const kind = control
          ? `${control.tagName.toLowerCase()}${type ? `:${type}` : ""}${role ? `[${role}]` : ""}`
          : "none";
        return `${label.firstChild?.textContent}: ${kind}`;
      }),
    count,
  );
}

const newsForm = [
  "Title: input:text",
  "Date: input:date",
  "Summary: textarea",
  "Topics: input:text[combobox]",
  "Aliases: div",
  "Draft: button[switch]",
  "Slug: input:text",
];
const abstractForm = [
  "Conference: input:text[combobox]",
  "Session: input:text",
  "Speakers: div",
  "Title: input:text",
  "Topics: input:text[combobox]",
  "Aliases: div",
  "Draft: button[switch]",
];

/** Runs `move` (an address typed in, Back, Forward) and waits for the page it reloads. */
async function reloadedBy(tab: Page, move: () => Promise<unknown>, firstLabel: string): Promise<void> {
  const loaded = tab.waitForEvent("load");
  await move();
  await loaded;
  await tab
    .locator("label", { hasText: new RegExp(`^${firstLabel}`) })
    .first()
    .waitFor();
}

test("regression: a new abstract reached from a new news item, then Back and Forward, has its widgets", async () => {
  const tab = await editorTab(1280);
  await tab.goto(`${base}/admin/#/collections/news/new`);
  await tab
    .locator("label", { hasText: /^Title/ })
    .first()
    .waitFor();
  assert.equal(await controls(tab, 7), newsForm, "a fresh load");
  await reloadedBy(tab, () => tab.evaluate(() => (location.hash = "#/collections/abstracts/new")), "Conference");
  assert.equal(await controls(tab, 7), abstractForm, "after the address changed");
  await reloadedBy(tab, () => tab.goBack(), "Title");
  assert.equal(await controls(tab, 7), newsForm, "after Back");
  await reloadedBy(tab, () => tab.goForward(), "Conference");
  assert.equal(await controls(tab, 7), abstractForm, "after Forward");
  await tab.close();
});

test("regression: another item's address typed in shows that item, not the one shown before", async () => {
  const tab = await editorTab(1280);
  await tab.goto(`${base}/admin/#/collections/news/entries/2023/alpha/index`);
  assert.is(await tab.getByLabel("Title", { exact: true }).inputValue(), "Alpha item");
  await reloadedBy(
    tab,
    () => tab.evaluate(() => (location.hash = "#/collections/news/entries/2023/beta/index")),
    "Title",
  );
  await tab.getByLabel("Title", { exact: true }).waitFor();
  assert.is(await tab.getByLabel("Title", { exact: true }).inputValue(), "Beta item");
  await tab.close();
});

test("the date is a calendar date: a date input, no time zone, no Now button; a new empty form: no save", async () => {
  const tab = await editorTab(1280);
  await tab.goto(`${base}/admin/#/collections/news/new`);
  await tab.locator("label", { hasText: /^Date/ }).waitFor();
  assert.is(await tab.locator("input[type=date]").count(), 1);
  assert.is(await tab.getByText("UTC", { exact: true }).count(), 0);
  assert.is(await tab.getByRole("button", { name: "Now" }).count(), 0);
  assert.is(await tab.getByText("Changes saved").count(), 0);
  assert.is(await tab.getByText("No unsaved changes").count(), 1);
  // The alt text and the video's address and title: optional as fields, required with their object, and said so.
  assert.is(await tab.getByText("Required when the image is given.").count(), 2);
  assert.is(await tab.getByText("Required when the video is given.").count(), 2);
  await tab.close();
});

test("the preview pane shows date, topics and conference as the site does; the header links to it", async () => {
  const tab = await editorTab(1280);
  await tab.goto(`${base}/admin/#/collections/news/new`);
  await tab.getByLabel("Title", { exact: true }).fill("Heron conference");
  await tab.locator("input[type=date]").fill("2024-05-01");
  await tab.getByLabel("Topics (optional)").click();
  await tab.keyboard.type("Cybercrime");
  await tab.keyboard.press("Enter");
  const pane = tab.frameLocator("iframe#preview-pane");
  assert.is(await pane.locator("h1").textContent(), "Heron conference");
  assert.is(await pane.locator("p.meta").textContent(), "Published 1 May 2024");
  assert.equal(await pane.locator(".topics li").allTextContents(), ["Cybercrime"]);
  assert.is(await tab.locator('a[class*="-AppHeaderSiteLink"]').getAttribute("href"), `${base}/`);

  await openNewForm(tab, "abstracts");
  await tab.getByLabel("Session", { exact: true }).fill("Opening session");
  await tab.getByLabel("Conference", { exact: true }).click();
  await tab.keyboard.type("27th");
  await tab.keyboard.press("Enter");
  assert.equal(
    await pane.locator("dl.facts dd").first().textContent(),
    "IAP 27th Annual Conference & General Meeting, 25–29 September 2022",
  );
  await tab.close();
});

for (const width of [375, 1280]) {
  test(`at ${width} px the form does not scroll sideways, and axe-core finds nothing on either form`, async () => {
    const tab = await editorTab(width);
    for (const collection of ["news", "abstracts"]) {
      await openNewForm(tab, collection);
      assert.is(await tab.evaluate(() => document.documentElement.scrollWidth), width, `${collection} at ${width} px`);
      if (collection === "news") await tab.screenshot({ path: path.join(shots, `editor-news-${width}.png`) });
      await tab.addScriptTag({ content: axe.source });
      const violations = await tab.evaluate(async () =>
        (await (window as unknown as { axe: typeof axe }).axe.run(document)).violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
        ),
      );
      assert.equal(violations, [], `${collection} at ${width} px`);
    }
    await tab.close();
  });
}

test("the build's refusal at the foot of the page leaves every field above it", async () => {
  const tab = await editorTab(1280);
  await tab.goto(`${base}/admin/#/collections/news/new`);
  await tab.getByLabel("Title", { exact: true }).fill("Before the archive");
  await tab.locator("input[type=date]").fill("1980-01-01");
  await tab.locator("[data-slate-editor]").click();
  await tab.keyboard.type("Dated before the archive begins.");
  const refused = nextLine(/^preview not updated: fix the errors above and save again$/);
  await tab.getByRole("button", { name: "Publish" }).click();
  await tab.getByText("Publish now").click();
  await refused;
  const banner = tab.getByRole("alert").filter({ hasText: "Saved, but the build refuses it" });
  await banner.waitFor();
  const bannerTop = (await banner.boundingBox())?.y ?? 0;
  const form = await tab.locator('[class*="-EditorContainer"]').boundingBox();
  assert.ok(
    form && bannerTop > 0 && form.y + form.height <= bannerTop + 0.5,
    `the form ends at ${form && form.y + form.height}, the banner starts at ${bannerTop}`,
  );
  await tab.screenshot({ path: path.join(shots, "editor-refused-1280.png") });
  await tab.close();
});

test.after(async () => {
  await browser.close();
  stop();
});

test.run();
