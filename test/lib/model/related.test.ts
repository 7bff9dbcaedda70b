import { test } from "uvu";
import * as assert from "uvu/assert";
import { relatedItems, type Relatable } from "../../../scripts/lib/model/related.ts";

const item = (url: string, date: string, ...topics: string[]): Relatable => ({
  url,
  date,
  topics: topics.map((id) => ({ id })),
});

// Newest first, as the archive keeps news.
const items = [
  item("/f/", "2024-06-01", "a"),
  item("/e/", "2024-01-01", "a", "b"),
  item("/d/", "2023-06-01"),
  item("/c/", "2023-01-01", "a", "b"),
  item("/b/", "2022-01-01", "b"),
  item("/a/", "2010-01-01", "a", "b"),
];
const related = relatedItems(items);
const urls = (url: string) => related.get(url)?.map((entry) => entry.url);

test("most shared topics first, then nearest in time", () => {
  // /c/ shares a+b with /e/ (1 year) and /a/ (13 years); /b/ and /f/ share one topic.
  assert.equal(urls("/c/"), ["/e/", "/a/", "/b/"]);
  assert.equal(urls("/e/"), ["/c/", "/a/", "/f/"]);
});

test("an item without topics gets its nearest neighbours in time", () => {
  assert.equal(urls("/d/"), ["/c/", "/e/", "/f/"]);
});

test("never the item itself, never more than the limit", () => {
  for (const [url, list] of related) {
    assert.ok(list.length <= 3);
    assert.not.ok(list.some((entry) => entry.url === url));
  }
  assert.is(relatedItems(items, 1).get("/c/")?.length, 1);
  assert.equal(relatedItems([item("/only/", "2020-01-01", "a")]).get("/only/"), []);
});

test.run();
