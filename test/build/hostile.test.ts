/**
 * Hostile input and failure: every bad content file fails the build with one clear
 * message, all together; odd but valid files build; nothing half-built is ever published; no
 * content can put script into a page, feed, JSON-LD block or the sitemap; pathological Markdown
 * renders in bounded time. Unit tests in test/lib cover each rule alone; these run the real build.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, watch } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Parser } from "htmlparser2";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { conferences, site as siteData, topics } from "../../scripts/lib/content/data.ts";
import { checkedArchive } from "../../scripts/lib/phases/validate.ts";
import { redirectFile } from "../../scripts/lib/model/archive.ts";
import { generatedOutputs } from "../../scripts/lib/model/outputs.ts";
import { listFiles } from "../../scripts/lib/util/list-files.ts";
import { pdfWithText, photoWithGps } from "../support/media.ts";
import { htmlErrors } from "../../scripts/lib/phases/check.ts";
import { maxBlockNesting, renderMarkdown } from "../../scripts/lib/content/markdown.ts";
import { ContentError } from "../../scripts/lib/content/problems.ts";
import { filingName } from "../../scripts/lib/content/speakers.ts";
import { injectionFiles, payload } from "../fixtures/hostile/injection.ts";
import { buildFailure, buildSite, hashTree, newsFile, repoRoot, tempDir, writeContent } from "../support/site.ts";

const abstractFile = (fields: string, body = "The abstract.\n") =>
  `---\nconference: annual-27\nsession: Plenary\n${fields}\n---\n${body}`;
const latin1 = Uint8Array.from([
  ...Buffer.from("---\ntitle: N"),
  0xfa,
  ...Buffer.from("nez\ndate: 2023-11-14\n---\nBody.\n"),
]);

/** One file per bad input of the issue, each with the one message it must produce. */
const badFiles: Record<string, string | Uint8Array> = {
  // Front matter
  "news/2023/tabs.md": "---\ntitle: Tabs\ndate: 2023-01-01\ntags:\n\t- training\n---\nBody.\n",
  "news/2023/repeated-key.md": "---\ntitle: One\ndate: 2023-01-01\ntitle: Two\n---\nBody.\n",
  "news/2023/unclosed-quote.md": '---\ntitle: "Unclosed\ndate: 2023-01-01\n---\nBody.\n',
  "news/2023/no-front-matter.md": "# A heading\n\nJust text.\n",
  "news/2023/empty.md": "",
  "news/2023/latin-1.md": latin1,
  "news/2023/tags-text.md": newsFile({ title: "Tags as text", date: "2023-01-01", tags: "cooperation" }),
  "abstracts/annual-27/speakers-text.md": abstractFile('speakers: "Jane Doe"'),
  "news/2023/unknown-field.md": newsFile({ title: "Typo", date: "2023-01-01", tag: "[training]" }),
  "news/2023/yaml-alias.md": "---\ntitle: &t Laughs\nsummary: *t\ndate: 2023-01-01\n---\nBody.\n",
  // Dates
  "news/2023/february-30.md": newsFile({ title: "Feb 30", date: "2023-02-30" }),
  "news/2023/month-13.md": newsFile({ title: "Month 13", date: "2023-13-01" }),
  "news/2023/day-first.md": newsFile({ title: "Day first", date: "14/11/2023" }),
  "news/2023/with-time.md": newsFile({ title: "With time", date: "2023-11-14T10:00:00+02:00" }),
  "news/2023/no-date.md": newsFile({ title: "No date" }),
  // URLs: the first file of each pair validates; the second is reported.
  "news/2023/same.md": newsFile({ title: "Same", date: "2023-03-01" }),
  "news/misc/same.md": newsFile({ title: "Same again", date: "2023-03-02" }),
  "news/2023/Nunez.md": newsFile({ title: "Nunez", date: "2023-03-03" }),
  "news/2023/Núñez.md": newsFile({ title: "Núñez in NFC", date: "2023-03-04" }),
  "news/2023/Nu\u0301n\u0303ez.md": newsFile({ title: "Núñez in NFD", date: "2023-03-05" }),
  "news/2023/Case.md": newsFile({ title: "Case", date: "2023-03-06" }),
  "news/2023/case.md": newsFile({ title: "case", date: "2023-03-07" }),
  "news/2023/!!!.md": newsFile({ title: "Slugs to nothing", date: "2023-03-08" }),
  "news/2023/会议.md": newsFile({ title: "Meeting", date: "2023-03-09" }),
  [`news/2023/${"щ".repeat(40)}.md`]: newsFile({ title: "A long Cyrillic name", date: "2023-03-10" }),
  "news/2023/aliases.md": newsFile({
    title: "Aliases",
    date: "2023-03-11",
    aliases: "[/news/, /sitemap.xml, /pagefind/pagefind.js, /news/index.html/old, /Old-Page, /old-page/]",
  }),
  // References to missing things
  "abstracts/annual-27/unknown-conference.md":
    "---\nconference: anual-27\nsession: S\nspeakers:\n  - name: A\n---\nText.\n",
  "news/2023/unknown-topic.md": newsFile({ title: "Unknown topic", date: "2023-01-01", tags: "[trainin]" }),
  "abstracts/annual-27/no-speakers.md": "---\nconference: annual-27\nsession: Plenary\n---\nText.\n",
  "abstracts/annual-27/empty-speakers.md": abstractFile("speakers: []"),
  // Markdown that would lose text or fail html-validate
  "news/2023/deep-quotes.md": newsFile(
    { title: "Deep quotes", date: "2023-01-01" },
    `Intro.\n\n${">".repeat(10_000)} lost\n`,
  ),
  "news/2023/empty-heading.md": newsFile({ title: "Empty heading", date: "2023-01-01" }, "Text.\n\n#\n"),
  "news/2023/empty-link.md": newsFile({ title: "Empty link", date: "2023-01-01" }, "See [](https://example.org/).\n"),
  // Not Markdown
  "news/2023/notes.txt": "A stray file.\n",
};

test("every bad input fails the build with its own message, all reported together, exit code 1", async () => {
  const content = writeContent(badFiles);
  const out = path.join(tempDir(), "_site");
  const child = await runBuild(["--content", content, "--out", out]);
  assert.is(child.code, 1);
  const at = (file: string) => path.join(content, file);
  const lines = child.stderr.trim().split("\n");
  // A folder outside the one the build ran in is named in full (scripts/lib/util/display-path.ts).
  assert.is(lines[0], `build failed in validate; ${out} was left as it was.`);
  assert.is(lines[1], "35 content errors:");
  assert.equal(lines.slice(2).sort(), [
    `  ${at("abstracts/annual-27/empty-speakers.md")}:4: speakers [] must list at least one speaker`,
    `  ${at("abstracts/annual-27/no-speakers.md")}: speakers is required: it must be a list of speakers, each with ` +
      `a name (and optional role, organisation)`,
    `  ${at("abstracts/annual-27/speakers-text.md")}:4: speakers "Jane Doe" must be a list of speakers, each with a ` +
      `name (and optional role, organisation)`,
    `  ${at("abstracts/annual-27/unknown-conference.md")}:2: conference "anual-27" is not a known conference; did ` +
      `you mean "annual-27"? (conferences are listed in _data/conferences.ts)`,
    `  ${at("news/2023/!!!.md")}: file name "!!!.md" gives no usable URL slug: rename the file using letters a–z or ` +
      `digits, or add a field such as 'slug: iap-signs-mou'`,
    `  ${at("news/2023/Nu\u0301n\u0303ez.md")}: would be published at /news/2023/nunez/, ` +
      `which ${at("news/2023/Nunez.md")} already uses: rename one of the files or give it a different 'slug'`,
    `  ${at("news/2023/Núñez.md")}: would be published at /news/2023/nunez/, which ${at("news/2023/Nunez.md")} ` +
      `already uses: rename one of the files or give it a different 'slug'`,
    `  ${at("news/2023/aliases.md")}:4: aliases[0] "/news/" is the address of the list of news (/news/) that the ` +
      `build writes: an alias may only name an old address`,
    `  ${at("news/2023/aliases.md")}:4: aliases[1] "/sitemap.xml" is the address of the sitemap (/sitemap.xml) that ` +
      `the build writes: an alias may only name an old address`,
    `  ${at("news/2023/aliases.md")}:4: aliases[2] "/pagefind/pagefind.js" is the address of Pagefind's search ` +
      `index (/pagefind/…) that the build writes: an alias may only name an old address`,
    `  ${at("news/2023/aliases.md")}:4: aliases[3] "/news/index.html/old" would have to be written inside ` +
      `/news/index.html, which is a file, not a folder`,
    `  ${at("news/2023/aliases.md")}:4: aliases[5] "/old-page/" is already an alias of ${at("news/2023/aliases.md")}`,
    `  ${at("news/2023/case.md")}: would be published at /news/2023/case/, which ${at("news/2023/Case.md")} already ` +
      `uses: rename one of the files or give it a different 'slug'`,
    `  ${at("news/2023/day-first.md")}:3: date "14/11/2023" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no ` +
      `time or time zone)`,
    `  ${at("news/2023/deep-quotes.md")}:7: nests block quotes and lists more than ${maxBlockNesting} deep; at ` +
      `most ${maxBlockNesting} are allowed, as deeper text would be lost`,
    `  ${at("news/2023/empty-heading.md")}:7: has a heading with no text: write the heading or remove the '#' line`,
    `  ${at("news/2023/empty-link.md")}:5: has a link with no text to https://example.org/: write the text between ` +
      `[ and ], for readers and screen readers`,
    `  ${at("news/2023/empty.md")}: is empty: a content file starts with front matter between two '---' lines`,
    `  ${at("news/2023/february-30.md")}:3: date "2023-02-30" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; ` +
      `no time or time zone)`,
    `  ${at("news/2023/latin-1.md")}:2: is not valid UTF-8 (byte 0xFA at offset 12); save the file as UTF-8`,
    `  ${at("news/2023/month-13.md")}:3: date "2023-13-01" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no ` +
      `time or time zone)`,
    `  ${at("news/2023/no-date.md")}: date is required: it must be a calendar date written YYYY-MM-DD, e.g. 2023-11-14`,
    `  ${at("news/2023/no-front-matter.md")}:1: has no front matter: the first line must be '---', followed by ` +
      `fields such as 'title:' and a closing '---'`,
    `  ${at("news/2023/notes.txt")}: is not a Markdown file: content files end in .md (move other files out of news/)`,
    `  ${at("news/2023/repeated-key.md")}:4: front matter is not valid YAML: field "title" is written a second time ` +
      `(each field may appear once)`,
    `  ${at("news/2023/tabs.md")}:5: front matter is not valid YAML: Tabs are not allowed as indentation (indent ` +
      `with spaces, not tabs)`,
    `  ${at("news/2023/tags-text.md")}:4: tags "cooperation" must be a list of topic ids, e.g. ` +
      `[international-cooperation]`,
    `  ${at("news/2023/unclosed-quote.md")}:2: front matter is not valid YAML: the " quote that opens "title" is ` +
      `never closed (close it, or leave the quotes out)`,
    `  ${at("news/2023/unknown-field.md")}:4: tag is not a known field; did you mean "tags"? (allowed: title, date, ` +
      `summary, tags, aliases, draft, slug, image, documents, video, lang, translationOf)`,
    `  ${at("news/2023/unknown-topic.md")}:4: tags[0] "trainin" is not a known topic; did you mean "training"? ` +
      `(topics are listed in _data/topics.ts)`,
    `  ${at("news/2023/with-time.md")}:3: date "2023-11-14T10:00:00+02:00" is not a calendar date (YYYY-MM-DD, e.g. ` +
      `2023-11-14; no time or time zone)`,
    `  ${at("news/2023/yaml-alias.md")}:3: front matter uses the YAML alias *t: write the value out instead`,
    `  ${at(`news/2023/${"щ".repeat(40)}.md`)}: file name "${"щ".repeat(40)}.md" gives a URL slug of 120 ` +
      `characters; at most 100 are allowed: shorten the file name, or add a field such as 'slug: iap-signs-mou'`,
    `  ${at("news/2023/会议.md")}: file name "会议.md" gives no usable URL slug: rename the file using letters a–z or ` +
      `digits, or add a field such as 'slug: iap-signs-mou'`,
    `  ${at("news/misc/same.md")}: would be published at /news/2023/same/, which ${at("news/2023/same.md")} already ` +
      `uses: rename one of the files or give it a different 'slug'`,
  ]);
  assert.not.ok(existsSync(out), "nothing was published");
});

test("every file a build writes, the editor and service worker included, is one the alias check knows", async () => {
  const content = writeContent({
    "news/2023/photo/index.md": newsFile({
      title: "With a photo",
      date: "2023-05-01",
      image: "{ src: photo.jpg, alt: A circle }",
      documents: "[{ src: guide.pdf, title: A guide }]",
      aliases: "[/News/Old-Photo]",
    }),
    "news/2023/photo/photo.jpg": await photoWithGps(400, 300),
    "news/2023/photo/guide.pdf": await pdfWithText(["A guide."]),
    "abstracts/annual-27/talk.md": abstractFile("speakers:\n  - name: Jane Doe"),
  });
  const site = await buildSite(content, {
    editor: { localBackend: "http://127.0.0.1:9/api/v1" },
    serviceWorker: true,
    validateHtml: "sample",
  });
  const archive = checkedArchive({
    contentDir: content,
    site: siteData,
    topics,
    conferences,
    now: new Date("2025-06-01T12:00:00Z"),
  });
  const known = [
    ...archive.pages().map((page) => redirectFile(page.url)),
    ...archive.redirects.map((redirect) => redirect.file),
    ...generatedOutputs.map((output) => output.path),
    ...archive.items.map((item) => item.url),
  ];
  const unknown = listFiles(site.outDir)
    .map((file) => `/${file}`)
    .filter((file) => !known.some((path) => (path.endsWith("/") ? file.startsWith(path) : file === path)));
  assert.equal(unknown, []);
  // Each kind was written, so the list is checked against real files.
  for (const file of [
    "/admin/config.yml",
    "/sw.js",
    "/pagefind/pagefind.js",
    "/feeds/news.xml",
    "/offline/files.json",
    "/News/Old-Photo/index.html",
  ])
    assert.ok(site.exists(file), file);
  assert.ok(listFiles(site.outDir).some((file) => file.startsWith("news/2023/photo/") && file.endsWith(".webp")));
  assert.ok(site.exists("/news/2023/photo/guide.pdf"));
});

// --- odd but valid files build, and nothing is lost ------------------------------------------

/** Just over 5 MB of prose in paragraphs: a huge file builds (in a few seconds), it is not refused. */
function hugeBody(): { body: string; paragraphs: number } {
  const sentence = "The prosecutors met to discuss international cooperation in criminal matters. ";
  const paragraph = `${sentence.repeat(12).trim()}\n\n`;
  const paragraphs = Math.ceil((5 * 1024 * 1024) / paragraph.length);
  return { body: paragraph.repeat(paragraphs), paragraphs };
}

/** A list nested `depth` deep, each level's item written by `item`. */
const nestedList = (depth: number, item: (level: number) => string) =>
  `${Array.from({ length: depth }, (_, level) => `${"  ".repeat(level)}${item(level)}`).join("\n")}\n`;

/** Markdown that has made parsers slow (markdown-it's own pathological tests and CommonMark's). */
const pathological: Record<string, string> = {
  "150,000 spaces between words": `word${" ".repeat(150_000)}word\n`,
  "50,000 asterisks": `${"*".repeat(50_000)}\n`,
  "50,000 unclosed emphasis openers": `${"*a ".repeat(50_000)}\n`,
  "50,000 underscores": `${"_".repeat(50_000)}\n`,
  "20,000 alternating * and _": `${"*_".repeat(20_000)}\n`,
  "50,000 open brackets": `${"[".repeat(50_000)}\n`,
  "10,000 nested links": `${"[".repeat(10_000)}x${"](https://example.org/)".repeat(10_000)}\n`,
  "50,000 backticks": `${"`".repeat(50_000)}\n`,
  "50,000 angle brackets": `${"<".repeat(50_000)}\n`,
  "a 1 MB line of words": `${"word ".repeat(200_000)}\n`,
  "a 1 MB word": `${"x".repeat(1_000_000)}\n`,
  "10,000 links": `${"[x](https://example.org/) ".repeat(10_000)}\n`,
  "a table of 2,000 columns": `${"|a".repeat(2_000)}\n${"|-".repeat(2_000)}\n${"|1".repeat(2_000)}\n`,
  "100,000 entities": `${"&#x61;".repeat(100_000)}\n`,
  "150,000 blank lines in code": `\`\`\`\n${"\n".repeat(150_000)}x\n\`\`\`\n`,
  [`${maxBlockNesting} nested block quotes`]: `${">".repeat(maxBlockNesting)} deepest\n`,
  [`${maxBlockNesting} nested lists`]: nestedList(maxBlockNesting, (level) => `- level ${level + 1}`),
};

/** What markdown-it would cut off: reported at the line where it starts, never rendered half. */
const tooDeep: Record<string, string> = {
  "10,000 nested block quotes": `${">".repeat(10_000)} lost\n`,
  "10,000 nested lists": nestedList(10_000, () => "- item"),
  "10,000 nested list markers": `${"- ".repeat(10_000)}x\n`,
};

const page = (body: string) =>
  `<!doctype html>\n<html lang="en"><head><title>T</title><meta name="description" content="D"></head>` +
  `<body><main><h1>T</h1>${body}</main></body></html>\n`;

// Super-linear behaviour would take minutes on these inputs and stall the suite; what is asserted
// is the output, not a time.
test("pathological Markdown renders and validates", () => {
  for (const [name, source] of Object.entries({ ...pathological, ...tooDeep })) {
    const rendered = renderMarkdown(source);
    const errors = htmlErrors(page(rendered.html));
    assert.equal(errors, [], name);
    const expected =
      name in tooDeep
        ? [
            `nests block quotes and lists more than ${maxBlockNesting} deep; at most ${maxBlockNesting} are ` +
              `allowed, as deeper text would be lost`,
          ]
        : [];
    assert.equal(
      rendered.problems.map((problem) => problem.message),
      expected,
      name,
    );
  }
});

test("odd but valid files build: BOM, CRLF, 5 MB, pathological Markdown; counts match the content folder", async () => {
  const huge = hugeBody();
  const files: Record<string, string> = {
    "news/2023/bom.md": "\uFEFF---\ntitle: With a byte-order mark\ndate: 2023-11-14\n---\nFirst paragraph.\n",
    "news/2023/crlf.md":
      "---\r\ntitle: With CRLF\r\ndate: 2023-11-15\r\ntags: [training]\r\n---\r\nLine one\r\nline two.\r\n\r\n" +
      "Second.\r\n",
    "abstracts/annual-27/bom-crlf.md":
      "\uFEFF---\r\nconference: annual-27\r\nsession: Plenary\r\nspeakers:\r\n  - name: Ana Núñez\r\n---\r\n" +
      "Abstract.\r\n",
    "news/2023/huge.md": newsFile({ title: "A 5 MB file", date: "2023-11-16" }, huge.body),
    "news/2023/draft.md": newsFile({ title: "A draft", date: "2023-11-17", draft: "true" }),
    "news/2026/scheduled.md": newsFile({ title: "Scheduled", date: "2026-01-01" }),
  };
  Object.values(pathological).forEach((body, index) => {
    files[`news/2022/pathological-${index + 1}.md`] = newsFile(
      { title: `Pathological ${index + 1}`, date: "2022-06-01" },
      body,
    );
  });
  const content = writeContent(files);
  // The pathological pages were validated one by one above; here a sample of each template is.
  const site = await buildSite(content, { validateHtml: "sample" });
  const markdownFiles = Object.keys(files).length;
  assert.equal(
    { news: site.report.news, abstracts: site.report.abstracts, withheld: site.report.withheld },
    { news: 3 + Object.keys(pathological).length, abstracts: 1, withheld: { drafts: 1, scheduled: 1 } },
  );
  assert.is(
    site.report.news + site.report.abstracts + site.report.withheld.drafts + site.report.withheld.scheduled,
    markdownFiles,
  );

  const bom = cheerio.load(site.read("/news/2023/bom/"));
  assert.equal([bom("h1").text(), bom(".prose").html()?.trim()], ["With a byte-order mark", "<p>First paragraph.</p>"]);
  const crlf = cheerio.load(site.read("/news/2023/crlf/"));
  assert.equal(
    [crlf("h1").text(), crlf(".prose").html()?.trim(), crlf(".topics a").text()],
    ["With CRLF", "<p>Line one\nline two.</p>\n<p>Second.</p>", "Training"],
  );
  assert.is(cheerio.load(site.read("/abstracts/annual-27/bom-crlf/"))("h1").text(), "Ana Núñez: Plenary");
  const hugePage = site.read("/news/2023/huge/");
  assert.is(cheerio.load(hugePage)(".prose p").length, huge.paragraphs);
  Object.keys(pathological).forEach((_, index) =>
    assert.ok(site.exists(`/news/2022/pathological-${index + 1}/`), `page of pathological ${index + 1}`),
  );
  assert.is(
    cheerio.load(site.read("/news/2022/pathological-1/"))(".prose").text().replace(/\s+/g, " ").trim(),
    "word word",
  );
});

// --- a failed or killed build publishes nothing ------------------------------------------------

/** Staging and leftover folders next to `out`: `<out>.tmp-<pid>`, `<out>.old-<pid>`. */
function siblingsOf(out: string): string[] {
  const base = path.basename(out);
  return readdirSync(path.dirname(out)).filter((name) => name.startsWith(`${base}.`));
}

test("a content error found by the check phase (a link to a missing page) leaves the output unchanged", async () => {
  const content = writeContent({ "news/2023/good.md": newsFile({ title: "Good", date: "2023-11-14" }) });
  const { outDir } = await buildSite(content);
  const before = hashTree(outDir);
  // markdown-it's XSS case "&#x26;#74;avascript:" is a harmless relative link, to a page that does not exist.
  writeContent(
    {
      "news/2023/linking.md": newsFile(
        { title: "Linking", date: "2023-11-15" },
        "See [the report](/news/2019/report/) and [x](&#x26;#74;avascript:alert(1)).\n",
      ),
    },
    content,
  );
  const error = await buildFailure(content, { outDir });
  assert.is(error.phase, "check");
  const file = path.join(content, "news/2023/linking.md");
  assert.is(
    error.message,
    `2 problems in the output:\n  /news/2023/linking/ (${file}): links to /news/2019/report/, which does not exist\n` +
      `  /news/2023/linking/ (${file}): links to &#74;avascript:alert(1), which does not exist`,
  );
  assert.is(hashTree(outDir), before);
  assert.equal(siblingsOf(outDir), []);
});

test("a failure at the end of any phase leaves the output byte-identical and no staging folder", async () => {
  const content = writeContent({ "news/2023/good.md": newsFile({ title: "Good", date: "2023-11-14" }) });
  const first = await buildSite(content);
  const before = hashTree(first.outDir);
  writeContent({ "news/2023/second.md": newsFile({ title: "Second", date: "2023-11-15" }) }, content);
  // Every phase that writes before publishing; a fault thrown as each one reports is a crash at its end.
  const phases = first.report.phases
    .map((phase) => phase.name)
    .filter((name) => name !== "validate" && name !== "publish");
  assert.equal(
    phases.filter((name) => ["render", "search", "feeds", "read", "check"].includes(name)),
    ["render", "search", "feeds", "read", "check"],
  );
  for (const phase of phases) {
    const fault = new Error(`fault injected after ${phase}`);
    const caught = await buildSite(content, {
      outDir: first.outDir,
      log: (line) => {
        if (line.startsWith(`${phase} `)) throw fault;
      },
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.is(caught, fault, phase);
    assert.is(hashTree(first.outDir), before, `output changed by a failure in ${phase}`);
    assert.equal(siblingsOf(first.outDir), [], phase);
  }
  const after = await buildSite(content, { outDir: first.outDir });
  assert.ok(after.exists("/news/2023/second/"));
});

test("a build killed mid-way leaves the previous output; the next build removes its staging folder", async () => {
  const files: Record<string, string> = {};
  for (let index = 1; index <= 60; index++)
    files[`news/2020/item-${index}.md`] = newsFile({ title: `Item ${index}`, date: "2020-01-01" });
  const content = writeContent({ "news/2023/good.md": newsFile({ title: "Good", date: "2023-11-14" }) });
  const { outDir } = await buildSite(content);
  const before = hashTree(outDir);
  writeContent(files, content);

  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/build.ts", "--content", content, "--out", outDir],
    { cwd: repoRoot, stdio: "ignore" },
  );
  const staging = `${outDir}.tmp-${child.pid}`;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_, signal) => resolve(signal)));
  // Killed once its staging folder appears: the build takes seconds to start, the watch is there before.
  await new Promise<void>((resolve) => {
    const watcher = watch(path.dirname(outDir), (_event, name) => {
      if (name !== path.basename(staging) || !existsSync(staging)) return;
      watcher.close();
      resolve();
    });
  });
  child.kill("SIGKILL");
  assert.is(await exited, "SIGKILL");
  assert.equal(siblingsOf(outDir), [path.basename(staging)], "the killed build left its staging folder");
  assert.is(hashTree(outDir), before, "the previous output is untouched");

  const next = await buildSite(content, { outDir });
  assert.equal(siblingsOf(outDir), [], "the next build removed the leftover");
  assert.is(next.report.news, 61);
});

test("killed between publishing's two renames: the next build restores the previous output, even failing", async () => {
  const content = writeContent({ "news/2023/good.md": newsFile({ title: "Good", date: "2023-11-14" }) });
  const { outDir } = await buildSite(content);
  const before = hashTree(outDir);
  const gone = spawn(process.execPath, ["-e", ""]);
  const deadPid = await new Promise<number>((resolve) => gone.on("exit", () => resolve(gone.pid as number)));
  renameSync(outDir, `${outDir}.old-${deadPid}`);
  writeContent({ "news/2023/bad.md": newsFile({ title: "Bad", date: "2023-02-30" }) }, content);
  const error = await buildFailure(content, { outDir });
  assert.is(error.phase, "validate");
  assert.is(hashTree(outDir), before);
  assert.equal(siblingsOf(outDir), []);
});

// --- the same content under any machine time zone ------------------------------------------

test("date errors and dates are the same under TZ=UTC, America/Los_Angeles and Pacific/Kiritimati", () => {
  const content = writeContent({
    "news/2023/new-year.md": newsFile({ title: "New year", date: "2023-01-01" }),
    "news/2023/february-30.md": newsFile({ title: "Feb 30", date: "2023-02-30" }),
    "news/2023/with-offset.md": newsFile({ title: "Offset", date: "2023-11-14T23:30:00-08:00" }),
  });
  const zone = process.env.TZ;
  const results: string[] = [];
  try {
    for (const [name, offset] of [
      ["UTC", 0],
      ["America/Los_Angeles", 480],
      ["Pacific/Kiritimati", -840],
    ] as const) {
      process.env.TZ = name;
      assert.is(new Date("2023-01-01T00:00:00Z").getTimezoneOffset(), offset, `TZ=${name} took effect`);
      try {
        checkedArchive({
          contentDir: content,
          site: siteData,
          topics,
          conferences,
          now: new Date("2024-01-01T12:00:00Z"),
        });
        results.push("built");
      } catch (error) {
        results.push(error instanceof ContentError ? error.message : String(error));
      }
    }
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
  const at = (file: string) => path.join(content, file);
  const expected =
    "2 content errors:\n" +
    `  ${at("news/2023/february-30.md")}:3: date "2023-02-30" is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; ` +
    `no time or time zone)\n` +
    `  ${at("news/2023/with-offset.md")}:3: date "2023-11-14T23:30:00-08:00" is not a calendar date (YYYY-MM-DD, ` +
    `e.g. 2023-11-14; no time or time zone)`;
  assert.equal(results, [expected, expected, expected]);
});

// --- nothing unsafe served ---------------------------------------------------------------------

const injection = await buildSite(writeContent(injectionFiles));

const urlAttributes = new Set(["href", "src", "action", "formaction", "poster", "xlink:href", "cite", "background"]);

/** Markup on a page that could run script: what content must never produce. */
function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  let jsonLd: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) found.push(`<${name} ${attribute}>`);
          // eslint-disable-next-line no-control-regex -- browsers drop control characters before a URL's scheme
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ""))?.[1]?.toLowerCase();
          if (urlAttributes.has(attribute) && (scheme === "javascript" || scheme === "vbscript" || scheme === "data")) {
            found.push(`<${name} ${attribute}="${value}">`);
          }
        }
        if (["iframe", "frame", "frameset", "object", "embed", "applet", "base"].includes(name))
          found.push(`<${name}>`);
        if (name === "meta" && /url=\s*(javascript|vbscript|data):/i.test(attributes.content ?? ""))
          found.push(`<meta content="${attributes.content}">`);
        if (name === "script") {
          if (attributes.type === "application/ld+json") jsonLd = "";
          else if (!(
            attributes.type === "module" && /^\/assets\/[a-z-]+\.[0-9a-f]{10}\.js$/.test(attributes.src ?? "")
          )) {
            found.push(`<script ${JSON.stringify(attributes)}>`);
          }
        }
      },
      ontext(text) {
        if (jsonLd !== undefined) jsonLd += text;
      },
      onclosetag(name) {
        if (name !== "script" || jsonLd === undefined) return;
        // JSON-LD is data: it must parse, and hold no "<" that could close the block.
        if (jsonLd.includes("<")) found.push(`JSON-LD with "<": ${jsonLd.slice(0, 80)}`);
        try {
          JSON.parse(jsonLd);
        } catch {
          found.push(`JSON-LD that does not parse: ${jsonLd.slice(0, 80)}`);
        }
        jsonLd = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return found;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

test("no page carries markup from content: no script, event attribute, frame or javascript: URL", () => {
  const files = htmlFiles(injection.outDir);
  assert.is(files.length, injection.report.pages);
  const unsafe = files.flatMap((file) =>
    unsafeMarkup(readFileSync(path.join(injection.outDir, file), "utf8")).map((found) => `${file}: ${found}`),
  );
  assert.equal(unsafe, []);
});

test("the payloads are shown as text on every kind of page", () => {
  const $ = (url: string) => cheerio.load(injection.read(url));
  const item = $("/news/2023/injection/");
  assert.is(item("h1").text(), payload("title"));
  assert.is(item("title").text(), `${payload("title")} · IAP News Archive`);
  assert.is(item('meta[name="description"]').attr("content"), payload("summary"));
  assert.is(item('meta[property="og:title"]').attr("content"), payload("title"));
  assert.equal([item(".prose a").length, item(".prose img").length], [0, 0]);
  assert.equal(
    item(".prose p")
      .slice(0, 6)
      .map((_, p) => item(p).text())
      .get(),
    [
      "<script>window.__pwned='body script'</script>",
      `<img src=x onerror="window.__pwned='body img'">`,
      `<iframe src="javascript:window.__pwned='body iframe'"></iframe>`,
      `<div onmouseover="window.__pwned='body div'">hover me</div>`,
      `<a href="javascript:window.__pwned='body a'">raw link</a>`,
      "[javascript](javascript:window.__pwned='link')",
    ],
  );
  const linkText = (url: string) => $(url)('a[href="/news/2023/injection/"]').first().text();
  for (const url of ["/", "/news/", "/news/2023/", "/topics/cybercrime/", "/news/2023/neighbour/"])
    assert.is(linkText(url), payload("title"), url);
  assert.is(
    $("/news/")('a[href="/news/2023/injection/"]').closest("article").find("p").last().text(),
    payload("summary"),
  );

  const abstract = $("/abstracts/annual-27/injection/");
  assert.is(abstract("h1").text(), payload("abstract title"));
  assert.equal(
    abstract(".facts dd")
      .slice(1)
      .map((_, dd) => abstract(dd).text())
      .get(),
    [payload("session"), `${payload("speaker")}, ${payload("role")}, ${payload("organisation")}`],
  );
  assert.is(abstract('meta[name="citation_author"]').attr("content"), payload("speaker"));
  assert.is(abstract('meta[name="citation_author_institution"]').attr("content"), payload("organisation"));
  assert.is($("/abstracts/annual-27/untitled/")("h1").text(), `${payload("speaker")}: ${payload("session")}`);

  const conference = $("/conferences/annual-27/");
  assert.equal(
    conference("section h3")
      .map((_, h) => conference(h).text())
      .get(),
    [payload("session")],
  );
  assert.equal(
    conference("section h4 a")
      .map((_, a) => conference(a).text())
      .get(),
    [payload("abstract title"), `${payload("speaker")}: ${payload("session")}`],
  );
  const speakers = $("/speakers/");
  const speakerLink = speakers(".az-list a").first();
  assert.is(speakerLink.text(), filingName(payload("speaker")));
  assert.is(
    speakerLink.attr("href"),
    "/speakers/speaker-img-src-x-onerror-window-pwned-speaker-title-textarea-script-script-window-pwned-speaker/",
  );
  assert.is($(speakerLink.attr("href") as string)("h1").text(), payload("speaker"));

  const redirect = $(`/old/"><svg/onload=window.__pwned='alias'>/`);
  assert.is(
    redirect("main p").text(),
    `“${payload("title")}” is now at https://archive.iap-association.org/news/2023/injection/.`,
  );
  assert.is(redirect('meta[http-equiv="refresh"]').attr("content"), "0; url=/news/2023/injection/");
});

test("JSON-LD carries the payloads as data and cannot be closed by them", () => {
  const jsonLd = (url: string) =>
    JSON.parse(cheerio.load(injection.read(url))('script[type="application/ld+json"]').text()) as Record<
      string,
      unknown
    >;
  const news = jsonLd("/news/2023/injection/");
  assert.equal([news.headline, news.description], [payload("title"), payload("summary")]);
  const abstract = jsonLd("/abstracts/annual-27/injection/") as {
    headline: string;
    author: { name: string; jobTitle: string; affiliation: { name: string } }[];
  };
  assert.equal(
    [abstract.headline, abstract.author[0]?.name, abstract.author[0]?.jobTitle, abstract.author[0]?.affiliation.name],
    [payload("abstract title"), payload("speaker"), payload("role"), payload("organisation")],
  );
  assert.not.match(injection.read("/news/2023/injection/"), /<\/script><script>window/);
});

test("feeds: Atom titles and summaries are escaped HTML showing the payload as text; JSON Feed plain text", () => {
  const atom = injection.read("/feeds/news.xml");
  assert.is(XMLValidator.validate(atom), true);
  const feed = cheerio.load(atom, { xml: true });
  const entry = feed("entry").filter((_, element) => feed(element).find("id").text().endsWith("/news/2023/injection/"));
  assert.equal([entry.find("title").attr("type"), entry.find("summary").attr("type")], ["html", "html"]);
  // A feed reader decodes type="html" text as HTML: it must come out as the payload, with no elements.
  for (const [field, expected] of [
    ["title", payload("title")],
    ["summary", payload("summary")],
  ] as const) {
    const shown = cheerio.load(entry.find(field).text());
    assert.equal([shown("body *").length, shown("body").text()], [0, expected], field);
  }
  assert.equal(unsafeMarkup(entry.find("content").text()), []);
  const abstractsAtom = cheerio.load(injection.read("/feeds/abstracts.xml"), { xml: true });
  assert.equal(
    abstractsAtom("entry author name")
      .map((_, name) => abstractsAtom(name).text())
      .get(),
    [payload("speaker"), payload("speaker")],
  );

  const json = JSON.parse(injection.read("/feeds/news.json")) as {
    items: { url: string; title: string; summary: string; content_html: string }[];
  };
  const item = json.items.find((entry) => entry.url.endsWith("/news/2023/injection/"));
  assert.equal([item?.title, item?.summary], [payload("title"), payload("summary")]);
  assert.equal(unsafeMarkup(item?.content_html ?? ""), []);
});

test("the sitemap is valid XML of plain URLs", () => {
  const sitemap = injection.read("/sitemap.xml");
  assert.is(XMLValidator.validate(sitemap), true);
  const parsed = new XMLParser().parse(sitemap) as { urlset: { url: { loc: string }[] } };
  const locs = parsed.urlset.url.map((entry) => entry.loc);
  // Every page but the 404 page and the one redirect (noindex).
  assert.is(locs.length, htmlFiles(injection.outDir).length - 2);
  assert.equal(
    locs.filter((loc) => !/^https:\/\/archive\.iap-association\.org\/[a-z0-9/-]*$/.test(loc)),
    [],
  );
});

test.run();

/** Runs the build command in a child process; resolves with its exit code and output. */
function runBuild(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", ...args], { cwd: repoRoot, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
