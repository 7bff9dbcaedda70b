/** The search phase's own logic (scripts/lib/search/pagefind.ts), and its error reporting on a tiny site. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  labelled,
  missingPagesError,
  partGlob,
  planIndexParts,
  planSearch,
  searchSource,
  writeSearchIndex,
} from "../../scripts/lib/search/pagefind.ts";
import { indexedPageCount, isIndexData } from "../../src/assets/shared/pagefind-internals.ts";
import { tempDir } from "../support/site.ts";

test("labelled names the Pagefind call (and page) of every error", () => {
  assert.equal(labelled("addHTMLFile /news/2023/a/", ["bad html", "worse"]), [
    "addHTMLFile /news/2023/a/: bad html",
    "addHTMLFile /news/2023/a/: worse",
  ]);
  assert.equal(labelled("writeFiles", []), []);
});

test("indexedPageCount adds up the pages of every language in pagefind-entry.json", () => {
  const entry = JSON.stringify({
    version: "1.6.0",
    languages: {
      en: { hash: "en_1", wasm: "en", page_count: 11000 },
      fr: { hash: "fr_1", wasm: "fr", page_count: 13 },
    },
  });
  assert.is(indexedPageCount(entry), 11013);
  assert.is(indexedPageCount(JSON.stringify({ version: "1.6.0", languages: {} })), 0);
});

test("missingPagesError is silent when every article was indexed, and explains a shortfall", () => {
  assert.is(missingPagesError(2, 2), undefined);
  assert.is(
    missingPagesError(3, 2),
    "3 article pages were written, 2 indexed: every news and abstract page needs data-pagefind-body on its article",
  );
});

test("isIndexData counts Pagefind's data files, not its scripts, wasm or UI", () => {
  assert.equal(
    [
      "pagefind.en_9df45372ed.pf_meta",
      "en_7bbeebd.pf_fragment",
      "en_ddd5525.pf_index",
      "en_a442ebf.pf_filter",
      "pagefind.js",
      "pagefind-worker.js",
      "wasm.en.pagefind",
      "pagefind-ui.css",
      "pagefind-entry.json",
    ].filter(isIndexData),
    ["pagefind.en_9df45372ed.pf_meta", "en_7bbeebd.pf_fragment", "en_ddd5525.pf_index", "en_a442ebf.pf_filter"],
  );
});

test("searchSource keeps the body element, nested elements of its kind and all, in a page of its language", () => {
  const body =
    '<article class="article" data-pagefind-body data-pagefind-meta="type:News"><h1>Título</h1>' +
    "<article><p>Inner</p></article><p data-pagefind-ignore>x</p></article>";
  const page = `<!doctype html>
<html lang="es">
<head><title>T</title><script type="application/ld+json">{"a":"<article>"}</script></head>
<body><nav><a href="/">Home</a></nav>
${body}
<section class="related"><article><a href="/b/">B</a></article></section></body></html>`;
  assert.is(
    searchSource(page),
    `<!doctype html><html lang="es"><head><meta charset="utf-8"></head><body>${body}</body></html>`,
  );
  assert.is(
    searchSource(`<html><body><div data-pagefind-body>Words</div></body></html>`),
    `<!doctype html><html><head><meta charset="utf-8"></head><body><div data-pagefind-body>Words</div></body></html>`,
  );
});

test("searchSource gives back the whole page when Pagefind could read anything outside the body", () => {
  const pages = [
    // No body: Pagefind indexes whole pages, or leaves this one out.
    `<html lang="en"><body><article><h1>A</h1></article></body></html>`,
    // Two bodies.
    `<html lang="en"><body><article data-pagefind-body>A</article><aside data-pagefind-body>B</aside></body></html>`,
    // A filter or meta outside the body: Pagefind reads them anywhere on the page.
    `<html lang="en"><head><meta data-pagefind-meta="image[content]" content="/a.png"></head>` +
      `<body><article data-pagefind-body>A</article></body></html>`,
    `<html lang="en"><body><article data-pagefind-body>A</article>` +
      `<span data-pagefind-filter="topic">B</span></body></html>`,
    // The words in text, not an attribute: the first match is not inside a tag.
    `<html lang="en"><body><p>Mark it with data-pagefind-body> and</p>` +
      `<article data-pagefind-body>A</article></body></html>`,
    // An element that never closes.
    `<html lang="en"><body><article data-pagefind-body>A</body></html>`,
  ];
  for (const page of pages) assert.is(searchSource(page), page);
});

function articlePage(title: string, body: boolean): string {
  const words = `<h1>${title}</h1><p>Some words about ${title}.</p>`;
  const marked = body ? " data-pagefind-body" : "";
  return `<!doctype html><html lang="en"><body><article${marked}>${words}</article></body></html>`;
}

function writeSite(pages: Record<string, string>): string {
  const dir = tempDir("search-index-");
  for (const [url, html] of Object.entries(pages)) {
    mkdirSync(path.join(dir, url), { recursive: true });
    writeFileSync(path.join(dir, url, "index.html"), html);
  }
  return dir;
}

test("writeSearchIndex indexes exactly the article pages given", async () => {
  const siteDir = writeSite({
    "/news/2023/first/": articlePage("First", true),
    "/abstracts/annual-27/second/": articlePage("Second", true),
    "/news/": "<!doctype html><html lang=en><body><h1>News</h1><p>A list page.</p></body></html>",
  });
  const urls = ["/news/2023/first/", "/abstracts/annual-27/second/"];
  const report = await writeSearchIndex(siteDir, planSearch(urls));
  assert.equal(report.errors, []);
  assert.is(report.pages, 2);
  assert.ok(report.indexBytes > 0);
  // The search page's facet file (scripts/lib/search/pagefind-files.ts) beside the metadata file, named after it.
  const bundle = path.join(siteDir, "pagefind");
  const meta = readdirSync(bundle).filter((name) => name.endsWith(".pf_meta"));
  assert.is(meta.length, 1);
  assert.equal(
    readdirSync(path.join(bundle, "filter")).filter((name) => name.endsWith(".facets")),
    meta.map((name) => name.replace(/^pagefind\.(.+)\.pf_meta$/, "$1.v1.facets")).sort(),
  );
});

test("planIndexParts packs whole years, newest first, into parts of at most the limit; a folder has its year's", () => {
  const urls = [
    ...["a", "b", "c", "d"].map((slug) => `/news/2022/${slug}/`),
    ...["a", "b", "c"].map((slug) => `/news/2024/${slug}/`),
    "/abstracts/annual-27/x/",
    ...["a", "b"].map((slug) => `/news/2023/${slug}/`),
  ];
  // Abstracts are filed by conference: their year comes from the archive.
  const years = new Map([["/abstracts/annual-27/x/", 2022]]);
  assert.equal(planIndexParts(urls, 5, years), [
    { folders: ["news/2024", "news/2023"], pages: 5, years: { from: 2023, to: 2024 }, bundle: "pagefind" },
    {
      folders: ["news/2022", "abstracts/annual-27"],
      pages: 5,
      years: { from: 2022, to: 2022 },
      bundle: "pagefind/part-2",
    },
  ]);
  // A year larger than the limit is a part of its own; it is never split.
  assert.equal(
    planIndexParts(urls, 3, years).map((part) => [part.bundle, part.pages]),
    [
      ["pagefind", 3],
      ["pagefind/part-2", 2],
      ["pagefind/part-3", 5],
    ],
  );
  assert.equal(planIndexParts(urls, undefined, years).length, 1);
  assert.throws(() => planIndexParts(urls, 5), /the year of \/abstracts\/annual-27\/x\/ is not known/);
});

test("planSearch has Pagefind read the search sources only for an index in one part, never for an empty one", () => {
  const urls = ["/news/2024/a/", "/news/2023/b/"];
  assert.equal(planSearch(urls, { sourceDir: "/site/.search-source" }).sources, {
    dir: "/site/.search-source",
    urls: new Set(urls),
  });
  assert.is(planSearch(urls, { sourceDir: "/site/.search-source", maxIndexPages: 1 }).sources, undefined);
  assert.is(planSearch([], { sourceDir: "/site/.search-source" }).sources, undefined);
  assert.is(planSearch(urls).sources, undefined);
  assert.equal(
    planSearch(urls, { maxIndexPages: 1, facetFiles: false }).parts.map((part) => part.bundle),
    ["pagefind", "pagefind/part-2"],
  );
  assert.is(planSearch(urls).facetFiles, true);
});

test("partGlob names a part's folders for Pagefind", () => {
  assert.is(
    partGlob(["news/2024", "news/2023", "abstracts/annual-27"]),
    "{news/{2024,2023},abstracts/{annual-27}}/*/index.html",
  );
});

test("an archive larger than one index is indexed in parts, listed in parts.json, every article once", async () => {
  const siteDir = writeSite({
    "/news/2023/first/": articlePage("First", true),
    "/news/2023/second/": articlePage("Second", true),
    "/news/2022/third/": articlePage("Third", true),
    "/abstracts/annual-27/fourth/": articlePage("Fourth", true),
  });
  const urls = ["/news/2023/first/", "/news/2023/second/", "/news/2022/third/", "/abstracts/annual-27/fourth/"];
  const report = await writeSearchIndex(
    siteDir,
    planSearch(urls, { maxIndexPages: 2, years: new Map([["/abstracts/annual-27/fourth/", 2022]]) }),
  );
  assert.equal(report.errors, []);
  assert.is(report.pages, 4);
  assert.is(report.parts, 2);
  const parts = JSON.parse(readFileSync(path.join(siteDir, "pagefind/parts.json"), "utf8")) as {
    parts: { bundle: string; folders: string[]; pages: number }[];
  };
  assert.equal(parts.parts, [
    {
      bundle: "pagefind/part-2/",
      folders: ["news/2022", "abstracts/annual-27"],
      pages: 2,
      years: { from: 2022, to: 2022 },
    },
  ]);
  for (const bundle of ["pagefind", "pagefind/part-2"]) {
    const entry = JSON.parse(readFileSync(path.join(siteDir, bundle, "pagefind-entry.json"), "utf8")) as {
      languages: { en: { page_count: number } };
    };
    assert.is(entry.languages.en.page_count, 2, bundle);
  }
  // One index keeps the single bundle and writes no list.
  const single = await writeSearchIndex(
    writeSite({ "/news/2023/first/": articlePage("First", true) }),
    planSearch(["/news/2023/first/"]),
  );
  assert.is(single.parts, 1);
});

test("writeSearchIndex reports an article page that lost data-pagefind-body", async () => {
  const siteDir = writeSite({
    "/news/2023/first/": articlePage("First", true),
    "/news/2023/second/": articlePage("Second", false),
  });
  const report = await writeSearchIndex(siteDir, planSearch(["/news/2023/first/", "/news/2023/second/"]));
  assert.equal(report.errors, [
    "2 article pages were written, 1 indexed: every news and abstract page needs data-pagefind-body on its article",
  ]);
});

test("an archive with no articles gets an empty index that the search page can load", async () => {
  const siteDir = writeSite({ "/news/": "<!doctype html><html lang=en><body><h1>News</h1></body></html>" });
  const report = await writeSearchIndex(siteDir, planSearch([]));
  assert.equal(report.errors, []);
  assert.is(report.pages, 0);
  assert.ok(existsSync(path.join(siteDir, "pagefind/pagefind.js")));
});

test.run();
