/** The search facets' one table (src/assets/shared/facets.ts) and the places that read it. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkboxFacets, facetById, facets } from "../../../src/assets/shared/facets.ts";
import { emptyState, stateToSearch } from "../../../src/assets/search/state.ts";

test("the table: ids in the URL's order, each with its label and noun; the year is chosen as a range", () => {
  assert.equal(
    facets.map((facet) => [facet.id, facet.label, facet.noun]),
    [
      ["type", "Type", "types"],
      ["year", "Years", "years"],
      ["topic", "Topic", "topics"],
      ["conference", "Conference", "conferences"],
      ["speaker", "Speaker", "speakers"],
      ["lang", "Language", "languages"],
    ],
  );
  assert.equal(checkboxFacets, ["type", "topic", "conference", "speaker", "lang"]);
  assert.is(facetById("lang").label, "Language");
});

test("the search state has a list per checkbox facet, written to the URL in the table's order", () => {
  const state = emptyState();
  assert.equal(Object.keys(state.selected), ["type", "topic", "conference", "speaker", "lang"]);
  state.selected.lang = ["es"];
  state.selected.type = ["news"];
  assert.is(stateToSearch(state), "?type=news&lang=es");
});

test.run();
