/**
 * The build's search phase reads each article's search source, not its page
 * (scripts/lib/search/pagefind.ts, `searchSource`). Pagefind must write the same index from the
 * sources as from the pages themselves, byte for byte.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus, writeCorpus } from "../../scripts/bench/corpus.ts";
import { planSearch, searchSource, writeSearchIndex } from "../../scripts/lib/search/pagefind.ts";
import { outputMarker } from "../../scripts/lib/model/outputs.ts";
import { buildSite, hashTree, repoRoot, tempDir } from "../support/site.ts";

const content = tempDir("content-");
writeCorpus(content, generateCorpus({ news: 60, abstracts: 30, seed: 11 }));
// The two seeds too: a real news item and abstract.
cpSync(path.join(repoRoot, "src/news"), path.join(content, "news"), { recursive: true });
cpSync(path.join(repoRoot, "src/abstracts"), path.join(content, "abstracts"), { recursive: true });
/** How many search sources the staging site's hidden folder holds once the render phase has reported. */
function sourcesAtRender(outDir: string): { found: { count?: number }; log: (line: string) => void } {
  const found: { count?: number } = {};
  const log = (line: string) => {
    const inSite = path.join(`${outDir}.tmp-${process.pid}`, ".search-source");
    if (line.startsWith("render ") && existsSync(inSite)) {
      found.count = readdirSync(inSite, { recursive: true }).filter((name) =>
        String(name).endsWith("index.html"),
      ).length;
    }
  };
  return { found, log };
}

const siteOut = path.join(tempDir("site-"), "_site");
const atRender = sourcesAtRender(siteOut);
const site = await buildSite(content, { outDir: siteOut, log: atRender.log });
const articles = readdirSync(site.outDir, { recursive: true })
  .map(String)
  .filter(
    (file) =>
      /^(news|abstracts)\/[^/]+\/[^/]+\/index\.html$/.test(file) &&
      readFileSync(path.join(site.outDir, file), "utf8").includes("data-pagefind-body"),
  )
  .map((file) => `/${file.replace(/index\.html$/, "")}`)
  .sort();

/** A folder with `html(url)` at each article's path, in URL order (Pagefind numbers pages in the order found). */
function tree(html: (url: string) => string): string {
  const dir = tempDir("search-input-");
  for (const url of articles) {
    mkdirSync(path.join(dir, url), { recursive: true });
    writeFileSync(path.join(dir, url, "index.html"), html(url));
  }
  return dir;
}

let pagesBundle: string | undefined;

test("Pagefind writes the same index from the articles' search sources as from their pages", async () => {
  // 93 articles (the seeds and their Spanish companion among them), 1 of them dated after the build's "now", withheld.
  assert.equal([articles.length, site.report.withheld.scheduled + site.report.withheld.drafts], [92, 1]);
  const bundles: string[] = [];
  for (const html of [(url: string) => site.read(url), (url: string) => searchSource(site.read(url))]) {
    const siteDir = tempDir("indexed-");
    const source = tree(html);
    const result = await writeSearchIndex(siteDir, planSearch(articles, { sourceDir: source }));
    assert.equal(result.errors, []);
    assert.is(result.pages, 92);
    bundles.push(hashTree(path.join(siteDir, "pagefind")));
  }
  assert.is(bundles[0], bundles[1]);
  pagesBundle = bundles[0];
  // Each source is the article alone: none fell back to its whole page, and they are under half the pages' bytes.
  for (const url of articles)
    assert.match(
      searchSource(site.read(url)),
      new RegExp(
        '^<!doctype html><html lang="en"><head><meta charset="utf-8"></head>' +
          '<body><article class="article" data-pagefind-body',
      ),
    );
  const bytes = (html: (url: string) => string) => articles.reduce((sum, url) => sum + Buffer.byteLength(html(url)), 0);
  const [pages, sources] = [bytes((url) => site.read(url)), bytes((url) => searchSource(site.read(url)))];
  assert.ok(sources < pages * 0.55, `sources ${sources} bytes, pages ${pages}`);
});

test("the build indexes every article from its sources, in a hidden unpublished folder of the staging site", () => {
  assert.equal(atRender.found, { count: 92 });
  assert.is(site.report.search.pages, 92);
  assert.not.ok(existsSync(path.join(site.outDir, ".search-source")));
  // The one hidden file published is the marker that a build wrote the folder.
  assert.equal(
    readdirSync(site.outDir).filter((name) => name.startsWith(".")),
    [outputMarker],
  );
  // The sources are listed in the order of the pages indexed in the first test: the same index.
  assert.ok(pagesBundle);
  assert.is(hashTree(path.join(site.outDir, "pagefind")), pagesBundle);
  // The published pages are whole: an article still has its navigation to its neighbours.
  assert.match(site.read(articles[0] as string), /<nav class="neighbours"/);
});

test.run();
