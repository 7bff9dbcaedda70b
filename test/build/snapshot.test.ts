/**
 * A snapshot of a fixture year (scripts/lib/build/make-snapshot.ts): only that year's content,
 * counts that match, links out of the year sent to the live site, every URL readable from disk, its
 * own search index, a BagIt bag that verifies until a byte changes, and the same bytes every time.
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { BuildError } from "../../scripts/lib/phases/build.ts";
import { repoRoot } from "../../scripts/lib/util/repo-root.ts";
import { formatBytes } from "../../scripts/lib/util/format.ts";
import { folderSource, verifyBag } from "../../scripts/lib/snapshot/bagit.ts";
import { listFiles } from "../../scripts/lib/util/list-files.ts";
import { makeSnapshot } from "../../scripts/lib/build/make-snapshot.ts";
import { zipSource } from "../../scripts/lib/snapshot/sources.ts";
import { createDiskSearch, isDiskIndex } from "../../src/assets/search/disk-search.ts";
import { hashTree, newsFile, page, tempDir, text, writeContent } from "../support/site.ts";

const abstractFile = (conference: string, session: string, body: string) =>
  `---\nconference: ${conference}\nsession: ${session}\nspeakers:\n  - name: Juan Bautista Mahiques\n` +
  `    role: Attorney General\n---\n${body}\n`;

const content = writeContent({
  "news/2021/middle.md": newsFile(
    { title: "Middle item", date: "2021-07-15", tags: "[training]" },
    "The quokka workshop of 2021.\n",
  ),
  "news/2024/later.md": newsFile({ title: "Later item", date: "2024-02-01" }, "A numbat visit in 2024.\n"),
  "news/2023/launch.md": newsFile(
    {
      title: "Launch of the wombat programme",
      date: "2023-03-10",
      tags: "[training]",
      aliases: "[/News/Wombat-Launch]",
    },
    "The Fiscalía joined the wombat programme.\n\n" +
      "It follows [the 2021 workshop](/news/2021/middle/), the [23rd conference](/conferences/annual-23/) and [the " +
      "agreement](/news/2023/cooperation/#cite-this).\n",
  ),
  "news/2023/cooperation.md": newsFile(
    { title: "Cooperation agreement", date: "2023-06-01", tags: "[training, cybercrime]" },
    "An agreement was signed.\n",
  ),
  "news/2023/december.md": newsFile({ title: "December meeting", date: "2023-12-05" }, "A meeting in December.\n"),
  "abstracts/annual-28/evidence.md": abstractFile("annual-28", "Workshop", "Evidence across borders."),
  "abstracts/annual-27/earlier.md": abstractFile("annual-27", "Plenary", "Platypus evidence of 2022."),
});
const generator = (() => {
  const { name, version } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  return `${name} ${version}`;
})();

const first = path.join(tempDir("snapshot-one-"), "iap-2023");
const second = path.join(tempDir("snapshot-two-"), "iap-2023");
const options = { contentDir: content, period: { from: 2023, to: 2023 }, takenOn: "2025-06-01" };
const report = await makeSnapshot({ ...options, outDir: first, validateHtml: "all" });
const data = path.join(first, "data");
const read = (url: string) => readFileSync(path.join(data, url.endsWith("/") ? `${url}index.html` : url), "utf8");
const htmlFiles = listFiles(data).filter((file) => file.endsWith(".html"));

test("only the year's news and abstracts have pages; other years and their conferences have none", () => {
  assert.equal(
    listFiles(data).filter((file) => /^(news|abstracts)\/[^/]+\/[^/]+\/index\.html$/.test(file)),
    [
      "abstracts/annual-28/evidence/index.html",
      "news/2023/cooperation/index.html",
      "news/2023/december/index.html",
      "news/2023/launch/index.html",
    ],
  );
  for (const gone of [
    "news/2021",
    "news/2024",
    "abstracts/annual-27",
    "conferences/annual-27",
    "conferences/annual-23",
    "offline",
    "sw.js",
  ]) {
    assert.not.ok(existsSync(path.join(data, gone)), gone);
  }
  assert.equal(report.build.news, 3);
  assert.equal(report.build.abstracts, 1);
});

test("every listing counts the year only", () => {
  const $ = page(read("/years/"));
  assert.equal(
    $(".year-table tbody tr")
      .map((_, row) => text($(row)))
      .get(),
    ["2023 3 1"],
  );
  assert.is(text(page(read("/news/"))("main .meta").first()), "3 news items, newest first. Browse by year or topic.");
  assert.is(text(page(read("/news/2023/"))("main > .meta")), "3 news items and 1 abstract in 2023.");
  const topics = page(read("/topics/"));
  assert.equal(
    topics(".item-list h2")
      .map((_, h) => text(topics(h)))
      .get()
      .filter((line) => !line.includes("(0 news items)")),
    ["Training (2 news items)", "Cybercrime (1 news item)"],
  );
  const conferences = page(read("/conferences/"));
  assert.equal(
    conferences(".item-list h2")
      .map((_, h) => text(conferences(h)))
      .get(),
    ["IAP 28th Annual Conference"],
  );
  assert.match(text(conferences(".item-list .meta")), /· 1 abstract$/);
  const speakers = page(read("/speakers/"));
  assert.equal(
    speakers(".az-list li")
      .map((_, li) => text(speakers(li)))
      .get(),
    ["Mahiques, Juan Bautista (1 abstract)"],
  );
  assert.is(text(page(read("/speakers/juan-bautista-mahiques/"))("main .meta").first()), "1 abstract, newest first.");
  const feed = JSON.parse(read("/feeds/news.json")) as { items: { title: string }[] };
  assert.equal(
    feed.items.map((item) => item.title),
    ["December meeting", "Cooperation agreement", "Launch of the wombat programme"],
  );
  assert.is(
    (JSON.parse(read("/pagefind/pagefind-entry.json")) as { languages: { en: { page_count: number } } }).languages.en
      .page_count,
    4,
  );
  assert.not.ok(read("/sitemap.xml").includes("/news/2021/"));
  const about = page(read("/snapshot/"));
  assert.equal(
    about(".snapshot-facts dt")
      .map((_, dt) => `${text(about(dt))}: ${text(about(dt).next())}`)
      .get(),
    [
      "Period: 2023",
      "News items: 3",
      "Conference abstracts: 1",
      "Conferences: 1",
      "Speakers: 1",
      "Taken on: 1 June 2025",
      `Made with: ${generator}`,
      "Content: not from a git repository",
    ],
  );
});

test("links to pages outside the year go to the live site, marked as leaving the snapshot", () => {
  const $ = page(read("/news/2023/launch/"));
  const leaving = $(".prose a.leaves-snapshot");
  assert.equal(leaving.map((_, a) => `${$(a).attr("href")} rel=${$(a).attr("rel")} "${$(a).text()}"`).get(), [
    'https://archive.iap-association.org/news/2021/middle/ rel=external "the 2021 workshop↗ (live site)"',
    'https://archive.iap-association.org/conferences/annual-23/ rel=external "23rd conference↗ (live site)"',
  ]);
  assert.is($('.prose a:contains("the agreement")').attr("href"), "../cooperation/index.html#cite-this");
  // Every link to the live site, on every page, is marked.
  for (const file of htmlFiles) {
    const $page = page(read(`/${file}`));
    $page('a[href^="https://archive.iap-association.org"]').each((_, a) => {
      assert.ok($page(a).hasClass("leaves-snapshot"), `${file}: ${$page(a).attr("href")}`);
      assert.is($page(a).attr("rel"), "external");
    });
  }
});

test("every page has the banner, and every URL names a file, relatively, so that it reads from disk", () => {
  for (const file of htmlFiles) {
    const $ = page(read(`/${file}`));
    assert.is(
      text($(".snapshot-banner p")),
      "Archived snapshot of IAP News Archive, 2023, taken on 1 June 2025. About this snapshot · Live archive↗ (live " +
        "site)",
      file,
    );
    $("[href], [src], [action]").each((_, element) => {
      const url = $(element).attr("href") ?? $(element).attr("src") ?? $(element).attr("action") ?? "";
      if (/^(https?:|#)/.test(url)) return;
      const target = path.posix.join(path.posix.dirname(file), url.replace(/[?#].*$/, ""));
      assert.ok(/\.(html|css|js|svg|xml|json)$/.test(target) && existsSync(path.join(data, target)), `${file}: ${url}`);
    });
  }
  assert.match(
    read("/News/Wombat-Launch/"),
    '<meta http-equiv="refresh" content="0; url=../../news/2023/launch/index.html">',
  );
  assert.is(
    page(read("/news/2023/launch/"))('link[rel="canonical"]').attr("href"),
    "https://archive.iap-association.org/news/2023/launch/",
  );
});

test("no service worker and no module script: the search page loads one classic script", () => {
  assert.equal(
    readdirSync(path.join(data, "assets"))
      .map((name) => name.replace(/\.[0-9a-f]{10}\./, "."))
      .sort(),
    ["favicon.svg", "search.js", "site.css"],
  );
  for (const file of htmlFiles) assert.not.ok(read(`/${file}`).includes('type="module"'), file);
  const search = page(read("/search/"));
  assert.equal(
    search("head script")
      .map((_, script) => `${search(script).attr("src")} defer=${search(script).attr("defer") !== undefined}`)
      .get(),
    [`../assets/${readdirSync(path.join(data, "assets")).find((name) => name.startsWith("search."))} defer=true`],
  );
});

test("the index for searching from disk finds the year's words, not other years'", async () => {
  const sandbox: { window: Record<string, unknown> } = { window: {} };
  vm.runInNewContext(read("/search-index.js"), sandbox);
  const index = sandbox.window.archiveSearchIndex;
  assert.ok(isDiskIndex(index));
  const engine = createDiskSearch(index, `file://${data}/`);
  const titles = async (term: string) =>
    Promise.all((await engine.search(term)).results.map(async (hit) => (await hit.data()).meta.title));
  assert.equal(await titles("wombat"), ["Launch of the wombat programme"]);
  assert.equal(await titles("fiscalia"), ["Launch of the wombat programme"]);
  assert.equal(await titles("evidence"), ["Juan Bautista Mahiques: Workshop"]);
  assert.equal(await titles("quokka"), []);
  assert.equal(await titles("numbat"), []);
  assert.equal(await titles("platypus"), []);
  const [hit] = (await engine.search("wombat")).results;
  assert.is((await hit?.data())?.url, `file://${data}/news/2023/launch/index.html`);
  // Issue 33: the spelling dictionary comes with it (a page opened from disk cannot fetch the site's
  // files), made of the year's words only: "folded pages [spelling]" a line.
  assert.match(index.words?.w ?? "", /^wombat 1$/m);
  assert.match(index.words?.f ?? "", /^fiscalia 1 fiscalía$/m);
  assert.not.match(index.words?.q ?? "", /quokka/);
  assert.not.match(index.words?.p ?? "", /platypus/);
});

test("the bag: declaration, bag-info, a manifest of every payload file; it verifies as folder and as zip", async () => {
  assert.equal(
    listFiles(first).filter((file) => !file.startsWith("data/")),
    ["bag-info.txt", "bagit.txt", "manifest-sha512.txt", "tagmanifest-sha512.txt"],
  );
  assert.is(
    readFileSync(path.join(first, "bagit.txt"), "utf8"),
    "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
  );
  const payload = listFiles(data);
  const bytes = payload.reduce((sum, file) => sum + statSync(path.join(data, file)).size, 0);
  assert.is(
    readFileSync(path.join(first, "bag-info.txt"), "utf8"),
    [
      "Source-Organization: International Association of Prosecutors",
      "Bagging-Date: 2025-06-01",
      "External-Description: Archived snapshot of IAP News Archive, 2023: 3 news items",
      "  and 1 conference abstract as published on 1 June 2025, a static website that",
      `  reads from disk (open data/index.html). Made with ${generator}.`,
      `Bag-Software-Agent: ${generator}`,
      `Payload-Oxum: ${bytes}.${payload.length}`,
      "",
    ].join("\n"),
  );
  assert.equal(
    readFileSync(path.join(first, "manifest-sha512.txt"), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.slice(130)),
    payload.map((file) => `data/${file}`),
  );
  const valid = { problems: [], algorithms: ["sha512"], payloadFiles: payload.length, payloadBytes: bytes };
  assert.equal(verifyBag(folderSource(first)), valid);
  assert.equal(verifyBag(await zipSource(`${first}.zip`)), valid);
});

/** `npm run verify` on `target`: its exit code and what it printed. */
function verify(target: string): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/verify.ts", target], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

function copyOfBag(): string {
  const copy = path.join(tempDir("snapshot-copy-"), "iap-2023");
  cpSync(first, copy, { recursive: true });
  return copy;
}

test("verify passes, then fails after one byte changes, a file is deleted, a file is added", () => {
  const payload = listFiles(data);
  const bytes = payload.reduce((sum, file) => sum + statSync(path.join(data, file)).size, 0);
  assert.equal(verify(first), {
    code: 0,
    output:
      `${first}: complete and valid: ${payload.length} files (${formatBytes(bytes)}) in data/, every sha512 ` +
      `checksum matches`,
  });
  assert.is(verify(`${first}.zip`).code, 0);

  const changed = copyOfBag();
  const article = path.join(changed, "data/news/2023/launch/index.html");
  const html = readFileSync(article);
  html[html.indexOf("wombat")] = "W".charCodeAt(0);
  writeFileSync(article, html);
  assert.equal(verify(changed), {
    code: 1,
    output:
      `${changed}: not valid, 1 problem:\n` +
      `  altered: data/news/2023/launch/index.html (its sha512 differs from manifest-sha512.txt)`,
  });

  const deleted = copyOfBag();
  const robots = statSync(path.join(deleted, "data/robots.txt")).size;
  rmSync(path.join(deleted, "data/robots.txt"));
  assert.equal(verifyBag(folderSource(deleted)).problems, [
    "missing: data/robots.txt (listed in manifest-sha512.txt)",
    `bag-info.txt: Payload-Oxum ${bytes}.${payload.length} does not match the ` +
      `payload, ${bytes - robots}.${payload.length - 1} (bytes.files)`,
  ]);

  const added = copyOfBag();
  writeFileSync(path.join(added, "data/news/extra.html"), "<p>added</p>\n");
  assert.equal(verifyBag(folderSource(added)).problems, [
    "extra: data/news/extra.html (not listed in manifest-sha512.txt)",
    `bag-info.txt: Payload-Oxum ${bytes}.${payload.length} does not match the ` +
      `payload, ${bytes + 13}.${payload.length + 1} (bytes.files)`,
  ]);
});

test("verify refuses a manifest path that escapes the bag", () => {
  const escaping = copyOfBag();
  writeFileSync(path.join(path.dirname(escaping), "secret.txt"), "outside\n");
  appendFileSync(path.join(escaping, "manifest-sha512.txt"), `${"0".repeat(128)}  data/../../secret.txt\n`);
  const line = readFileSync(path.join(escaping, "manifest-sha512.txt"), "utf8").trim().split("\n").length;
  assert.equal(verifyBag(folderSource(escaping)).problems, [
    `manifest-sha512.txt line ${line}: "data/../../secret.txt" escapes the bag: it contains ..`,
    "altered: manifest-sha512.txt (its sha512 differs from tagmanifest-sha512.txt)",
  ]);
});

test("the same content, generator and date give the same bytes: folder and zip", async () => {
  await makeSnapshot({ ...options, outDir: second });
  assert.is(hashTree(second), hashTree(first));
  assert.ok(readFileSync(`${second}.zip`).equals(readFileSync(`${first}.zip`)), "the zips are byte-identical");
});

test("a snapshot of a period without content, or over a folder that is not a snapshot, is refused", async () => {
  const refusal = async (outDir: string, year: number) => {
    try {
      await makeSnapshot({ ...options, period: { from: year, to: year }, outDir });
    } catch (error) {
      if (error instanceof BuildError) return `${error.phase}: ${error.message}`;
      throw error;
    }
    return "made";
  };
  assert.is(
    await refusal(content, 2023),
    `options: --out ${content} is the content folder: publishing would replace every content file with the site; ` +
      `use a folder of its own, e.g. --out snapshots/${path.basename(content)}`,
  );
  assert.ok(existsSync(path.join(content, "news/2023/launch.md")));
  const empty = path.join(tempDir("snapshot-empty-"), "iap-2030");
  assert.is(await refusal(empty, 2030), "snapshot: there are no news items or abstracts in 2030: nothing to archive");
  assert.not.ok(existsSync(empty));
});

test.run();
