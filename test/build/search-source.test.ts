/**
 * The build's search phase reads each article's search source, not its page
 * (scripts/lib/search-index.ts, `searchSource`). Pagefind must write the same index from the
 * sources as from the pages themselves, byte for byte.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus, writeCorpus } from "../../scripts/generate-corpus.ts";
import { searchSource, writeSearchIndex } from "../../scripts/lib/search-index.ts";
import { buildSite, hashTree, repoRoot, tempDir } from "../support/site.ts";

const content = tempDir("content-");
writeCorpus(content, generateCorpus({ news: 60, abstracts: 30, seed: 11 }));
// The two seeds too: a real news item and abstract.
cpSync(path.join(repoRoot, "src/news"), path.join(content, "news"), { recursive: true });
cpSync(path.join(repoRoot, "src/abstracts"), path.join(content, "abstracts"), { recursive: true });
/**
 * Where the search sources are once the render phase has reported, by place ("memory": /dev/shm,
 * "site": the staging site's hidden folder), with the number of sources in each.
 */
function sourcesAtRender(outDir: string): { found: Record<string, number>; log: (line: string) => void } {
  const found: Record<string, number> = {};
  const count = (dir: string) => readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith("index.html")).length;
  const log = (line: string) => {
    if (!line.startsWith("render ")) return;
    for (const name of existsSync("/dev/shm") ? readdirSync("/dev/shm") : []) {
      if (new RegExp(`^\\.archive-build-${process.pid}-\\d+-search$`).test(name)) found.memory = (found.memory ?? 0) + count(path.join("/dev/shm", name));
    }
    const inSite = path.join(`${outDir}.tmp-${process.pid}`, ".search-source");
    if (existsSync(inSite)) found.site = count(inSite);
  };
  return { found, log };
}

const siteOut = path.join(tempDir("site-"), "_site");
const inMemory = sourcesAtRender(siteOut);
const site = await buildSite(content, { outDir: siteOut, log: inMemory.log });
const articles = readdirSync(site.outDir, { recursive: true })
  .map(String)
  .filter((file) => /^(news|abstracts)\/[^/]+\/[^/]+\/index\.html$/.test(file) && readFileSync(path.join(site.outDir, file), "utf8").includes("data-pagefind-body"))
  .map((file) => `/${file.replace(/index\.html$/, "")}`)
  .sort();

/** A folder with `html(url)` at each article's path, made in URL order (Pagefind numbers pages in the order it finds them). */
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
  // 92 articles, of which 3 are dated after the build's "now" and withheld.
  assert.equal([articles.length, site.report.withheld.scheduled + site.report.withheld.drafts], [89, 3]);
  const bundles: string[] = [];
  for (const html of [(url: string) => site.read(url), (url: string) => searchSource(site.read(url))]) {
    const siteDir = tempDir("indexed-");
    const source = tree(html);
    const result = await writeSearchIndex({ siteDir, sourceDir: source, articleUrls: articles });
    assert.equal(result.errors, []);
    assert.is(result.pages, 89);
    bundles.push(hashTree(path.join(siteDir, "pagefind")));
  }
  assert.is(bundles[0], bundles[1]);
  pagesBundle = bundles[0];
  // Each source is the article alone: none fell back to its whole page, and they are under half the pages' bytes.
  for (const url of articles) assert.match(searchSource(site.read(url)), /^<!doctype html><html lang="en"><head><meta charset="utf-8"><\/head><body><article class="article" data-pagefind-body/);
  const bytes = (html: (url: string) => string) => articles.reduce((sum, url) => sum + Buffer.byteLength(html(url)), 0);
  const [pages, sources] = [bytes((url) => site.read(url)), bytes((url) => searchSource(site.read(url)))];
  assert.ok(sources < pages * 0.55, `sources ${sources} bytes, pages ${pages}`);
});

test("the build indexes every article and leaves no search sources behind, in the site or in memory", async () => {
  assert.is(site.report.search.pages, 89);
  // They were in /dev/shm, one per article.
  assert.equal(inMemory.found, { memory: 89 });
  assert.not.ok(existsSync(path.join(site.outDir, ".search-source")));
  // In /dev/shm they are deleted by a detached `rm`: give it a few seconds.
  const left = () => (existsSync("/dev/shm") ? readdirSync("/dev/shm") : []).filter((name) => name.includes(`.archive-build-${process.pid}-`));
  for (let tries = 0; tries < 50 && left().length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(left(), []);
  // The published pages are whole: an article still has its navigation to its neighbours.
  assert.match(site.read(articles[0] as string), /<nav class="neighbours"/);
});

test("without /dev/shm the sources go to a hidden folder of the staging site, which is not published", async () => {
  const outDir = path.join(tempDir("site-"), "_site");
  const inSite = sourcesAtRender(outDir);
  const built = await buildSite(content, { outDir, log: inSite.log, searchSourcesInMemory: false });
  assert.equal(inSite.found, { site: 89 });
  assert.is(built.report.search.pages, 89);
  assert.not.ok(existsSync(path.join(outDir, ".search-source")));
  assert.equal(readdirSync(outDir).filter((name) => name.startsWith(".")), []);
  // On the disk, the sources are listed in the order of the pages indexed in the first test: the same index.
  assert.ok(pagesBundle);
  assert.is(hashTree(path.join(outDir, "pagefind")), pagesBundle);
});

test.run();
