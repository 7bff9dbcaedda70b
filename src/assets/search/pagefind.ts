/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`, written by the search phase) that
 * this page uses. Pagefind publishes types for its Node API only, so the calls used here are
 * declared from its documentation (pagefind.app/docs/api/, /docs/js-api-filtering/) and checked
 * against the shipped pagefind.js; the browser tests exercise every one of them.
 */
import { FacetedPagefind } from "./facet-index.ts";
import { bundleFolder, scriptFile, watchFetch } from "../shared/pagefind-internals.ts";
import { requireSaved } from "./not-saved.ts";
import type { FilterCounts, Pagefind, PagefindOptions, SearchOptions, SearchResponse } from "./pagefind-types.ts";

export type {
  FilterCounts,
  Pagefind,
  PagefindOptions,
  ResultData,
  SearchHit,
  SearchOptions,
  SearchResponse,
} from "./pagefind-types.ts";

/**
 * A speaker's name is searched as an abstract's metadata (src/pages/abstract.njk): ranked as its title,
 * so that a name finds the speaker's abstracts before the news that mention them.
 */
export const searchOptions: PagefindOptions = { noWorker: true, ranking: { metaWeights: { title: 5, speakers: 5 } } };

/**
 * Imports and starts Pagefind from `url` (its `pagefind.js`, absolute), with its facets computed by
 * the page (facet-index.ts), or with `facetFiles` false by Pagefind itself: the build writes no facet
 * file for a Pagefind it was not tested with (scripts/lib/search/pagefind-files.ts). Resolves once
 * its index metadata and wasm are loaded; rejects if they cannot be (offline and not saved, blocked).
 *
 * Pagefind runs on the page's thread (`noWorker`): its searches without filters take less time there
 * than handing thousands of results over from a worker would, and the worker's script is one
 * download fewer. On that thread its downloads go through the page's `fetch` (see watchFetch in
 * pagefind-internals.ts).
 */
export async function loadPagefind(url: string, parts: readonly string[] = [], facetFiles = true): Promise<Pagefind> {
  const bundleUrl = new URL(".", url).href;
  const metaOf = watchFetch(bundleUrl, requireSaved);
  const faceted = (pagefind: Pagefind, bundle: string) =>
    facetFiles ? new FacetedPagefind(pagefind, metaOf(bundle), bundle) : pagefind;
  const module = (await import(url)) as PagefindModule;
  // Before its first call, which creates its default instance.
  await module.options(searchOptions);
  const first = faceted(await startPagefind(module), bundleUrl);
  if (parts.length === 0) return first;
  // The other parts run on the first's engine (one pagefind.js, one wasm), each with its own index
  // and facet file. Started once the first is: Pagefind's wasm is one per module, set up by the
  // first to load it, and two parts setting it up at once would each keep a pointer into their own copy.
  const others = await Promise.all(
    parts.map(async (part) =>
      faceted(await startPagefind(module.createInstance({ ...searchOptions, basePath: part })), part),
    ),
  );
  return new PartedPagefind([first, ...others]);
}

/**
 * The site's Pagefind, found from the search script's own URL (`<base>/assets/search….js`), so that
 * the site works in any subfolder: `<base>/pagefind/pagefind.js`, and the other parts of an index
 * in parts, which the search form lists (`data-index-parts`, written by the build; see
 * scripts/lib/search/pagefind.ts). The form says `data-facets="pagefind"` when the index has no facet files.
 */
export function loadSitePagefind(scriptUrl: string): Promise<Pagefind> {
  const form = document.getElementById("search");
  const parts = (form?.dataset.indexParts ?? "").split(" ").filter(Boolean);
  return loadPagefind(
    new URL(`../${bundleFolder}/${scriptFile}`, scriptUrl).href,
    parts.map((part) => new URL(`../${part}`, scriptUrl).href),
    form?.dataset.facets !== "pagefind",
  );
}

/** Pagefind's module (`pagefind.js`): its default instance, and `createInstance` for another bundle. */
interface PagefindModule extends Pagefind {
  createInstance(options: PagefindOptions & { basePath: string }): Pagefind;
}

/** A bundle's Pagefind, started: its index metadata and wasm loaded. */
async function startPagefind(pagefind: Pagefind): Promise<Pagefind> {
  await pagefind.init();
  // An empty query returns at once, but only after Pagefind has loaded its metadata and wasm.
  await pagefind.search("");
  return pagefind;
}

/**
 * A large archive's index, written in parts of whole years, newest first (scripts/lib/search/pagefind.ts),
 * each its own Pagefind bundle, searched as one. Each part is a Pagefind instance of its own, on the
 * first bundle's engine (`loadPagefind`). Pagefind's own `mergeIndex` sorts merged results by relevance
 * score even when a sort was asked for; here a sorted search takes each part's sorted results in
 * turn (parts newest first for "desc", oldest first for "asc"), which is the archive's order since
 * the parts' years do not overlap. Unsorted, results are merged by score, as `mergeIndex` does.
 * Filter counts are the sums over the parts.
 */
export class PartedPagefind implements Pagefind {
  constructor(readonly parts: readonly Pagefind[]) {}

  async options(options: PagefindOptions): Promise<void> {
    await Promise.all(this.parts.map((part) => part.options(options)));
  }

  async init(): Promise<void> {
    await Promise.all(this.parts.map((part) => part.init()));
  }

  async filters(): Promise<FilterCounts> {
    return sumCounts(await Promise.all(this.parts.map((part) => part.filters())));
  }

  async preload(term: string, options?: SearchOptions): Promise<void> {
    await Promise.all(this.parts.map((part) => part.preload(term, options)));
  }

  async search(term: string | null, options: SearchOptions = {}): Promise<SearchResponse> {
    const responses = await Promise.all(this.parts.map((part) => part.search(term, options)));
    const direction = Object.values(options.sort ?? {})[0];
    const results = direction
      ? (direction === "desc" ? responses : [...responses].reverse()).flatMap((response) => response.results)
      : responses.flatMap((response) => response.results).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    return {
      results,
      filters: sumCounts(responses.map((response) => response.filters)),
      unfilteredResultCount: responses.reduce((sum, response) => sum + response.unfilteredResultCount, 0),
    };
  }
}

function sumCounts(all: readonly FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const into = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
