/**
 * An imported old site, built for real: `npm run import` on the tests' old site as a WARC, then
 * the build of what it wrote. The pages are there, every old address redirects to its item, the
 * photo is published, and, once staff have described the Dublin photo (its item came in as a draft),
 * the PDF's text is in the search index. A second old site, a Drupal 7 mirror in a layout the
 * defaults were not tuned to, is imported beside it: its items build, lead images and all.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeDrupalSite } from "../support/drupal-site.ts";
import { dublinReportText, writeOldSite } from "../support/old-site.ts";
import { buildSite, page, repoRoot, tempDir, text } from "../support/site.ts";

const old = await writeOldSite();
const content = tempDir("import-build-");
const cli = (args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
  });
const printed = cli([old.warc, "--content", content]);
const printedDrupal = cli([await writeDrupalSite(), "--content", content]);

const dublinFile = path.join(content, "news/2016/the-dublin-conference-outcome-report-of-the-21st/index.md");
// What the report asks a person to do: describe the photo, and the draft can be published.
writeFileSync(
  dublinFile,
  readFileSync(dublinFile, "utf8")
    .replace(/^draft: true #.*\n/m, "")
    .replace('alt: ""', "alt: Delegates in the conference hall in Dublin"),
);
const site = await buildSite(content, { mediaCacheDir: tempDir("media-cache-") });

test("npm run import prints the counts and where the report is", () => {
  const report = path.join(content, "import-report.md");
  const shownReport = path.relative(repoRoot, report).startsWith("..") ? report : path.relative(repoRoot, report);
  assert.is(
    printed.replace(/\(\d+ ms\)|\(\d+\.\d+ s\)/, "(time)"),
    [
      "5 items: 5 new",
      '1 draft (see "needs a look")',
      "6 pages skipped: 1 redirect, 1 error page, 1 login page, 2 listing and paginated pages, 1 page with no date",
      "0 problems",
      `8 files written; the table of every page: ${shownReport} (time)`,
      "",
    ].join("\n"),
  );
});

test("the Drupal mirror's import prints its counts: nothing refused, the tag page a listing", () => {
  assert.equal(printedDrupal.split("\n").slice(0, 3), [
    "4 items: 4 new",
    "1 page skipped: 1 listing or paginated page",
    "0 problems",
  ]);
});

test("the imported items are built as pages, in their years, with their language", () => {
  assert.is(site.report.news, 9);
  const mou = page(site.read("/news/2023/the-iap-signed-mou-with-aiamp/"));
  assert.is(text(mou("h1")), "The IAP signed MOU with AIAMP");
  assert.is(text(mou("article time").first()), "14 November 2023");
  const spanish = page(site.read("/news/2023/news-from-the-president/"));
  assert.is(spanish("main").attr("lang"), "es");
  const moscow = page(site.read("/news/2013/the-18th-annual-conference-opens-in-moscow/"));
  assert.match(text(moscow("article")), "The IAP’s 18th Annual Conference opened in Moscow – delegates");
});

test("every old address redirects to its item: the path as served, its duplicates and the 301", () => {
  const redirects: [string, string][] = [
    ["/News/The-IAP-signed-MOU-with-AIAMP/", "/news/2023/the-iap-signed-mou-with-aiamp/"],
    ["/News/Old-Name/", "/news/2023/the-iap-signed-mou-with-aiamp/"],
    [
      "/News/The-Dublin-Conference-–-outcome-report-of-the-21st/",
      "/news/2016/the-dublin-conference-outcome-report-of-the-21st/",
    ],
    ["/News/The-18th-Annual-Conference-opens-in-Moscow/", "/news/2013/the-18th-annual-conference-opens-in-moscow/"],
    ["/News/Statement-on-the-independence-of-prosecutors/", "/news/2014/statement-on-the-independence-of-prosecutors/"],
    ["/Spanish/News-from-the-President/", "/news/2023/news-from-the-president/"],
  ];
  for (const [from, to] of redirects) {
    assert.is(page(site.read(from))('meta[http-equiv="refresh"]').attr("content"), `0; url=${to}`, from);
  }
});

test("the photo is the lead image from the bundle, with its alt; the body links to the other's new address", () => {
  const mou = page(site.read("/news/2023/the-iap-signed-mou-with-aiamp/"));
  assert.is(mou("article > figure.media img").attr("alt"), "The Presidents of the IAP and of AIAMP sign the MoU");
  assert.is(mou("article .prose img").length, 0);
  assert.is(
    mou('meta[property="og:image:alt"]').attr("content"),
    "The Presidents of the IAP and of AIAMP sign the MoU",
  );
  const dublin = page(site.read("/news/2016/the-dublin-conference-outcome-report-of-the-21st/"));
  assert.is(
    dublin('article a[href="/news/2013/the-18th-annual-conference-opens-in-moscow/"]').text(),
    "the report of the 18th Annual Conference",
  );
  assert.is(dublin(".documents h3").text(), "Dublin Outcome Report (PDF)");
  assert.ok(
    readdirSync(path.join(site.outDir, "news/2023/the-iap-signed-mou-with-aiamp")).some((name) =>
      name.endsWith(".webp"),
    ),
  );
});

test("Drupal items: old address kept as new, lead image with caption, node/123 redirected, no tag page", () => {
  const statement = page(site.read("/news/2020/statement-on-the-pandemic/"));
  assert.is(text(statement("h1")), "Statement on the pandemic");
  assert.is(
    text(statement("article .prose")),
    "The President issued a statement on the work of prosecution services during the pandemic, calling on members " +
      "to share practices on remote hearings and the protection of witnesses. A printer-friendly copy went to " +
      "every member; questions go to the secretariat.",
  );
  const malta = page(site.read("/news/2024/18th-european-regional-conference-in-malta/"));
  assert.equal(
    [malta("article > figure.media img").attr("alt"), text(malta("article > figure.media figcaption"))],
    ["Delegates in the conference hall", "The conference in St Julian's"],
  );
  assert.is(
    page(site.read("/node/123/"))('meta[http-equiv="refresh"]').attr("content"),
    "0; url=/news/2024/18th-european-regional-conference-in-malta/",
  );
  assert.is(site.exists("/taxonomy/term/4/"), false);
});

test("the PDF's text is in the search index with its item", () => {
  const fragments = readdirSync(path.join(site.outDir, "pagefind/fragment")).map(
    (name) =>
      JSON.parse(
        gunzipSync(readFileSync(path.join(site.outDir, "pagefind/fragment", name)))
          .toString("utf8")
          .replace(/^pagefind_dcd/, ""),
      ) as { url: string; content: string },
  );
  const dublin = fragments.find(
    (fragment) => fragment.url === "/news/2016/the-dublin-conference-outcome-report-of-the-21st/",
  );
  for (const line of dublinReportText) assert.match(dublin?.content ?? "", line);
});

test.run();
