/**
 * What a large archive's build does differently gives the same result: rendering in several
 * Eleventy runs (scripts/lib/phases/render.ts) writes the same files byte for byte, with the same report,
 * as one run; an index in several Pagefind parts covers every article.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus, writeCorpus } from "../../scripts/bench/corpus.ts";
import { buildSite, hashTree, newsFile, tempDir, writeContent } from "../support/site.ts";

const corpus = tempDir("large-corpus-");
writeCorpus(corpus, generateCorpus({ news: 240, abstracts: 60, seed: 7 }));

test("several runs write the same site as one run, byte for byte", async () => {
  const one = await buildSite(corpus, { validateHtml: "sample" });
  const several = await buildSite(corpus, { pagesPerRun: 100, validateHtml: "sample" });
  assert.is(hashTree(several.outDir), hashTree(one.outDir));
  const counts = (report: typeof one.report) => ({
    ...report,
    phases: [],
    search: { ...report.search, timings: { add: 0, write: 0 } },
    media: { ...report.media, imageMs: 0 },
  });
  assert.equal(counts(several.report), counts(one.report));
  assert.is(
    several.report.news + several.report.abstracts + several.report.withheld.drafts + several.report.withheld.scheduled,
    300,
  );
});

test("a preview in several runs marks drafts as one run does", async () => {
  const content = writeContent({
    "news/2023/draft.md": newsFile({ title: "A draft", date: "2023-03-01", draft: "true" }),
    "news/2023/later.md": newsFile({ title: "Later", date: "2026-01-01" }),
    "news/2023/now.md": newsFile({ title: "Now", date: "2023-03-02" }),
  });
  const one = await buildSite(content, { preview: true, outDir: path.join(tempDir("site-"), "_preview") });
  const several = await buildSite(content, {
    pagesPerRun: 2,
    preview: true,
    outDir: path.join(tempDir("site-"), "_preview"),
  });
  assert.is(hashTree(several.outDir), hashTree(one.outDir));
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
    for (const file of ["pagefind-entry.json", meta])
      assert.ok(worker.includes(`"url":"${bundle}${file}"`), `sw.js precaches ${bundle}${file}`);
    // Every part runs on the first bundle's engine: the parts keep no copy of it.
    for (const file of ["pagefind.js", "wasm.en.pagefind", "pagefind-worker.js", "pagefind-ui.js"]) {
      assert.not.ok(site.exists(`/${bundle}${file}`), `${bundle}${file}`);
      assert.not.ok(worker.includes(`"url":"${bundle}${file}"`), `sw.js does not precache ${bundle}${file}`);
    }
  }
  for (const file of ["pagefind.js", "wasm.en.pagefind"])
    assert.ok(worker.includes(`"url":"pagefind/${file}"`), `sw.js precaches pagefind/${file}`);
  const saved = JSON.parse(site.read("/offline/files.json")) as { files: { url: string }[] };
  assert.ok(
    saved.files.some((file) => file.url.startsWith(`/${list.parts[0]?.bundle}fragment/`)),
    "Save the archive downloads the parts' fragments",
  );
});

test.run();
