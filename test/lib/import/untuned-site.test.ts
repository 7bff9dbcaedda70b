/**
 * The import with no rules on a layout its defaults were not tuned to (test/support/drupal-site.ts,
 * a Drupal 7 mirror): the exact items and report lines for each shape that once went wrong.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { conferences, site as siteData, topics } from "../../../scripts/lib/content/data.ts";
import { reportCounts } from "../../../scripts/lib/import/report.ts";
import { runImport } from "../../../scripts/lib/import/run.ts";
import { listFiles } from "../../../scripts/lib/util/list-files.ts";
import { drupalPaths, drupalRoot, writeDrupalSite } from "../../support/drupal-site.ts";
import { tempDir } from "../../support/site.ts";

const mirror = await writeDrupalSite();
const content = tempDir("import-drupal-");
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
const look = (sitePath: string) => report.rows.find((row) => row.address === `${drupalRoot}${sitePath}`)?.look;

test("four items and a listing; nothing refused", () => {
  assert.equal(reportCounts(report), ["4 items: 4 new", "1 page skipped: 1 listing or paginated page", "0 problems"]);
  assert.equal(
    listFiles(content).filter((file) => file.startsWith("news/")),
    [
      "news/2018/new-members-admitted/index.md",
      "news/2019/executive-committee-meets-in-the-hague/hague.jpg",
      "news/2019/executive-committee-meets-in-the-hague/index.md",
      "news/2019/executive-committee-meets-in-the-hague/minutes-2019-03.pdf",
      "news/2020/statement-on-the-pandemic/index.md",
      "news/2024/18th-european-regional-conference-in-malta/index.md",
      "news/2024/18th-european-regional-conference-in-malta/malta.jpg",
    ],
  );
});

test("an old address that is the new one is no alias, and the report says why; no share, print or tags line", () => {
  assert.is(
    read("news/2020/statement-on-the-pandemic/index.md"),
    `---
title: Statement on the pandemic
date: 2020-04-02
---
The President issued a statement on the work of prosecution services during the pandemic, calling on members to ` +
      `share practices on remote hearings and the protection of witnesses.

A printer-friendly copy went to every member; questions go to [the ` +
      `secretariat](mailto:secretariat@prosecutors-assoc.example).
`,
  );
  assert.equal(look(drupalPaths.statement), [
    "old address /news/2020/statement-on-the-pandemic is its new address: no redirect needed",
  ]);
});

test("the photo at the end is the lead image; a link to another item gets its new address; PDF a document", () => {
  assert.is(
    read("news/2019/executive-committee-meets-in-the-hague/index.md"),
    `---
title: Executive Committee meets in The Hague
date: 2019-03-12
aliases:
  - /news/2019/03/executive-committee-meets-in-the-hague
image:
  src: hague.jpg
  alt: Members of the Executive Committee around a table
documents:
  - src: minutes-2019-03.pdf
    title: minutes (PDF)
---
The Executive Committee of the Association met in **The Hague** on 11 and 12 March 2019 to prepare the annual ` +
      `conference.

See also the [earlier decision on members](/news/2018/new-members-admitted/) and the [minutes ` +
      `(PDF)](minutes-2019-03.pdf).
`,
  );
  assert.equal(look(drupalPaths.hague), []);
});

test("node/123: the slug from the title, said in the report; the figure's photo is the lead image, captioned", () => {
  assert.is(
    read("news/2024/18th-european-regional-conference-in-malta/index.md"),
    `---
title: 18th European Regional Conference in Malta
date: 2024-11-08
aliases:
  - /node/123
image:
  src: malta.jpg
  alt: Delegates in the conference hall
  caption: The conference in St Julian's
---
The 18th European Regional Conference was held in St Julian's, Malta, from 6 to 8 November 2024.

Prosecutors from across Europe discussed international cooperation in criminal matters.
`,
  );
  assert.equal(look(drupalPaths.malta), [
    "the slug 18th-european-regional-conference-in-malta is taken from the title: the old address ends in the " +
      "number 123",
  ]);
});

test("the taxonomy page of two teasers is a listing, with its reason in the report", () => {
  assert.match(
    read("import-report.md"),
    `| ${drupalRoot}${drupalPaths.tag} | skipped: listing or paginated page |  |  |  |  | 2 headings that link to ` +
      `other pages of the crawl |`,
  );
});

test.run();
