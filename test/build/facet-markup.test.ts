/**
 * The item pages index each search facet under the filter name the search page filters by: the
 * names in their `data-pagefind-filter` markup come from the facet table (src/assets/shared/facets.ts).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { facetFilterName, facets } from "../../src/assets/shared/facets.ts";
import { storyFilter } from "../../src/assets/search/stories.ts";
import { buildSite, newsFile, page, writeContent } from "../support/site.ts";

const site = await buildSite(
  writeContent({
    "news/2023/mou.md": newsFile({ title: "The IAP signed an MOU", date: "2023-11-14", tags: "[training]" }),
    "news/2023/memorando.md": newsFile({
      title: "La IAP firmó un memorando",
      date: "2023-11-14",
      lang: "es",
      translationOf: "/news/2023/mou/",
    }),
    "abstracts/annual-27/cooperation.md":
      "---\nconference: annual-27\nsession: Plenary\nspeakers:\n  - name: Ana Example\ntags: [training]\n---\nText.\n",
  }),
);

/** The filter names a page's markup gives Pagefind: "type:News" names "type", "lang[data-language]" "lang". */
function filterNames(url: string): string[] {
  const $ = page(site.read(url));
  return $("[data-pagefind-filter]")
    .toArray()
    .flatMap((element) => ($(element).attr("data-pagefind-filter") ?? "").split(/,\s*/))
    .map((filter) => filter.split(/[:[]/)[0]!.trim());
}

test("a news item indexes its story, type, language, year and topic under the facet table's names", () => {
  assert.equal(filterNames("/news/2023/mou/"), [storyFilter, "type", "lang", "year", "topic"]);
});

test("an abstract indexes type, language, conference, year, speaker and topic", () => {
  assert.equal(filterNames("/abstracts/annual-27/cooperation/"), [
    "type",
    "lang",
    "conference",
    "year",
    "speaker",
    "topic",
  ]);
});

test("between them the item pages index every facet of the table, and no other filter but the story", () => {
  const names = new Set([...filterNames("/news/2023/mou/"), ...filterNames("/abstracts/annual-27/cooperation/")]);
  assert.equal([...names].sort(), [...facets.map((facet) => facet.id), storyFilter].sort());
});

test("facetFilter (the templates' global) refuses an id not in the table, naming the table", () => {
  assert.is(facetFilterName("topic"), "topic");
  assert.throws(
    () => facetFilterName("topics"),
    (error: Error) =>
      error.message ===
      'unknown search facet "topics": ' +
        "the facets are type, year, topic, conference, speaker, lang (src/assets/shared/facets.ts)",
  );
});

test.run();
