/**
 * The preview session (`npm start`'s edit loop) on a small content folder, for real: Eleventy
 * renders the edited pages, and the whole build that follows is the real preview build with Pagefind.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { PreviewSession } from "../../scripts/lib/preview/session.ts";
import { newsFile, page, repoRoot, tempDir, text, writeContent } from "../support/site.ts";

const contentDir = writeContent({
  "news/2023/alpha.md": newsFile(
    { title: "Alpha item", date: "2023-05-01", tags: "[training]" },
    "Alpha's first paragraph.\n",
  ),
  "news/2023/beta.md": newsFile({ title: "Beta item", date: "2023-06-01" }),
  "news/2022/gamma.md": newsFile({ title: "Gamma item", date: "2022-03-01", aliases: "[/old/gamma]" }),
  "abstracts/annual-27/talk.md":
    "---\nconference: annual-27\nsession: Plenary\nspeakers:\n  - name: Ana Example\n---\nThe abstract's text.\n",
});
const outDir = path.join(tempDir("preview-"), "_preview");
const log: string[] = [];
const session = await PreviewSession.start({
  repoRoot,
  contentDir,
  outDir,
  now: "2025-06-01",
  log: (line) => log.push(line),
});
await session.idle();

const file = (name: string) => path.join(contentDir, name);
const read = (url: string) => readFileSync(path.join(outDir, url.endsWith("/") ? `${url}index.html` : url), "utf8");
const served = (url: string) => existsSync(path.join(outDir, url.endsWith("/") ? `${url}index.html` : url));
const listed = (url: string) => {
  const $ = page(read(url));
  return $(".item-list h2 a, .item-list h3 a")
    .map((_, a) => text($(a)))
    .get();
};

/** The text of every page in the search index, by URL (Pagefind's fragments are gzipped JSON after a signature). */
function searchIndex(): Map<string, string> {
  const dir = path.join(outDir, "pagefind/fragment");
  const pages = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const json = gunzipSync(readFileSync(path.join(dir, name)))
      .toString("utf8")
      .replace(/^pagefind_dcd/, "");
    const fragment = JSON.parse(json) as { url: string; content: string };
    pages.set(fragment.url, fragment.content);
  }
  return pages;
}

test("the first pass builds the whole preview", () => {
  assert.equal(listed("/news/"), ["Beta item", "Alpha item", "Gamma item"]);
  assert.ok(served("/old/gamma/"));
  assert.equal([...searchIndex().keys()].sort(), [
    "/abstracts/annual-27/talk/",
    "/news/2022/gamma/",
    "/news/2023/alpha/",
    "/news/2023/beta/",
  ]);
});

test("an edit is rendered on its page at once; lists, feeds and search follow in the background", async () => {
  writeFileSync(
    file("news/2023/alpha.md"),
    newsFile(
      { title: "Alpha item, revised", date: "2023-05-01", tags: "[training]" },
      "Alpha's first paragraph, with flamingo.\n",
    ),
  );
  assert.equal(await session.update(), { status: "updated", rendered: ["/news/2023/alpha/"], removed: [] });
  const $ = page(read("/news/2023/alpha/"));
  assert.is(text($("h1")), "Alpha item, revised");
  assert.is(text($(".prose p")), "Alpha's first paragraph, with flamingo.");
  assert.ok(
    log.some((line) => line.startsWith("updated /news/2023/alpha/ in ")),
    log.join("\n"),
  );

  await session.idle();
  assert.equal(listed("/news/"), ["Beta item", "Alpha item, revised", "Gamma item"]);
  assert.equal(listed("/topics/training/"), ["Alpha item, revised"]);
  assert.ok(read("/feeds/news.xml").includes("Alpha item, revised"));
  assert.ok(searchIndex().get("/news/2023/alpha/")?.includes("flamingo"), "the search index has the new word");
});

test("a broken edit prints the build's error and leaves the served page as it was; a fix updates it", async () => {
  const before = read("/news/2023/alpha/");
  writeFileSync(file("news/2023/alpha.md"), newsFile({ title: "Alpha item", date: "2023-02-30" }, "Broken heron.\n"));
  const message =
    `1 content error:\n` +
    `  ${file("news/2023/alpha.md")}:3: date "2023-02-30" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no ` +
    `time or time zone)`;
  assert.equal(await session.update(), { status: "failed", message });
  assert.is(log.at(-1), `${message}\npreview not updated: fix the errors above and save again`);
  await session.idle();
  assert.is(read("/news/2023/alpha/"), before);

  writeFileSync(
    file("news/2023/alpha.md"),
    newsFile({ title: "Alpha item, fixed", date: "2023-05-01" }, "Fixed heron.\n"),
  );
  assert.equal(await session.update(), { status: "updated", rendered: ["/news/2023/alpha/"], removed: [] });
  assert.is(text(page(read("/news/2023/alpha/"))(".prose p")), "Fixed heron.");
  await session.idle();
  assert.equal(listed("/news/"), ["Beta item", "Alpha item, fixed", "Gamma item"]);
});

test("a save that changes nothing renders nothing", async () => {
  utimesSync(file("news/2023/beta.md"), new Date(), new Date());
  assert.equal(await session.update(), { status: "unchanged" });
});

test("an added or deleted file's page comes or goes at once; its lists and redirect follow later", async () => {
  writeContent(
    { "news/2024/delta.md": newsFile({ title: "Delta item", date: "2024-01-10" }, "Delta's words.\n") },
    contentDir,
  );
  assert.equal(await session.update(), { status: "updated", rendered: ["/news/2024/delta/"], removed: [] });
  assert.is(text(page(read("/news/2024/delta/"))("h1")), "Delta item");

  rmSync(file("news/2022/gamma.md"));
  assert.equal(await session.update(), { status: "updated", rendered: [], removed: ["/news/2022/gamma/"] });
  assert.not.ok(served("/news/2022/gamma/"));
  await session.idle();
  assert.equal(listed("/news/"), ["Delta item", "Beta item", "Alpha item, fixed"]);
  assert.not.ok(served("/old/gamma/"), "the alias's redirect is gone");
  assert.equal(listed("/news/2022/"), [], "its year (which has an abstract) lists no news");
  assert.not.ok(searchIndex().has("/news/2022/gamma/"));
  assert.ok(searchIndex().get("/news/2024/delta/")?.includes("Delta's words."));
});

test("a renamed file moves its page", async () => {
  renameSync(file("news/2023/beta.md"), file("news/2023/beta-renamed.md"));
  assert.equal(await session.update(), {
    status: "updated",
    rendered: ["/news/2023/beta-renamed/"],
    removed: ["/news/2023/beta/"],
  });
  assert.ok(served("/news/2023/beta-renamed/"));
  assert.not.ok(served("/news/2023/beta/"));
});

test("an edit saved during the whole build is served at once, and again once that build is swapped in", async () => {
  writeFileSync(file("news/2023/alpha.md"), newsFile({ title: "Alpha item, first", date: "2023-05-01" }, "First.\n"));
  await session.update();
  // The whole build for the first edit is running now.
  writeFileSync(
    file("news/2023/alpha.md"),
    newsFile({ title: "Alpha item, second", date: "2023-05-01" }, "Second pelican.\n"),
  );
  assert.equal(await session.update(), { status: "updated", rendered: ["/news/2023/alpha/"], removed: [] });
  assert.is(text(page(read("/news/2023/alpha/"))("h1")), "Alpha item, second");
  await session.idle();
  assert.is(text(page(read("/news/2023/alpha/"))("h1")), "Alpha item, second");
  assert.equal(listed("/news/"), ["Delta item", "Beta item", "Alpha item, second"]);
  assert.ok(searchIndex().get("/news/2023/alpha/")?.includes("pelican"));
  const parent = path.dirname(outDir);
  assert.equal(
    readdirSync(parent).filter((name) => /\.(tmp|old)-\d+$/.test(name)),
    [],
    "no staging folder is left",
  );
});

test("a change to templates or assets builds the whole preview again, from the content as it is now", async () => {
  // Saved without an update: only a whole build brings it.
  writeFileSync(file("news/2023/beta-renamed.md"), newsFile({ title: "Beta item, rebuilt", date: "2023-06-01" }));
  await session.siteChanged();
  await session.idle();
  assert.equal(listed("/news/"), ["Delta item", "Beta item, rebuilt", "Alpha item, second"]);
  assert.is(text(page(read("/news/2023/beta-renamed/"))("h1")), "Beta item, rebuilt");
  // The session reads the file it had not seen at its next update, as any change.
  assert.equal(await session.update(), { status: "updated", rendered: ["/news/2023/beta-renamed/"], removed: [] });
  await session.idle();
});

test("a problem only the whole build finds: the edit served, the error printed, the rest left as it was", async () => {
  const editAt = log.length;
  writeFileSync(
    file("news/2023/alpha.md"),
    newsFile(
      { title: "Alpha item, linked", date: "2023-05-01" },
      "See [a missing page](/news/1999/nope/) about kestrels.\n",
    ),
  );
  assert.equal(await session.update(), { status: "updated", rendered: ["/news/2023/alpha/"], removed: [] });
  assert.is(text(page(read("/news/2023/alpha/"))("h1")), "Alpha item, linked");
  await session.idle();
  const after = log.slice(editAt);
  assert.ok(
    after.some((line) => line.startsWith("build failed in check; the preview was left as it was.")),
    after.join("\n"),
  );
  assert.ok(
    after.some((line) => line.includes("/news/1999/nope/")),
    "the check names the missing page",
  );
  assert.is(
    after.at(-1),
    "background pass failed: the edited pages are served, the rest of the preview is not updated; see the errors above",
  );
  assert.is(text(page(read("/news/2023/alpha/"))("h1")), "Alpha item, linked");
  assert.equal(listed("/news/"), ["Delta item", "Beta item, rebuilt", "Alpha item, second"]);
  assert.not.ok(searchIndex().get("/news/2023/alpha/")?.includes("kestrels"));
});

test.after(async () => {
  await session.close();
});

test.run();
