import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { absoluteLinks, feedsPhase } from "../../../scripts/lib/phases/feeds.ts";
import { archiveOptions, checkedArchive } from "../../../scripts/lib/phases/validate.ts";
import type { StagedBuild } from "../../../scripts/lib/build/phase.ts";
import { escapeHtml } from "../../../scripts/lib/util/html.ts";
import { newsFile, tempDir, writeContent } from "../../support/site.ts";

const root = "https://archive.iap-association.org/";

// The sitemap's and robots.txt's bytes are asserted through a build: test/build/sitemap.test.ts.
test("the feeds phase parses the rendered sitemap with the feeds, and refuses one that is not XML", async () => {
  const contentDir = writeContent({ "news/2023/one.md": newsFile({ title: "One", date: "2023-01-02" }) });
  const siteDir = tempDir("staged-");
  writeFileSync(path.join(siteDir, "sitemap.xml"), "<urlset><url></urlset>\n");
  writeFileSync(path.join(siteDir, "robots.txt"), "User-agent: *\n");
  const options = { contentDir, outDir: siteDir };
  const archive = checkedArchive(archiveOptions(options));
  // The feeds phase reads the archive and the staging folder only.
  const staged = { options, archive, siteDir } as StagedBuild;
  const error = await Promise.resolve(feedsPhase.run(staged)).then(
    () => undefined,
    (thrown: Error & { phase?: string }) => thrown,
  );
  assert.equal(
    [error?.phase, error?.message],
    [
      "feeds",
      "/sitemap.xml: is not well-formed XML: line 1: " +
        "Expected closing tag 'url' (opened in line 1, col 9) instead of closing tag 'urlset'.",
    ],
  );
});

test("root-relative links in feed content become absolute; others are kept", async () => {
  assert.is(
    await absoluteLinks('<a href="/news/">n</a> <a href="https://example.org/">e</a> <img src="/x.png">', root),
    '<a href="https://archive.iap-association.org/news/">n</a> <a href="https://example.org/">e</a> ' +
      '<img src="https://archive.iap-association.org/x.png">',
  );
});

test("an item's own files, linked relatively, and its pictures' srcset resolve from the item's page", async () => {
  assert.is(
    await absoluteLinks(
      '<a href="files/guide.pdf#page=2">g</a> <a href="mailto:a@example.org">m</a> ' +
        '<source srcset="/news/2023/x/a-240.avif 240w, /news/2023/x/a-480.avif 480w" sizes="1px">',
      root,
      "/news/2023/x/",
    ),
    '<a href="https://archive.iap-association.org/news/2023/x/files/guide.pdf#page=2">g</a> ' +
      '<a href="mailto:a@example.org">m</a> ' +
      '<source srcset="https://archive.iap-association.org/news/2023/x/a-240.avif 240w, ' +
      'https://archive.iap-association.org/news/2023/x/a-480.avif 480w" sizes="1px">',
  );
});

test("a video's poster and an image in a link resolve too; text that only looks like an attribute is not", async () => {
  assert.is(
    await absoluteLinks(
      '<p>Write src="/x" in code: <code>src="/x"</code></p>' +
        '<a href="/a/"><img src="b.png" alt=""></a><video poster="/p.jpg"></video>',
      root,
      "/news/2023/x/",
    ),
    '<p>Write src="/x" in code: <code>src="/x"</code></p>' +
      '<a href="https://archive.iap-association.org/a/">' +
      '<img src="https://archive.iap-association.org/news/2023/x/b.png" alt=""></a>' +
      '<video poster="https://archive.iap-association.org/p.jpg"></video>',
  );
});

test("under a base path, absolute links keep it", async () => {
  const sub = "https://example.org/archive/";
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
