/**
 * What a reader meets on the built pages: speakers by surname with A–Z links, a
 * conference's programme on one page in session order, topics by count with empty ones apart,
 * abstracts on topic pages, the untitled abstract's citation, wording, the nav's current section,
 * feeds linked, the offline page without JavaScript, and what the service worker precaches.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite, newsFile, page, text, writeContent } from "../support/site.ts";

const abstract = (
  fields: { conference: string; session: string; speakers: string; title?: string; tags?: string },
  body = "An abstract.",
) =>
  `---\nconference: ${fields.conference}\n${fields.title ? `title: ${fields.title}\n` : ""}` +
  `session: ${fields.session}\n${fields.tags ? `tags: ${fields.tags}\n` : ""}` +
  `speakers:\n${fields.speakers}---\n${body}\n`;

const heads = "Special Interest Group Session – Heads of Prosecution Services";

// 25 abstracts in one conference: more than a list page (20) holds.
const programme = Object.fromEntries(
  Array.from({ length: 25 }, (_, index) => {
    const session = index < 10 ? "Closing Session" : index < 20 ? "Plenary – Evidence" : heads;
    const number = String(index + 1).padStart(2, "0");
    return [
      `abstracts/annual-27/talk-${number}.md`,
      abstract({
        conference: "annual-27",
        title: `Talk ${number}`,
        session,
        speakers: `  - name: Speaker ${number} Zed\n`,
      }),
    ];
  }),
);

const site = await buildSite(
  writeContent({
    ...programme,
    "abstracts/annual-23/mahiques.md": abstract({
      conference: "annual-23",
      session: "Plenary – Cooperation",
      speakers: "  - name: Juan Bautista Mahiques\n    sort: Bautista Mahiques, Juan\n    role: Attorney General\n",
    }),
    "abstracts/annual-29/mahiques-again.md": abstract({
      conference: "annual-29",
      title: "Cooperation again",
      session: "Plenary – Rule of Law",
      tags: "[corruption]",
      speakers: "  - name: Juan Bautista Mahiques\n    role: Prosecutor General\n  - name: Ana Álvarez\n",
    }),
    "abstracts/annual-28/obi.md": abstract({
      conference: "annual-28",
      title: "A short talk",
      session: "Plenary – Rule of Law",
      speakers: "  - name: Chidi Obi\n",
    }),
    "news/2023/a.md": newsFile({ title: "Training one", date: "2023-02-01", tags: "[training]" }),
    "news/2023/b.md": newsFile({ title: "Training two", date: "2023-03-01", tags: "[training, corruption]" }),
    "news/2023/c.md": newsFile({ title: "Training three", date: "2023-04-01", tags: "[training]" }),
    "news/2022/d.md": newsFile({ title: "Cyber one", date: "2022-04-01", tags: "[cybercrime]" }),
  }),
);

test("speakers are filed by surname, or by an explicit sort name, with A–Z links and counts", () => {
  const $ = page(site.read("/speakers/"));
  const names = $(".az-list li a")
    .map((_, link) => $(link).text())
    .get();
  assert.equal(names.slice(0, 3), ["Álvarez, Ana", "Bautista Mahiques, Juan", "Obi, Chidi"]);
  assert.is(names.length, 28);
  assert.equal(
    $(".az-nav a")
      .map((_, link) => text($(link)))
      .get(),
    ["Surnames starting with A", "Surnames starting with B", "Surnames starting with O", "Surnames starting with Z"],
  );
  assert.equal(
    $(".az-nav a")
      .map((_, link) => $(link).attr("href"))
      .get(),
    ["#letter-a", "#letter-b", "#letter-o", "#letter-z"],
  );
  assert.is(text($("#letter-b").closest("section").find("li").first()), "Bautista Mahiques, Juan (2 abstracts)");
  assert.is(text($(".meta").first()), "28 speakers, by surname, with how many abstracts each gave.");
  // One page: no pager, so nothing says "Older" on a list in name order.
  assert.not.ok(site.exists("/speakers/page/2/"));
  assert.is($(".pagination").length, 0);
});

test("one speaker's page lists their abstracts across years with the role they had at each", () => {
  const $ = page(site.read("/speakers/juan-bautista-mahiques/"));
  assert.equal(
    $("h2 a")
      .map((_, link) => $(link).text())
      .get(),
    ["Cooperation again", "Juan Bautista Mahiques: Plenary – Cooperation"],
  );
  assert.equal(
    $(".item-summary p:not(.meta)")
      .map((_, line) => text($(line)))
      .get(),
    ["As Prosecutor General", "As Attorney General"],
  );
});

test("a conference's abstracts are on one page, sessions in the programme's order, the rest by name", () => {
  assert.not.ok(site.exists("/conferences/annual-27/page/2/"));
  const $ = page(site.read("/conferences/annual-27/"));
  assert.equal(
    $("main h3")
      .map((_, heading) => $(heading).text())
      .get(),
    [heads, "Closing Session", "Plenary – Evidence"],
  );
  assert.is($("main h4").length, 25);
  assert.is($("main h4").first().text(), "Talk 21");
});

test("topics: most items first, then by name; topics without items listed apart, unlinked, and without a page", () => {
  const $ = page(site.read("/topics/"));
  assert.equal(
    $(".item-list h2")
      .map((_, heading) => text($(heading)))
      .get(),
    ["Training (3 news items)", "Corruption (1 news item, 1 abstract)", "Cybercrime (1 news item)"],
  );
  assert.is(
    text($("#topics-empty").next("p")),
    "Conferences, Drug trafficking, Gender-based violence, Human trafficking, International cooperation, Memoranda " +
      "of understanding, Prosecutorial independence, Terrorism, Victims and witnesses.",
  );
  assert.is($("#topics-empty").next("p").find("a").length, 0);
  assert.not.ok(site.exists("/topics/terrorism/"));
});

test("an abstract tagged with a topic is listed on the topic's page and links to it", () => {
  const $ = page(site.read("/topics/corruption/"));
  assert.is(text($(".meta").first()), "1 news item and 1 abstract, newest first.");
  assert.equal(
    $("#topic-abstracts")
      .parent()
      .find("h3 a")
      .map((_, link) => $(link).text())
      .get(),
    ["Cooperation again"],
  );
  const abstractPage = page(site.read("/abstracts/annual-29/mahiques-again/"));
  assert.equal(
    abstractPage(".topics a")
      .map((_, link) => abstractPage(link).attr("href"))
      .get(),
    ["/topics/corruption/"],
  );
});

test("an untitled abstract's citation names the speaker and the session once each", () => {
  const $ = page(site.read("/abstracts/annual-23/mahiques/"));
  assert.is(
    text($(".citation")),
    "Juan Bautista Mahiques (2018). Plenary – Cooperation. Abstract. IAP 23rd Annual Conference, " +
      "Johannesburg-Sandton, South Africa, 9–13 September 2018. International Association of Prosecutors. " +
      "https://archive.iap-association.org/abstracts/annual-23/mahiques/",
  );
});

test("wording: “About the …” for a conference; Years marked on year pages; the abstracts' JSON Feed linked", () => {
  const home = page(site.read("/"));
  assert.is(home("#latest-conference ~ p a, #latest-conference").last().text(), "About the IAP 29th Annual Conference");
  const year = page(site.read("/news/2023/"));
  assert.equal(
    year("header nav [aria-current=page]")
      .map((_, link) => year(link).text())
      .get(),
    ["Years"],
  );
  const news = page(site.read("/news/"));
  assert.equal(
    news("header nav [aria-current=page]")
      .map((_, link) => news(link).text())
      .get(),
    ["News"],
  );
  assert.is(news('link[rel=alternate][href="/feeds/abstracts.json"]').length, 1);
  assert.is(news('footer a[href="/feeds/abstracts.json"]').text(), "JSON Feed");
  assert.ok(site.exists("/feeds/abstracts.json"));
});

test("the search page has one search box, its own: the header's is left out there", () => {
  const $ = page(site.read("/search/"));
  assert.is($("input[type=search]").length, 1);
  assert.is($("input[type=search]").attr("id"), "search-q");
  assert.is(page(site.read("/news/"))("#site-search-q").length, 1);
});

test("without JavaScript the offline page shows no empty “Available on this device” heading", () => {
  const $ = page(site.read("/offline/"));
  assert.ok($("#offline-available-section").is("[hidden]"));
});

test("the service worker precaches what the search page loads, not Pagefind's worker, UI or unused wasm", () => {
  const worker = site.read("/sw.js");
  const urls = [...worker.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1] ?? "");
  const pagefindFiles = urls
    .filter((url) => url.startsWith("pagefind/"))
    .map((url) => url.replace(/[0-9a-f]{10}/, "HASH"))
    .sort();
  assert.equal(pagefindFiles, [
    "pagefind/pagefind-entry.json",
    "pagefind/pagefind.en_HASH.pf_meta",
    "pagefind/pagefind.js",
    "pagefind/wasm.en.pagefind",
  ]);
  assert.is(urls.filter((url) => url === "search/index.html").length, 1);
});

test.run();
