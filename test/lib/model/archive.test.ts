/** The archive model: scripts/lib/model/archive.ts, made from content read once, with no I/O of its own. */
import { rmSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { conferences, site, topics } from "../../../scripts/lib/content/data.ts";
import { readContent, type Item } from "../../../scripts/lib/content/load.ts";
import { Archive } from "../../../scripts/lib/model/archive.ts";
import { generatedOutputs } from "../../../scripts/lib/model/outputs.ts";
import { newsFile, writeContent } from "../../support/site.ts";

const contentDir = writeContent({
  "news/2023/mou.md": newsFile({
    title: "MoU signed",
    date: "2023-11-14",
    tags: "[memoranda-of-understanding, international-cooperation]",
    aliases: "[/News/old-mou, /news/2023/other/]",
  }),
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
  assert.equal(
    archive.news.map((item) => item.url),
    ["/news/2023/mou/", "/news/2023/other/", "/news/2021/older/"],
  );
  assert.equal(
    archive.yearPages.map((page) => [page.year, page.items.length]),
    [
      [2023, 2],
      [2021, 1],
    ],
  );
  const [newest] = archive.news;
  assert.equal(archive.neighboursOf(newest!).older?.url, "/news/2023/other/");
  assert.equal(
    archive.relatedTo(newest!).map((item) => item.url),
    ["/news/2023/other/", "/news/2021/older/"],
  );
  assert.equal(
    archive.topicPages.map((page) => [page.topic.id, page.total]),
    [
      ["international-cooperation", 2],
      ["memoranda-of-understanding", 2],
    ],
  );
});

test("an alias naming an existing page is a problem the model reports, not throws; the valid alias redirects", () => {
  const archive = new Archive({ content, site, topics, conferences });
  assert.equal(archive.problems, [
    {
      file: archive.news[0]!.file,
      line: 5,
      field: "aliases[1]",
      message:
        `"/news/2023/other/" is the address of the news item ${archive.news[1]!.file} (/news/2023/other/) ` +
        "that the build writes: an alias may only name an old address",
    },
  ]);
  assert.equal(
    archive.redirects.map((redirect) => [redirect.from, redirect.to]),
    [["/News/old-mou", "/news/2023/mou/"]],
  );
});

/** The archive's problems when the first item has these aliases, as "aliases[i] message". */
function aliasProblems(aliases: readonly string[]): string[] {
  const [first, ...rest] = content.news;
  const withAliases = { ...content, news: [{ ...first!, aliases: [...aliases] }, ...rest] };
  return new Archive({ content: withAliases, site, topics, conferences }).problems.map(
    (problem) => `${problem.field} ${problem.message}`,
  );
}

// Issue 30: /admin/config.yml passed.
test("an alias on any file or folder the build writes is refused, naming what it is", () => {
  const writes = (what: string) =>
    `is the address of ${what} that the build writes: an alias may only name an old address`;
  assert.equal(
    aliasProblems([
      "/admin/config.yml",
      "/ADMIN",
      "/sw.js",
      "/pagefind/pagefind.js",
      "/feeds/news.xml",
      "/sitemap.xml",
      "/robots.txt",
      "/_headers",
      "/404.html",
      "/assets/site.css",
      "/offline/files.json",
      "/search/words/a.txt",
      "/.search-source/x/",
      "/snapshot/",
      "/search-index.js",
    ]),
    [
      `aliases[0] "/admin/config.yml" ${writes("the editor (/admin/…)")}`,
      `aliases[1] "/ADMIN" ${writes("the editor (/admin/…)")}`,
      `aliases[2] "/sw.js" ${writes("the service worker (/sw.js)")}`,
      `aliases[3] "/pagefind/pagefind.js" ${writes("Pagefind's search index (/pagefind/…)")}`,
      `aliases[4] "/feeds/news.xml" ${writes("the feeds (/feeds/…)")}`,
      `aliases[5] "/sitemap.xml" ${writes("the sitemap (/sitemap.xml)")}`,
      `aliases[6] "/robots.txt" ${writes("the rules for search engines (/robots.txt)")}`,
      `aliases[7] "/_headers" ${writes("the hosts' headers file (/_headers)")}`,
      `aliases[8] "/404.html" ${writes("the page for addresses that do not exist (/404.html)")}`,
      `aliases[9] "/assets/site.css" ${writes("the site's styles and scripts (/assets/…)")}`,
      `aliases[10] "/offline/files.json" ` +
        writes("the list of files saved for reading offline (/offline/files.json)"),
      `aliases[11] "/search/words/a.txt" ${writes("the search page's dictionary of words (/search/words/…)")}`,
      `aliases[12] "/.search-source/x/" ${writes("the pages Pagefind reads (/.search-source/…)")}`,
      `aliases[13] "/snapshot/" ${writes("a snapshot's own page (/snapshot/…)")}`,
      `aliases[14] "/search-index.js" ${writes("a snapshot's search index (/search-index.js)")}`,
    ],
  );
});

test("an alias on any page the archive makes, or inside an item's folder, is refused, naming the page", () => {
  const writes = (what: string) =>
    `is the address of ${what} that the build writes: an alias may only name an old address`;
  const other = content.news[1];
  assert.equal(
    aliasProblems([
      "/",
      "/news/",
      "/news/2023",
      "/news/2023/other/",
      "/news/2023/other/photo.jpg",
      "/topics/",
      "/topics/international-cooperation/",
      "/years/",
      "/conferences/",
      "/conferences/annual-27/",
      "/speakers/",
      "/search/",
      "/offline/",
    ]),
    [
      `aliases[0] "/" ${writes("the home page (/)")}`,
      `aliases[1] "/news/" ${writes("the list of news (/news/)")}`,
      `aliases[2] "/news/2023" ${writes("the page of the year 2023 (/news/2023/)")}`,
      `aliases[3] "/news/2023/other/" ${writes(`the news item ${other!.file} (/news/2023/other/)`)}`,
      `aliases[4] "/news/2023/other/photo.jpg" ` +
        writes(`the files of the news item ${other!.file} (/news/2023/other/…)`),
      `aliases[5] "/topics/" ${writes("the list of topics (/topics/)")}`,
      `aliases[6] "/topics/international-cooperation/" ` +
        writes("the page of the topic international-cooperation (/topics/international-cooperation/)"),
      `aliases[7] "/years/" ${writes("the list of years (/years/)")}`,
      `aliases[8] "/conferences/" ${writes("the list of conferences (/conferences/)")}`,
      `aliases[9] "/conferences/annual-27/" ` +
        writes("the page of the conference annual-27 (/conferences/annual-27/)"),
      `aliases[10] "/speakers/" ${writes("the list of speakers (/speakers/)")}`,
      `aliases[11] "/search/" ${writes("the search page (/search/)")}`,
      `aliases[12] "/offline/" ${writes("the page for reading offline (/offline/)")}`,
    ],
  );
});

test("every output in the list of generated outputs is refused as an alias", () => {
  const aliases = generatedOutputs.map((output) => (output.path.endsWith("/") ? `${output.path}x` : output.path));
  const problems = aliasProblems(aliases);
  assert.is(problems.length, generatedOutputs.length);
  generatedOutputs.forEach((output, index) =>
    assert.match(problems[index] ?? "", `is the address of ${output.what} (${output.path}`),
  );
});

test("a period keeps only its years' items; the base path comes from the options", () => {
  const archive = new Archive({
    content,
    site,
    topics,
    conferences,
    period: { from: 2021, to: 2021 },
    basePath: "/archive/",
  });
  assert.equal(
    archive.items.map((item) => item.title),
    ["An older item"],
  );
  assert.is(archive.basePath, "/archive/");
  assert.is(archive.siteRoot, "https://archive.iap-association.org/archive/");
});

test("the page kinds give the page lists, the pages with what they are, and the HTML check's sample", () => {
  const archive = new Archive({ content, site, topics, conferences });
  const lists = archive.pageLists();
  assert.equal(Object.keys(lists), [
    "news",
    "abstracts",
    "newsPages",
    "yearPages",
    "topicPages",
    "conferenceIndexPages",
    "conferencePages",
    "speakerIndexPages",
    "speakerPages",
    "redirects",
  ]);
  assert.equal(
    lists.yearPages.map((page) => page.url),
    ["/news/2023/", "/news/2021/"],
  );
  assert.equal(
    lists.redirects.map((redirect) => redirect.file),
    ["/News/old-mou/index.html"],
  );
  // Every other entry from the second on: the second of two runs.
  assert.equal(
    archive.pageLists({ index: 1, count: 2 }).news.map((item) => item.url),
    ["/news/2023/other/"],
  );
  const own = archive.itemPageLists(new Set(["/news/2021/older/"]));
  assert.equal(
    own.news.map((item) => item.url),
    ["/news/2021/older/"],
  );
  assert.equal(
    Object.entries(own)
      .filter(([, list]) => list.length > 0)
      .map(([kind]) => kind),
    ["news"],
  );
  const [first] = archive.news;
  assert.equal(archive.pages().slice(0, 5), [
    { url: "/news/2023/mou/", what: `the news item ${first!.file}` },
    { url: "/news/2023/other/", what: `the news item ${archive.news[1]!.file}` },
    { url: "/news/2021/older/", what: `the news item ${archive.news[2]!.file}` },
    { url: "/news/", what: "the list of news" },
    { url: "/news/2023/", what: "the page of the year 2023" },
  ]);
  assert.equal(
    archive
      .pages()
      .slice(-6)
      .map((page) => page.url),
    ["/speakers/", "/", "/years/", "/topics/", "/search/", "/offline/"],
  );
  assert.is(archive.pageCount, 23);
  // The first and last page of each kind, the redirect's file, the fixed pages, the 404 page.
  assert.equal(archive.htmlSample(), [
    "/news/2023/mou/index.html",
    "/news/2021/older/index.html",
    "/news/index.html",
    "/news/2023/index.html",
    "/news/2021/index.html",
    "/topics/international-cooperation/index.html",
    "/topics/memoranda-of-understanding/index.html",
    "/conferences/index.html",
    "/conferences/european-regional-18/index.html",
    "/conferences/annual-23/index.html",
    "/speakers/index.html",
    "/News/old-mou/index.html",
    "/index.html",
    "/offline/index.html",
    "/404.html",
  ]);
});

test("withItems swaps the media phase's items into every view, derives nothing again, leaves the archive be", () => {
  const abstract = (title: string, speaker: string) =>
    `---\nconference: annual-27\nsession: Plenary\nspeakers:\n  - name: ${speaker}\ntitle: ${title}\n` +
    "tags: [international-cooperation]\n---\nText.\n";
  const read = readContent({
    contentDir: writeContent({
      "news/2023/mou.md": newsFile({ title: "MoU signed", date: "2023-11-14", tags: "[international-cooperation]" }),
      "news/2023/memorando.md": newsFile({
        title: "Memorando firmado",
        date: "2023-11-14",
        lang: "es",
        translationOf: "/news/2023/mou/",
      }),
      "news/2022/other.md": newsFile({
        title: "Another item",
        date: "2022-10-01",
        tags: "[international-cooperation]",
      }),
      "abstracts/annual-27/first.md": abstract("First", "Ana Example"),
      "abstracts/annual-27/second.md": abstract("Second", "Ana Example"),
    }),
    site,
    topics,
    conferences,
  });
  const archive = new Archive({ content: read.content, site, topics, conferences });
  const withPictures = <T extends { html: string }>(item: T): T => ({ ...item, html: "<p>With pictures.</p>" });
  const mou = withPictures(archive.news.find((item) => item.url === "/news/2023/mou/")!);
  const first = withPictures(archive.abstracts.find((item) => item.url === "/abstracts/annual-27/first/")!);
  const shown = archive.withItems(new Map<string, Item>([mou, first].map((item) => [item.url, item])));

  const [spanish, other] = ["/news/2023/memorando/", "/news/2022/other/"].map((url) =>
    shown.news.find((item) => item.url === url)!,
  );
  const second = shown.abstracts.find((item) => item.url === "/abstracts/annual-27/second/")!;
  assert.equal(
    [
      shown.news.includes(mou),
      shown.newsStories.includes(mou),
      shown.latestNews.includes(mou),
      shown.content.news.includes(mou),
      shown.newsPages[0]!.items.includes(mou),
      shown.yearPages[0]!.months[0]!.items.includes(mou),
      shown.topicPages[0]!.items.includes(mou),
      shown.translationsOf(spanish!)[0] === mou,
      shown.relatedTo(other!)[0] === mou,
      shown.abstracts.includes(first),
      shown.conferencePages.some((page) => page.sessions.some((session) => session.items.includes(first))),
      shown.topicPages[0]!.abstracts.includes(first),
      shown.speakers[0]!.appearances.some((appearance) => appearance.abstract === first),
      shown.speakerPages[0]!.items.some((appearance) => appearance.abstract === first),
      shown.sessionSiblingsOf(second)[0] === first,
    ],
    Array(15).fill(true),
  );
  // What holds no replaced item is the archive's own, not made again.
  assert.equal(
    [shown.years === archive.years, shown.yearChart === archive.yearChart, shown.redirects === archive.redirects],
    [true, true, true],
  );
  assert.is.not(archive.news.find((item) => item.url === mou.url)!.html, mou.html);
  // The same views as an archive made from the replaced content.
  const swap = <T extends Item>(item: T): T => ([mou, first].find((other) => other.url === item.url) as T) ?? item;
  const made = new Archive({
    content: { ...read.content, news: read.content.news.map(swap), abstracts: read.content.abstracts.map(swap) },
    site,
    topics,
    conferences,
  });
  assert.equal(shown.pageLists(), made.pageLists());
  assert.equal(shown.sitemapEntries(), made.sitemapEntries());
  assert.equal(shown.topics, made.topics);
  assert.equal(shown.speakerLetters, made.speakerLetters);
  assert.equal(shown.relatedTo(mou), made.relatedTo(mou));
  assert.equal(shown.neighboursOf(mou), made.neighboursOf(mou));
  assert.equal(shown.latestConference, made.latestConference);
});

test.run();
