/**
 * The types of Pagefind's browser API that this page uses (pagefind.ts loads it). Pagefind publishes
 * types for its Node API only, so they are declared from its documentation (pagefind.app/docs/api/,
 * /docs/js-api-filtering/). A module of types only, so that what builds on the engine (the facet
 * index, the story counts) can name them without importing the loader.
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
  /** Relevance (higher first), as Pagefind ranks results. */
  score?: number;
  /**
   * The story (the item and its translations, stories.ts) of a page that has translations, where
   * the engine knows it.
   */
  story?: string;
  /** Loads the result's fragment: one small request per result, so only results on screen are loaded. */
  data(): Promise<ResultData>;
}

export interface ResultData {
  url: string;
  /** Page text around the matches, `<` and `>` escaped, matches wrapped in `<mark>`. */
  excerpt: string;
  /** Raw metadata (never HTML-escaped by Pagefind): insert as text only. */
  meta: Record<string, string | undefined>;
  /** The page's sections (headings with an id), each with its own excerpt; titles are raw text. */
  sub_results?: { title: string; url: string; excerpt: string }[];
}

/** Pagefind's options that this page sets (pagefind.app/docs/search-config/, /docs/ranking/). */
export interface PagefindOptions {
  excerptLength?: number;
  /** Only before `init()`. */
  noWorker?: boolean;
  /** A match in a metadata field multiplies a page's score by its weight (title: 5 by default, others 1). */
  ranking?: { metaWeights?: Record<string, number> };
}

export interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  /** Every filter value in the index with its page count (loads the filter files). */
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse>;
  preload(term: string, options?: SearchOptions): Promise<void>;
}
