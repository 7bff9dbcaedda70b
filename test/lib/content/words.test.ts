import { test } from "uvu";
import * as assert from "uvu/assert";
import { fillWords, wordTables, wordsFor, type WordKey } from "../../../scripts/lib/content/words.ts";

test("wordsFor gives an item's language its table, by the tag's language", () => {
  assert.equal([wordsFor("es").topics, wordsFor("es").lang], ["Temas", "es"]);
  assert.equal([wordsFor("fr").topics, wordsFor("fr").lang], ["Thèmes", "fr"]);
  assert.equal([wordsFor("en").topics, wordsFor("en").lang], ["Topics", "en"]);
  // A regional tag reads its language's table and keeps its own tag, which marks the page's region.
  assert.equal([wordsFor("es-419").published, wordsFor("es-419").lang], ["Publicado el {date}", "es-419"]);
  assert.equal([wordsFor("pt-BR").citeThis, wordsFor("pt-BR").lang], ["Como citar", "pt-BR"]);
});

test("a language without a table gets the English words, marked English", () => {
  assert.equal([wordsFor("de").topics, wordsFor("de").lang], ["Topics", "en"]);
  assert.equal([wordsFor("ar").published, wordsFor("ar").lang], ["Published {date}", "en"]);
});

test("every table has every English key, with the same placeholders", () => {
  const placeholders = (text: string) => (text.match(/\{\/?\w+\}/g) ?? []).sort();
  const english = wordTables.en as Record<WordKey, string>;
  for (const [lang, table] of Object.entries(wordTables)) {
    assert.equal(Object.keys(table).sort(), Object.keys(english).sort(), lang);
    for (const key of Object.keys(english) as WordKey[]) {
      assert.ok(table[key].trim() !== "", `${lang}.${key} is empty`);
      assert.equal(placeholders(table[key]), placeholders(english[key]), `${lang}.${key}`);
    }
  }
});

test("fillWords puts values in their placeholders and leaves unknown ones", () => {
  assert.is(fillWords(wordsFor("es").photo, { credit: "IAP" }), "Foto: IAP");
  assert.is(fillWords(wordsFor("fr").photo, { credit: "IAP" }), "Photo\u00a0: IAP");
  assert.is(fillWords("{count} of {total}", { count: 3 }), "3 of {total}");
});

test.run();
