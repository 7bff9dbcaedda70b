/**
 * Spelling suggestions on a real built archive: a generated corpus with the sample's
 * abstract, built for real; the dictionary files the build wrote are read as the search page reads
 * them (only the files of the query's letters), and 20 misspellings each suggest the intended
 * word while 20 correct queries suggest nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus } from "../../scripts/bench/corpus.ts";
import { suggestionWordsFolder } from "../../scripts/lib/search/suggestion-words.ts";
import { foldText } from "../../src/assets/shared/fold.ts";
import { bucketsForQuery, parseBucket, suggestQuery, type DictionaryWord } from "../../src/assets/shared/suggest.ts";
import { buildSite, repoRoot, writeContent } from "../support/site.ts";

const corpus = Object.fromEntries(
  generateCorpus({ news: 300, abstracts: 100, seed: 7 }).map((file) => [file.path, file.text]),
);
const seed = "abstracts/annual-27/mahiques-heads-of-prosecution-services.md";
const site = await buildSite(
  writeContent({ ...corpus, [seed]: readFileSync(path.join(repoRoot, "src", seed), "utf8") }),
  { validateHtml: "sample" },
);
const folder = path.join(site.outDir, suggestionWordsFolder);

/** What the search page does: fetch the files of the query's letters, suggest from their words. */
function suggest(query: string): string | undefined {
  const words = new Map<string, DictionaryWord>();
  for (const bucket of bucketsForQuery(query)) {
    let text: string;
    try {
      text = readFileSync(path.join(folder, `${bucket}.txt`), "utf8");
    } catch {
      continue;
    }
    for (const word of parseBucket(text)) words.set(word.folded, word);
  }
  return suggestQuery(query, words);
}

const misspellings: [string, string][] = [
  ["cooperaton", "cooperation"],
  ["coperation", "cooperation"],
  ["extradtion", "extradition"],
  ["prosecuter", "prosecutor"],
  ["corruptoin", "corruption"],
  ["Mahiqes", "mahiques"],
  ["Mahiqez", "mahiques"],
  ["Bogta", "bogotá"],
  ["Tiblisi", "tbilisi"],
  ["Tbilsi", "tbilisi"],
  ["Fiscalai", "fiscalía"],
  ["Fsicalia", "fiscalía"],
  ["Zurrich", "zürich"],
  ["Johannesberg", "johannesburg"],
  ["terorism", "terrorism"],
  ["trafficing", "trafficking"],
  ["evidance", "evidence"],
  ["cybercirme", "cybercrime"],
  ["Brazilia", "brasília"],
  ["internatonal cooperaton", "international cooperation"],
];

const correct = [
  "cooperation",
  "extradition",
  "prosecutor",
  "corruption",
  "Mahiques",
  "Bogota",
  "Bogotá",
  "Tbilisi",
  "Fiscalia",
  "FISCALÍA",
  "Krakow",
  "Zurich",
  "Nunez",
  "terrorism",
  "trafficking",
  "evidence",
  "international cooperation",
  "Buenos Aires",
  "sao paulo",
  "the Hague",
];

test("20 misspellings (one and two edits, swapped letters, names and words) each suggest the intended words", () => {
  const suggested = misspellings.map(([typed]) => suggest(typed));
  assert.equal(
    suggested,
    misspellings.map(([, intended]) => intended),
  );
});

test("20 correct queries, accents typed or not, suggest nothing", () => {
  assert.equal(
    correct.map((query) => [query, suggest(query)]),
    correct.map((query) => [query, undefined]),
  );
});

test("the dictionary holds names accent-folded with their usual spelling, and each file is small", () => {
  const b = parseBucket(readFileSync(path.join(folder, "b.txt"), "utf8"));
  const bogota = b.find((word) => word.folded === "bogota");
  assert.is(bogota?.display, "bogotá");
  assert.ok((bogota?.pages ?? 0) > 0);
  assert.is(foldText("Bogotá"), "bogota");
  const files = readdirSync(folder);
  assert.ok(
    files.every((file) => /^([a-z]|other)\.txt$/.test(file)),
    files.join(" "),
  );
  const largest = Math.max(...files.map((file) => gzipSync(readFileSync(path.join(folder, file))).length));
  assert.ok(largest < 20_000, `largest file ${largest} bytes gzipped`);
});

test.run();
