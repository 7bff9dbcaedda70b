import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkOutput, pageFacts, resolveLink } from "../../scripts/lib/check-output.ts";
import { tempDir } from "../support/site.ts";

const html = (body: string, head = '<title>T</title><meta name="description" content="D">') =>
  `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

function site(files: Record<string, string>): string {
  const dir = tempDir("output-");
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

test("pageFacts reads ids, links, headings, lang, title and description", () => {
  const facts = pageFacts(html('<h1 id="top">A</h1><a href="/b/#x">b</a><img src="/i.png">'));
  assert.equal([...facts.ids], ["top"]);
  assert.equal(facts.links, ["/b/#x", "/i.png"]);
  assert.equal([facts.h1, facts.lang, facts.title, facts.description], [1, "en", "T", "D"]);
});

test("resolveLink maps internal links to output files and skips external ones", () => {
  assert.equal(resolveLink("/news/#top", "/"), { file: "/news/index.html", fragment: "top" });
  assert.equal(resolveLink("../b/", "/a/x/"), { file: "/a/b/index.html", fragment: "" });
  assert.is(resolveLink("https://example.org/", "/"), undefined);
  assert.is(resolveLink("mailto:a@example.org", "/"), undefined);
});

test("a sound site passes", () => {
  const dir = site({
    "index.html": html('<h1>Home</h1><a href="/a/#part">a</a>'),
    "a/index.html": html('<h1 id="part">A</h1><a href="/">home</a>'),
  });
  assert.equal(checkOutput(dir, ["/", "/a/"]), { pages: 2, files: 2, links: 2, problems: [] });
});

test("broken links, missing fragments, missing pages and malformed pages are all reported", () => {
  const dir = site({
    "index.html": html('<h1>Home</h1><a href="/gone/">x</a><a href="/a/#nowhere">y</a>'),
    "a/index.html": html("<h1>A</h1><h1>Again</h1>", "<title></title>"),
  });
  assert.equal(checkOutput(dir, ["/", "/a/", "/expected/"]).problems, [
    "/expected/: no page was written for this content item",
    "/a/: has 2 <h1> elements; a page has exactly one",
    "/a/: has no <title>",
    "/a/: has no meta description",
    "/: links to /gone/, which does not exist",
    '/: links to /a/#nowhere, but that page has no id "nowhere"',
  ]);
});

test.run();
