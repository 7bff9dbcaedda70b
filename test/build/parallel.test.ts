/**
 * What a large archive's build does differently gives the same result: validating on two threads
 * (scripts/lib/parallel.ts) and rendering in several Eleventy runs (scripts/lib/render.ts) write
 * the same files byte for byte, with the same report and the same content errors in the same order
 * as one thread and one run; an index in several Pagefind parts covers every article.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus, writeCorpus } from "../../scripts/generate-corpus.ts";
import { buildFailure, buildSite, hashTree, newsFile, tempDir, writeContent } from "../support/site.ts";

const corpus = tempDir("parallel-corpus-");
writeCorpus(corpus, generateCorpus({ news: 240, abstracts: 60, seed: 7 }));

test("two threads and several runs write the same site as one thread and one run, byte for byte", async () => {
  const one = await buildSite(corpus, { parallel: false, validateHtml: "sample" });
  const two = await buildSite(corpus, { parallel: true, pagesPerRun: 100, validateHtml: "sample" });
  assert.is(hashTree(two.outDir), hashTree(one.outDir));
  const counts = (report: typeof one.report) => ({ ...report, phases: [], search: { ...report.search, timings: { add: 0, write: 0 } } });
  assert.equal(counts(two.report), counts(one.report));
  assert.is(two.report.news + two.report.abstracts + two.report.withheld.drafts + two.report.withheld.scheduled, 300);
});

test("two threads report the same content errors, in the same order, as one", async () => {
  const files: Record<string, string> = {};
  for (let n = 0; n < 120; n++) {
    const day = String((n % 28) + 1).padStart(2, "0");
    files[`news/2023/item-${String(n).padStart(3, "0")}.md`] =
      n % 17 === 3
        ? newsFile({ title: `Item ${n}`, date: `2023-02-3${n % 2}` })
        : n % 23 === 5
          ? newsFile({ title: `Item ${n}`, date: `2023-01-${day}`, tags: "[trainin]" })
          : newsFile({ title: `Item ${n}`, date: `2023-01-${day}` });
  }
  const content = writeContent(files);
  const one = await buildFailure(content, { parallel: false });
  const two = await buildFailure(content, { parallel: true });
  assert.is(two.phase, "validate");
  assert.is(two.message, one.message);
  assert.ok(one.message.split("\n").length > 10, one.message);
});

test("a preview on two threads marks drafts as one does", async () => {
  const content = writeContent({
    "news/2023/draft.md": newsFile({ title: "A draft", date: "2023-03-01", draft: "true" }),
    "news/2023/later.md": newsFile({ title: "Later", date: "2026-01-01" }),
    "news/2023/now.md": newsFile({ title: "Now", date: "2023-03-02" }),
  });
  const one = await buildSite(content, { parallel: false, preview: true, outDir: path.join(tempDir("site-"), "_preview") });
  const two = await buildSite(content, { parallel: true, pagesPerRun: 2, preview: true, outDir: path.join(tempDir("site-"), "_preview") });
  assert.is(hashTree(two.outDir), hashTree(one.outDir));
});

test("an archive indexed in several parts builds, and the service worker knows every part", async () => {
  const site = await buildSite(corpus, { maxIndexPages: 100, validateHtml: "sample" });
  const { parts } = site.report.search;
  assert.ok(parts > 1, `${parts} parts`);
  assert.is(site.report.search.pages, site.report.news + site.report.abstracts);
  const list = JSON.parse(site.read("/pagefind/parts.json")) as { parts: { bundle: string }[] };
  assert.is(list.parts.length, parts - 1);
  const worker = site.read("/sw.js");
  for (const { bundle } of list.parts) {
    assert.ok(site.exists(`/${bundle}pagefind-entry.json`), bundle);
    // What the search page starts each part from (src/assets/search/pagefind.ts), offline too.
    const meta = readdirSync(path.join(site.outDir, bundle)).find((name) => name.endsWith(".pf_meta"));
    for (const file of ["pagefind-entry.json", meta]) assert.ok(worker.includes(`"url":"${bundle}${file}"`), `sw.js precaches ${bundle}${file}`);
    // Every part runs on the first bundle's engine: the parts keep no copy of it.
    for (const file of ["pagefind.js", "wasm.en.pagefind", "pagefind-worker.js", "pagefind-ui.js"]) {
      assert.not.ok(site.exists(`/${bundle}${file}`), `${bundle}${file}`);
      assert.not.ok(worker.includes(`"url":"${bundle}${file}"`), `sw.js does not precache ${bundle}${file}`);
    }
  }
  for (const file of ["pagefind.js", "wasm.en.pagefind"]) assert.ok(worker.includes(`"url":"pagefind/${file}"`), `sw.js precaches pagefind/${file}`);
  const saved = JSON.parse(site.read("/offline/files.json")) as { files: { url: string }[] };
  assert.ok(saved.files.some((file) => file.url.startsWith(`/${list.parts[0]?.bundle}fragment/`)), "Save the archive downloads the parts' fragments");
});

test.run();
