/**
 * The search facets, one entry each: read by the search page's markup (src/pages/search.njk, through
 * the `facets` global), its state and view (src/assets/search/), and the snapshot's on-disk index,
 * whose values per item are keyed by these ids (scripts/lib/snapshot/disk-index.ts). The order is
 * the URL's, the chips' and the index's. The year is chosen as a range (from–to), not with checkboxes.
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

/** A facet's entry by its id. */
export function facetById(id: Facet): (typeof facets)[number] {
  return facets.find((facet) => facet.id === id)!;
}
