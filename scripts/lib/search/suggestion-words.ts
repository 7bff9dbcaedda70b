/**
 * The dictionary behind the search page's "Did you mean" (src/assets/shared/suggest.ts): every word
 * of the archive's text as the build renders it (titles, bodies, speakers, sessions, conferences,
 * topics), accent-folded, with the number of pages holding it, in one small file per first letter
 * under /search/words/. The page downloads a file only when a query finds fewer than 3 results.
 *
 * Read from our own content rather than from Pagefind's index, whose chunk format is private.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { suggestionWordsPath } from "../../../src/assets/shared/offline-files.ts";
import { foldText } from "../../../src/assets/shared/fold.ts";
import {
  bucketOf,
  formatBucket,
  minWordLength,
  words,
  type DictionaryWord,
} from "../../../src/assets/shared/suggest.ts";
import type { Item } from "../content/load.ts";
import { htmlText } from "../util/html.ts";

/** Where the files go, under the site: /search/words/a.txt … z.txt, other.txt. */
export const suggestionWordsFolder = suggestionWordsPath.slice(1, -1);

/** The text a page is found by: what its page shows and Pagefind indexes. */
function searchableText(item: Item): string {
  const parts = [item.title, item.summary, htmlText(item.html), ...item.topics.map((topic) => topic.label)];
  if (item.kind === "abstract") {
    parts.push(item.session, item.conference.name, item.conference.city ?? "", item.conference.country ?? "");
    for (const speaker of item.speakers) parts.push(speaker.name, speaker.role ?? "", speaker.organisation ?? "");
  }
  return parts.join("\n");
}

/** Every listed word with its pages and most used spelling, most frequent first, by file. */
export function suggestionDictionary(items: readonly Item[]): Map<string, DictionaryWord[]> {
  const pages = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  // Millions of words, tens of thousands of spellings: each spelling is folded and judged once.
  const listed = new Map<string, string | undefined>();
  const listedAs = (lower: string): string | undefined => {
    const folded = foldText(lower);
    return folded.length < minWordLength || /^\p{N}+$/u.test(folded) || folded.includes(" ") ? undefined : folded;
  };
  for (const item of items) {
    const uses = new Map<string, number>();
    for (const word of words(searchableText(item))) {
      const lower = word.toLowerCase();
      uses.set(lower, (uses.get(lower) ?? 0) + 1);
    }
    const seen = new Set<string>();
    for (const [lower, count] of uses) {
      let folded = listed.get(lower);
      if (folded === undefined && !listed.has(lower)) listed.set(lower, (folded = listedAs(lower)));
      if (folded === undefined) continue;
      const counts = spellings.get(folded) ?? new Map<string, number>();
      counts.set(lower, (counts.get(lower) ?? 0) + count);
      spellings.set(folded, counts);
      if (!seen.has(folded)) {
        seen.add(folded);
        pages.set(folded, (pages.get(folded) ?? 0) + 1);
      }
    }
  }
  const buckets = new Map<string, DictionaryWord[]>();
  for (const [folded, count] of pages) {
    const forms = [...(spellings.get(folded) ?? [])].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    const display = forms[0]?.[0] ?? folded;
    const bucket = bucketOf(folded);
    const list = buckets.get(bucket) ?? [];
    list.push({ folded, display, pages: count });
    buckets.set(bucket, list);
  }
  for (const list of buckets.values()) list.sort((a, b) => b.pages - a.pages || (a.folded < b.folded ? -1 : 1));
  return buckets;
}

export interface SuggestionWordsReport {
  words: number;
  files: number;
  /** Gzipped, the largest file: the most one corrected word downloads (a query loads one or two per word). */
  largestGzipBytes: number;
}

export function writeSuggestionWords(items: readonly Item[], siteDir: string): SuggestionWordsReport {
  const folder = path.join(siteDir, suggestionWordsFolder);
  mkdirSync(folder, { recursive: true });
  let count = 0;
  let largestGzipBytes = 0;
  const buckets = suggestionDictionary(items);
  // Every letter has its file, empty or not: the page then never meets a 404 (an error in its console).
  for (const letter of "abcdefghijklmnopqrstuvwxyz") if (!buckets.has(letter)) buckets.set(letter, []);
  if (!buckets.has("other")) buckets.set("other", []);
  for (const [bucket, entries] of buckets) {
    const text = formatBucket(entries);
    writeFileSync(path.join(folder, `${bucket}.txt`), text);
    count += entries.length;
    largestGzipBytes = Math.max(largestGzipBytes, gzipSync(text).length);
  }
  return { words: count, files: buckets.size, largestGzipBytes };
}
