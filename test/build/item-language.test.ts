/**
 * Issue 33: the words around an item's text in its language (the sample's Spanish item), a draft's
 * or a scheduled item's status in place of "Published", a summary's inline Markdown in lists and as
 * plain text elsewhere, and the body's headings starting at <h2>.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { buildSite, newsFile, page, repoRoot, tempDir, text, writeContent } from "../support/site.ts";
import { pdfWithText, photoWithGps } from "../support/media.ts";

const sample = await buildSite(path.join(repoRoot, "src"));
const spanish = "/news/2023/la-iap-firmo-un-memorando-con-la-aiamp/";
const english = "/news/2023/iap-signed-mou-with-aiamp/";

const content = writeContent({
  "news/2026/draft.md": newsFile({ title: "A draft", date: "2026-10-01", draft: "true" }),
  "news/2026/scheduled.md": newsFile({ title: "Not yet", date: "2026-10-01" }),
  "news/2026/borrador.md": newsFile({ title: "Un borrador", date: "2026-10-01", draft: "true", lang: "es" }),
  "news/2024/bold.md": newsFile(
    { title: "A bold summary", date: "2024-03-01", summary: "The IAP and **AIAMP** signed a *memorandum*." },
    "## Background\n\nText.\n\n### Details\n\nMore.\n",
  ),
  "news/2021/bericht.md": newsFile(
    { title: "Ein Bericht", date: "2021-03-03", lang: "de", tags: "[training]" },
    "Der Text.\n",
  ),
  "news/2022/firma/index.md":
    "---\ntitle: La firma\ndate: 2022-05-01\nlang: es\nimage:\n  src: foto.jpg\n  alt: La mesa de la firma\n" +
    "  credit: IAP\ndocuments:\n  - src: guia.pdf\n    title: Guía\n---\nEl texto.\n",
  "news/2022/firma/foto.jpg": await photoWithGps(800, 500),
  "news/2022/firma/guia.pdf": await pdfWithText(["Uno", "Dos"]),
});
// A preview shows drafts and scheduled items; the build's "now" is 2025-06-01 (test/support/site.ts).
const preview = await buildSite(content, { preview: true, mediaCacheDir: tempDir("media-cache-") });

test("the sample's Spanish item: its words and date in Spanish, the header and footer in English", () => {
  const $ = page(sample.read(spanish));
  assert.is($("html").attr("lang"), "en");
  assert.is($("main").attr("lang"), "es");
  assert.is(text($("article .meta")), "Publicado el 14 de noviembre de 2023");
  assert.is($("article .meta time").attr("datetime"), "2023-11-14");
  assert.is(text($(".breadcrumb")), "Noticias › 2023");
  assert.is(text($(".translations")), "También en: English");
  assert.equal(
    $("main h2")
      .map((_, h2) => $(h2).text())
      .get(),
    ["Temas", "Cómo citar"],
  );
  assert.is(
    text($(".citation")),
    `International Association of Prosecutors (14 de noviembre de 2023). La IAP firmó un memorando de entendimiento ` +
      `con la AIAMP. IAP News Archive. https://archive.iap-association.org${spanish}`,
  );
  // Its only neighbour in date order is its own English original, one story with it: no "Anterior".
  assert.equal(
    $(".neighbours .label")
      .map((_, label) => $(label).text())
      .get(),
    [],
  );
  assert.is(text($(".neighbours li").last()), "Todas las noticias · Noticias de 2023");
  assert.is(text($(".site-header nav")), "News Topics Years Conferences Speakers");
  assert.is(text($(".site-header label")), "Search the archive");
  assert.is(text($(".site-footer p").first()), "IAP News Archive · International Association of Prosecutors");
  assert.is($("header.site-header, footer.site-footer").filter("[lang]").length, 0);
});

test("the sample's English item is unchanged: English words, no lang of its own", () => {
  const $ = page(sample.read(english));
  assert.is($("main").attr("lang"), undefined);
  assert.is(text($("article .meta")), "Published 14 November 2023");
  assert.equal(
    $("main h2")
      .map((_, h2) => $(h2).text())
      .get(),
    ["Topics", "Cite this"],
  );
  assert.is(text($(".translations")), "Also in: Español");
});

test("a draft and a scheduled item say what they are in place of Published", () => {
  const draft = page(preview.read("/news/2026/draft/"));
  assert.is(
    text(draft("article header p.status-notice")),
    "Draft, dated 1 October 2026: not published; visible only in previews.",
  );
  assert.is(draft("article header .meta").length, 0);
  assert.match(
    preview.read("/news/2026/draft/"),
    '<time datetime="2026-10-01" data-pagefind-meta="date[datetime]" data-pagefind-sort="date[datetime]" ' +
      'data-pagefind-filter="year:2026">1 October 2026</time>',
  );
  const scheduled = page(preview.read("/news/2026/scheduled/"));
  assert.is(
    text(scheduled("article header p.status-notice")),
    "Scheduled for 1 October 2026: appears on the live site that day.",
  );
  assert.is(
    text(page(preview.read("/news/2026/borrador/"))("article header p.status-notice")),
    "Borrador, con fecha del 1 de octubre de 2026: no publicado; solo visible en las vistas previas.",
  );
  assert.not.match(text(draft("main")), "Published");
});

test("a Spanish item's photo credit and documents are labelled in Spanish", () => {
  const $ = page(preview.read("/news/2022/firma/"));
  assert.is(text($(".media figcaption .credit")), "Foto: IAP");
  assert.is(text($("#documents")), "Documentos");
  assert.match(text($(".documents .meta")), /^PDF, \d+ kB, 2 páginas$/);
  assert.is(text($(".documents summary")), "Texto del documento");
});

test("a summary's **bold** is <strong> in the news list, plain text in description, search and feeds", () => {
  const $list = page(preview.read("/news/"));
  assert.is(
    $list('.item-summary:has(a[href="/news/2024/bold/"]) > p:not(.meta)').html(),
    "The IAP and <strong>AIAMP</strong> signed a <em>memorandum</em>.",
  );
  const $ = page(preview.read("/news/2024/bold/"));
  assert.is($('meta[name="description"]').attr("content"), "The IAP and AIAMP signed a memorandum.");
  assert.is($('meta[property="og:description"]').attr("content"), "The IAP and AIAMP signed a memorandum.");
  assert.is($("article").attr("data-summary"), "The IAP and AIAMP signed a memorandum.");
  const feed = JSON.parse(preview.read("/feeds/news.json")) as { items: { url: string; summary: string }[] };
  assert.is(
    feed.items.find((item) => item.url.endsWith("/news/2024/bold/"))?.summary,
    "The IAP and AIAMP signed a memorandum.",
  );
});

test("an article whose top heading is '##' starts at <h2>, its '###' is <h3>", () => {
  const $ = page(preview.read("/news/2024/bold/"));
  assert.equal(
    $(".prose :header")
      .map((_, heading) => `${heading.tagName} ${$(heading).text()}`)
      .get(),
    ["h2 Background", "h3 Details"],
  );
});

test("an item in a language without words (German) has the English words, and its own text marked German", () => {
  const $ = page(preview.read("/news/2021/bericht/"));
  assert.is($("main").attr("lang"), undefined);
  assert.is($("h1").attr("lang"), "de");
  assert.is($("article .prose").attr("lang"), "de");
  assert.is(text($("article .meta")), "Published 3 March 2021");
  assert.is($(".topics a").attr("lang"), undefined);
});

test.run();
