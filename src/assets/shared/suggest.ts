/**
 * "Did you mean": corrections for misspelt words, from a dictionary of the indexed words with the
 * number of pages holding each (written at build time by scripts/lib/search/suggestion-words.ts). Pagefind
 * has no typo tolerance (pagefind#2, #756), and readers misspell foreign names: Mahiques, Bogotá.
 *
 * Shared by the build (tokenising, splitting into files) and the search page (reading them and
 * suggesting), so both cut words the same way. Words are compared accent-folded and in lower case.
 */
import { foldText } from "./fold.ts";

/** Words as a search box or a page has them: runs of letters and digits. */
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Words shorter than this are neither listed nor corrected: too many neighbours to guess from. */
export const minWordLength = 3;

export function words(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/** The file of the dictionary a folded word is listed in: its first letter, a–z, or "other". */
export function bucketOf(folded: string): string {
  const first = folded.charAt(0);
  return /^[a-z]$/.test(first) ? first : "other";
}

/**
 * The buckets a misspelling of `folded` may be found in: its first letter's, and its second's for a
 * swapped or extra first letter.
 */
export function bucketsFor(folded: string): string[] {
  return [...new Set([bucketOf(folded), bucketOf(folded.slice(1))])];
}

export interface DictionaryWord {
  /** Accent-folded, lower case: "bogota". */
  folded: string;
  /** How it is written most often, when that differs from `folded`: "bogotá". */
  display: string;
  /** Pages that hold it. */
  pages: number;
}

/** One bucket file: a line per word, "folded count" or "folded count display", most frequent first. */
export function formatBucket(entries: readonly DictionaryWord[]): string {
  return entries
    .map((entry) => [entry.folded, entry.pages, ...(entry.display !== entry.folded ? [entry.display] : [])].join(" "))
    .join("\n");
}

export function parseBucket(text: string): DictionaryWord[] {
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [folded = "", pages = "0", display] = line.split(" ");
      return { folded, pages: Number(pages), display: display ?? folded };
    });
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: a swap of two neighbouring letters is one
 * edit), or `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** How far a word may be from its correction: 1 edit under 5 letters, else 2. */
export function allowedEdits(folded: string): number {
  return folded.length < 5 ? 1 : 2;
}

export type Dictionary = ReadonlyMap<string, DictionaryWord>;

/**
 * The correction of one word: undefined when it is in the dictionary (or too short to guess), else
 * the nearest listed word within the allowed edits, the most frequent among equally near ones.
 */
export function suggestWord(word: string, dictionary: Dictionary): DictionaryWord | undefined {
  const folded = foldText(word);
  if (folded.length < minWordLength || dictionary.has(folded) || /^\p{N}+$/u.test(folded)) return undefined;
  const limit = allowedEdits(folded);
  let best: DictionaryWord | undefined;
  let bestDistance = limit + 1;
  for (const entry of dictionary.values()) {
    const within = Math.min(limit, bestDistance);
    const distance = editDistance(folded, entry.folded, within);
    if (distance > within) continue;
    if (distance < bestDistance || entry.pages > (best?.pages ?? 0)) {
      best = entry;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The query with each unknown word replaced by its correction ("cooperaton bogta" → "cooperation
 * bogotá"), or undefined when no word needs one: a correct query is never "corrected".
 */
export function suggestQuery(query: string, dictionary: Dictionary): string | undefined {
  let changed = false;
  const corrected = query.replace(wordPattern, (word) => {
    const suggestion = suggestWord(word, dictionary);
    if (!suggestion) return word;
    changed = true;
    return suggestion.display;
  });
  return changed ? corrected : undefined;
}

/** The buckets to fetch for a query: those of its words that are long enough to correct. */
export function bucketsForQuery(query: string): string[] {
  const folded = words(query)
    .map(foldText)
    .filter((word) => word.length >= minWordLength);
  return [...new Set(folded.flatMap(bucketsFor))];
}

/**
 * The query's words that Pagefind did not find as typed, judged by the words it marked in a
 * result's excerpt, and by its title (Pagefind marks words in the excerpt only). For a word it does
 * not hold, Pagefind searches the longest prefix it does hold (pagefind#315): "cooperaton" finds
 * the pages with "cooperation" and marks that word. A word is found when a marked or title word
 * begins with it; a stemmed match ("prosecutors" marking "prosecutor") counts as not found, which
 * costs only a look in the dictionary, where the word is.
 */
export function wordsNotFound(query: string, excerpt: string, title = ""): string[] {
  const seen = shownWords(excerpt, title);
  return correctable(query).filter((word) => !seen.some((shown) => shown.startsWith(word)));
}

/**
 * The query's words that a result does not show whole, in its title or marked in its excerpt. Those
 * it shows are words of the page, so in the dictionary, which never corrects them: when none is
 * left, a look in the dictionary can suggest nothing.
 */
export function wordsNotShown(query: string, excerpt: string, title = ""): string[] {
  const seen = new Set(shownWords(excerpt, title));
  return correctable(query).filter((word) => !seen.has(word));
}

/** The words a result shows of itself: its title's and those marked in its excerpt, folded. */
function shownWords(excerpt: string, title: string): string[] {
  const marked = [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((match) => match[1] ?? "");
  return [...marked, title].flatMap(words).map(foldText);
}

/** The words of a query the dictionary could correct: long enough, and not numbers. */
function correctable(query: string): string[] {
  return words(query)
    .map(foldText)
    .filter((word) => word.length >= minWordLength && !/^\p{N}+$/u.test(word));
}
