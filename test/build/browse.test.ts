/** Browsing the archive: years, topics, conferences, speakers, related items, redirects, feeds, sitemap. */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { XMLValidator } from "fast-xml-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { listFiles } from "../../scripts/lib/util/list-files.ts";
import { buildFailure, buildSite, newsFile, page, text, writeContent } from "../support/site.ts";

const abstractFile = (conference: string, session: string, speakers: string, extra = "") =>
  `---\nconference: ${conference}\nsession: ${session}\nspeakers:\n${speakers}${extra}\n---\nThe abstract's text.\n`;

const files: Record<string, string> = {
  "news/2019/first.md": newsFile({ title: "First item", date: "2019-03-01", tags: "[training]" }),
  "news/2021/middle.md": newsFile({ title: "Middle item", date: "2021-07-15", tags: "[training, cybercrime]" }),
  "news/2021/moved.md": newsFile({
    title: "Moved item",
    date: "2021-08-01",
    aliases: "[/News/The-Old-Page, /old/page.html, /News/The-Dublin-Conference-%E2%80%93-outcome-report-of-the-21st]",
  }),
  "news/2024/draft.md": newsFile({ title: "Secret draft", date: "2024-01-01", draft: "true", aliases: "[/drafty]" }),
  "abstracts/annual-27/a.md": abstractFile(
    "annual-27",
    "Plenary",
    "  - name: Juan Bautista Mahiques\n    role: Attorney General",
  ),
  "abstracts/annual-28/b.md": abstractFile(
    "annual-28",
    "Workshop",
    "  - name: JUAN BAUTISTA MAHIQUES\n    role: President of the IAP",
  ),
  "abstracts/annual-28/c.md": abstractFile("annual-28", "Workshop", "  - name: Juan Mahiques"),
  "abstracts/annual-28/d.md": abstractFile("annual-28", "Workshop", "  - name: Hidden Speaker", "\ndraft: true"),
};
for (let day = 1; day <= 22; day++) {
  const month = day <= 11 ? "11" : "12";
  files[`news/2023/item-${day}.md`] = newsFile({
    title: `Item ${day}`,
    date: `2023-${month}-${String(day).padStart(2, "0")}`,
    tags: day % 2 === 0 ? "[training]" : "[cybercrime]",
  });
}
const site = await buildSite(writeContent(files));

test("the year overview counts news and abstracts per year, with a chart; a year with no items gets no row", () => {
  const $ = page(site.read("/years/"));
  assert.equal(
    $(".year-table tbody tr")
      .map((_, row) => text($(row)))
      .get(),
    ["2023 22 2", "2022 0 1", "2021 2 0", "2019 1 0"],
  );
  assert.is($('.year-table a[href="/news/2020/"]').length, 0, "an empty year has no page to link to");
  assert.is($(".year-chart rect.bar-news").length, 4);
  // Every bar labelled (with two years too), newest first as in the table; tooltips in words.
  assert.equal(
    $(".year-chart .year-label")
      .map((_, label) => $(label).text())
      .get(),
    ["2023", "2022", "2021", "2019"],
  );
  assert.equal(
    $(".year-chart li")
      .map((_, bar) => $(bar).attr("title"))
      .get(),
    [
      "2023: 22 news items, 2 abstracts",
      "2022: 0 news items, 1 abstract",
      "2021: 2 news items, 0 abstracts",
      "2019: 1 news item, 0 abstracts",
    ],
  );
});

test("the home page shows the 5 latest news items and links to all of them by their number", () => {
  const $ = page(site.read("/"));
  assert.equal(
    $("#latest-news ~ ol h3 a")
      .map((_, a) => $(a).text())
      .get(),
    ["Item 22", "Item 21", "Item 20", "Item 19", "Item 18"],
  );
  assert.is(text($("#latest-news ~ p").first()), "All 25 news items · News by year · News by topic");
  assert.equal(
    $("#latest-conference ~ ul h4 a")
      .map((_, a) => $(a).attr("href"))
      .get(),
    ["/abstracts/annual-28/b/", "/abstracts/annual-28/c/"],
  );
  assert.is($("#latest-conference ~ p a").last().text(), "About the IAP 28th Annual Conference");
});

test("a year page groups its news by month, paginates at 20 and links neighbouring years", () => {
  const $ = page(site.read("/news/2023/"));
  assert.equal(
    $("main section h2")
      .map((_, h) => $(h).text())
      .get(),
    ["December 2023", "November 2023", "Conferences in 2023"],
  );
  assert.is($("main section .item-list h3").length, 20);
  assert.is($('link[rel="next"]').attr("href"), "/news/2023/page/2/");
  assert.is($('.neighbours a[href="/news/2022/"]').text(), "2022");
  const second = page(site.read("/news/2023/page/2/"));
  assert.equal(
    second(".item-list h3 a")
      .map((_, a) => second(a).text())
      .get(),
    ["Item 2", "Item 1"],
  );
  assert.is(second('link[rel="prev"]').attr("href"), "/news/2023/");
  const middle = page(site.read("/news/2021/"));
  assert.equal(
    middle(".neighbours a")
      .map((_, a) => middle(a).attr("href"))
      .get(),
    ["/news/2019/", "/news/2022/", "/years/"],
  );
});

test("one speaker page for one person however the name is written; different people stay apart", () => {
  const index = page(site.read("/speakers/"));
  assert.equal(
    index(".az-list li")
      .map((_, li) => text(index(li)))
      .get(),
    ["Mahiques, Juan (1 abstract)", "Mahiques, Juan Bautista (2 abstracts)"],
  );
  const $ = page(site.read("/speakers/juan-bautista-mahiques/"));
  assert.is(text($("h1")), "Juan Bautista Mahiques");
  assert.equal(
    $(".item-list li")
      .map((_, li) => [text($(li).find(".meta a")), text($(li).find("p").last())])
      .get(),
    [
      "IAP 28th Annual Conference",
      "As President of the IAP",
      "IAP 27th Annual Conference & General Meeting",
      "As Attorney General",
    ],
  );
  assert.ok(site.exists("/speakers/juan-mahiques/"));
});

test("related news: shared topics first, then nearest in time", () => {
  const $ = page(site.read("/news/2021/middle/"));
  assert.equal(
    $(".related li a")
      .map((_, a) => $(a).attr("href"))
      .get(),
    ["/news/2023/item-1/", "/news/2023/item-2/", "/news/2023/item-3/"],
  );
  const abstract = page(site.read("/abstracts/annual-28/b/"));
  assert.equal(
    abstract(".related li a")
      .map((_, a) => abstract(a).attr("href"))
      .get(),
    ["/abstracts/annual-28/c/"],
  );
});

test("an abstract page carries Highwire citation tags, event JSON-LD and a citation", () => {
  const $ = page(site.read("/abstracts/annual-27/a/"));
  assert.is($('meta[name="citation_title"]').attr("content"), "Juan Bautista Mahiques: Plenary");
  assert.is($('meta[name="citation_author"]').attr("content"), "Juan Bautista Mahiques");
  assert.is(
    $('meta[name="citation_conference_title"]').attr("content"),
    "IAP 27th Annual Conference & General Meeting",
  );
  assert.is($('meta[name="citation_publication_date"]').attr("content"), "2022/09/25");
  const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as {
    "@type": string;
    recordedAt: { name: string };
  };
  assert.is(jsonLd["@type"], "ScholarlyArticle");
  assert.is(jsonLd.recordedAt.name, "IAP 27th Annual Conference & General Meeting");
  assert.match(text($(".cite .citation")), /^Juan Bautista Mahiques \(2022\)\. Plenary\. Abstract\. IAP 27th/);
  assert.is(
    $('meta[property="og:title"]').attr("content"),
    "Juan Bautista Mahiques: Plenary · IAP 27th Annual Conference & General Meeting",
  );
});

test("a news page carries NewsArticle JSON-LD and Open Graph tags", () => {
  const $ = page(site.read("/news/2019/first/"));
  const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
  assert.equal([jsonLd["@type"], jsonLd.headline, jsonLd.datePublished], ["NewsArticle", "First item", "2019-03-01"]);
  assert.is($('meta[property="og:type"]').attr("content"), "article");
  assert.is($('meta[property="og:url"]').attr("content"), "https://archive.iap-association.org/news/2019/first/");
});

test("old URLs from aliases redirect to the page, with a link and a canonical URL", () => {
  const $ = page(site.read("/News/The-Old-Page/"));
  assert.is($('meta[http-equiv="refresh"]').attr("content"), "0; url=/news/2021/moved/");
  assert.is($('link[rel="canonical"]').attr("href"), "https://archive.iap-association.org/news/2021/moved/");
  assert.is($('meta[name="robots"]').attr("content"), "noindex");
  assert.is($("main a").attr("href"), "/news/2021/moved/");
  assert.ok(site.exists("/old/page.html"));
  assert.not.ok(site.exists("/drafty/"), "a draft's alias is not published");
});

test("an alias copied %-encoded from a browser redirects from its decoded address, where a host looks it up", () => {
  const $ = page(site.read("/News/The-Dublin-Conference-\u2013-outcome-report-of-the-21st/"));
  assert.is($('meta[http-equiv="refresh"]').attr("content"), "0; url=/news/2021/moved/");
  assert.not.ok(site.exists("/News/The-Dublin-Conference-%E2%80%93-outcome-report-of-the-21st/"));
});

test("an alias that names an existing page or another item's alias is an error", async () => {
  const error = await buildFailure(
    writeContent({
      "news/2021/a.md": newsFile({ title: "A", date: "2021-01-01", aliases: "[/news/, /Old]" }),
      "news/2021/b.md": newsFile({ title: "B", date: "2021-01-02", aliases: "[/old/]" }),
    }),
  );
  assert.match(
    error.message,
    /a\.md:4: aliases\[0\] "\/news\/" is the address of the list of news \(\/news\/\) that the build writes/,
  );
  // Items are checked newest first, so the older item's alias is the one reported (URLs compare case-insensitively).
  assert.match(error.message, /a\.md:4: aliases\[1\] "\/Old" is already an alias of .*b\.md/);
});

test("drafts appear nowhere: no page, list, count, feed, sitemap, speaker or redirect", () => {
  const all = listFiles(site.outDir).map((file) => readFileSync(path.join(site.outDir, file), "utf8"));
  assert.is(all.filter((content) => content.includes("Secret draft") || content.includes("Hidden Speaker")).length, 0);
});

test("Atom and JSON feeds list the latest news with absolute URLs; the sitemap lists every public page", () => {
  const atom = site.read("/feeds/news.xml");
  assert.is(XMLValidator.validate(atom), true);
  const $ = cheerio.load(atom, { xml: true });
  assert.equal(
    $("entry > title")
      .slice(0, 3)
      .map((_, title) => $(title).text())
      .get(),
    ["Item 22", "Item 21", "Item 20"],
  );
  assert.is($("entry").length, 25);
  const json = JSON.parse(site.read("/feeds/news.json")) as { items: { url: string; title: string }[] };
  assert.is(json.items.length, 25);
  assert.equal(json.items.at(-1), {
    ...json.items.at(-1),
    title: "First item",
    url: "https://archive.iap-association.org/news/2019/first/",
  });
  const abstracts = cheerio.load(site.read("/feeds/abstracts.xml"), { xml: true });
  assert.is(abstracts("entry").length, 3);

  const sitemap = site.read("/sitemap.xml");
  assert.is(XMLValidator.validate(sitemap), true);
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
  const htmlPages = listFiles(site.outDir).filter((file) => file.endsWith("index.html"));
  // Every page except the two redirect folders (noindex) is listed, and nothing else.
  assert.is(locs.length, htmlPages.length - 2);
  assert.ok(locs.includes("https://archive.iap-association.org/news/2023/page/2/"));
  assert.not.ok(locs.some((loc) => loc?.includes("Old-Page") || loc?.includes("404")));
  assert.match(site.read("/robots.txt"), "Sitemap: https://archive.iap-association.org/sitemap.xml");
  assert.is(text(page(site.read("/404.html"))("h1")), "Page not found");
});

test.run();
