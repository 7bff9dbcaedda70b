/**
 * Twenty searches on a 500-article corpus (scripts/bench/corpus.ts, seed 7) in real Chromium:
 * the results, their order, the count, every facet's counts and the spelling suggestion must be
 * the recorded answers in test/fixtures/search-results.json, so that a change to how the page loads
 * cannot change what it finds. Record them anew only when the corpus or what is searched changes on
 * purpose: `RECORD=1 node --import tsx test/browser/search-results.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus, writeCorpus } from "../../scripts/bench/corpus.ts";
import { collectErrors, launchBrowser, serveStatic } from "../support/browser.ts";
import { buildSite, repoRoot, tempDir } from "../support/site.ts";

const files = generateCorpus({ news: 400, abstracts: 100, seed: 7 });
const contentDir = tempDir("corpus-");
writeCorpus(contentDir, files);
const title = /^title: "(.*)"$/m;
// A reader's searches: words, a 9-word title, a speaker, filters, years, sorts, misspellings, nothing found.
const nineWords =
  files.map((file) => title.exec(file.text)?.[1] ?? "").find((text) => text.split(" ").length === 9) ?? "";
const surname =
  /name: "[^"]* ([^" ]+)"/.exec(files.find((file) => file.path.startsWith("abstracts/"))?.text ?? "")?.[1] ?? "";
const searches = [
  "?q=extradition",
  "?q=ransomware",
  "?q=femicide&sort=newest",
  "?q=bogota",
  "?q=perjury&sort=oldest",
  "?q=prosecutors+meet",
  `?q=${encodeURIComponent(nineWords)}`,
  `?q=${encodeURIComponent(surname)}`,
  "?q=extradition&topic=cybercrime",
  "?q=training&type=abstract",
  "?q=cooperaton",
  "?q=Fiscalai",
  "?q=tiblisi",
  "?topic=cybercrime",
  "?from=2010&to=2015",
  "?q=court&from=2000&to=2005",
  "?conference=annual-27",
  "?q=the",
  "?q=zzzqqxv",
  "?q=S%C3%A3o+Paulo&sort=newest",
];

interface Answer {
  status: string;
  results: string[];
  facets: Record<string, string[]>;
  suggestion: string;
}

const expectedFile = path.join(repoRoot, "test/fixtures/search-results.json");
const site = await buildSite(contentDir);
const server = await serveStatic(site.outDir);
const browser = await launchBrowser();

test.after(async () => {
  await browser.close();
  await server.close();
});

async function answer(page: Page, search: string): Promise<Answer> {
  await page.goto(`${server.url}/search/${search}`);
  await page.waitForFunction(() => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false");
  // The facets' counts and a suggestion arrive after the first results.
  await page.waitForLoadState("networkidle");
  const suggestion = page.locator("#search-suggestion");
  const facets: Record<string, string[]> = {};
  for (const facet of ["type", "topic", "conference", "speaker"]) {
    facets[facet] = await page
      .locator(`fieldset[data-facet="${facet}"] li:not([hidden]) label`)
      .evaluateAll((labels) => labels.map((label) => label.textContent?.replace(/\s+/g, " ").trim() ?? ""));
  }
  facets.years = await page.locator("#search-from option").allTextContents();
  return {
    status: (await page.locator("#search-status").textContent()) ?? "",
    results: await page
      .locator("#search-results h3 a")
      .evaluateAll((links) => links.map((link) => `${link.getAttribute("href")} ${link.textContent}`)),
    facets,
    suggestion: (await suggestion.isVisible()) ? ((await suggestion.textContent()) ?? "") : "",
  };
}

test("twenty searches give the results, counts, facets and suggestions they gave before", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const answers: Record<string, Answer> = {};
  for (const search of searches) answers[search] = await answer(page, search);
  await page.close();
  assert.equal(errors, []);
  if (process.env.RECORD === "1") writeFileSync(expectedFile, `${JSON.stringify(answers, null, 2)}\n`);
  const expected = JSON.parse(readFileSync(expectedFile, "utf8")) as Record<string, Answer>;
  assert.equal(Object.keys(answers), Object.keys(expected));
  for (const search of searches) assert.equal(answers[search], expected[search], search);
  // The corpus's searches find what they are for.
  assert.ok((expected[searches[6] ?? ""]?.results.length ?? 0) > 0, nineWords);
  // Pagefind finds "cooperation" for "cooperaton" already: nothing to suggest; "Fiscalai" finds fewer.
  assert.is(expected["?q=cooperaton"]?.suggestion, "");
  assert.is(expected["?q=Fiscalai"]?.suggestion, "Did you mean fiscalía (141 results)?");
  assert.is(expected["?q=tiblisi"]?.suggestion, "Did you mean tbilisi (38 results)?");
});

test.run();
