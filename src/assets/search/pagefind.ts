/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`, written by the search phase) that
 * this page uses. Pagefind publishes types for its Node API only, so the calls used here are
 * declared from its documentation (pagefind.app/docs/api/, /docs/js-api-filtering/) and checked
 * against the shipped pagefind.js; the browser tests exercise every one of them.
 */
import type { PagefindFilters } from "./state.ts";

/** `{ topic: { Training: 4, Cybercrime: 0 } }` */
export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, "asc" | "desc">;
}

export interface SearchResponse {
  results: SearchHit[];
  /** Matches per filter value if that value were added to the current filters. */
  filters: FilterCounts;
  unfilteredResultCount: number;
}

export interface SearchHit {
  id: string;
  /** Loads the result's fragment: one small request per result, so only results on screen are loaded. */
  data(): Promise<ResultData>;
}

export interface ResultData {
  url: string;
  /** Page text around the matches, `<` and `>` escaped, matches wrapped in `<mark>`. */
  excerpt: string;
  /** Raw metadata (never HTML-escaped by Pagefind): insert as text only. */
  meta: Record<string, string | undefined>;
}

export interface Pagefind {
  options(options: { excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  /** Every filter value in the index with its page count (loads the filter files). */
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse>;
  preload(term: string, options?: SearchOptions): Promise<void>;
}

/** Imports and starts Pagefind from `url` (its `pagefind.js`, absolute). */
export async function loadPagefind(url: string): Promise<Pagefind> {
  // A variable specifier: the bundler leaves the import for the browser to resolve at run time.
  const pagefind = (await import(url)) as Pagefind;
  await pagefind.init();
  return pagefind;
}
