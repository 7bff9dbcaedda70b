import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bucketsFor,
  bucketsForQuery,
  editDistance,
  formatBucket,
  parseBucket,
  suggestQuery,
  suggestWord,
  wordsNotFound,
  wordsNotShown,
  type DictionaryWord,
} from "../../../src/assets/shared/suggest.ts";

const entry = (display: string, pages: number): DictionaryWord => ({
  folded: display.normalize("NFD").replace(/\p{Mark}/gu, ""),
  display,
  pages,
});
const dictionary = new Map(
  [
    entry("cooperation", 120),
    entry("corporation", 3),
    entry("operation", 40),
    entry("bogotá", 12),
    entry("fiscalía", 9),
    entry("law", 300),
    entry("saw", 2),
    entry("tbilisi", 5),
    entry("mahiques", 2),
    entry("raw", 1),
  ].map((word) => [word.folded, word]),
);

test("Damerau–Levenshtein: a swap of neighbours is one edit; the limit stops early", () => {
  assert.is(editDistance("cooperation", "cooperation"), 0);
  assert.is(editDistance("cooperaton", "cooperation"), 1);
  assert.is(editDistance("cooperatoin", "cooperation"), 1);
  assert.is(editDistance("mahikes", "mahiques"), 2);
  assert.is(editDistance("ab", "ba"), 1);
  assert.is(editDistance("ca", "abc"), 3);
  assert.is(editDistance("", "abc"), 3);
  assert.is(editDistance("kitten", "sitting"), 3);
  assert.is(editDistance("kitten", "sitting", 1), 2);
  assert.is(editDistance("a", "abcdef", 2), 3);
});

test("a misspelt word gets the nearest listed word, the most frequent of equally near ones", () => {
  assert.is(suggestWord("cooperaton", dictionary)?.display, "cooperation");
  assert.is(suggestWord("Bogta", dictionary)?.display, "bogotá");
  // Two edits from "operation" and "cooperation": the nearer wins, then the more frequent.
  assert.is(suggestWord("coperation", dictionary)?.display, "cooperation");
  // Under 5 letters only one edit: "lwa" → "law" (a swap), "lxyz" → nothing.
  assert.is(suggestWord("lwa", dictionary)?.display, "law");
  assert.is(suggestWord("lxyz", dictionary), undefined);
  // "daw" is one edit from law (300 pages), saw (2) and raw (1): the most frequent first.
  assert.is(suggestWord("daw", dictionary)?.display, "law");
});

test("known words, accents left out, short words and numbers are never corrected", () => {
  assert.is(suggestWord("cooperation", dictionary), undefined);
  assert.is(suggestWord("Bogota", dictionary), undefined);
  assert.is(suggestWord("FISCALIA", dictionary), undefined);
  assert.is(suggestWord("of", dictionary), undefined);
  assert.is(suggestWord("2023", dictionary), undefined);
  assert.is(suggestQuery("cooperation in Bogotá", dictionary), undefined);
});

test("each word of a query is corrected in place", () => {
  assert.is(suggestQuery("cooperaton in Bogta", dictionary), "cooperation in bogotá");
  assert.is(suggestQuery("Tbilsi: Mahiqes", dictionary), "tbilisi: mahiques");
});

test("the dictionary's files: one per first letter, a query fetches its words' first and second letters'", () => {
  assert.equal(bucketsFor("cooperation"), ["c", "o"]);
  assert.equal(bucketsFor("écho".normalize("NFD").replace(/\p{Mark}/gu, "")), ["e", "c"]);
  assert.equal(bucketsFor("9to5"), ["other", "t"]);
  assert.equal(bucketsForQuery("Ocoperation in Tbilisi"), ["o", "c", "t", "b"]);
  const words = [entry("bogotá", 12), entry("bail", 3)];
  assert.is(formatBucket(words), "bogota 12 bogotá\nbail 3");
  assert.equal(parseBucket(formatBucket(words)), words);
});

test("a word Pagefind answered with another word's pages is not found as typed; a prefix or the word itself is", () => {
  // Pagefind searches "cooperat" for "cooperaton" (the longest prefix it holds) and marks "cooperation".
  assert.equal(wordsNotFound("cooperaton", "on <mark>cooperation</mark> between"), ["cooperaton"]);
  assert.equal(wordsNotFound("Fiscalai", "the <mark>Fiscal</mark> office"), ["fiscalai"]);
  assert.equal(wordsNotFound("cooperation", "on <mark>cooperation</mark> between"), []);
  assert.equal(wordsNotFound("coop", "on <mark>cooperation</mark> between"), []);
  assert.equal(wordsNotFound("Bogota", "in <mark>Bogotá</mark>"), []);
  // Too short to correct, or a number: never "not found".
  assert.equal(wordsNotFound("of 2023", "the <mark>office</mark>"), []);
  assert.equal(wordsNotFound("prosecutor traning", "a <mark>prosecutor</mark> and <mark>training</mark>"), ["traning"]);
  // Pagefind marks the excerpt only: a word of the title is found as typed, and needs no dictionary.
  assert.equal(
    wordsNotFound(
      "Thirty-one minutes later when",
      "the <mark>minutes</mark> of",
      "Thirty-one minutes later, when it took off",
    ),
    [],
  );
  assert.equal(wordsNotFound("minutes latr", "the <mark>minutes</mark> of", "Thirty-one minutes later"), ["latr"]);
});

test("wordsNotShown: the query's words a result does not show whole, in its title or marked", () => {
  assert.equal(
    wordsNotShown(
      "After all, when one has asked whatever became 1190",
      "",
      "After all, when one has asked whatever became 1190",
    ),
    [],
  );
  assert.equal(wordsNotShown("tiblisi", "in <mark>Tiblisi</mark>"), []);
  // A prefix shown is not the word: "coop" may still be corrected.
  assert.equal(wordsNotShown("coop", "on <mark>cooperation</mark>"), ["coop"]);
  assert.equal(wordsNotShown("Bogota traning", "in <mark>Bogotá</mark>", "Training"), ["traning"]);
});

test.run();
