/**
 * The whole import (scripts/lib/import/run.ts) on the tests' old site: the exact files it writes
 * from the WARC, the same from the WACZ and the mirror, the report, repeat imports, staff edits,
 * a newer crawl, the build refusing an item, slug clashes, rules, and bad input writing nothing.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { modernLayoutPage, tableLayoutPage, writeOldSiteWarc } from "../../../scripts/bench/old-site.ts";
import { conferences, site as siteData, topics } from "../../../scripts/lib/content/data.ts";
import { ImportSourceError, type Capture } from "../../../scripts/lib/import/capture.ts";
import { reportCounts } from "../../../scripts/lib/import/report.ts";
import { aliasesFor, runImport, slugOf, withoutSiteName, type ImportOptions } from "../../../scripts/lib/import/run.ts";
import type { ImportRules } from "../../../scripts/lib/import/rules.ts";
import { listFiles } from "../../../scripts/lib/util/list-files.ts";
import { displayPath } from "../../../scripts/lib/util/paths.ts";
import { oldSiteResponses, writeOldSite } from "../../support/old-site.ts";
import { hashTree, tempDir, writeContent } from "../../support/site.ts";

const old = await writeOldSite();
const run = (source: string, contentDir: string, more: Partial<ImportOptions> = {}) =>
  runImport({
    source,
    contentDir,
    rules: {},
    site: siteData,
    topics,
    conferences,
    now: new Date("2025-06-01T12:00:00Z"),
    ...more,
  });
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");
const contentFiles = (dir: string) =>
  listFiles(dir).filter((file) => file.startsWith("news/") || file.startsWith("abstracts/"));

const fromWarc = tempDir("import-warc-");
const warcReport = await run(old.warc, fromWarc);

const mouFolder = "news/2023/the-iap-signed-mou-with-aiamp";
const dublinFolder = "news/2016/the-dublin-conference-outcome-report-of-the-21st";

test("the WARC gives five items as page bundles, with their photos and the PDF beside them", () => {
  assert.equal(contentFiles(fromWarc), [
    "news/2013/the-18th-annual-conference-opens-in-moscow/index.md",
    "news/2014/statement-on-the-independence-of-prosecutors/index.md",
    `${dublinFolder}/dublin-2016.jpg`,
    `${dublinFolder}/dublin-outcome-report.pdf`,
    `${dublinFolder}/index.md`,
    "news/2023/news-from-the-president/index.md",
    `${mouFolder}/iap-aiamp-mou.jpg`,
    `${mouFolder}/index.md`,
  ]);
  const photo = old.responses.find((response) => response.url.endsWith("IAP-AIAMP-MOU.jpg"));
  assert.equal(readFileSync(path.join(fromWarc, mouFolder, "iap-aiamp-mou.jpg")), Buffer.from(photo?.body ?? []));
});

test("duplicates and a 301 are one item, aliased by the old paths as served; the first photo is the lead image", () => {
  assert.is(
    read(fromWarc, `${mouFolder}/index.md`),
    `---
title: The IAP signed MOU with AIAMP
date: 2023-11-14
aliases:
  - /News/Old-Name
  - /News/The-IAP-signed-MOU-with-AIAMP
image:
  src: iap-aiamp-mou.jpg
  alt: The Presidents of the IAP and of AIAMP sign the MoU
---
The International Association of Prosecutors and the Ibero American Association of Public Ministries (AIAMP) signed ` +
      `a MOU formalising mutual cooperation between both Associations.

On 14 November 2023 the IAP, represented by its President, Juan Bautista Mahiques, Attorney General of the ` +
      `Autonomous City of Buenos Aires, and the Ibero-American Association of Public Ministries (AIAMP), ` +
      `represented by its President, Francisco Barbosa Delgado, Attorney General of Colombia, signed an MoU ` +
      `formalizing mutual cooperation between both Associations.

The objective of the MoU is to foster cooperation between AIAMP and IAP in order to promote the exchange of ` +
      `information, good practices, and successful experiences.

The Ibero-American Association of Public Ministries (AIAMP) is a non-profit organisation founded in 1954 that ` +
      `brings together the Public Prosecution Services of Latin American countries, Spain, Portugal and Andorra. ` +
      `To this date, 22 Public Prosecution Services are members of AIAMP.

Here’s the link to the [video of the signing ceremony](https://www.youtube.com/watch?v=iap-aiamp-mou).
`,
  );
});

test("no alt on the lead image: a draft saying so; a PDF titled from its name; new addresses; %-encoding kept", () => {
  assert.is(
    read(fromWarc, `${dublinFolder}/index.md`),
    `---
title: The Dublin Conference – outcome report of the 21st
date: 2016-09-30
draft: true # the lead image dublin-2016.jpg has no alt text: describe it in image.alt
aliases:
  - /News/The-Dublin-Conference-%E2%80%93-outcome-report-of-the-21st
image:
  src: dublin-2016.jpg
  alt: ""
documents:
  - src: dublin-outcome-report.pdf
    title: Dublin Outcome Report
---
The outcome report of the 21st Annual Conference, held in Dublin, is now available to members.

The full text can be accessed [here](dublin-outcome-report.pdf).

See also [the report of the 18th Annual Conference](/news/2013/the-18th-annual-conference-opens-in-moscow/).
`,
  );
});

test("windows-1252 and iso-8859-1 pages decoded, dates as text read, the Spanish page's lang written", () => {
  assert.is(
    read(fromWarc, "news/2013/the-18th-annual-conference-opens-in-moscow/index.md"),
    `---
title: The 18th Annual Conference opens in Moscow
date: 2013-09-08
aliases:
  - /News/The-18th-Annual-Conference-opens-in-Moscow
---
The IAP’s 18th Annual Conference opened in Moscow – delegates from more than 80 countries attend the “Prosecutors ` +
      `and the Rule of Law” sessions, with a café reception after the opening.

The conference continues until 12 September.
`,
  );
  assert.is(
    read(fromWarc, "news/2014/statement-on-the-independence-of-prosecutors/index.md"),
    `---
title: Statement on the independence of prosecutors
date: 2014-11-14
aliases:
  - /News/Statement-on-the-independence-of-prosecutors
---
The Executive Committee reaffirms the Standards of Professional Responsibility, as colleagues from the Ministério ` +
      `Público, the Fiscalía General and the Generalbundesanwalt in Karlsruhe have asked.

-   Independence
-   Impartiality
`,
  );
  assert.is(
    read(fromWarc, "news/2023/news-from-the-president/index.md").split("---\n")[1],
    "title: La IAP y la AIAMP firman un memorando de entendimiento\ndate: 2023-11-20\nlang: es\naliases:\n" +
      "  - /Spanish/News-from-the-President\n",
  );
});

test("the report: counts by fate and by reason, a row for every page, written beside the content", () => {
  assert.equal(reportCounts(warcReport), [
    "5 items: 5 new",
    '1 draft (see "needs a look")',
    "6 pages skipped: 1 redirect, 1 error page, 1 login page, 2 listing and paginated pages, 1 page with no date",
    "0 problems",
  ]);
  const report = read(fromWarc, "import-report.md");
  assert.match(
    report,
    "| https://www.iap-association.org/About-Us | skipped: page with no date |  |  |  |  | no date in " +
      "<time>, meta tags, JSON-LD or the text near the title |",
  );
  assert.match(
    report,
    "| https://www.iap-association.org/Login | skipped: login page |  |  |  |  | has a password field |",
  );
  assert.match(
    report,
    "| https://www.iap-association.org/News/The-IAP-signed-MOU-with-AIAMP, " +
      "http://iap-association.org/News/The-IAP-signed-MOU-with-AIAMP, " +
      "https://www.iap-association.org/News/The-IAP-signed-MOU-with-AIAMP?viewmode=0 | " +
      "news/2023/the-iap-signed-mou-with-aiamp/index.md | The IAP signed MOU with AIAMP | 2023-11-14 | en | " +
      "iap-aiamp-mou.jpg |  |",
  );
  assert.is(warcReport.rows.length, 11);
});

test("the WACZ gives the same files, byte for byte; the mirror too, but for the 301's alias", async () => {
  const fromWacz = tempDir("import-wacz-");
  await run(old.wacz, fromWacz);
  assert.is(hashTree(path.join(fromWacz, "news")), hashTree(path.join(fromWarc, "news")));
  const fromMirror = tempDir("import-mirror-");
  await run(old.mirror, fromMirror);
  assert.equal(contentFiles(fromMirror), contentFiles(fromWarc));
  for (const file of contentFiles(fromWarc)) {
    const expected = readFileSync(path.join(fromWarc, file), file.endsWith(".md") ? "utf8" : undefined);
    const got = readFileSync(path.join(fromMirror, file), file.endsWith(".md") ? "utf8" : undefined);
    assert.equal(
      got,
      file === `${mouFolder}/index.md` ? (expected as string).replace("  - /News/Old-Name\n", "") : expected,
      file,
    );
  }
});

test("importing the same crawl again writes nothing and reports every item unchanged", async () => {
  const before = new Map(listFiles(fromWarc).map((file) => [file, statSync(path.join(fromWarc, file)).mtimeMs]));
  const again = await run(old.warc, fromWarc);
  assert.is(reportCounts(again)[0], "5 items: 5 unchanged");
  assert.is(again.written, 0);
  for (const [file, mtime] of before)
    if (file !== "import-report.md") assert.is(statSync(path.join(fromWarc, file)).mtimeMs, mtime, file);
  assert.equal(readdirSync(fromWarc).sort(), ["import-manifest.json", "import-report.md", "news"]);
});

test("a file staff edited since is kept, unless --overwrite", async () => {
  const dir = tempDir("import-edit-");
  await run(old.warc, dir);
  const file = path.join(dir, "news/2013/the-18th-annual-conference-opens-in-moscow/index.md");
  const edited = readFileSync(file, "utf8").replace("12 September", "12 September 2013");
  writeFileSync(file, edited);
  const kept = await run(old.warc, dir);
  assert.is(reportCounts(kept)[0], "5 items: 4 unchanged, 1 kept (edited since)");
  assert.is(readFileSync(file, "utf8"), edited);
  const row = kept.rows.find((entry) => entry.address.endsWith("Moscow"));
  assert.equal(row?.look, ["edited since the last import: kept as it is (--overwrite replaces it)"]);
  const overwritten = await run(old.warc, dir, { overwrite: true });
  assert.is(reportCounts(overwritten)[0], "5 items: 1 updated, 4 unchanged");
  assert.not.match(readFileSync(file, "utf8"), "12 September 2013");
});

test("a newer crawl adds its new items and leaves the others unchanged", async () => {
  const dir = tempDir("import-newer-");
  await run(old.warc, dir);
  const responses = await oldSiteResponses();
  const extra = tableLayoutPage({
    path: "/News/Webinar-on-cybercrime",
    title: "Webinar on cybercrime",
    date: "2 March 2015",
    bodyHtml: "<p>The IAP held a webinar on electronic evidence for prosecutors of twenty countries.</p>",
  });
  const newer = path.join(tempDir("newer-crawl-"), "newer.warc.gz");
  await writeOldSiteWarc(newer, [
    ...responses,
    {
      url: "https://www.iap-association.org/News/Webinar-on-cybercrime",
      status: 200,
      headers: [["Content-Type", "text/html; charset=utf-8"]],
      body: Buffer.from(extra),
    },
  ]);
  const report = await run(newer, dir);
  assert.is(reportCounts(report)[0], "6 items: 1 new, 5 unchanged");
  assert.is(
    read(dir, "news/2015/webinar-on-cybercrime/index.md").split("---\n")[1],
    "title: Webinar on cybercrime\ndate: 2015-03-02\naliases:\n  - /News/Webinar-on-cybercrime\n",
  );
});

test("an item the build refuses is reported with the build's message and not written; the others are", async () => {
  // The seed's own item already claims the MoU's old address, as the archive's first content does.
  const dir = writeContent({
    "news/2023/seed.md":
      "---\ntitle: Seed\ndate: 2023-11-14\naliases: [/News/The-IAP-signed-MOU-with-AIAMP]\n---\nText.\n",
  });
  const report = await run(old.warc, dir);
  assert.is(reportCounts(report)[0], "5 items: 4 new, 1 refused");
  assert.not.ok(existsSync(path.join(dir, mouFolder)));
  const row = report.rows.find(
    (entry) => entry.address === "https://www.iap-association.org/News/The-IAP-signed-MOU-with-AIAMP",
  );
  assert.equal(row?.look, [
    `refused by the build: ${displayPath(path.join(dir, mouFolder, "index.md"))}:6: aliases[1] ` +
      `"/News/The-IAP-signed-MOU-with-AIAMP" is already an alias ` +
      `of ${displayPath(path.join(dir, "news/2023/seed.md"))}`,
  ]);
});

test("an old address equal to the item's new one, with or without slash, is no alias; noted if it leaves none", () => {
  const notes: string[] = [];
  assert.equal(
    aliasesFor(
      "/news/2020/statement/",
      ["https://x.org/news/2020/statement", "http://x.org/news/2020/statement/"],
      notes,
    ),
    [],
  );
  assert.equal(notes, [
    "old address /news/2020/statement, /news/2020/statement/ is its new address: no redirect needed",
  ]);
  const withOld: string[] = [];
  assert.equal(
    aliasesFor("/news/2020/statement/", ["https://x.org/news/2020/statement", "https://x.org/node/12"], withOld),
    ["/node/12"],
  );
  assert.equal(withOld, []);
  // Hosts compare paths case-sensitively, but the build keeps no redirect beside a page whose address differs in case.
  const cased: string[] = [];
  assert.equal(
    aliasesFor("/news/2020/statement/", ["https://x.org/News/2020/Statement", "https://x.org/Old%20Name"], cased),
    [],
  );
  assert.equal(cased, [
    "old address /News/2020/Statement differs from its new address /news/2020/statement/ only in case: no redirect " +
      "can be written there (hosts that ignore case serve the page)",
    "old address /Old%20Name cannot be kept as a redirect: it must be a site path starting with /, without spaces, " +
      "? or #",
  ]);
});

test("the build's message on a refused item names the files where they would be, not the staging folder", async () => {
  // Each page's old address is the other's new one: the build refuses both, each naming the other.
  const pages = [
    { url: "https://x.org/news/2019/meeting", date: "2018-05-01" },
    { url: "https://x.org/news/2018/meeting", date: "2019-05-01" },
  ];
  const read = async function* (): AsyncGenerator<Capture> {
    for (const { url, date } of pages) {
      const html = modernLayoutPage({
        path: new URL(url).pathname,
        title: "Meeting",
        date,
        bodyHtml: "<p>The Executive Committee met to prepare the annual conference of the Association.</p>",
      });
      yield {
        url,
        status: 200,
        headers: { "content-type": "text/html; charset=utf-8" },
        body: Buffer.from(html),
        origin: url,
        capturedAt: "2024-03-01T10:00:00Z",
      };
    }
  };
  const dir = tempDir("import-clash-");
  const report = await run("crawl", dir, { read });
  assert.is(reportCounts(report)[0], "2 items: 2 refused");
  const shown = (file: string) => displayPath(path.join(dir, file));
  assert.equal(report.rows.find((row) => row.address === pages[0]?.url)?.look, [
    `refused by the build: ${shown("news/2018/meeting/index.md")}:5: aliases[0] "/news/2019/meeting" is the address ` +
      `of the news item ${shown("news/2019/meeting/index.md")} (/news/2019/meeting/) that the build writes: an ` +
      `alias may only name an old address`,
  ]);
  assert.equal(readdirSync(dir).sort(), ["import-manifest.json", "import-report.md"]);
});

test("a slug taken by content staff wrote is resolved the same way each time, and reported", async () => {
  const dir = writeContent({
    "news/2023/the-iap-signed-mou-with-aiamp.md": "---\ntitle: Hand-written\ndate: 2023-11-15\n---\nText.\n",
  });
  const report = await run(old.warc, dir);
  assert.ok(existsSync(path.join(dir, "news/2023/the-iap-signed-mou-with-aiamp-2/index.md")));
  const row = report.rows.find(
    (entry) => entry.address === "https://www.iap-association.org/News/The-IAP-signed-MOU-with-AIAMP",
  );
  assert.equal(row?.look, [
    "the slug the-iap-signed-mou-with-aiamp was taken: written as the-iap-signed-mou-with-aiamp-2",
  ]);
  const again = await run(old.warc, dir);
  assert.is(reportCounts(again)[0], "5 items: 5 unchanged");
});

test("rules: ignored pages, language by address, tags from the category map, the news patterns", async () => {
  const rules: ImportRules = {
    ignore: ["/News/Statement-*"],
    languages: [{ urls: ["/News/The-18th-*"], lang: "ru" }],
    categories: [{ urls: ["/News/The-Dublin-*", "/News/The-18th-*"], tags: ["conferences"] }],
  };
  const dir = tempDir("import-rules-");
  const report = await run(old.warc, dir, { rules });
  assert.is(reportCounts(report)[0], "4 items: 4 new");
  assert.is(
    read(dir, "news/2013/the-18th-annual-conference-opens-in-moscow/index.md").split("---\n")[1],
    "title: The 18th Annual Conference opens in Moscow\ndate: 2013-09-08\nlang: ru\ntags:\n  - conferences\n" +
      "aliases:\n  - /News/The-18th-Annual-Conference-opens-in-Moscow\n",
  );
  const onlyNews = await run(old.warc, tempDir("import-news-"), { rules: { news: ["/News/The-*"] } });
  assert.is(reportCounts(onlyNews)[0], "3 items: 3 new");
  assert.is(reportCounts(onlyNews)[2], "8 pages skipped: 1 redirect, 1 error page, 6 pages not news by the rules");
});

test("a dry run reads everything and writes nothing", async () => {
  const dir = tempDir("import-dry-");
  const report = await run(old.warc, dir, { dryRun: true });
  assert.is(reportCounts(report)[0], "5 items: 5 new");
  assert.equal(readdirSync(dir), []);
});

test("a crawl cut short in the files' pass is refused with its record named, and nothing is written", async () => {
  const bytes = readFileSync(old.warc);
  const cut = path.join(tempDir("cut-"), "cut.warc.gz");
  writeFileSync(cut, bytes.subarray(0, bytes.length - 2000));
  const dir = tempDir("import-cut-");
  try {
    await run(cut, dir);
    assert.unreachable("the import should have failed");
  } catch (error) {
    assert.instance(error, ImportSourceError);
    assert.match((error as Error).message, /^.*cut\.warc\.gz, record \d+ at byte \d+: /);
  }
  assert.equal(readdirSync(dir), []);
});

test("slugs from the old address's last segment, accents folded, or from a title; titles lose the site's name", () => {
  assert.equal(slugOf("https://x.org/News/The-Dublin-Conference-%E2%80%93-outcome", "T"), {
    slug: "the-dublin-conference-outcome",
  });
  assert.equal(slugOf("https://x.org/Noticias/Reuni%C3%B3n-en-Bogot%C3%A1.aspx", "T"), { slug: "reunion-en-bogota" });
  assert.equal(slugOf("https://x.org/node/123", "Conference in Malta"), {
    slug: "conference-in-malta",
    fromTitle: "the old address ends in the number 123",
  });
  assert.equal(slugOf("https://x.org/news/2019/", "Annual report"), {
    slug: "annual-report",
    fromTitle: "the old address ends in the number 2019",
  });
  assert.equal(slugOf("https://x.org/node/123", "!!!"), { slug: "123" });
  assert.equal(slugOf("https://x.org/", "Home Page"), {
    slug: "home-page",
    fromTitle: "the old address has no last segment",
  });
  assert.is(
    withoutSiteName(
      "IAP - International Association of Prosecutors > News > The Dublin Conference – outcome",
      undefined,
      new Set(["IAP", "International Association of Prosecutors", "News"]),
    ),
    "The Dublin Conference – outcome",
  );
  assert.is(withoutSiteName("The IAP signed MOU | IAP", "IAP", new Set()), "The IAP signed MOU");
  assert.is(withoutSiteName("Plain title", "IAP", new Set()), "Plain title");
});

test.run();
