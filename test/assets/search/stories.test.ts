/** Stories (src/assets/search/stories.ts): an item and its translations are one result, counted once. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { findsOtherStories, storyCount, storyOf } from "../../../src/assets/search/stories.ts";
import type { SearchHit } from "../../../src/assets/search/pagefind.ts";

const hit = (id: string, story?: string): SearchHit => ({
  id,
  ...(story ? { story } : {}),
  data: () => Promise.reject(new Error("not loaded here")),
});

test("2 pages of one story are 1 result; 3 pages, two of them one story, are 2", () => {
  assert.is(storyCount(2, { "/news/2023/mou/": 2 }), 1);
  assert.is(storyCount(3, { "/news/2023/mou/": 2 }), 2);
});

test("pages without a story count one each; a story in one language counts once; no counts leave the pages", () => {
  assert.is(storyCount(5, { "/news/a/": 1, "/news/b/": 3, "/news/c/": 0 }), 3);
  assert.is(storyCount(4), 4);
  assert.is(storyCount(0, {}), 0);
});

test("a result's story is its story, or the page itself", () => {
  assert.is(storyOf(hit("en_1", "/news/2023/mou/")), "/news/2023/mou/");
  assert.is(storyOf(hit("en_2")), "page:en_2");
});

test("a correction that finds the same stories, or fewer, finds nothing new; one more story is something", () => {
  const asTyped = [hit("p1", "/news/mou/"), hit("p3")];
  // The Spanish page of a story already found is not a new result: it joins its English one.
  assert.is(findsOtherStories(asTyped, [hit("p1", "/news/mou/"), hit("p2", "/news/mou/"), hit("p3")]), false);
  assert.is(findsOtherStories(asTyped, [hit("p3")]), false);
  assert.is(findsOtherStories(asTyped, []), false);
  assert.is(findsOtherStories(asTyped, [hit("p3"), hit("p4")]), true);
  assert.is(findsOtherStories([], [hit("p4")]), true);
});

test.run();
