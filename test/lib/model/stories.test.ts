import { test } from "uvu";
import * as assert from "uvu/assert";
import { oneEntryPerStory, type StoryItem } from "../../../scripts/lib/model/stories.ts";

const item = (url: string, lang: string, translationOf?: string): StoryItem => ({
  url,
  lang,
  ...(translationOf ? { translationOf } : {}),
});
const groups = new Map([
  ["/es/", "/en/"],
  ["/en/", "/en/"],
  ["/fr/", "/en/"],
  ["/pt/", "/pt/"],
  ["/de/", "/pt/"],
]);
const keyOf = (entry: StoryItem) => groups.get(entry.url) ?? entry.url;
const urls = (entries: StoryItem[]) => entries.map((entry) => entry.url);

test("one entry per story, in the site's language, kept where it stands in the list", () => {
  const list = [item("/es/", "es", "/en/"), item("/solo/", "en"), item("/en/", "en"), item("/fr/", "fr", "/es/")];
  assert.equal(urls(oneEntryPerStory(list, (entry) => entry, keyOf, "en")), ["/solo/", "/en/"]);
});

test("without the site's language, the original (naming no other), else the first in the list", () => {
  const list = [item("/de/", "de", "/pt/"), item("/pt/", "pt")];
  assert.equal(urls(oneEntryPerStory(list, (entry) => entry, keyOf, "en")), ["/pt/"]);
  const translationsOnly = [item("/fr/", "fr", "/es/"), item("/es/", "es", "/en/")];
  assert.equal(urls(oneEntryPerStory(translationsOnly, (entry) => entry, keyOf, "en")), ["/fr/"]);
});

test("a list filtered first keeps the story by an item that passed the filter; entries may wrap items", () => {
  const appearances = [{ abstract: item("/es/", "es", "/en/") }, { abstract: item("/x/", "en") }];
  assert.equal(
    oneEntryPerStory(appearances, (entry) => entry.abstract, keyOf, "en").map((entry) => entry.abstract.url),
    ["/es/", "/x/"],
  );
});

test.run();
