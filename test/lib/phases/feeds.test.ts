import { test } from "uvu";
import * as assert from "uvu/assert";
import { XMLValidator } from "fast-xml-parser";
const root = "https://archive.iap-association.org/";
import { absoluteLinks, robotsTxt, sitemapXml } from "../../../scripts/lib/phases/feeds.ts";
import { escapeHtml } from "../../../scripts/lib/util/html.ts";

test("the sitemap lists absolute URLs with their dates, escaped, as valid XML", () => {
  const xml = sitemapXml([{ url: "/" }, { url: "/news/2023/a&b/", lastmod: "2023-11-14" }], root);
  assert.is(
    xml,
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      "<url><loc>https://archive.iap-association.org/</loc></url>\n" +
      "<url><loc>https://archive.iap-association.org/news/2023/a&#38;b/</loc><lastmod>2023-11-14</lastmod></url>\n</urlset>\n",
  );
  assert.is(XMLValidator.validate(xml), true);
});

test("robots.txt points to the sitemap", () => {
  assert.is(robotsTxt(root), "User-agent: *\nAllow: /\n\nSitemap: https://archive.iap-association.org/sitemap.xml\n");
});

test("root-relative links in feed content become absolute; others are kept", async () => {
  assert.is(
    await absoluteLinks('<a href="/news/">n</a> <a href="https://example.org/">e</a> <img src="/x.png">', root),
    '<a href="https://archive.iap-association.org/news/">n</a> <a href="https://example.org/">e</a> <img src="https://archive.iap-association.org/x.png">',
  );
});

test("an item's own files, linked relatively, and its pictures' srcset resolve from the item's page", async () => {
  assert.is(
    await absoluteLinks(
      '<a href="files/guide.pdf#page=2">g</a> <a href="mailto:a@example.org">m</a> <source srcset="/news/2023/x/a-240.avif 240w, /news/2023/x/a-480.avif 480w" sizes="1px">',
      root,
      "/news/2023/x/",
    ),
    '<a href="https://archive.iap-association.org/news/2023/x/files/guide.pdf#page=2">g</a> <a href="mailto:a@example.org">m</a> ' +
      '<source srcset="https://archive.iap-association.org/news/2023/x/a-240.avif 240w, https://archive.iap-association.org/news/2023/x/a-480.avif 480w" sizes="1px">',
  );
});

test("a video's poster and an image in a link resolve too; text that only looks like an attribute is left alone", async () => {
  assert.is(
    await absoluteLinks(
      '<p>Write src="/x" in code: <code>src="/x"</code></p><a href="/a/"><img src="b.png" alt=""></a><video poster="/p.jpg"></video>',
      root,
      "/news/2023/x/",
    ),
    '<p>Write src="/x" in code: <code>src="/x"</code></p><a href="https://archive.iap-association.org/a/"><img src="https://archive.iap-association.org/news/2023/x/b.png" alt=""></a><video poster="https://archive.iap-association.org/p.jpg"></video>',
  );
});

test("under a base path, the sitemap's URLs and absolute links keep it", async () => {
  const sub = "https://example.org/archive/";
  assert.match(sitemapXml([{ url: "/news/" }], sub), "<loc>https://example.org/archive/news/</loc>");
  assert.is(await absoluteLinks('<a href="/news/">n</a>', sub), '<a href="https://example.org/archive/news/">n</a>');
  assert.is(
    await absoluteLinks('<a href="guide.pdf">g</a>', sub, "/news/2023/x/"),
    '<a href="https://example.org/archive/news/2023/x/guide.pdf">g</a>',
  );
});

test('text for Atom\'s type="html" titles is escaped, so markup in a title is shown, not run', () => {
  assert.is(
    escapeHtml(`<img src=x onerror="alert(1)"> & 'q'`),
    "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; 'q'",
  );
  assert.is(escapeHtml("Plain title"), "Plain title");
});

test.run();
