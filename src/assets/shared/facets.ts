/**
 * The search facets, one entry each: read by the item pages' markup, which indexes each facet's
 * values under its id as a Pagefind filter (src/pages/news-item.njk, abstract.njk, through the
 * `facetFilter` global), the search page's markup (src/pages/search.njk, through the `facets`
 * global), its state and view (src/assets/search/), which filter by these ids, and the snapshot's
 * on-disk index, whose values per item are keyed by them (scripts/lib/snapshot/disk-index.ts). The
 * order is the URL's, the chips' and the index's. The year is chosen as a range (from–to), not with
 * checkboxes.
 */
export const facets = [
  { id: "type", label: "Type", noun: "types" },
  { id: "year", label: "Years", noun: "years", range: true },
  { id: "topic", label: "Topic", noun: "topics" },
  { id: "conference", label: "Conference", noun: "conferences" },
  { id: "speaker", label: "Speaker", noun: "speakers" },
  { id: "lang", label: "Language", noun: "languages" },
] as const satisfies readonly { id: string; label: string; noun: string; range?: true }[];

export type Facet = (typeof facets)[number]["id"];
export type CheckboxFacet = Exclude<Facet, "year">;

/** Facets chosen with checkboxes, in the URL's order. */
export const checkboxFacets = facets.flatMap((facet) => (facet.id === "year" ? [] : [facet.id]));

/**
 * The Pagefind filter a facet's values are indexed under: its id, as the search page filters by it.
 * An id not in the table is refused, so markup cannot index a filter the search page does not know.
 */
export function facetFilterName(id: string): Facet {
  const facet = facets.find((entry) => entry.id === id);
  const known = facets.map((entry) => entry.id).join(", ");
  if (!facet)
    throw new RangeError(`unknown search facet "${id}": the facets are ${known} (src/assets/shared/facets.ts)`);
  return facet.id;
}

/** A facet's entry by its id. */
export function facetById(id: Facet): (typeof facets)[number] {
  return facets.find((facet) => facet.id === id)!;
}
