/** What a page read is (scripts/lib/import/classify.ts): exact skip reasons and details. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { classifyPage, teaserListing } from "../../../scripts/lib/import/classify.ts";
import { readPage } from "../../../scripts/lib/import/extract.ts";
import { drupalPage } from "../../support/drupal-site.ts";

const site = "https://www.prosecutors-assoc.example";
const read = (html: string, url = `${site}/taxonomy/term/4`) => readPage(html, url, { rules: {} });
const crawled = new Set([`${site}/news/a`, `${site}/news/b`, `${site}/news/c`]);
const isCrawled = (url: string) => crawled.has(url);
const teaser = (href: string, title: string) =>
  `<div class="views-row"><h3><a href="${href}">${title}</a></h3>` +
  `<span class="date-display-single">Tuesday, 12 March 2019 - 10:15</span>` +
  `<p>The Executive Committee of the Association met in The Hague to prepare the annual conference…</p></div>`;

test("a tag page of two teasers reads as an article alone, and as a listing once the crawl is known", () => {
  const page = read(
    drupalPage("Cooperation", `<h1>Cooperation</h1>${teaser("/news/a", "First")}${teaser("/news/b", "Second")}`),
  );
  assert.equal(classifyPage(`${site}/taxonomy/term/4`, page, undefined), { kind: "news" });
  assert.equal(teaserListing(page, isCrawled), {
    skip: "listing",
    detail: "2 headings that link to other pages of the crawl",
  });
});

test("no listing: teasers of pages not crawled, a single teaser, linked headings after an article's text", () => {
  assert.is(
    teaserListing(
      read(drupalPage("Elsewhere", `<h1>Elsewhere</h1>${teaser("/news/x", "First")}${teaser("/news/y", "Second")}`)),
      isCrawled,
    ),
    undefined,
  );
  assert.is(
    teaserListing(
      read(
        drupalPage("One", `<h1>One</h1>${teaser("/news/a", "First")}<p>${"Text of the page itself. ".repeat(4)}</p>`),
      ),
      isCrawled,
    ),
    undefined,
  );
  const article =
    "<h1>Statement</h1>" +
    `<p>${"The Executive Committee adopted a statement on the independence of prosecutors. ".repeat(4)}</p>` +
    teaser("/news/a", "First") +
    teaser("/news/b", "Second");
  assert.is(teaserListing(read(drupalPage("Statement", article)), isCrawled), undefined);
});

test("three linked headings are a listing without knowing the crawl", () => {
  const page = read(
    drupalPage("News", `<h1>News</h1>${teaser("/x", "First")}${teaser("/y", "Second")}${teaser("/z", "Third")}`),
  );
  assert.equal(classifyPage(`${site}/news`, page, undefined), { skip: "listing", detail: "3 headings that are links" });
});

test.run();
