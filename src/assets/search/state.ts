/**
 * The search page's whole state, and its one canonical form: the URL query string
 * (`?q=aiamp&type=news&topic=training&lang=es&from=2020&to=2023&sort=newest`). Parsing and writing it, and
 * turning it into Pagefind's filter and sort options, are pure functions so that they are tested
 * in Node (test/assets/search-state.test.ts) and a copied link always reproduces the same search.
 */
import { formatCalendarDate, isCalendarDate } from "../shared/calendar-dates.ts";
import { checkboxFacets, type CheckboxFacet, type Facet } from "../shared/facets.ts";

export { checkboxFacets, type CheckboxFacet, type Facet };

export const sortOrders = ["relevance", "newest", "oldest"] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface SearchState {
  /** The words as typed (trimmed). Empty: browse by filters only. */
  q: string;
  /** Chosen values per facet, as they appear in the URL (ids for type, topic and conference). */
  selected: Record<CheckboxFacet, string[]>;
  from?: number;
  to?: number;
  sort: SortOrder;
}

/**
 * URL value ↔ the value Pagefind indexed, per facet: `news` ↔ `News`, `training` ↔ `Training`.
 * A facet without a map (speaker) uses the indexed value in the URL as it is.
 */
export type FacetLabels = Partial<Record<CheckboxFacet, ReadonlyMap<string, string>>>;

/** Pagefind's filter object: `{ topic: { any: ["Training", "Cybercrime"] }, year: { any: [...] } }`. */
export type PagefindFilters = Record<string, { any: string[] }>;

export function emptyState(): SearchState {
  const selected = Object.fromEntries(checkboxFacets.map((facet) => [facet, []])) as unknown as Record<
    CheckboxFacet,
    string[]
  >;
  return { q: "", selected, sort: "relevance" };
}

export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = (params.get("q") ?? "").replace(/\s+/g, " ").trim();
  for (const facet of checkboxFacets) {
    state.selected[facet] = [
      ...new Set(
        params
          .getAll(facet)
          .map((value) => value.trim())
          .filter(Boolean),
      ),
    ];
  }
  let from = parseYear(params.get("from"));
  let to = parseYear(params.get("to"));
  // A range typed backwards (from=2023&to=2020) means the same years.
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  if (from !== undefined) state.from = from;
  if (to !== undefined) state.to = to;
  const sort = params.get("sort");
  state.sort = sortOrders.find((order) => order === sort) ?? "relevance";
  return state;
}

function parseYear(value: string | null): number | undefined {
  return value && /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/** The canonical query string ("" for the empty state); defaults (relevance) are left out. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const facet of checkboxFacets) for (const value of state.selected[facet]) params.append(facet, value);
  if (state.from !== undefined) params.set("from", String(state.from));
  if (state.to !== undefined) params.set("to", String(state.to));
  if (state.sort !== "relevance") params.set("sort", state.sort);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasFilters(state: SearchState): boolean {
  return (
    checkboxFacets.some((facet) => state.selected[facet].length > 0) ||
    state.from !== undefined ||
    state.to !== undefined
  );
}

/** Nothing asked yet: no words and no filters. */
export function isIdle(state: SearchState): boolean {
  return !state.q && !hasFilters(state);
}

/** The facet values to send to Pagefind for a URL's values; values unknown to the map are dropped. */
export function indexedValues(facet: CheckboxFacet, values: readonly string[], labels: FacetLabels): string[] {
  const map = labels[facet];
  if (!map) return [...values];
  return values.flatMap((value) => {
    const label = map.get(value);
    return label === undefined ? [] : [label];
  });
}

/** The indexed years (as Pagefind lists them) that fall inside from–to; open ends are unbounded. */
export function yearsInRange(known: readonly string[], from?: number, to?: number): string[] {
  return known.filter((year) => {
    const value = Number(year);
    return (from === undefined || value >= from) && (to === undefined || value <= to);
  });
}

/**
 * Pagefind filters for a state: values of one facet combine with OR (`any`), facets with AND.
 * `without` leaves one facet out: the search that gives that facet's own counts, so that
 * choosing a second topic shows how many results it would add rather than 0.
 * Returns undefined when the year range holds no indexed year: nothing can match.
 */
export function pagefindFilters(
  state: SearchState,
  labels: FacetLabels,
  knownYears: readonly string[],
  without?: Facet,
): PagefindFilters | undefined {
  const filters: PagefindFilters = {};
  for (const facet of checkboxFacets) {
    if (facet === without || state.selected[facet].length === 0) continue;
    filters[facet] = { any: indexedValues(facet, state.selected[facet], labels) };
  }
  if (without !== "year" && (state.from !== undefined || state.to !== undefined)) {
    const years = yearsInRange(knownYears, state.from, state.to);
    if (years.length === 0) return undefined;
    filters.year = { any: years };
  }
  return filters;
}

/** Pagefind's sort option. Browsing without words has no relevance to rank by: newest first. */
export function pagefindSort(state: SearchState): Record<string, "asc" | "desc"> {
  if (state.sort === "oldest") return { date: "asc" };
  if (state.sort === "newest" || !state.q) return { date: "desc" };
  return {};
}

/** Facets whose own counts need a search without their filter (those with a choice made). */
export function facetsWithChoice(state: SearchState): Facet[] {
  const chosen: Facet[] = checkboxFacets.filter((facet) => state.selected[facet].length > 0);
  if (state.from !== undefined || state.to !== undefined) chosen.push("year");
  return chosen;
}

/** What the live region says after a search: "3 results for “aiamp” with the chosen filters". */
export function resultSummary(count: number, state: SearchState): string {
  const results = count === 1 ? "1 result" : `${count === 0 ? "No" : count} results`;
  const words = state.q ? ` for “${state.q}”` : "";
  const filters = hasFilters(state) ? (state.q ? " with the chosen filters" : " for the chosen filters") : "";
  return `${results}${words}${filters}`;
}

/** "2023-11-14" → "14 November 2023", by the build's own formatter; anything else is shown as it is. */
export function formatDate(iso: string): string {
  return isCalendarDate(iso) ? formatCalendarDate(iso) : iso;
}
