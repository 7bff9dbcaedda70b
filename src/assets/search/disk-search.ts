/**
 * Search in a snapshot opened from disk (file://), where Pagefind cannot run: it fetches its index,
 * which browsers refuse to pages opened from disk. A snapshot carries its own index instead,
 * `search-index.js`, a classic script (those still load from disk) that assigns
 * `window.archiveSearchIndex`; this module searches it through the part of Pagefind's API that the
 * search page uses, so the page, its facets, its URL and its results are the same as over http.
 *
 * A page matches when each word of the query begins a word of its title, summary, body or (for an
 * abstract) its conference, session and speakers, ignoring case and accents: "fiscalia" finds
 * "Fiscalía". Whole words rank above word beginnings, exact accents above folded ones, and the title
 * above the summary above the body; ties go to the newest.
 */
import type { FilterCounts, Pagefind, ResultData, SearchHit, SearchOptions, SearchResponse } from "./pagefind.ts";
import { storyFilter } from "./stories.ts";
import { foldText } from "../shared/fold.ts";

/** The global that `search-index.js` assigns. */
export const diskIndexGlobal = "archiveSearchIndex";

export interface DiskIndexPage {
  /** The page's file, relative to the site's root: "news/2023/x/index.html". */
  url: string;
  title: string;
  /** YYYY-MM-DD: the sort key, as Pagefind's `date`. */
  date: string;
  summary: string;
  /** An abstract's conference, session and speakers (with roles and organisations): searched, not shown. */
  about: string;
  /** The article's text. */
  body: string;
  /** Shown with a result, as Pagefind's metadata: `type`, and an abstract's `conference` and `speakers`. */
  meta: Record<string, string>;
  /**
   * Facet values as Pagefind indexes them: `{ type: ["News"], year: ["2023"], topic: ["Training"] }`,
   * and an item with translations its `story`.
   */
  filters: Record<string, string[]>;
}

export interface DiskIndex {
  version: 1;
  pages: DiskIndexPage[];
  /**
   * The spelling suggestions' dictionary (../shared/suggest.ts), each file's text by its name ("a",
   * …, "other"), which a page opened from disk cannot fetch.
   */
  words?: Record<string, string>;
}

/** How many words an excerpt shows, as Pagefind's default. */
export const excerptWords = 30;

const fieldWeights = { title: 8, about: 3, summary: 2, body: 1 } as const;
type Field = keyof typeof fieldWeights;
const fields = Object.keys(fieldWeights) as Field[];

const wordPattern = /[\p{L}\p{N}]+/gu;

/** The query's words, folded; "" and punctuation give none. */
export function queryWords(query: string): string[] {
  return [...new Set(foldText(query).match(wordPattern) ?? [])];
}

interface Word {
  start: number;
  end: number;
  /** Lower case, accents kept. */
  lower: string;
  folded: string;
}

function words(text: string): Word[] {
  return [...text.matchAll(wordPattern)].map((match) => {
    const lower = match[0].normalize("NFC").toLowerCase();
    return { start: match.index, end: match.index + match[0].length, lower, folded: foldText(lower) };
  });
}

interface Prepared {
  page: DiskIndexPage;
  /** Every searched field folded, joined: a cheap first test before words are compared. */
  haystack: string;
  words?: Record<Field, Word[]>;
}

function wordsOf(prepared: Prepared): Record<Field, Word[]> {
  prepared.words ??= {
    title: words(prepared.page.title),
    about: words(prepared.page.about),
    summary: words(prepared.page.summary),
    body: words(prepared.page.body),
  };
  return prepared.words;
}

/**
 * A page's score for the query's words, or 0 when one of them is on none of its fields. `exact`
 * holds the query's words as typed (lower case, accents kept), to rank exact accents first.
 */
export function scorePage(
  fieldWords: Record<Field, Word[]>,
  folded: readonly string[],
  exact: readonly string[],
): number {
  let score = 0;
  for (const [index, term] of folded.entries()) {
    let termScore = 0;
    for (const field of fields) {
      for (const word of fieldWords[field]) {
        if (!word.folded.startsWith(term)) continue;
        const whole = word.folded.length === term.length ? 2 : 1;
        const accents = word.lower.startsWith(exact[index] ?? term) ? 1.25 : 1;
        termScore += fieldWeights[field] * whole * accents;
      }
    }
    if (termScore === 0) return 0;
    score += termScore;
  }
  return score;
}

/**
 * Up to `length` words of `text` around the most matches, `<` and `>` escaped and matched words in
 * `<mark>`: Pagefind's excerpt format, which the page reads back as text (excerpt.ts).
 */
export function excerpt(text: string, folded: readonly string[], length = excerptWords): string {
  const all = words(text);
  const matched = all.map((word) => folded.some((term) => word.folded.startsWith(term)));
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let end = 0; end < all.length; end++) {
    if (matched[end]) count++;
    if (end >= length && matched[end - length]) count--;
    const start = Math.max(0, end - length + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // The first window with the most matches ends on one: centre its matches instead.
  const inWindow = matched.slice(best, best + length);
  const first = inWindow.indexOf(true);
  if (first >= 0) {
    const span = inWindow.lastIndexOf(true) - first + 1;
    best = Math.max(0, Math.min(best + first - Math.floor((length - span) / 2), all.length - length));
  }
  const shown = all.slice(best, best + length);
  if (shown.length === 0) return "";
  const escape = (part: string) => part.replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  // Punctuation stuck to the first and last words ("(RFAI", "Paulo.") stays with them.
  const firstStart = (shown[0] as Word).start;
  let out = escape(/\S*$/.exec(text.slice(0, firstStart))?.[0] ?? "");
  let position = firstStart;
  shown.forEach((word, index) => {
    out += escape(text.slice(position, word.start));
    const wordText = escape(text.slice(word.start, word.end));
    out += matched[best + index] ? `<mark>${wordText}</mark>` : wordText;
    position = word.end;
  });
  return out + escape(/^\S*/.exec(text.slice(position))?.[0] ?? "");
}

/** Each filter value's stories among `pages` (stories.ts); the story filter's own counts are of pages. */
function countFilters(pages: readonly DiskIndexPage[], known: FilterCounts): FilterCounts {
  const counts: FilterCounts = {};
  for (const [name, values] of Object.entries(known))
    counts[name] = Object.fromEntries(Object.keys(values).map((value) => [value, 0]));
  const counted = new Set<string>();
  for (const page of pages) {
    const story = page.filters[storyFilter]?.[0];
    for (const [name, values] of Object.entries(page.filters)) {
      const facet = (counts[name] ??= {});
      for (const value of values) {
        if (story !== undefined && name !== storyFilter) {
          const pair = JSON.stringify([name, value, story]);
          if (counted.has(pair)) continue;
          counted.add(pair);
        }
        facet[value] = (facet[value] ?? 0) + 1;
      }
    }
  }
  return counts;
}

function passesFilters(page: DiskIndexPage, filters: SearchOptions["filters"]): boolean {
  return Object.entries(filters ?? {}).every(([name, { any }]) =>
    any.some((value) => page.filters[name]?.includes(value)),
  );
}

/** The search page's engine on a snapshot's index; `siteRoot` is the absolute URL of the snapshot's root folder. */
export function createDiskSearch(index: DiskIndex, siteRoot: string): Pagefind {
  const prepared: Prepared[] = index.pages.map((page) => ({
    page,
    haystack: foldText([page.title, page.about, page.summary, page.body].join("\n")),
  }));
  const totals = countFilters(index.pages, {});

  const resultData = (item: Prepared, folded: readonly string[]): ResultData => {
    const { page } = item;
    const fromBody = excerpt(page.body, folded);
    return {
      url: new URL(page.url, siteRoot).href,
      // Like Pagefind's: the text around the matches, else the beginning of the text.
      excerpt: fromBody.includes("<mark>") || !page.summary ? fromBody : excerpt(page.summary, folded),
      meta: { ...page.meta, title: page.title, date: page.date, summary: page.summary },
    };
  };

  async function search(term: string | null, options: SearchOptions = {}): Promise<SearchResponse> {
    const folded = term === null ? [] : queryWords(term);
    const exact = term === null ? [] : [...new Set(term.normalize("NFC").toLowerCase().match(wordPattern) ?? [])];
    const scored: { item: Prepared; score: number }[] = [];
    for (const item of prepared) {
      if (folded.length === 0) {
        if (term === null) scored.push({ item, score: 0 });
        continue;
      }
      if (!folded.every((word) => item.haystack.includes(word))) continue;
      const score = scorePage(wordsOf(item), folded, exact.length === folded.length ? exact : folded);
      if (score > 0) scored.push({ item, score });
    }
    const unfilteredResultCount = scored.length;
    const kept = scored.filter(({ item }) => passesFilters(item.page, options.filters));
    const direction = options.sort?.date === "asc" ? 1 : options.sort?.date === "desc" ? -1 : 0;
    kept.sort(
      (a, b) =>
        direction * a.item.page.date.localeCompare(b.item.page.date) ||
        b.score - a.score ||
        b.item.page.date.localeCompare(a.item.page.date) ||
        a.item.page.url.localeCompare(b.item.page.url),
    );
    const results: SearchHit[] = kept.map(({ item }) => {
      const story = item.page.filters[storyFilter]?.[0];
      return {
        id: item.page.url,
        ...(story === undefined ? {} : { story }),
        data: () => Promise.resolve(resultData(item, folded)),
      };
    });
    return {
      results,
      filters: countFilters(
        kept.map(({ item }) => item.page),
        totals,
      ),
      unfilteredResultCount,
    };
  }

  return {
    options: () => Promise.resolve(),
    init: () => Promise.resolve(),
    filters: () => Promise.resolve(totals),
    search,
    preload: () => Promise.resolve(),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";

function isDiskIndexPage(value: unknown): value is DiskIndexPage {
  return (
    isRecord(value) &&
    (["url", "title", "date", "summary", "about", "body"] as const).every((key) => isString(value[key])) &&
    isRecord(value.meta) &&
    Object.values(value.meta).every(isString) &&
    isRecord(value.filters) &&
    Object.values(value.filters).every((values) => Array.isArray(values) && values.every(isString))
  );
}

/** `search-index.js` ran and assigned an index of this version (not something else on the global). */
export function isDiskIndex(value: unknown): value is DiskIndex {
  return (
    isRecord(value) &&
    value.version === 1 &&
    Array.isArray(value.pages) &&
    value.pages.every(isDiskIndexPage) &&
    (value.words === undefined || (isRecord(value.words) && Object.values(value.words).every(isString)))
  );
}
