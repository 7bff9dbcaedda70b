/** The archive model: scripts/lib/model/archive.ts, made from content read once, with no I/O of its own. */
import { rmSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { conferences, site, topics } from "../../../scripts/lib/content/data.ts";
import { readContent } from "../../../scripts/lib/content/load.ts";
import { Archive } from "../../../scripts/lib/model/archive.ts";
import { newsFile, writeContent } from "../../support/site.ts";

const contentDir = writeContent({
  "news/2023/mou.md": newsFile({ title: "MoU signed", date: "2023-11-14", tags: "[memoranda-of-understanding, international-cooperation]", aliases: "[/News/old-mou, /news/2023/other/]" }),
  "news/2023/other.md": newsFile({ title: "Another item", date: "2023-10-01", tags: "[international-cooperation]" }),
  "news/2021/older.md": newsFile({ title: "An older item", date: "2021-05-02", tags: "[memoranda-of-understanding]" }),
});
const { content, problems } = readContent({ contentDir, site, topics, conferences });
// The model never reads the folder again: every view below comes from `content` alone.
rmSync(contentDir, { recursive: true });

test("the content is read without problems", () => {
  assert.equal(problems, []);
});

test("news newest first, years with their counts, neighbours and related items", () => {
  const archive = new Archive({ content, site, topics, conferences });
  assert.equal(archive.news.map((item) => item.url), ["/news/2023/mou/", "/news/2023/other/", "/news/2021/older/"]);
  assert.equal(archive.yearPages.map((page) => [page.year, page.items.length]), [[2023, 2], [2021, 1]]);
  const [newest] = archive.news;
  assert.equal(archive.neighboursOf(newest!).older?.url, "/news/2023/other/");
  assert.equal(archive.relatedTo(newest!).map((item) => item.url), ["/news/2023/other/", "/news/2021/older/"]);
  assert.equal(archive.topicPages.map((page) => [page.topic.id, page.total]), [["international-cooperation", 2], ["memoranda-of-understanding", 2]]);
});

test("an alias naming an existing page is a problem the model reports, not throws; the valid alias redirects", () => {
  const archive = new Archive({ content, site, topics, conferences });
  assert.equal(archive.problems, [
    { file: archive.news[0]!.file, line: 5, field: "aliases[1]", message: '"/news/2023/other/" is the address of an existing page (/news/2023/other/): an alias may only name an old address' },
  ]);
  assert.equal(archive.redirects.map((redirect) => [redirect.from, redirect.to]), [["/News/old-mou", "/news/2023/mou/"]]);
});

test("a period keeps only its years' items; the base path comes from the options", () => {
  const archive = new Archive({ content, site, topics, conferences, period: { from: 2021, to: 2021 }, basePath: "/archive/" });
  assert.equal(archive.items.map((item) => item.title), ["An older item"]);
  assert.is(archive.basePath, "/archive/");
  assert.is(archive.siteRoot, "https://archive.iap-association.org/archive/");
});

test.run();
