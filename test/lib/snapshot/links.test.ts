/** Pages made readable from disk, links out of the period sent to the live site (scripts/lib/snapshot/links.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  pageUrls,
  relativePath,
  rewritePage,
  rewriteRefresh,
  rewriteSrcset,
  rewriteUrl,
  type PageContext,
} from "../../../scripts/lib/snapshot/links.ts";

const files = new Set([
  "/index.html",
  "/news/index.html",
  "/news/2023/x/index.html",
  "/news/2023/y/index.html",
  "/assets/site.css",
  "/a.png",
  "/b.png",
  "/caf%C3%A9/index.html",
  "/café/index.html",
  "/feeds/news.xml",
  "/search/index.html",
]);
const at = (file: string, basePath = "/"): PageContext => ({
  file,
  basePath,
  siteRoot: `https://archive.example.org${basePath}`,
  exists: (target) => files.has(target),
});
const article = at("/news/2023/x/index.html");

test("a URL to a file of the snapshot becomes relative and names the file", () => {
  assert.equal(rewriteUrl("/news/", article), { url: "../../index.html", leaves: false });
  assert.equal(rewriteUrl("/", article), { url: "../../../index.html", leaves: false });
  assert.equal(rewriteUrl("/news/2023/y/", article), { url: "../y/index.html", leaves: false });
  assert.equal(rewriteUrl("/news/2023/x/#cite-this", article), { url: "index.html#cite-this", leaves: false });
  assert.equal(rewriteUrl("../y/", article), { url: "../y/index.html", leaves: false }, "relative URLs too");
  assert.equal(rewriteUrl("/search/?q=a+b&type=news", article), {
    url: "../../../search/index.html?q=a+b&type=news",
    leaves: false,
  });
  assert.equal(rewriteUrl("/assets/site.css", at("/404.html")), { url: "assets/site.css", leaves: false });
  assert.equal(
    rewriteUrl("/café/", at("/index.html")),
    { url: "caf%C3%A9/index.html", leaves: false },
    "kept percent-encoded",
  );
});

test("a URL to a page that is not in the snapshot goes to the live site", () => {
  assert.equal(rewriteUrl("/news/2021/old/", article), {
    url: "https://archive.example.org/news/2021/old/",
    leaves: true,
  });
  assert.equal(rewriteUrl("/conferences/annual-23/#s1", article), {
    url: "https://archive.example.org/conferences/annual-23/#s1",
    leaves: true,
  });
});

test("external, fragment-only and empty URLs stay as they are", () => {
  for (const url of [
    "https://example.org/x/",
    "//cdn.example.org/x.js",
    "mailto:a@example.org",
    "data:image/png;base64,AA==",
    "#main",
    "",
    "javascript:void(0)",
  ]) {
    assert.is(rewriteUrl(url, article), undefined, url);
  }
});

test("with a base path, root-relative URLs are read under it", () => {
  const page = at("/news/2023/x/index.html", "/archive/");
  assert.equal(rewriteUrl("/archive/news/", page), { url: "../../index.html", leaves: false });
  assert.equal(rewriteUrl("/archive/news/2021/old/", page), {
    url: "https://archive.example.org/archive/news/2021/old/",
    leaves: true,
  });
});

test("relative paths between two files of the site", () => {
  assert.is(relativePath("/news/2023/x/index.html", "/news/index.html"), "../../index.html");
  assert.is(relativePath("/index.html", "/index.html"), "index.html");
  assert.is(relativePath("/404.html", "/news/index.html"), "news/index.html");
  assert.is(relativePath("/News/Old/index.html", "/news/2023/x/index.html"), "../../news/2023/x/index.html");
});

test("srcset candidates and a meta refresh's URL are rewritten in place", () => {
  const change = (url: string) => `<${url}>`;
  assert.is(rewriteSrcset("/a.png 1x, /b.png 2x", change), "</a.png> 1x, </b.png> 2x");
  assert.is(rewriteSrcset("/a.png, /b.png 640w", change), "</a.png>, </b.png> 640w");
  assert.is(rewriteSrcset("/a.png 1x,/b.png 2x", change), "</a.png> 1x, </b.png> 2x");
  assert.is(
    rewriteSrcset("/a,b.png 2x", change),
    "</a,b.png> 2x",
    "a comma inside a URL belongs to it (HTML's parsing)",
  );
  assert.is(rewriteSrcset(" /a.png ", change), "</a.png>");
  assert.is(rewriteRefresh("0; url=/news/", change), "0; url=</news/>");
  assert.is(rewriteRefresh("5;URL='/news/'", change), "5;URL='</news/>'");
  assert.is(rewriteRefresh("30", change), "30");
});

test("a page: every URL attribute rewritten, links out of the snapshot marked, every other byte kept", () => {
  const html = [
    '<link rel="stylesheet" href="/assets/site.css">' +
      '<link rel="canonical" href="https://archive.example.org/news/2023/x/">',
    '<meta http-equiv="refresh" content="0; url=/news/2023/y/">',
    '<p>Text &amp; <a href="/news/">all news</a>, ' +
      '<a class="x" rel="prev" href="/news/2021/old/" hidden>old &lt;item&gt;</a>.</p>',
    '<img src="/a.png" srcset="/a.png 1x, /b.png 2x" alt="A"><form action="/search/" method="get"></form>',
    '<svg><use href="/a.png#i"/></svg><a href="#main">skip</a>',
    '<script type="application/ld+json">{"url":"/news/"}</script>',
  ].join("\n");
  const page = rewritePage(html, article);
  assert.is(
    page.html,
    [
      '<link rel="stylesheet" href="../../../assets/site.css">' +
        '<link rel="canonical" href="https://archive.example.org/news/2023/x/">',
      '<meta http-equiv="refresh" content="0; url=../y/index.html">',
      '<p>Text &amp; <a href="../../index.html">all news</a>, <a class="x leaves-snapshot" rel="prev external" ' +
        'href="https://archive.example.org/news/2021/old/" hidden>old &lt;item&gt;<span ' +
        'class="leaves-snapshot-icon" aria-hidden="true">↗</span><span class="visually-hidden"> (live site)</span>' +
        "</a>.</p>",
      '<img src="../../../a.png" srcset="../../../a.png 1x, ../../../b.png 2x" alt="A">' +
        '<form action="../../../search/index.html" method="get"></form>',
      '<svg><use href="../../../a.png#i" /></svg><a href="#main">skip</a>',
      '<script type="application/ld+json">{"url":"/news/"}</script>',
    ].join("\n"),
  );
  assert.is(page.relative, 8);
  assert.is(page.live, 1);
});

test("a marked link gets the class and rel it lacked, and values are escaped again", () => {
  const page = rewritePage('<a href="/gone/?a=1&amp;b=&quot;2&quot;">Gone</a>', article);
  assert.is(
    page.html,
    '<a href="https://archive.example.org/gone/?a=1&amp;b=%222%22" class="leaves-snapshot" rel="external">Gone' +
      '<span class="leaves-snapshot-icon" aria-hidden="true">↗</span><span class="visually-hidden"> (live site)' +
      "</span></a>",
  );
});

test("pageUrls lists every URL a page names, as written, entities decoded: links, sources, srcset, refresh", () => {
  const html =
    '<meta http-equiv="refresh" content="0; url=/news/"><link rel="stylesheet" href="/assets/site.css">' +
    '<a href="report%231.txt?a=1&amp;b=2#x">r</a><img src="/a.png" srcset="/a.png 1x, /b.png 2x" alt="">' +
    '<form action="/search/"></form><a name="top">t</a>';
  assert.equal(pageUrls(html), [
    "/news/",
    "/assets/site.css",
    "report%231.txt?a=1&b=2#x",
    "/a.png",
    "/a.png",
    "/b.png",
    "/search/",
  ]);
});

test.run();
