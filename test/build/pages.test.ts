/** Build-output tests: the real build on small content folders, asserting on the written pages. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite, newsFile, page, repoRoot, text, writeContent } from "../support/site.ts";
import path from "node:path";

const abstract = `---
conference: annual-27
session: Plenary – Cybercrime
speakers:
  - name: Ana Example
    role: Deputy Prosecutor General
    organisation: Prosecution Service of Examplia
  - name: Bo Sample
---
First paragraph of the abstract.
`;

const content = writeContent({
  "news/2023/signed-mou.md": newsFile(
    { title: "The IAP signed an MOU", date: "2023-11-14", tags: "[memoranda-of-understanding, training]" },
    "The first paragraph, which becomes the summary.\n\n# A heading in the body\n\nMore text.\n",
  ),
  "news/2022/older-item.md": newsFile({ title: "An older item", date: "2022-05-01" }),
  "news/2024/newer-item.md": newsFile({ title: "A newer item", date: "2024-01-02", summary: "Given summary." }),
  "news/2024/draft-item.md": newsFile({ title: "A draft", date: "2024-02-01", draft: "true" }),
  "news/2026/future-item.md": newsFile({ title: "Not yet", date: "2026-01-01" }),
  "abstracts/annual-27/cybercrime.md": abstract,
  "abstracts/annual-27/other.md": abstract
    .replace("Plenary – Cybercrime", "Workshop – Training")
    .replace("Ana Example", "Cy Third"),
});
const site = await buildSite(content);

test("the build reports what it published and what it withheld", () => {
  assert.is(site.report.news, 3);
  assert.is(site.report.abstracts, 2);
  assert.equal(site.report.withheld, { drafts: 1, scheduled: 1 });
  assert.equal(
    site.report.phases.map((phase) => phase.name),
    ["validate", "media", "render", "search", "feeds", "read", "offline", "check", "publish"],
  );
});

test("a news page shows title, calendar date, topics, body and neighbours", () => {
  const $ = page(site.read("/news/2023/signed-mou/"));
  assert.is(text($("h1")), "The IAP signed an MOU");
  assert.is($("h1").length, 1);
  assert.is($("title").text(), "The IAP signed an MOU · IAP News Archive");
  assert.is($('meta[name="description"]').attr("content"), "The first paragraph, which becomes the summary.");
  assert.is($("article time").attr("datetime"), "2023-11-14");
  assert.is(text($("article time")), "14 November 2023");
  assert.equal(
    $(".topics a")
      .map((_, a) => `${$(a).text()} ${$(a).attr("href")}`)
      .get(),
    ["Memoranda of understanding /topics/memoranda-of-understanding/", "Training /topics/training/"],
  );
  assert.is(text($(".prose h2")), "A heading in the body");
  assert.is($('.neighbours a[rel="prev"]').attr("href"), "/news/2022/older-item/");
  assert.is($('.neighbours a[rel="next"]').attr("href"), "/news/2024/newer-item/");
  assert.is($('.neighbours a[href="/news/"]').length, 1);
  assert.is($('link[rel="canonical"]').attr("href"), "https://archive.iap-association.org/news/2023/signed-mou/");
  // Reading needs no JavaScript: the one script registers the service worker for offline reading.
  assert.equal(
    $('script:not([type="application/ld+json"])')
      .map((_, script) =>
        $(script)
          .attr("src")
          ?.replace(/[0-9a-f]{10}/, "HASH"),
      )
      .get(),
    ["/assets/register.HASH.js"],
  );
});

test("drafts and future items are not published anywhere", () => {
  assert.not.ok(site.exists("/news/2024/draft-item/"));
  assert.not.ok(site.exists("/news/2026/future-item/"));
  const all = site.read("/news/") + site.read("/") + site.read("/topics/");
  assert.not.match(all, "A draft");
  assert.not.match(all, "Not yet");
});

test("the news index lists items newest first", () => {
  const $ = page(site.read("/news/"));
  assert.equal(
    $(".item-list h2 a")
      .map((_, a) => $(a).text())
      .get(),
    ["A newer item", "The IAP signed an MOU", "An older item"],
  );
  assert.equal(
    $(".item-list time")
      .map((_, time) => $(time).text())
      .get(),
    ["2 January 2024", "14 November 2023", "1 May 2022"],
  );
});

test("an abstract page shows conference, session and speakers with their roles", () => {
  const $ = page(site.read("/abstracts/annual-27/cybercrime/"));
  assert.is(text($("h1")), "Ana Example and Bo Sample: Plenary – Cybercrime");
  assert.is($(".facts dd a").first().attr("href"), "/conferences/annual-27/");
  assert.is(text($(".facts dd a").first()), "IAP 27th Annual Conference & General Meeting");
  assert.equal(
    $(".facts dd")
      .map((_, dd) => text($(dd)))
      .get(),
    [
      "IAP 27th Annual Conference & General Meeting, 25–29 September 2022, Tbilisi",
      "Plenary – Cybercrime",
      "Ana Example, Deputy Prosecutor General, Prosecution Service of Examplia",
      "Bo Sample",
    ],
  );
});

test("a conference page lists its abstracts by session", () => {
  const $ = page(site.read("/conferences/annual-27/"));
  assert.equal(
    $("section h3")
      .map((_, h) => $(h).text())
      .get(),
    ["Plenary – Cybercrime", "Workshop – Training"],
  );
  assert.equal(
    $("section h4 a")
      .map((_, a) => $(a).attr("href"))
      .get(),
    ["/abstracts/annual-27/cybercrime/", "/abstracts/annual-27/other/"],
  );
  assert.is(text($(".facts dd").eq(3)), "Global Phenomena Reshaping Criminal Justice Systems");
});

test("the home page shows the latest news and the latest conference's abstracts", () => {
  const $ = page(site.read("/"));
  assert.equal(
    $("#latest-news ~ ol h3 a")
      .map((_, a) => $(a).text())
      .get(),
    ["A newer item", "The IAP signed an MOU", "An older item"],
  );
  assert.is(text($("#latest-conference")), "Abstracts from the IAP 27th Annual Conference & General Meeting");
});

test("topic pages list their news and the topic index counts them", () => {
  const $ = page(site.read("/topics/training/"));
  assert.is(text($("h1")), "Training");
  assert.equal(
    $(".item-list a")
      .map((_, a) => $(a).attr("href"))
      .get(),
    ["/news/2023/signed-mou/"],
  );
  const index = page(site.read("/topics/"));
  assert.is(text(index('a[href="/topics/training/"]').parent()), "Training (1 news item)");
  // A topic without items is named apart, unlinked, and has no page.
  assert.is(index('a[href="/topics/cybercrime/"]').length, 0);
  assert.match(text(index("#topics-empty").next("p")), /\bCybercrime\b/);
  assert.not.ok(site.exists("/topics/cybercrime/"));
});

test("the news index paginates at 20 with numbered pages and rel=prev/next", async () => {
  const files: Record<string, string> = {};
  for (let day = 1; day <= 25; day++) {
    const date = `2021-03-${String(day).padStart(2, "0")}`;
    files[`news/2021/item-${day}.md`] = newsFile({ title: `Item ${day}`, date });
  }
  const paged = await buildSite(writeContent(files));
  const first = page(paged.read("/news/"));
  assert.is(first(".item-list > li").length, 20);
  assert.is(first('.pagination a[rel="next"]').attr("href"), "/news/page/2/");
  assert.is(first('.pagination a[rel="prev"]').length, 0);
  assert.is(first('.pagination a[aria-current="page"]').text(), "Page 1");
  const second = page(paged.read("/news/page/2/"));
  assert.equal(
    second(".item-list h2 a")
      .map((_, a) => second(a).text())
      .get(),
    ["Item 5", "Item 4", "Item 3", "Item 2", "Item 1"],
  );
  assert.is(second('.pagination a[rel="prev"]').attr("href"), "/news/");
  assert.is(second("title").text(), "News, page 2 · IAP News Archive");
  assert.not.ok(paged.exists("/news/page/3/"));
});

test("the sample archive builds: both seeds converted faithfully", async () => {
  const sample = await buildSite(path.join(repoRoot, "src"));
  const news = page(sample.read("/news/2023/iap-signed-mou-with-aiamp/"));
  assert.is(text(news("h1")), "The IAP signed MOU with AIAMP");
  assert.is(text(news("article time")), "14 November 2023");
  assert.is(news(".prose p").length, 9);
  assert.not.match(news(".prose").text(), "« back");
  const abstractPage = page(sample.read("/abstracts/annual-27/mahiques-heads-of-prosecution-services/"));
  assert.is(
    text(abstractPage("h1")),
    "Juan Bautista Mahiques: Special Interest Group Session – Heads of Prosecution Services",
  );
  assert.is(abstractPage(".prose p").length, 4);
});

test.run();
