/**
 * Facets (filters and their counts) computed in the page, from Pagefind's own filter data, so that
 * Pagefind's search never loads its filter files.
 *
 * Why: once Pagefind has loaded its filter chunks, every search also counts every filter value over
 * every result, in its wasm. That makes a search for a common word (thousands of results) several
 * times slower, and the page runs one more search per facet that has a choice. Here Pagefind only
 * finds and ranks the words (`search(term, { sort })`, no filters); the results are filtered and
 * counted in JavaScript, over typed arrays, in a few milliseconds, and the unfiltered results of
 * one query are reused for each facet's own counts.
 *
 * The data: Pagefind's metadata `pagefind.<hash>.pf_meta` (its list of pages, whose position is the
 * page number, and its filters), which Pagefind downloads anyway, read as its own JavaScript reads
 * it (pagefind.js 1.6), and the facet file, `filter/<hash>.v1.facets`: Pagefind's five filter files
 * `filter/<hash>.pf_filter` (each value with its page numbers), re-encoded by the build
 * (scripts/lib/search/pagefind-files.ts) into one file several times smaller. Pagefind's files are
 * gzipped CBOR behind a `pagefind_dcd` signature; they are Pagefind's internals, not its API:
 * anything unexpected throws `FacetIndexError`, and the page then lets Pagefind filter and count
 * itself (correct, only slower); their formats are read in pagefind-internals.ts.
 * test/assets/search/facet-index.test.ts reads a real index.
 * It covers one bundle (one `pagefind/` folder): page numbers belong to a bundle, so an index
 * written in parts (a large archive, `PartedPagefind` in pagefind.ts) has one per part, and the
 * parts' counts are summed.
 */
import type {
  FilterCounts,
  Pagefind,
  PagefindOptions,
  SearchHit,
  SearchOptions,
  SearchResponse,
} from "./pagefind-types.ts";
import type { PagefindFilters } from "./state.ts";
import { storyFilter } from "./stories.ts";
import {
  FacetIndexError,
  facetFilePath,
  facetFileSignature,
  inflate,
  readFacetFile,
  readMeta,
  type FilterPages,
  type IndexMeta,
  type SeenMeta,
} from "../shared/pagefind-internals.ts";

interface Facet {
  values: string[];
  /** Value index → its number of pages. */
  totals: Uint32Array;
  /** Page p's value indexes are `list[start[p]]` to `list[start[p + 1] - 1]` (flat arrays: no array per page). */
  start: Uint32Array;
  list: Uint32Array;
}

function facetOf(values: readonly [string, readonly number[]][], pageCount: number): Facet {
  const start = new Uint32Array(pageCount + 1);
  for (const [, pages] of values) for (const page of pages) start[page + 1] = (start[page + 1] ?? 0) + 1;
  for (let page = 0; page < pageCount; page++) start[page + 1] = (start[page + 1] ?? 0) + (start[page] ?? 0);
  const list = new Uint32Array(start[pageCount] ?? 0);
  const next = start.slice(0, pageCount);
  values.forEach(([, pages], value) => {
    for (const page of pages) {
      const at = next[page] ?? 0;
      list[at] = value;
      next[page] = at + 1;
    }
  });
  return {
    values: values.map(([value]) => value),
    totals: Uint32Array.from(values, ([, pages]) => pages.length),
    start,
    list,
  };
}

/**
 * Every filter value's pages, and each page's values, for filtering and counting results in the page.
 * Counts are of stories (an item and its translations, ../search/stories.ts): a value counts a
 * story's pages once; only the story filter's own counts are of pages, from which the page counts
 * the results' stories.
 */
export class FacetIndex {
  readonly #pageNumber = new Map<string, number>();
  readonly #facets = new Map<string, Facet>();
  readonly #pageCount: number;
  readonly #story: Facet | undefined;

  constructor(meta: IndexMeta, filters: readonly FilterPages[]) {
    meta.pages.forEach((hash, number) => this.#pageNumber.set(hash, number));
    this.#pageCount = meta.pages.length;
    for (const { name, values } of filters) this.#facets.set(name, facetOf(values, meta.pages.length));
    this.#story = this.#facets.get(storyFilter);
  }

  /** Every value of every filter with its number of stories: what Pagefind's `filters()` returns, by story. */
  totals(): FilterCounts {
    if (this.#story) return this.#count(Array.from({ length: this.#pageCount }, (_, page) => page));
    const totals: FilterCounts = {};
    for (const [name, facet] of this.#facets) {
      totals[name] = Object.fromEntries(facet.values.map((value, index) => [value, facet.totals[index] ?? 0]));
    }
    return totals;
  }

  /**
   * The results that pass `filters` (values of one filter with OR, filters with AND, as Pagefind's
   * `any`), in their order, and each filter value's count among them (as Pagefind's response
   * `filters`), counted when first read: the page reads them after showing the first results.
   */
  apply(results: readonly SearchHit[], filters: PagefindFilters = {}): SearchResponse {
    const chosen: [Facet, Uint8Array][] = [];
    for (const [name, { any }] of Object.entries(filters)) {
      const facet = this.#facets.get(name);
      const wanted = new Uint8Array(facet?.values.length ?? 0);
      for (const value of any) {
        const index = facet?.values.indexOf(value) ?? -1;
        if (index >= 0) wanted[index] = 1;
      }
      // A filter on an unknown name or value matches nothing, as in Pagefind.
      if (!facet || !wanted.includes(1)) return this.#response([], [], results.length);
      chosen.push([facet, wanted]);
    }
    const kept: SearchHit[] = [];
    const pages: number[] = [];
    for (const hit of results) {
      const page = this.#pageNumber.get(hit.id);
      if (page === undefined) {
        // Not a page of this index (never seen from Pagefind): kept unfiltered, as Pagefind would.
        if (chosen.length === 0) kept.push(hit);
      } else if (chosen.every(([facet, wanted]) => hasAny(facet, page, wanted))) {
        kept.push(this.#withStory(hit, page));
        pages.push(page);
      }
    }
    return this.#response(kept, pages, results.length);
  }

  /** The hit with its story, if its page has one (a new object: Pagefind's own is reused by later searches). */
  #withStory(hit: SearchHit, page: number): SearchHit {
    const story = this.#story;
    const value = story && storyValue(story, page);
    return story && value !== undefined ? { ...hit, story: story.values[value] ?? "" } : hit;
  }

  #response(results: SearchHit[], pages: readonly number[], unfilteredResultCount: number): SearchResponse {
    let counts: FilterCounts | undefined;
    const count = () => (counts ??= this.#count(pages));
    return {
      results,
      get filters() {
        return count();
      },
      unfilteredResultCount,
    };
  }

  #count(pages: readonly number[]): FilterCounts {
    const counts: FilterCounts = {};
    const story = this.#story;
    for (const [name, { values, start, list }] of this.#facets) {
      const tally = new Uint32Array(values.length);
      // The (value, story) pairs counted so far; the story filter itself counts pages.
      const once = story && name !== storyFilter ? { story, seen: new Set<number>() } : undefined;
      for (const page of pages) {
        const pageStory = once && storyValue(once.story, page);
        for (let at = start[page] ?? 0, end = start[page + 1] ?? 0; at < end; at++) {
          const value = list[at] ?? 0;
          if (once && pageStory !== undefined) {
            const pair = value * once.story.values.length + pageStory;
            if (once.seen.has(pair)) continue;
            once.seen.add(pair);
          }
          tally[value] = (tally[value] ?? 0) + 1;
        }
      }
      counts[name] = Object.fromEntries(values.map((value, index) => [value, tally[index] ?? 0]));
    }
    return counts;
  }
}

/** The index of a page's story value, if it has one. */
function storyValue({ start, list }: Facet, page: number): number | undefined {
  const at = start[page] ?? 0;
  return at < (start[page + 1] ?? 0) ? list[at] : undefined;
}

/** Whether `page` has one of the `wanted` values (a mask by value index) of `facet`. */
function hasAny({ start, list }: Facet, page: number, wanted: Uint8Array): boolean {
  for (let at = start[page] ?? 0, end = start[page + 1] ?? 0; at < end; at++) if (wanted[list[at] ?? 0]) return true;
  return false;
}

/**
 * Loads the facet file that belongs to `meta` from `bundleUrl` (".../pagefind/"). A file that is not
 * there (a bundle written without it) or not as expected is a FacetIndexError; a failed download
 * (offline, not saved) is a plain error, to be tried again.
 */
export async function loadFacetIndex(meta: SeenMeta, bundleUrl: string): Promise<FacetIndex> {
  const file = facetFilePath(meta.url);
  if (!file) throw new FacetIndexError(`no facet file for ${meta.url}`);
  // The file downloads while the metadata is read, which takes the page's thread for a while.
  const [index, response] = await Promise.all([inflate(meta.bytes).then(readMeta), fetch(new URL(file, bundleUrl))]);
  if (response.status === 404) throw new FacetIndexError(`${file} was not written`);
  if (!response.ok) throw new Error(`${response.status} for ${file}`);
  const filters = readFacetFile(
    await inflate(new Uint8Array(await response.arrayBuffer()), facetFileSignature),
    index.pages.length,
  );
  const names = filters.map((filter) => filter.name);
  if (names.length !== index.filterFiles.size || !names.every((name) => index.filterFiles.has(name))) {
    throw new FacetIndexError("facet file: not the filters of this index");
  }
  return new FacetIndex(index, filters);
}

/**
 * Pagefind with its filtering and counting done by a FacetIndex. Until `filters()` has been called
 * (and has loaded the index), a search without filters is Pagefind's own and counts nothing, as
 * Pagefind's does before its filter files are loaded: the page shows those results at once and
 * asks for the counts afterwards. If the index cannot be read, Pagefind filters and counts itself.
 */
export class FacetedPagefind implements Pagefind {
  #index: FacetIndex | undefined;
  #loading: Promise<FilterCounts> | undefined;
  /** Pagefind does the filtering: the facet index could not be read. */
  #fallback = false;
  /** The last unfiltered search, reused for the same words and sort with other filters. */
  #last: { key: string; response: Promise<SearchResponse> } | undefined;

  constructor(
    readonly pagefind: Pagefind,
    /** Pagefind's metadata as it downloaded it (undefined: it could not be seen). */
    readonly meta: Promise<SeenMeta | undefined>,
    readonly bundleUrl: string,
  ) {}

  options(options: PagefindOptions): Promise<void> {
    return this.pagefind.options(options);
  }

  init(): Promise<void> {
    return this.pagefind.init();
  }

  preload(term: string): Promise<void> {
    return this.pagefind.preload(term);
  }

  filters(): Promise<FilterCounts> {
    this.#loading ??= this.#load().catch((error: unknown) => {
      // A network failure (offline, the files never saved) fails for Pagefind alike: try again next time.
      this.#loading = undefined;
      throw error;
    });
    return this.#loading;
  }

  async #load(): Promise<FilterCounts> {
    if (this.#fallback) return this.pagefind.filters();
    const meta = await this.meta;
    try {
      if (!meta) throw new FacetIndexError("Pagefind's metadata was not seen");
      this.#index = await loadFacetIndex(meta, this.bundleUrl);
      return this.#index.totals();
    } catch (error) {
      if (!(error instanceof FacetIndexError)) throw error;
      console.warn("Facets fall back to Pagefind's own filtering:", error.message);
      this.#fallback = true;
      return this.pagefind.filters();
    }
  }

  async search(term: string | null, options: SearchOptions = {}): Promise<SearchResponse> {
    const { filters, sort = {} } = options;
    if (this.#fallback) return this.pagefind.search(term, options);
    const response = this.#unfiltered(term, sort);
    if (!this.#index && filters && Object.keys(filters).length > 0) {
      // The facet file loads beside the words' index chunks, not before them.
      await Promise.all([this.filters(), response]);
      return this.search(term, options);
    }
    const unfiltered = await response;
    // Read after the wait: the index may have arrived meanwhile.
    return this.#index ? this.#index.apply(unfiltered.results, filters) : { ...unfiltered, filters: {} };
  }

  /** Pagefind's search without filters, reused for the same words and sort. */
  #unfiltered(term: string | null, sort: Record<string, "asc" | "desc">): Promise<SearchResponse> {
    const key = JSON.stringify([term, sort]);
    if (this.#last?.key === key) return this.#last.response;
    const response = this.pagefind.search(term, { sort });
    this.#last = { key, response };
    // A failed search (offline, an index chunk not saved) is not reused.
    response.catch(() => {
      if (this.#last?.response === response) this.#last = undefined;
    });
    return response;
  }
}
