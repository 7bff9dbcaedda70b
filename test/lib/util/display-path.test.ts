import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { displayPath } from "../../../scripts/lib/util/display-path.ts";

const here = process.cwd();

test("a path inside the working folder is shown relative to it, the folder itself as '.'", () => {
  assert.is(displayPath(path.join(here, "src/news/2023/mou.md")), "src/news/2023/mou.md");
  assert.is(displayPath(here), ".");
});

test("a path outside the working folder is shown whole", () => {
  assert.is(displayPath("/tmp/content/news/a.md"), "/tmp/content/news/a.md");
  assert.is(displayPath(path.dirname(here)), path.dirname(here));
});

test.run();
