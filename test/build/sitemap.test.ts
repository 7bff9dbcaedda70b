/**
 * The files for search engines, rendered from templates (src/pages/sitemap.njk, robots.njk) over the
 * model's entries (`Archive.sitemapEntries`): their exact bytes at the root and under a base path.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite, newsFile, writeContent } from "../support/site.ts";

const content = writeContent({
  "news/2023/mou.md": newsFile({ title: "The IAP signed an MOU", date: "2023-11-14", tags: "[training]" }),
  "news/2023/memorando.md": newsFile({
    title: "La IAP firmó un memorando",
    date: "2023-11-14",
    lang: "es",
    translationOf: "/news/2023/mou/",
  }),
  "news/2022/other.md": newsFile({ title: "Another item", date: "2022-05-01", aliases: "[/News/Another]" }),
});
const atRoot = await buildSite(content);
const inFolder = await buildSite(content, { basePath: "/archive/" });

/** The sitemap a build of `content` writes on the site root `root`. */
const sitemap = (root: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
  `<url><loc>${root}news/2023/memorando/</loc><lastmod>2023-11-14</lastmod>` +
  `<xhtml:link rel="alternate" hreflang="es" href="${root}news/2023/memorando/"/>` +
  `<xhtml:link rel="alternate" hreflang="en" href="${root}news/2023/mou/"/></url>\n` +
  `<url><loc>${root}news/2023/mou/</loc><lastmod>2023-11-14</lastmod>` +
  `<xhtml:link rel="alternate" hreflang="en" href="${root}news/2023/mou/"/>` +
  `<xhtml:link rel="alternate" hreflang="es" href="${root}news/2023/memorando/"/></url>\n` +
  `<url><loc>${root}news/2022/other/</loc><lastmod>2022-05-01</lastmod></url>\n` +
  `<url><loc>${root}news/</loc></url>\n` +
  `<url><loc>${root}news/2023/</loc></url>\n` +
  `<url><loc>${root}news/2022/</loc></url>\n` +
  `<url><loc>${root}topics/training/</loc></url>\n` +
  `<url><loc>${root}conferences/</loc></url>\n` +
  // A conference's page lists its programme, abstracts or none: every conference of _data/conferences.ts.
  ["european-regional-18", "annual-29", "annual-28", "annual-27", "annual-23"]
    .map((id) => `<url><loc>${root}conferences/${id}/</loc></url>\n`)
    .join("") +
  `<url><loc>${root}speakers/</loc></url>\n` +
  `<url><loc>${root}</loc></url>\n` +
  `<url><loc>${root}years/</loc></url>\n` +
  `<url><loc>${root}topics/</loc></url>\n` +
  `<url><loc>${root}search/</loc></url>\n` +
  `<url><loc>${root}offline/</loc></url>\n` +
  "</urlset>\n";

test("the sitemap lists every page but redirects, an item with its date and its translations as alternates", () => {
  assert.is(atRoot.read("/sitemap.xml"), sitemap("https://archive.iap-association.org/"));
});

test("robots.txt allows everything and names the sitemap", () => {
  assert.is(
    atRoot.read("/robots.txt"),
    "User-agent: *\nAllow: /\n\nSitemap: https://archive.iap-association.org/sitemap.xml\n",
  );
});

test("under a base path both carry it, and are written at the root of the build's folder", () => {
  assert.is(inFolder.read("/sitemap.xml"), sitemap("https://archive.iap-association.org/archive/"));
  assert.is(
    inFolder.read("/robots.txt"),
    "User-agent: *\nAllow: /\n\nSitemap: https://archive.iap-association.org/archive/sitemap.xml\n",
  );
});

test("without translations the sitemap declares no xhtml namespace", async () => {
  const plain = await buildSite(writeContent({ "news/2023/one.md": newsFile({ title: "One", date: "2023-01-02" }) }));
  const xml = plain.read("/sitemap.xml");
  assert.is(
    xml.split("\n").slice(0, 3).join("\n"),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      "<url><loc>https://archive.iap-association.org/news/2023/one/</loc><lastmod>2023-01-02</lastmod></url>",
  );
});

test.run();
