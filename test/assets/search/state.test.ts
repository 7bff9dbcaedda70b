/** The search page's URL state and its translation to Pagefind options (src/assets/search/state.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  emptyState,
  facetsWithChoice,
  formatDate,
  pagefindFilters,
  pagefindSort,
  parseState,
  resultSummary,
  stateToSearch,
  yearsInRange,
  type FacetLabels,
} from "../../../src/assets/search/state.ts";

const labels: FacetLabels = {
  type: new Map([
    ["news", "News"],
    ["abstract", "Abstract"],
  ]),
  topic: new Map([
    ["training", "Training"],
    ["cybercrime", "Cybercrime"],
  ]),
  conference: new Map([["annual-27", "IAP 27th Annual Conference & General Meeting"]]),
};
const years = ["2019", "2020", "2021", "2022", "2023", "2024"];

test("parseState reads every parameter of the issue's example URL", () => {
  assert.equal(parseState("?q=aiamp&type=news&from=2020&to=2023&sort=newest"), {
    q: "aiamp",
    selected: { type: ["news"], topic: [], conference: [], speaker: [], lang: [] },
    from: 2020,
    to: 2023,
    sort: "newest",
  });
});

test("parseState tidies what a hand-edited URL may hold", () => {
  const state = parseState(
    "?q=%20%20sao%20%20paulo%20&topic=training&topic=training&topic=&from=20x&to=1999&sort=best&speaker=Ana+Example",
  );
  assert.equal(state, {
    q: "sao paulo",
    selected: { type: [], topic: ["training"], conference: [], speaker: ["Ana Example"], lang: [] },
    to: 1999,
    sort: "relevance",
  });
  assert.equal(parseState("?from=2023&to=2020"), { ...emptyState(), from: 2020, to: 2023 });
});

test("stateToSearch writes the canonical URL: fixed order, defaults left out, round-trips", () => {
  const search =
    "?q=s%C3%A3o+paulo&type=news&topic=training&topic=cybercrime" +
    "&speaker=Juan+Bautista+Mahiques&from=2020&to=2023&sort=oldest";
  assert.is(stateToSearch(parseState(search)), search);
  assert.is(stateToSearch(parseState("?sort=newest&q=aiamp&type=news")), "?q=aiamp&type=news&sort=newest");
  assert.is(stateToSearch(parseState("?sort=relevance&q=")), "");
});

test("pagefindFilters: OR within a facet, AND across facets, ids turned into indexed values", () => {
  const state = parseState(
    "?type=news&topic=training&topic=cybercrime&topic=unknown-topic&speaker=Ana+Example&from=2020&to=2022",
  );
  assert.equal(pagefindFilters(state, labels, years), {
    type: { any: ["News"] },
    topic: { any: ["Training", "Cybercrime"] },
    speaker: { any: ["Ana Example"] },
    year: { any: ["2020", "2021", "2022"] },
  });
  assert.equal(pagefindFilters(emptyState(), labels, years), {});
});

test("pagefindFilters leaves one facet out for that facet's own counts", () => {
  const state = parseState("?type=news&topic=training&from=2023");
  assert.equal(pagefindFilters(state, labels, years, "topic"), {
    type: { any: ["News"] },
    year: { any: ["2023", "2024"] },
  });
  assert.equal(pagefindFilters(state, labels, years, "year"), {
    type: { any: ["News"] },
    topic: { any: ["Training"] },
  });
  assert.equal(facetsWithChoice(state), ["type", "topic", "year"]);
});

test("a year range with no indexed year matches nothing", () => {
  assert.is(pagefindFilters(parseState("?from=2030"), labels, years), undefined);
  assert.equal(yearsInRange(years, undefined, 2020), ["2019", "2020"]);
  assert.equal(yearsInRange(years, 2024, undefined), ["2024"]);
});

test("pagefindSort: relevance needs words; without them the newest come first", () => {
  assert.equal(pagefindSort(parseState("?q=aiamp")), {});
  assert.equal(pagefindSort(parseState("?topic=training")), { date: "desc" });
  assert.equal(pagefindSort(parseState("?q=aiamp&sort=newest")), { date: "desc" });
  assert.equal(pagefindSort(parseState("?q=aiamp&sort=oldest")), { date: "asc" });
});

test("resultSummary is what the live region announces", () => {
  assert.is(resultSummary(3, parseState("?q=aiamp")), "3 results for “aiamp”");
  assert.is(resultSummary(1, parseState("?q=aiamp&type=news")), "1 result for “aiamp” with the chosen filters");
  assert.is(resultSummary(0, parseState("?topic=training")), "No results for the chosen filters");
});

test("formatDate shows calendar dates as the article pages do, whatever the time zone", () => {
  assert.is(formatDate("2023-11-14"), "14 November 2023");
  assert.is(formatDate("2022-09-25"), "25 September 2022");
  assert.is(formatDate("not a date"), "not a date");
  // The same text as Intl's en-GB long date, on every day of a leap year and a few far apart.
  const intl = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
    const iso = new Date(day).toISOString().slice(0, 10);
    assert.is(formatDate(iso), intl.format(new Date(day)), iso);
  }
  for (const iso of ["1995-06-06", "2000-02-29", "2099-12-31"])
    assert.is(formatDate(iso), intl.format(new Date(`${iso}T00:00:00Z`)), iso);
});

test.run();
