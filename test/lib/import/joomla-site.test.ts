/**
 * The import with no rules on a second layout its defaults were not tuned to (test/support/joomla-site.ts,
 * a Joomla 1.5 mirror): a login form beside every article, an h1 logo, pages addressed by their query
 * string, one article at two addresses, icon links and CMS bylines.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { conferences, site as siteData, topics } from "../../../scripts/lib/content/data.ts";
import { reportCounts } from "../../../scripts/lib/import/report.ts";
import { runImport } from "../../../scripts/lib/import/run.ts";
import { aliasesFor, slugOf } from "../../../scripts/lib/import/run.ts";
import { listFiles } from "../../../scripts/lib/util/list-files.ts";
import { joomlaPaths, joomlaRoot, writeJoomlaSite } from "../../support/joomla-site.ts";
import { tempDir } from "../../support/site.ts";

const mirror = await writeJoomlaSite();
const content = tempDir("import-joomla-");
const report = await runImport({
  source: mirror,
  contentDir: content,
  rules: {},
  site: siteData,
  topics,
  conferences,
  now: new Date("2025-06-01T12:00:00Z"),
});
const read = (file: string) => readFileSync(path.join(content, file), "utf8");
const row = (sitePath: string) => report.rows.find((entry) => entry.address === `${joomlaRoot}${sitePath}`);
const queryNote = (sitePath: string) =>
  `old address ${sitePath} names its page in the query string, which static hosts ignore: no redirect can be ` +
  `written (a rewrite rule on a server can keep it)`;

test("a login form in the side column makes no login pages; the copy at a second address is one item", () => {
  assert.equal(reportCounts(report), [
    "2 items: 2 new",
    "2 pages skipped: 1 copy of another page (its address kept as an alias), 1 page with no date",
    "0 problems",
  ]);
  assert.equal(
    listFiles(content).filter((file) => file.startsWith("news/")),
    [
      "news/2012/45-annual-meeting-in-vienna/conclusions-vienna.pdf",
      "news/2012/45-annual-meeting-in-vienna/index.md",
      "news/2012/45-annual-meeting-in-vienna/vienna.jpg",
      "news/2012/training-seminar-on-cybercrime/index.md",
    ],
  );
  const copy = row(joomlaPaths.vienna);
  assert.equal(copy && "skipped" in copy ? [copy.skipped, copy.detail] : copy, [
    "copy",
    `the same article as ${joomlaRoot}${joomlaPaths.viennaFriendly}`,
  ]);
});

test("the headline comes from its table cell, not the h1 logo; icons, 'Written by', 'Last Updated' go", () => {
  assert.is(
    read("news/2012/45-annual-meeting-in-vienna/index.md"),
    `---
title: Annual meeting in Vienna
date: 2012-03-14
aliases:
  - ${joomlaPaths.viennaFriendly}
image:
  src: vienna.jpg
  alt: Delegates in the conference hall in Vienna
documents:
  - src: conclusions-vienna.pdf
    title: Conclusions of the meeting
---
Prosecutors from forty countries met in Vienna for the network's annual meeting. The agenda covered *asset ` +
      `recovery*, mutual legal assistance and the training of young prosecutors.

The conclusions are available: [Conclusions of the meeting](conclusions-vienna.pdf).
`,
  );
  assert.equal(row(joomlaPaths.viennaFriendly)?.look, [queryNote(joomlaPaths.vienna)]);
});

test("an address naming its page in the query is no alias, slug from the title; links reach the new address", () => {
  assert.is(
    read("news/2012/training-seminar-on-cybercrime/index.md"),
    `---
title: Training seminar on cybercrime
date: 2012-04-02
---
A three-day seminar on the investigation of cybercrime was held for members, on electronic evidence and ` +
      `cross-border requests.

See the report of the [annual meeting](/news/2012/45-annual-meeting-in-vienna/).
`,
  );
  assert.equal(row(joomlaPaths.seminar)?.look, [
    "the slug training-seminar-on-cybercrime is taken from the title: the old address names its page in the query " +
      "string",
    queryNote(joomlaPaths.seminar),
  ]);
});

test("slugOf and aliasesFor: a query that only repeats the page (?viewmode=0) is no query of a page", () => {
  assert.equal(slugOf("https://x.org/index.php?id=45", "Annual meeting"), {
    slug: "annual-meeting",
    fromTitle: "the old address names its page in the query string",
  });
  assert.equal(slugOf("https://x.org/News/Annual-Meeting?viewmode=0", "T"), { slug: "annual-meeting" });
  const notes: string[] = [];
  assert.equal(
    aliasesFor("/news/2012/a/", ["https://x.org/News/A?viewmode=0", "https://x.org/index.php?id=45"], notes),
    ["/News/A"],
  );
  assert.equal(notes, [queryNote("/index.php?id=45")]);
});

test.run();
