/** Paths as people read them, and folder containment: scripts/lib/util/paths.ts. */
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { displayPath, isInside } from "../../../scripts/lib/util/paths.ts";

const here = process.cwd();

test("a path inside the working folder is shown relative to it, the folder itself as '.'", () => {
  assert.is(displayPath(path.join(here, "src/news/2023/mou.md")), "src/news/2023/mou.md");
  assert.is(displayPath(here), ".");
});

test("a path outside the working folder is shown whole", () => {
  assert.is(displayPath("/tmp/content/news/a.md"), "/tmp/content/news/a.md");
  assert.is(displayPath(path.dirname(here)), path.dirname(here));
});

test("a path is inside a folder below it, not inside the folder itself, a sibling with the same prefix, or a parent", () => {
  assert.is(isInside("/site/content/news/a.md", "/site/content"), true);
  assert.is(isInside("/site/content", "/site/content"), false);
  assert.is(isInside("/site/content-old/a.md", "/site/content"), false);
  assert.is(isInside("/site", "/site/content"), false);
  assert.is(isInside("/site/content/../other/a.md", "/site/content"), false);
});

test.run();
