/** The import bench's crawl generator (scripts/bench/import.ts) at 200 pages, read back by the import; its report. */
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  importSection,
  writeOldSiteCrawl,
  type GeneratedCrawl,
  type ImportRun,
} from "../../../scripts/bench/import.ts";
import { readCaptures, type Capture } from "../../../scripts/lib/import/capture.ts";
import { tempDir } from "../../support/site.ts";

const crawl = await writeOldSiteCrawl(path.join(tempDir("import-bench-"), "crawl.warc.gz"), 200);
const captures: Capture[] = [];
for await (const capture of readCaptures(crawl.warc)) captures.push(capture);

test("200 pages: the same crawl every time, in the proportions of the old site", () => {
  const { warc: _warc, bytes, ms: _ms, ...counts } = crawl;
  assert.equal(counts, {
    records: 783,
    articles: 200,
    tableLayout: 158,
    otherLanguages: 6,
    listings: 10,
    photos: 126,
    photosWithoutAlt: 5,
    documents: 15,
    duplicates: 12,
    redirects: 5,
    notFound: 20,
  });
  // About 500 MB for 10,000 pages.
  assert.ok(bytes / 200 > 45_000 && bytes / 200 < 55_000, `${bytes / 200} bytes a page`);
});

test("read back: every response, by status and type", () => {
  const kinds = new Map<string, number>();
  for (const capture of captures) {
    const kind = `${capture.status} ${(capture.headers["content-type"] ?? "").split(";")[0]}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  assert.equal(Object.fromEntries(kinds), {
    "200 text/html": 225,
    "200 image/jpeg": 126,
    "200 application/pdf": 15,
    "301 text/html": 5,
    "404 text/html": 20,
  });
  const articles = captures.filter(
    (capture) =>
      /^\/News\/[^?]+$/.test(new URL(capture.url).pathname + new URL(capture.url).search) && capture.status === 200,
  );
  assert.is(articles.length, 200);
  const text = (capture: Capture) => Buffer.from(capture.body).toString("utf8");
  assert.is(articles.filter((capture) => text(capture).includes(`<table class="ArticleTable"`)).length, 158);
  assert.is(articles.filter((capture) => text(capture).includes("<time datetime=")).length, 42);
  assert.is(articles.filter((capture) => /<html[^>]* lang="(es|fr)"/.test(text(capture))).length, 6);
  const photo = captures.find((capture) => capture.headers["content-type"] === "image/jpeg");
  assert.equal([...(photo?.body.subarray(0, 4) ?? [])], [0xff, 0xd8, 0xff, 0xfe], "a JPEG, its comment first");
  const pdf = captures.find((capture) => capture.headers["content-type"] === "application/pdf");
  assert.is(Buffer.from(pdf?.body.subarray(0, 5) ?? []).toString("latin1"), "%PDF-");
});

test("the report gives the budget's verdict only at 10,000 pages", () => {
  const small: GeneratedCrawl = { ...crawl, bytes: 9_686_756, ms: 1500 };
  const run: ImportRun = {
    crawl: small,
    wallMs: 2400,
    peakBytes: 210_000_000,
    exitCode: 0,
    loadBefore: [0.5, 0.4, 0.3],
    loadAfter: [0.9, 0.5, 0.3],
  };
  const section = importSection(run);
  assert.ok(section.includes("| wall time | 2.40 s (budget 60.00 s at 10000 pages) |"), section);
  assert.ok(section.includes("| peak memory, process tree | 210.0 MB (budget 1000.0 MB at 10000 pages) |"), section);
  const full = importSection({ ...run, crawl: { ...small, articles: 10_000 }, wallMs: 75_000 });
  assert.ok(full.includes("| wall time | 75.00 s (budget 60.00 s: over) |"), full);
  assert.ok(full.includes("| peak memory, process tree | 210.0 MB (budget 1000.0 MB: within) |"), full);
  assert.ok(
    importSection({
      crawl: small,
      error: "scripts/import.ts is not on this branch yet",
      loadBefore: [1, 1, 1],
      loadAfter: [1, 1, 1],
    }).endsWith("Not measured: scripts/import.ts is not on this branch yet.\n"),
  );
});

test.run();
