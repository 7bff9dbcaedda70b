import { test } from "uvu";
import * as assert from "uvu/assert";
import { isBlockedWord } from "../../../scripts/bench/blocked-words.ts";
import { distinctWords, generateCorpus, vocabularyWords } from "../../../scripts/bench/corpus.ts";
import { brownText } from "../../../scripts/bench/brown.ts";

test("a stem blocks the words it starts, a word only itself, in any case; dictators in every language", () => {
  assert.equal(
    ["fucking", "Fucked", "ass", "assembly", "Hitler", "hitlerian", "franco", "francophone"].map((word) =>
      isBlockedWord(word, "en"),
    ),
    [true, true, true, false, true, true, true, false],
  );
  assert.equal(
    ["mierda", "con", "hitler"].map((word) => isBlockedWord(word, "es")),
    [true, false, true],
  );
  assert.equal(
    ["con", "merde", "contre"].map((word) => isBlockedWord(word, "fr")),
    [true, true, false],
  );
});

test("the vocabularies the corpus draws from hold no blocked word (SUBTLEX held “fucking” and “hitler”)", () => {
  for (const tag of ["en", "es", "fr"] as const) {
    const words = vocabularyWords(tag);
    assert.ok(words.length > 8000, `${tag}: ${words.length} words`);
    assert.equal(
      words.filter((word) => isBlockedWord(word, tag)),
      [],
      tag,
    );
  }
  assert.not.ok(vocabularyWords("en").includes("fucking"));
  assert.not.ok(vocabularyWords("en").includes("hitler"));
  assert.ok(vocabularyWords("en").includes("prosecutor"));
});

test("the Brown Corpus's sentences and names hold no blocked word", () => {
  const { sentences, names } = brownText();
  assert.equal(
    names.filter((name) => isBlockedWord(name, "en")),
    [],
  );
  assert.not.ok(names.includes("Hitler"));
  assert.equal(
    [...distinctWords(sentences)].filter((word) => isBlockedWord(word, "en")),
    [],
  );
});

test("a generated corpus in three languages, from either source, has no blocked word in its titles or text", () => {
  for (const text of ["subtlex", "brown"] as const) {
    const files = generateCorpus({ news: 300, abstracts: 100, otherLanguages: 0.2, text });
    const found = files.flatMap((file) => {
      const language = /^lang: (es|fr)$/m.exec(file.text)?.[1] ?? "en";
      return [...distinctWords([file.text])]
        .filter((word) => isBlockedWord(word, language))
        .map((word) => `${file.path}: ${word}`);
    });
    assert.equal(found, [], text);
  }
});

test.run();
