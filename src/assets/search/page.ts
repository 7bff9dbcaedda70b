/**
 * The search page (/search/): Pagefind's JS API behind one form whose whole state is the URL.
 * Submitting, ticking a facet or changing the sort or years pushes a history entry; typing
 * replaces the current one; Back, Forward and reload read the state back from the URL.
 * Only the results on screen load their fragments (10 at a time, then "More results").
 *
 * What the reader waits for comes first: the results are shown as soon as the search answers, each
 * as soon as its fragment (and those of the results above it) has arrived; the facets (every value
 * with its count, which need the facet file: facet-index.ts) are loaded and counted after the first
 * results are on screen, and so is the number of results, which counts stories (an item and its
 * translations, stories.ts) with them. Two cases wait for the facets first: a search with filters
 * (they are applied with the facet index) and a narrow screen, where the facets sit above the
 * results and would push them down when they appear.
 *
 * The search engine is handed in by the entry script: Pagefind with facets counted in the page on
 * the site (main.ts, pagefind.ts, facet-index.ts), and in a snapshot opened from disk a fallback
 * with the same API (snapshot.ts, disk-search.ts).
 */
import { NotSavedError, notSavedIndexParts } from "./not-saved.ts";
import type { FilterCounts, Pagefind, SearchHit, SearchResponse } from "./pagefind.ts";
import {
  checkboxFacets,
  emptyState,
  facetsWithChoice,
  hasFilters,
  isIdle,
  pagefindFilters,
  pagefindSort,
  parseState,
  resultSummary,
  stateToSearch,
  type FacetLabels,
  type SearchState,
} from "./state.ts";
import {
  bucketsForQuery,
  parseBucket,
  suggestQuery,
  wordsNotFound,
  wordsNotShown,
  type DictionaryWord,
} from "../shared/suggest.ts";
import { findsOtherStories, storyCount, storyFilter } from "./stories.ts";
import { readLabels, SearchView, type FacetCounts, type LoadedResult } from "./view.ts";

const pageSize = 10;
/** Typing pauses this long before results update; Enter searches at once. */
const typingDelay = 200;
const idleHint = "Type words, or choose a type, year, topic, conference or speaker.";
/** Fewer results than this and the words are checked for misspellings. */
const suggestBelow = 3;

class SearchPage {
  #state: SearchState = emptyState();
  #hits: SearchHit[] = [];
  /** The results' stories (stories.ts), once counted. */
  #stories: number | undefined;
  #shown = 0;
  /** Bumped by every search: answers to older searches are dropped when they arrive late. */
  #generation = 0;
  #typing: ReturnType<typeof setTimeout> | undefined;
  #loadingMore = false;
  /** History entries of searches whose results are not shown yet (see navigate). */
  readonly #pendingHistory: { search: string; history: "push" | "replace" }[] = [];
  /** Every facet value with its number of pages, once loaded (see loadFacets). */
  #totals: FilterCounts | undefined;
  #facets: Promise<boolean> | undefined;
  readonly #baseTitle: string;

  constructor(
    readonly pagefind: Pagefind,
    readonly view: SearchView,
    readonly labels: FacetLabels,
    /** A file of the spelling dictionary by its name ("a"), as text. */
    readonly wordsFile: WordsFile,
  ) {
    this.#baseTitle = document.title;
  }

  listen(): void {
    const { view } = this;
    view.form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(this.#typing);
      this.navigate(parseState(view.read()), "push");
    });
    view.query.addEventListener("input", () => {
      clearTimeout(this.#typing);
      const term = view.query.value.trim();
      // Fetches the index chunks for the words so far; a failure here shows up in the search itself.
      if (term) this.pagefind.preload(term).catch(() => {});
      this.#typing = setTimeout(() => this.navigate(parseState(view.read()), "replace"), typingDelay);
    });
    view.form.addEventListener("change", (event) => {
      // The words are handled by typing and submitting; a facet's own filter box only narrows its
      // list; every other control applies at once.
      if (event.target === view.query || (event.target instanceof HTMLInputElement && !event.target.name)) return;
      this.navigate(parseState(view.read()), "push");
    });
    view.clear.addEventListener("click", () => {
      this.#clearFilters();
      // The button hides itself: focus goes to the start of the filters rather than the page.
      view.focusFilters();
    });
    view.onClearFilters = () => {
      this.#clearFilters();
      view.query.focus();
    };
    view.more.addEventListener("click", () => void this.showMoreAndFocus());
    view.onRemoveFilter = (facet, value) => {
      const state: SearchState = { ...this.#state, selected: { ...this.#state.selected } };
      if (facet === "year") {
        delete state.from;
        delete state.to;
      } else state.selected[facet] = state.selected[facet].filter((chosen) => chosen !== value);
      this.navigate(state, "push");
      view.focusAfterChipRemoved();
    };
    window.addEventListener("popstate", () => {
      // The searches left behind must not write their entries over the one gone back to.
      this.#pendingHistory.length = 0;
      void this.show(parseState(location.search));
    });
  }

  #clearFilters(): void {
    this.navigate({ ...emptyState(), q: this.#state.q, sort: this.#state.sort }, "push");
  }

  navigate(state: SearchState, history: "push" | "replace"): void {
    // The history entry is written once the first results are shown (or the search has ended): a
    // pushState takes Chromium some milliseconds of the page's thread, which the results need not wait for.
    // Entries are written in the order of navigation, also when a later search shows first.
    this.#pendingHistory.push({ search: stateToSearch(state), history });
    void this.show(state);
  }

  /** Writes the history entries of the searches started so far. */
  #writeHistory(): void {
    for (const { search, history } of this.#pendingHistory.splice(0)) {
      if (search === location.search) continue;
      const url = `${location.pathname}${search}`;
      if (history === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
  }

  /**
   * Loads every facet value with its total and builds the facet controls, once; false when they
   * could not be loaded (offline, not saved): the results still show, without facets, and the next
   * search tries again.
   */
  loadFacets(): Promise<boolean> {
    this.#facets ??= this.pagefind.filters().then(
      (totals) => {
        this.#totals = totals;
        this.view.buildFacets(totals, this.labels, this.#state);
        return true;
      },
      (error: unknown) => {
        console.warn("The search filters did not load:", error);
        this.#facets = undefined;
        return false;
      },
    );
    return this.#facets;
  }

  async show(state: SearchState): Promise<void> {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    this.#state = state;
    this.view.write(state);
    this.view.writeChips(state, this.labels);
    this.view.hideSuggestion();
    this.view.hideEmpty();
    document.title = state.q ? `“${state.q}” · ${this.#baseTitle}` : this.#baseTitle;
    this.view.busy(true);
    try {
      if (isIdle(state)) {
        this.#hits = [];
        this.view.clearResults();
        this.view.announce(idleHint);
        if ((await this.loadFacets()) && current() && this.#totals)
          this.view.updateCounts(this.countsOf(this.#totals), state);
        return;
      }
      // Filters are applied with the facet index; on a narrow screen the facets sit above the results.
      const facetsFirst = !this.#totals && (hasFilters(state) || this.view.facetsAboveResults());
      // A range of years is known only from the facets; other filters are named in the page, so
      // the facet file loads beside the words' index chunks.
      if (facetsFirst && (state.from !== undefined || state.to !== undefined)) await this.loadFacets();
      if (!current()) return;
      const countsReady = this.#totals !== undefined;
      const missingBefore = notSavedIndexParts();
      const [response] = await Promise.all([this.results(state), facetsFirst ? this.loadFacets() : undefined]);
      if (!current()) return;
      // Fewer results, or none, because part of the index is not on this device: say so instead.
      if (notSavedIndexParts() > missingBefore) throw new NotSavedError("a part of the search index this search needs");
      this.#hits = response.results;
      const found = this.#hits.length;
      if (found === 0) {
        this.view.clearResults();
        this.view.announce(resultSummary(0, state));
        this.view.showEmpty(state, this.labels);
      }
      const suggesting = state.q !== "";
      if (suggesting && found === 0) void this.suggest(state, generation);
      // The number of results is of stories (stories.ts), counted with the facets: known now if they
      // were loaded before this search, else once they are (the results do not wait for it).
      this.#stories = countsReady ? storyCount(found, response.filters[storyFilter]) : undefined;
      let counted: Promise<SearchResponse | undefined> | undefined = countsReady
        ? Promise.resolve(response)
        : undefined;
      // The dictionary is fetched once the first result is shown, not beside its fragment. Many
      // results can still be for another word than the one typed (see wordsNotFound).
      const afterFirst = (first: LoadedResult) => {
        // The facets load beside the other results' fragments, not after them.
        counted ??= this.countStories(state, generation);
        if (!suggesting) return;
        const misspelt =
          typeof first === "string"
            ? found < suggestBelow
            : (found < suggestBelow ? wordsNotShown : wordsNotFound)(state.q, first.excerpt, first.meta.title).length >
              0;
        if (misspelt) void this.suggest(state, generation);
      };
      const summary = this.#stories === undefined ? undefined : resultSummary(this.#stories, state);
      await this.showFirst(this.#hits.slice(0, pageSize), generation, summary, afterFirst);
      if (!current()) return;
      this.view.showMore(this.#shown, found, this.#stories);
      // A search made before the facets were loaded counted nothing: count now.
      const main = await (counted ?? this.countStories(state, generation));
      if (!current()) return;
      if (!main) {
        // Not counted (offline, not saved): pages, as the nearest to the truth.
        if (found > 0) this.view.announce(resultSummary(found, state));
        return;
      }
      const counts = await this.counts(state, main);
      if (current()) this.view.updateCounts(counts, state);
    } catch (error) {
      if (!current()) return;
      this.view.clearResults();
      // Offline, a search fails when the part of the index it needs was never downloaded.
      if (error instanceof NotSavedError) this.view.announceNotSaved();
      else this.view.announce("The search failed. Please try again.");
      console.warn("search failed:", error);
    } finally {
      this.#writeHistory();
      if (current()) this.view.busy(false);
    }
  }

  /**
   * Loads the facets, then searches `state` again (its words' search is reused) and announces its
   * number of stories, unless it was announced already; the search with its counts, or undefined
   * when the facets could not be loaded.
   */
  async countStories(state: SearchState, generation: number): Promise<SearchResponse | undefined> {
    if (!(await this.loadFacets())) return undefined;
    const response = await this.results(state);
    if (generation === this.#generation && this.#stories === undefined && response.results.length > 0) {
      this.#stories = storyCount(response.results.length, response.filters[storyFilter]);
      this.view.announce(resultSummary(this.#stories, state));
      this.view.showMore(this.#shown, this.#hits.length, this.#stories);
    }
    return response;
  }

  /**
   * Offers the query with its misspelt words corrected, if that finds a result this one does not:
   * Pagefind may have found the corrected word already (it searches the longest prefix it holds:
   * "cooperaton" finds "cooperation"), and then the offer would lead to the same results. The
   * dictionary's files for the words' first letters are downloaded now, not before
   * (scripts/lib/search/suggestion-words.ts).
   */
  async suggest(state: SearchState, generation: number): Promise<void> {
    try {
      const corrected = suggestQuery(state.q, await loadDictionary(bucketsForQuery(state.q), this.wordsFile));
      if (!corrected || generation !== this.#generation) return;
      const better = { ...state, q: corrected };
      // Both compared by story, which is known once the facets are loaded (a failure leaves pages).
      await this.loadFacets();
      const [asTyped, response] = await Promise.all([this.results(state), this.results(better)]);
      if (generation !== this.#generation || !findsOtherStories(asTyped.results, response.results)) return;
      const results = storyCount(response.results.length, response.filters[storyFilter]);
      this.view.showSuggestion(corrected, results, stateToSearch(better), () => this.navigate(better, "push"));
    } catch (error) {
      // Offline and the dictionary not saved: no suggestion, the results stand as they are.
      console.warn("no spelling suggestion:", error);
    }
  }

  /** The results of a state (with the filters' counts, if the facets were loaded when it started). */
  results(state: SearchState): Promise<SearchResponse> {
    const filters = pagefindFilters(state, this.labels, this.view.years);
    return filters
      ? this.pagefind.search(state.q || null, { filters, sort: pagefindSort(state) })
      : Promise.resolve(nothing());
  }

  /**
   * Each facet's counts: counted without its own filter, so values combine with OR; `response` is
   * the state's own search, counted. The searches share the words and sort, so the facet index
   * reuses one unfiltered search for all of them.
   */
  async counts(state: SearchState, response: SearchResponse): Promise<FacetCounts> {
    const term = state.q || null;
    const sort = pagefindSort(state);
    const own = await Promise.all(
      facetsWithChoice(state).map(async (facet) => {
        const without = pagefindFilters(state, this.labels, this.view.years, facet);
        const counted = without ? await this.pagefind.search(term, { filters: without, sort }) : nothing();
        return [facet, counted.filters[facet] ?? {}] as const;
      }),
    );
    const counts = this.countsOf(response.filters);
    for (const [facet, values] of own) {
      if (facet === "year") counts.year = values;
      else counts.facets[facet] = values;
    }
    return counts;
  }

  countsOf(filters: FilterCounts): FacetCounts {
    const counts: FacetCounts = { facets: {}, year: filters.year ?? {} };
    for (const facet of checkboxFacets) counts.facets[facet] = filters[facet] ?? {};
    return counts;
  }

  /**
   * Shows the first results in order, each as soon as its fragment and those above it have arrived,
   * and announces `summary` (if it is known yet) with the first. The previous results stay until
   * the first new one can replace them.
   */
  async showFirst(
    hits: readonly SearchHit[],
    generation: number,
    summary: string | undefined,
    onFirst?: (first: LoadedResult) => void,
  ): Promise<void> {
    this.#shown = 0;
    // The previous results' "More results" must not load the new ones' next page.
    this.view.more.hidden = true;
    const [first, ...others] = hits;
    if (!first) return;
    // The first result is what the reader waits for: its fragment is requested alone, and the
    // others' once it is shown (each request costs the page's thread about half a millisecond), and
    // the result count is written with it, in one rendering instead of two.
    const data = await loadResult(first);
    if (generation !== this.#generation) return;
    this.view.clearResults();
    this.view.appendResults([data]);
    if (summary !== undefined) this.view.announce(summary);
    this.#shown++;
    onFirst?.(data);
    // The rest waits for the next task: this one ends with the first result on the page.
    await nextTask();
    this.#writeHistory();
    if (generation !== this.#generation) return;
    for (const load of others.map(loadResult)) {
      const data = await load;
      if (generation !== this.#generation) return;
      this.view.appendResults([data]);
      this.#shown++;
    }
  }

  /** Loads the next results' fragments and moves focus to the first of them. */
  async showMoreAndFocus(): Promise<void> {
    if (this.#loadingMore) return;
    this.#loadingMore = true;
    const generation = this.#generation;
    try {
      const next = await Promise.all(this.#hits.slice(this.#shown, this.#shown + pageSize).map(loadResult));
      if (generation !== this.#generation) return;
      this.#shown += next.length;
      const first = this.view.appendResults(next);
      this.view.showMore(this.#shown, this.#hits.length, this.#stories);
      first?.focus();
    } finally {
      this.#loadingMore = false;
    }
  }
}

/** The text of one file of the spelling dictionary, by its name ("a", …, "other"). */
export type WordsFile = (bucket: string) => Promise<string>;

/** The dictionary's files as the site serves them: /search/words/a.txt … (scripts/lib/search/suggestion-words.ts). */
async function fetchWordsFile(bucket: string): Promise<string> {
  const response = await fetch(new URL(`words/${bucket}.txt`, location.href));
  if (!response.ok) throw new Error(`words/${bucket}.txt: HTTP ${response.status}`);
  return response.text();
}

const dictionaryFiles = new Map<string, Promise<DictionaryWord[]>>();

/** The dictionary's words in these files (by first letter), each read once. */
async function loadDictionary(buckets: readonly string[], wordsFile: WordsFile): Promise<Map<string, DictionaryWord>> {
  const lists = await Promise.all(
    buckets.map((bucket) => {
      let file = dictionaryFiles.get(bucket);
      if (!file) {
        file = wordsFile(bucket).then(parseBucket);
        file.catch(() => dictionaryFiles.delete(bucket));
        dictionaryFiles.set(bucket, file);
      }
      return file;
    }),
  );
  return new Map(lists.flat().map((word) => [word.folded, word]));
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

function nothing(): SearchResponse {
  return { results: [], filters: {}, unfilteredResultCount: 0 };
}

/** A result's details (its fragment), or null when they cannot be fetched, e.g. offline and not saved. */
function loadResult(hit: SearchHit): Promise<LoadedResult> {
  return hit.data().catch((error: unknown) => (error instanceof NotSavedError ? "not-saved" : "failed"));
}

/** Tells the service worker's registration (src/assets/offline/register.ts) that the first results are shown. */
function settled(): void {
  document.dispatchEvent(new Event("archive:search-settled"));
}

/**
 * Runs the search page on `engine`, whose loading the entry script started as early as it could, with
 * the spelling dictionary's files from `wordsFile` (by default the site's, downloaded as needed).
 */
export async function startSearchPage(engine: Promise<Pagefind>, wordsFile: WordsFile = fetchWordsFile): Promise<void> {
  const view = new SearchView(document);
  view.start();
  const state = parseState(location.search);
  view.write(state);
  let pagefind: Pagefind;
  try {
    pagefind = await engine;
  } catch (error) {
    view.fail();
    console.warn("The search index did not load:", error);
    settled();
    return;
  }
  const page = new SearchPage(pagefind, view, readLabels(document), wordsFile);
  page.listen();
  // A hand-written URL (?sort=relevance&q=%20x) is shown in its canonical form.
  const canonical = stateToSearch(state);
  if (canonical !== location.search) history.replaceState(null, "", `${location.pathname}${canonical}`);
  await page.show(state);
  settled();
}
