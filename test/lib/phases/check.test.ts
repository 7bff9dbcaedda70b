import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  checkPages,
  htmlErrors,
  pageFacts,
  resolveLink,
  scanPages,
  validationBudget,
  type CheckOptions,
} from "../../../scripts/lib/phases/check.ts";
import { tempDir } from "../../support/site.ts";

const html = (body: string, head = '<title>T</title><meta name="description" content="D">') =>
  `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

/** The check as the build runs it: every page read, then the checks across pages. */
const check = (dir: string, expectedPages: readonly string[], options: CheckOptions = {}) =>
  checkPages(dir, scanPages(dir, options), expectedPages, options);

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
  // html, head, title, meta, body, h1, a, img; html > body > h1 is the deepest.
  assert.equal([facts.elements, facts.depth], [8, 3]);
});

test("a page over html-validate's budget is reported as not validated, not waited for", () => {
  const wide = `<h1>Wide</h1>${"<p>a</p>".repeat(validationBudget.elements)}`;
  const deep = `<h1>Deep</h1>${"<div>".repeat(validationBudget.depth)}x${"</div>".repeat(validationBudget.depth)}`;
  const dir = site({
    "wide/index.html": html(wide),
    "deep/index.html": html(deep),
    "index.html": html("<h1>Home</h1><p>Fine</p>"),
  });
  const report = check(dir, [], { sources: new Map([["/wide/", "news/2023/wide.md"]]) });
  assert.equal([report.validated, report.problems], [1, []]);
  assert.equal(report.unvalidated, [
    "/deep/: not validated with html-validate: 106 elements nested 102 deep, over its budget of 6,000 elements " +
      "nested 100 deep",
    "/wide/ (news/2023/wide.md): not validated with html-validate: 6,006 elements nested 3 deep, over its budget of " +
      "6,000 elements nested 100 deep",
  ]);
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
  assert.equal(check(dir, ["/", "/a/"]), { pages: 2, files: 2, links: 2, validated: 2, unvalidated: [], problems: [] });
});

test("broken links, missing fragments, missing pages and malformed pages are all reported", () => {
  const dir = site({
    "index.html": html('<h1>Home</h1><a href="/gone/">x</a><a href="/a/#nowhere">y</a>'),
    "a/index.html": html("<h1>A</h1><h1>Again</h1>", "<title></title>"),
  });
  assert.equal(check(dir, ["/", "/a/", "/expected/"]).problems, [
    "/a/: line 1: <title> cannot be empty, must have text content (empty-title)",
    "/expected/: no page was written for this content item",
    "/a/: has 2 <h1> elements; a page has exactly one",
    "/a/: has no <title>",
    "/a/: has no meta description",
    "/: links to /gone/, which does not exist",
    '/: links to /a/#nowhere, but that page has no id "nowhere"',
  ]);
});

test("htmlErrors reports html-validate's errors with line and rule, document after document", () => {
  const page = (body: string) => `${html(body)}\n`;
  assert.equal(htmlErrors(page("<h1>A</h1><p><div>block in a paragraph</div></p>")), [
    "line 1: Element <p> is implicitly closed by adjacent <div> (no-implicit-close)",
    "line 1: Stray end tag '</p>' (close-order)",
  ]);
  assert.equal(htmlErrors(page('<h1>A</h1><a href="/x/"></a><img src="/i.png">')), [
    "line 1: Anchor link must have a text describing its purpose (wcag/h30)",
    'line 1: <img> is missing required "alt" attribute (wcag/h37)',
  ]);
  assert.equal(htmlErrors(page('<h1>A</h1><ul role="list"><li>Kept: the role is deliberate</li></ul>')), []);
});

test("only the sampled pages are validated; a problem on an article names its content file", () => {
  const dir = site({
    "index.html": html('<h1>Home</h1><a href="/a/">a</a><a href="/b/"></a>'),
    "a/index.html": html('<h1>A</h1><a href="/missing/">x</a><a href="/"></a>'),
  });
  const sources = new Map([["/a/", "news/2023/a.md"]]);
  assert.equal(check(dir, ["/", "/a/"], { validate: ["/a/index.html"], sources }), {
    pages: 2,
    files: 2,
    links: 4,
    validated: 1,
    unvalidated: [],
    problems: [
      "/a/ (news/2023/a.md): line 1: Anchor link must have a text describing its purpose (wcag/h30)",
      "/a/ (news/2023/a.md): links to /missing/, which does not exist",
      "/: links to /b/, which does not exist",
    ],
  });
});

test.run();
