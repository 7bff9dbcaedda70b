/**
 * The search page (/search/): Pagefind's JS API behind one form whose whole state is the URL.
 * Submitting, ticking a facet or changing the sort or years pushes a history entry; typing
 * replaces the current one; Back, Forward and reload read the state back from the URL.
 * Only the results on screen load their fragments (10 at a time, then "More results").
 *
 * The search engine is handed in by the entry script: Pagefind on the site (main.ts), and in a
 * snapshot opened from disk a fallback with the same API (snapshot.ts, disk-search.ts).
 */
import type { Pagefind, ResultData, SearchHit, SearchResponse } from "./pagefind.ts";
import {
  checkboxFacets,
  emptyState,
  facetsWithChoice,
  isIdle,
  pagefindFilters,
  pagefindSort,
  parseState,
  resultSummary,
  stateToSearch,
  type FacetLabels,
  type SearchState,
} from "./state.ts";
import { readLabels, SearchView, type FacetCounts } from "./view.ts";

const pageSize = 10;
/** Typing pauses this long before results update; Enter searches at once. */
const typingDelay = 200;
const idleHint = "Type words, or choose a type, year, topic, conference or speaker.";

class SearchPage {
  #state: SearchState = emptyState();
  #hits: SearchHit[] = [];
  #shown = 0;
  /** Bumped by every search: answers to older searches are dropped when they arrive late. */
  #generation = 0;
  #typing: ReturnType<typeof setTimeout> | undefined;
  #loadingMore = false;
  readonly #baseTitle: string;

  constructor(
    readonly pagefind: Pagefind,
    readonly view: SearchView,
    readonly labels: FacetLabels,
    readonly totals: Record<string, Record<string, number>>,
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
      // The words are handled by typing and submitting; every other control applies at once.
      if (event.target !== view.query) this.navigate(parseState(view.read()), "push");
    });
    view.clear.addEventListener("click", () => {
      const state = { ...emptyState(), q: this.#state.q, sort: this.#state.sort };
      this.navigate(state, "push");
      // The button hides itself: focus goes to the start of the filters rather than the page.
      view.focusFilters();
    });
    view.more.addEventListener("click", () => void this.showMoreAndFocus());
    window.addEventListener("popstate", () => void this.show(parseState(location.search)));
  }

  navigate(state: SearchState, history: "push" | "replace"): void {
    const search = stateToSearch(state);
    if (search !== location.search) {
      const url = `${location.pathname}${search}`;
      if (history === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
    void this.show(state);
  }

  async show(state: SearchState): Promise<void> {
    const generation = ++this.#generation;
    this.#state = state;
    this.view.write(state);
    document.title = state.q ? `“${state.q}” · ${this.#baseTitle}` : this.#baseTitle;
    if (isIdle(state)) {
      this.#hits = [];
      this.view.clearResults();
      this.view.updateCounts(this.countsOf(this.totals), state);
      this.view.announce(idleHint);
      return;
    }
    this.view.busy(true);
    try {
      const [response, counts] = await this.search(state);
      const first = await Promise.all(response.results.slice(0, pageSize).map(loadResult));
      if (generation !== this.#generation) return;
      this.#hits = response.results;
      this.#shown = first.length;
      this.view.clearResults();
      this.view.appendResults(first);
      this.view.showMore(this.#shown, this.#hits.length);
      this.view.updateCounts(counts, state);
      this.view.announce(resultSummary(this.#hits.length, state));
    } catch (error) {
      if (generation !== this.#generation) return;
      this.view.clearResults();
      // Offline, a search fails when the part of the index it needs was never downloaded.
      this.view.announce(
        navigator.onLine
          ? "The search failed. Please try again."
          : "You are offline, and the part of the search index this search needs is not saved on this device. Try it again when you are online, or save the whole archive for offline reading.",
      );
      console.warn("search failed:", error);
    } finally {
      if (generation === this.#generation) this.view.busy(false);
    }
  }

  /** The results, and each facet's counts: counted without its own filter, so values combine with OR. */
  async search(state: SearchState): Promise<[SearchResponse, FacetCounts]> {
    const term = state.q || null;
    const filters = pagefindFilters(state, this.labels, this.view.years);
    const nothing: SearchResponse = { results: [], filters: {}, unfilteredResultCount: 0 };
    const [response, ...own] = await Promise.all([
      filters ? this.pagefind.search(term, { filters, sort: pagefindSort(state) }) : Promise.resolve(nothing),
      ...facetsWithChoice(state).map(async (facet) => {
        const without = pagefindFilters(state, this.labels, this.view.years, facet);
        const counted = without ? await this.pagefind.search(term, { filters: without }) : nothing;
        return [facet, counted.filters[facet] ?? {}] as const;
      }),
    ]);
    const counts = this.countsOf(response.filters);
    for (const [facet, values] of own) {
      if (facet === "year") counts.year = values;
      else counts.facets[facet] = values;
    }
    return [response, counts];
  }

  countsOf(filters: Record<string, Record<string, number>>): FacetCounts {
    const counts: FacetCounts = { facets: {}, year: filters.year ?? {} };
    for (const facet of checkboxFacets) counts.facets[facet] = filters[facet] ?? {};
    return counts;
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
      this.view.showMore(this.#shown, this.#hits.length);
      first?.focus();
    } finally {
      this.#loadingMore = false;
    }
  }
}

/** A result's details (its fragment), or null when they cannot be fetched, e.g. offline and not saved. */
function loadResult(hit: SearchHit): Promise<ResultData | null> {
  return hit.data().catch(() => null);
}

/** Tells the service worker's registration (src/assets/offline/register.ts) that the first results are shown. */
function settled(): void {
  document.dispatchEvent(new Event("archive:search-settled"));
}

/** Runs the search page on `engine`, whose loading the entry script started as early as it could. */
export async function startSearchPage(engine: Promise<Pagefind>): Promise<void> {
  const view = new SearchView(document);
  view.start();
  const state = parseState(location.search);
  view.write(state);
  let pagefind: Pagefind;
  let totals: Record<string, Record<string, number>>;
  try {
    pagefind = await engine;
    totals = await pagefind.filters();
  } catch (error) {
    view.fail();
    console.warn("The search index did not load:", error);
    settled();
    return;
  }
  const labels = readLabels(document);
  view.buildFacets(totals, labels);
  const page = new SearchPage(pagefind, view, labels, totals);
  page.listen();
  // A hand-written URL (?sort=relevance&q=%20x) is shown in its canonical form.
  const canonical = stateToSearch(state);
  if (canonical !== location.search) history.replaceState(null, "", `${location.pathname}${canonical}`);
  await page.show(state);
  settled();
}
