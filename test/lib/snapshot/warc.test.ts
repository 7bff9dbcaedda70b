/**
 * WARC records of a snapshot (scripts/lib/snapshot/warc.ts): IDs, live URLs, types, CDXJ lines, and checking records.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  cdxjLine,
  checkRecord,
  contentTypeOf,
  liveUrlOf,
  parseCdxj,
  readWarcRecords,
  responseRecord,
  recordUuid,
  warcinfoRecord,
} from "../../../scripts/lib/snapshot/warc.ts";

const root = "https://archive.iap-association.org/";
const date = "2025-06-01T12:00:00Z";

test("recordUuid is RFC 9562's name-based UUID: python's uuid5(NAMESPACE_URL, 'https://example.org/')", () => {
  assert.is(recordUuid("https://example.org/"), "527dda32-a0de-5105-a042-cb475b5f7d11");
  assert.is(recordUuid(`${date} ${root}`), "16efaca8-7a67-560b-9683-2bce7b20f6c1");
  assert.is.not(recordUuid(`${date} ${root}`), recordUuid(`2025-06-02T12:00:00Z ${root}`));
});

test("a file's live URL is the folder for an index.html, else the file", () => {
  assert.is(liveUrlOf("index.html", root), root);
  assert.is(liveUrlOf("news/2023/launch/index.html", root), `${root}news/2023/launch/`);
  assert.is(liveUrlOf("assets/site.70fcb48ec4.css", root), `${root}assets/site.70fcb48ec4.css`);
  assert.is(liveUrlOf("404.html", "https://example.org/archive/"), "https://example.org/archive/404.html");
});

test("a file named with %, # or ? is at the URL its page links to, not at an escape, a fragment or a query", () => {
  assert.is(liveUrlOf("news/2023/x/100% final.pdf", root), `${root}news/2023/x/100%25%20final.pdf`);
  assert.is(liveUrlOf("news/2023/x/report#1.txt", root), `${root}news/2023/x/report%231.txt`);
  assert.is(liveUrlOf("news/2023/x/what?.txt", root), `${root}news/2023/x/what%3F.txt`);
  assert.is(liveUrlOf("news/2023/x/annex #2/index.html", root), `${root}news/2023/x/annex%20%232/`);
});

test("Content-Type as hosts send it", () => {
  assert.is(contentTypeOf("news/index.html"), "text/html; charset=utf-8");
  assert.is(contentTypeOf("pagefind/pagefind.js"), "text/javascript; charset=utf-8");
  assert.is(contentTypeOf("pagefind/wasm.en.pagefind"), "application/octet-stream");
  assert.is(contentTypeOf("sitemap.xml"), "application/xml");
  assert.is(contentTypeOf("feed.xml"), "application/atom+xml");
  assert.is(contentTypeOf("LICENSE"), "application/octet-stream");
});

test("a response record and CDXJ line: SURT key, time, url, mime, status, digest, length, offset, file", async () => {
  const record = await responseRecord("news/index.html", Buffer.from("<p>news</p>"), date, root);
  assert.equal(
    { url: record.url, status: record.status, mime: record.mime },
    { url: `${root}news/`, status: 200, mime: "text/html" },
  );
  assert.is(record.digest, createHash("sha256").update("<p>news</p>").digest("hex"));
  assert.is(
    cdxjLine(record, date, 411, "data.warc.gz"),
    `org,iap-association,archive)/news/ 20250601120000 {"url":"${root}news/","mime":"text/html","status":"200",` +
      `"digest":"${record.digest}","length":"${record.bytes.byteLength}","offset":"411","filename":"data.warc.gz"}`,
  );
  const again = await responseRecord("news/index.html", Buffer.from("<p>news</p>"), date, root);
  assert.ok(Buffer.from(again.bytes).equals(Buffer.from(record.bytes)), "the same bytes every time");
});

test("a redirect page is a 301 to its article, at the alias", async () => {
  const record = await responseRecord("News/Old/index.html", Buffer.from("<meta>"), date, root, {
    from: "/News/Old",
    to: "/news/2023/launch/",
  });
  assert.equal({ url: record.url, status: record.status }, { url: `${root}News/Old`, status: 301 });
  const checked = await checkRecord(record.bytes);
  assert.equal(checked, { type: "response", url: `${root}News/Old`, digest: record.digest, html: "<meta>" });
});

test("a sound HTML response gives its page, for checking its links; other responses do not", async () => {
  const page = await responseRecord("news/index.html", Buffer.from("<p>Fiscalía</p>"), date, root);
  assert.is((await checkRecord(page.bytes)).html, "<p>Fiscalía</p>");
  const style = await responseRecord("assets/site.css", Buffer.from("p{}"), date, root);
  assert.equal(await checkRecord(style.bytes), {
    type: "response",
    url: `${root}assets/site.css`,
    digest: style.digest,
  });
});

test("records read back one by one, each checked; a changed payload byte is found", async () => {
  const info = await warcinfoRecord("data.warc.gz", date, { software: "test 1.0" });
  const page = await responseRecord("index.html", Buffer.from("<p>home</p>"), date, root);
  const warc = Buffer.concat([info, page.bytes]);
  assert.equal(
    (await readWarcRecords(warc)).map(({ offset, length, type, url, problem }) => ({
      offset,
      length,
      type,
      url,
      problem,
    })),
    [
      { offset: 0, length: info.byteLength, type: "warcinfo", url: "", problem: undefined },
      { offset: info.byteLength, length: page.bytes.byteLength, type: "response", url: root, problem: undefined },
    ],
  );
  // The same record with one payload byte changed, gzipped again: its gzip member is sound, its digest is not.
  const plain = gunzipSync(page.bytes);
  plain[plain.indexOf("home")] = "H".charCodeAt(0);
  assert.is((await checkRecord(gzipSync(plain))).problem, "its block differs from its WARC-Block-Digest");
});

test("parseCdxj reads each line's record, and names a line that is not CDXJ", () => {
  const parsed = parseCdxj(
    `org,x)/ 20250601120000 ` +
      `{"url":"https://x.org/","digest":"ab","length":"10","offset":"5","filename":"data.warc.gz"}\nnot cdxj\n`,
  );
  assert.equal(parsed, {
    entries: [{ line: 1, url: "https://x.org/", digest: "ab", offset: 5, length: 10, filename: "data.warc.gz" }],
    problems: ["line 2: not a CDXJ line with url, digest, offset, length and filename"],
  });
});

test.run();
