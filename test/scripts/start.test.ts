/** `npm start`: which changes the preview session handles itself, and which rebuild the whole preview. */
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { changeKind } from "../../scripts/start.ts";
import { repoRoot } from "../support/site.ts";

const src = path.join(repoRoot, "src");

test("a file in the content folder's news/ or abstracts/ is content, whatever its name", () => {
  assert.is(changeKind(path.join(src, "news/2023/mou.md"), src), "content");
  assert.is(changeKind(path.join(src, "abstracts/annual-27/talk.md"), src), "content");
  assert.is(changeKind(path.join(src, "news/2023/.mou.md.swp"), src), "content");
  assert.is(changeKind("/data/corpus/news/2023/mou.md", "/data/corpus"), "content");
});

test("templates, data, assets and the content folders themselves are the site", () => {
  assert.is(changeKind(path.join(src, "pages/news-item.njk"), src), "site");
  assert.is(changeKind(path.join(src, "assets/site.css"), src), "site");
  assert.is(changeKind(path.join(repoRoot, "_data/topics.ts"), src), "site");
  assert.is(changeKind(path.join(repoRoot, "_includes/layouts/base.njk"), src), "site");
  assert.is(changeKind(path.join(src, "news"), src), "site");
  assert.is(changeKind(path.join(src, "newsletter/x.md"), src), "site");
});

test.run();
