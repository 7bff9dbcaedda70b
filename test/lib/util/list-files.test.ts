import { test } from "uvu";
import * as assert from "uvu/assert";
import { listFiles } from "../../../scripts/lib/util/list-files.ts";
import { writeContent } from "../../support/site.ts";

const dir = writeContent({ "b.txt": "", "a/z.html": "", "a/B/c.txt": "", "pagefind/x.pf_meta": "", "Ä.txt": "" });

test("every file, relative with forward slashes, in code-unit order whatever the locale", () => {
  assert.equal(listFiles(dir), ["a/B/c.txt", "a/z.html", "b.txt", "pagefind/x.pf_meta", "Ä.txt"]);
});

test("top-level folders to skip are left out", () => {
  assert.equal(listFiles(dir, ["pagefind"]), ["a/B/c.txt", "a/z.html", "b.txt", "Ä.txt"]);
});

test.run();
