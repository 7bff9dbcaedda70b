/** The preview's content cache: scripts/lib/content/cache.ts. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ContentCache } from "../../../scripts/lib/content/cache.ts";
import { conferences, site, topics } from "../../../scripts/lib/content/data.ts";
import { newsFile, writeContent } from "../../support/site.ts";

const contentDir = writeContent({
  "news/2023/a.md": newsFile({ title: "A", date: "2023-01-01" }),
  "news/2023/b.md": newsFile({ title: "B", date: "2023-02-01" }),
});
const options = { contentDir, site, topics, conferences, preview: true };

test("a read with nothing saved since gives the same content; a saved file is read again, the others kept", () => {
  const cache = new ContentCache();
  const first = cache.read(options);
  assert.is(first.changed, true);
  const again = cache.read(options);
  assert.is(again.changed, false);
  assert.is(again.content, first.content);

  writeFileSync(path.join(contentDir, "news/2023/b.md"), newsFile({ title: "B, edited", date: "2023-02-01" }));
  const edited = cache.read(options);
  assert.is(edited.changed, true);
  assert.equal(
    edited.content.news.map((item) => item.title),
    ["B, edited", "A"],
  );
  assert.is(edited.content.news[1], first.content.news[1], "the unchanged file's item is the one read before");
});

test("a file saved with the same bytes is no change", () => {
  const cache = new ContentCache();
  cache.read(options);
  writeFileSync(path.join(contentDir, "news/2023/a.md"), newsFile({ title: "A", date: "2023-01-01" }));
  assert.is(cache.read(options).changed, false);
});

test.run();
