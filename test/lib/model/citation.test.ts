import { test } from "uvu";
import * as assert from "uvu/assert";
import { conferences, site } from "../../../scripts/lib/content/data.ts";
import {
  abstractCitation,
  abstractJsonLd,
  newsArticleJsonLd,
  newsCitation,
  scriptSafeJson,
} from "../../../scripts/lib/model/citation.ts";
import { conferenceInfo, type AbstractItem, type NewsItem } from "../../../scripts/lib/content/load.ts";

const root = "https://archive.iap-association.org/";
const base = {
  file: "x.md",
  year: 2023,
  summary: "Summary.",
  summaryHtml: "Summary.",
  draft: false,
  scheduled: false,
  html: "<p>x</p>",
  wordCount: 1,
  aliases: [],
  lang: "en",
};
const news: NewsItem = {
  ...base,
  kind: "news",
  slug: "mou",
  url: "/news/2023/mou/",
  title: "The IAP signed MOU with AIAMP",
  date: "2023-11-14",
  topics: [{ id: "training", label: "Training", description: "d", url: "/topics/training/" }],
};
const abstract: AbstractItem = {
  ...base,
  kind: "abstract",
  slug: "talk",
  url: "/abstracts/annual-27/talk/",
  title: "A talk",
  date: "2022-09-25",
  year: 2022,
  conference: conferenceInfo(conferences.find((conference) => conference.id === "annual-27")!),
  session: "Plenary",
  speakers: [{ name: "Ana Example", role: "Prosecutor", organisation: "Office A" }, { name: "Bo Sample" }],
  topics: [],
};

test("a ready citation for news and for abstracts", () => {
  assert.is(
    newsCitation(news, site, root),
    "International Association of Prosecutors (14 November 2023). The IAP signed MOU with AIAMP. IAP News Archive. " +
      "https://archive.iap-association.org/news/2023/mou/",
  );
  assert.is(
    abstractCitation(abstract, site, root),
    "Ana Example and Bo Sample (2022). A talk. Abstract, Plenary. IAP 27th Annual Conference & General Meeting, " +
      "Tbilisi, Georgia, 25–29 September 2022. International Association of Prosecutors. " +
      "https://archive.iap-association.org/abstracts/annual-27/talk/",
  );
});

test("an abstract without a title of its own is cited by its session once, without repeating the speaker", () => {
  const untitled: AbstractItem = {
    ...abstract,
    title: "Juan Bautista Mahiques: Special Interest Group Session – Heads of Prosecution Services",
    session: "Special Interest Group Session – Heads of Prosecution Services",
    speakers: [{ name: "Juan Bautista Mahiques" }],
  };
  assert.is(
    abstractCitation(untitled, site, root),
    "Juan Bautista Mahiques (2022). Special Interest Group Session – Heads of Prosecution Services. Abstract. IAP " +
      "27th Annual Conference & General Meeting, Tbilisi, Georgia, 25–29 September 2022. International Association " +
      "of Prosecutors. https://archive.iap-association.org/abstracts/annual-27/talk/",
  );
});

test("under a base path, citations and JSON-LD carry it", () => {
  const sub = "https://example.org/archive/";
  assert.match(newsCitation(news, site, sub), / https:\/\/example\.org\/archive\/news\/2023\/mou\/$/);
  assert.is(newsArticleJsonLd(news, site, sub).url, "https://example.org/archive/news/2023/mou/");
});

test("NewsArticle JSON-LD carries headline, dates, publisher and URL", () => {
  const data = newsArticleJsonLd(news, site, root);
  assert.is(data["@type"], "NewsArticle");
  assert.is(data.headline, "The IAP signed MOU with AIAMP");
  assert.is(data.datePublished, "2023-11-14");
  assert.is(data.url, "https://archive.iap-association.org/news/2023/mou/");
  assert.equal(data.publisher, {
    "@type": "Organization",
    name: "International Association of Prosecutors",
    url: "https://archive.iap-association.org/",
  });
  assert.equal(data.keywords, ["Training"]);
});

test("abstract JSON-LD is tied to the conference event", () => {
  const data = abstractJsonLd(abstract, site, root) as { recordedAt: Record<string, unknown>; author: unknown[] };
  assert.is(data.recordedAt.name, "IAP 27th Annual Conference & General Meeting");
  assert.is(data.recordedAt.startDate, "2022-09-25");
  assert.is(data.recordedAt.endDate, "2022-09-29");
  assert.equal(data.author[0], {
    "@type": "Person",
    name: "Ana Example",
    jobTitle: "Prosecutor",
    affiliation: { "@type": "Organization", name: "Office A" },
  });
});

test("JSON for a script block cannot close the block or open a comment", () => {
  const json = scriptSafeJson({ headline: "</script><script>alert(1)</script><!-- & \u2028" });
  assert.is(
    json,
    '{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}',
  );
  assert.equal(JSON.parse(json), { headline: "</script><script>alert(1)</script><!-- & \u2028" });
});

test.run();
