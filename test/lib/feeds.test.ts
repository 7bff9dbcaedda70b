import { test } from "uvu";
import * as assert from "uvu/assert";
import { XMLValidator } from "fast-xml-parser";
import { site } from "../../_data/site.ts";
import { absoluteLinks, robotsTxt, sitemapXml } from "../../scripts/lib/feeds.ts";

test("the sitemap lists absolute URLs with their dates, escaped, as valid XML", () => {
  const xml = sitemapXml([{ url: "/" }, { url: "/news/2023/a&b/", lastmod: "2023-11-14" }], site);
  assert.is(
    xml,
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      "<url><loc>https://archive.iap-association.org/</loc></url>\n" +
      "<url><loc>https://archive.iap-association.org/news/2023/a&#38;b/</loc><lastmod>2023-11-14</lastmod></url>\n</urlset>\n",
  );
  assert.is(XMLValidator.validate(xml), true);
});

test("robots.txt points to the sitemap", () => {
  assert.is(robotsTxt(site), "User-agent: *\nAllow: /\n\nSitemap: https://archive.iap-association.org/sitemap.xml\n");
});

test("root-relative links in feed content become absolute; others are kept", () => {
  assert.is(
    absoluteLinks('<a href="/news/">n</a> <a href="https://example.org/">e</a> <img src="/x.png">', site),
    '<a href="https://archive.iap-association.org/news/">n</a> <a href="https://example.org/">e</a> <img src="https://archive.iap-association.org/x.png">',
  );
});

test.run();
