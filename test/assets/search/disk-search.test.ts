/** Searching a snapshot from disk (src/assets/search/disk-search.ts): the fallback for Pagefind. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { foldText } from "../../../src/assets/shared/fold.ts";
import {
  createDiskSearch,
  excerpt,
  isDiskIndex,
  queryWords,
  type DiskIndex,
  type DiskIndexPage,
} from "../../../src/assets/search/disk-search.ts";
import type { Pagefind, SearchOptions } from "../../../src/assets/search/pagefind.ts";

const news = (
  url: string,
  title: string,
  date: string,
  body: string,
  topics: string[] = [],
  summary = "",
): DiskIndexPage => ({
  url,
  title,
  date,
  summary,
  about: "",
  body,
  meta: { type: "News" },
  filters: { type: ["News"], year: [date.slice(0, 4)], topic: topics },
});

const index: DiskIndex = {
  version: 1,
  pages: [
    news(
      "news/2023/visit/index.html",
      "Visit to the Fiscalía",
      "2023-05-02",
      "Prosecutors of the Fiscalía General met in São Paulo.",
      ["Training"],
    ),
    news(
      "news/2023/plain/index.html",
      "Fiscalia without accent",
      "2023-01-10",
      "A page that writes fiscalia without its accent.",
      ["Cybercrime"],
    ),
    news(
      "news/2023/other/index.html",
      "Cooperation <agreements>",
      "2023-09-09",
      "Cooperation between services & partners.",
      ["Training", "Cybercrime"],
      "A summary about training.",
    ),
    {
      url: "abstracts/annual-28/a/index.html",
      title: "Cross-border evidence",
      date: "2023-09-24",
      summary: "",
      about: "IAP 28th Annual Conference. Workshop. Juan Bautista Mahiques, Attorney General",
      body: "Evidence moves across borders faster than requests for it.",
      meta: { type: "Abstract", conference: "IAP 28th Annual Conference", speakers: "Juan Bautista Mahiques" },
      filters: {
        type: ["Abstract"],
        year: ["2023"],
        conference: ["IAP 28th Annual Conference"],
        speaker: ["Juan Bautista Mahiques"],
      },
    },
  ],
};
const root = "file:///media/usb/iap-news-archive-2023/data/";
const engine: Pagefind = createDiskSearch(index, root);

async function titles(term: string | null, options?: SearchOptions): Promise<string[]> {
  const response = await engine.search(term, options);
  return Promise.all(response.results.map(async (hit) => (await hit.data()).meta.title ?? ""));
}

test("folding drops case and accents, and the query splits into words", () => {
  assert.is(foldText("Fiscalía São PAULO"), "fiscalia sao paulo");
  assert.equal(queryWords("  São-Paulo, fiscalía! são "), ["sao", "paulo", "fiscalia"]);
  assert.equal(queryWords("?!"), []);
});

test("words are found in any field, accent-insensitively; exact accents and titles rank first", async () => {
  assert.equal(await titles("fiscalía"), ["Visit to the Fiscalía", "Fiscalia without accent"]);
  assert.equal(await titles("fiscalia"), ["Fiscalia without accent", "Visit to the Fiscalía"]);
  assert.equal(await titles("sao paulo"), ["Visit to the Fiscalía"]);
  assert.equal(await titles("mahiques"), ["Cross-border evidence"], "an abstract's speakers are searched");
  assert.equal(await titles("summary"), ["Cooperation <agreements>"], "the summary is searched");
});

test("every word must match, each as the beginning of a word", async () => {
  assert.equal(await titles("cooperat"), ["Cooperation <agreements>"]);
  assert.equal(await titles("operation"), [], "not inside a word");
  assert.equal(await titles("fiscalia paulo"), ["Visit to the Fiscalía"]);
  assert.equal(await titles("fiscalia nowhere"), []);
  assert.equal(await titles("!!"), []);
});

test("a result is shown as Pagefind's: absolute URL, metadata, and an excerpt with the matches marked", async () => {
  const [hit] = (await engine.search("sao paulo")).results;
  assert.equal(await hit?.data(), {
    url: "file:///media/usb/iap-news-archive-2023/data/news/2023/visit/index.html",
    excerpt: "Prosecutors of the Fiscalía General met in <mark>São</mark> <mark>Paulo</mark>.",
    meta: { type: "News", title: "Visit to the Fiscalía", date: "2023-05-02", summary: "" },
  });
  const [other] = (await engine.search("partners")).results;
  assert.is((await other?.data())?.excerpt, "Cooperation between services & <mark>partners</mark>.");
  const [abstract] = (await engine.search("evidence")).results;
  assert.equal((await abstract?.data())?.meta, {
    type: "Abstract",
    conference: "IAP 28th Annual Conference",
    speakers: "Juan Bautista Mahiques",
    title: "Cross-border evidence",
    date: "2023-09-24",
    summary: "",
  });
});

test("an excerpt is 30 words around the most matches, with < and > escaped", () => {
  const words = Array.from({ length: 100 }, (_, n) => `w${n}`);
  words[60] = "target";
  const shown = excerpt(words.join(" "), ["target"]);
  assert.is(shown.split(" ").length, 30);
  assert.ok(shown.startsWith("w46 "), shown);
  assert.ok(shown.includes(" <mark>target</mark> "), shown);
  assert.is(excerpt("a <b> c", ["b"]), "a &lt;<mark>b</mark>&gt; c");
  assert.is(excerpt("No match here at all", ["zzz"]), "No match here at all");
});

test("filters combine values of one facet with OR and facets with AND, and results count each value", async () => {
  assert.equal(await engine.filters(), {
    type: { News: 3, Abstract: 1 },
    year: { "2023": 4 },
    topic: { Training: 2, Cybercrime: 2 },
    conference: { "IAP 28th Annual Conference": 1 },
    speaker: { "Juan Bautista Mahiques": 1 },
  });
  const training = await engine.search(null, { filters: { topic: { any: ["Training"] } }, sort: { date: "desc" } });
  assert.is(training.results.length, 2);
  assert.equal(training.filters.topic, { Training: 2, Cybercrime: 1 });
  assert.equal(training.filters.conference, { "IAP 28th Annual Conference": 0 });
  assert.equal(
    await titles(null, { filters: { topic: { any: ["Training", "Cybercrime"] } }, sort: { date: "desc" } }),
    ["Cooperation <agreements>", "Visit to the Fiscalía", "Fiscalia without accent"],
  );
  assert.equal(await titles(null, { filters: { topic: { any: ["Training"] }, type: { any: ["Abstract"] } } }), []);
  assert.equal(await titles(null, { filters: { topic: { any: [] } } }), [], "an unknown value matches nothing");
});

test("sorting by date overrides relevance; browsing without words lists everything", async () => {
  assert.equal(await titles("fiscalia", { sort: { date: "asc" } }), [
    "Fiscalia without accent",
    "Visit to the Fiscalía",
  ]);
  assert.equal(await titles("fiscalia", { sort: { date: "desc" } }), [
    "Visit to the Fiscalía",
    "Fiscalia without accent",
  ]);
  const all = await engine.search(null, { sort: { date: "desc" } });
  assert.is(all.results.length, 4);
  assert.is(all.unfilteredResultCount, 4);
});

test("an item and its translation count once in each value, carry their story; story filter counts pages", async () => {
  const translated = (page: DiskIndexPage, lang: string, story: string): DiskIndexPage => ({
    ...page,
    filters: { ...page.filters, lang: [lang], story: [story] },
  });
  const stories = createDiskSearch(
    {
      version: 1,
      pages: [
        translated(
          news("news/2023/mou/index.html", "MOU signed", "2023-11-14", "The MOU was signed.", ["Training"]),
          "English",
          "/news/2023/mou/",
        ),
        translated(
          news("news/2023/memorando/index.html", "Memorando firmado", "2023-11-14", "El MOU fue firmado.", [
            "Training",
          ]),
          "Español",
          "/news/2023/mou/",
        ),
        {
          ...news("news/2022/other/index.html", "Another MOU", "2022-01-01", "A MOU.", ["Training"]),
          filters: { type: ["News"], year: ["2022"], topic: ["Training"], lang: ["English"] },
        },
      ],
    },
    root,
  );
  const found = await stories.search("mou");
  assert.equal(found.results.map((hit) => [hit.id, hit.story]).sort(), [
    ["news/2022/other/index.html", undefined],
    ["news/2023/memorando/index.html", "/news/2023/mou/"],
    ["news/2023/mou/index.html", "/news/2023/mou/"],
  ]);
  assert.equal(found.filters, {
    type: { News: 2 },
    year: { "2023": 1, "2022": 1 },
    topic: { Training: 2 },
    lang: { English: 2, Español: 1 },
    story: { "/news/2023/mou/": 2 },
  });
  assert.equal((await stories.filters()).type, { News: 2 });
});

test("only an index of this shape is accepted from the global, with or without its dictionary", () => {
  assert.ok(isDiskIndex(index));
  assert.ok(isDiskIndex({ ...index, words: { c: "cooperation 12", other: "" } }));
  assert.not.ok(isDiskIndex({ ...index, words: { c: 12 } }));
  assert.not.ok(isDiskIndex(undefined));
  assert.not.ok(isDiskIndex({ version: 2, pages: [] }));
  assert.not.ok(isDiskIndex({ version: 1, pages: [{ url: "x" }] }));
});

test.run();
