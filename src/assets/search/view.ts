/**
 * The search page's DOM: the form's controls, facet checkboxes with counts, the year range,
 * the results and the live region. Everything Pagefind returns is inserted with textContent or as
 * <mark> elements built here; nothing is parsed as HTML.
 *
 * Facet checkboxes are created once and then only updated (count, hidden), never re-created: the
 * checkbox a keyboard user just toggled keeps its focus while the results change. They are created
 * when the facets have loaded, which may be after the first results: until their counts are known
 * the facets are hidden, and the form keeps the URL's choices for them.
 */
import { offlinePagePath } from "../shared/offline-files.ts";
import { excerptParts, highlightUrl, markedWords, withoutLeadingTitle } from "./excerpt.ts";
import { foldText } from "../shared/fold.ts";
import { facetById } from "../shared/facets.ts";
import type { ResultData } from "./pagefind.ts";
import { languageAutonym } from "../shared/language-name.ts";
import { resultLanguage, TranslationResults } from "./translations.ts";
import {
  checkboxFacets,
  formatDate,
  hasFilters,
  resultSummary,
  type CheckboxFacet,
  type FacetLabels,
  type SearchState,
} from "./state.ts";

/** Speakers can number in the hundreds: a long list shows its 10 values with most results first. */
const collapsedLength = 10;
/** A list this short is shown whole: hiding two of twelve topics behind a button helps no one. */
const collapseAbove = 15;
/** A facet with more values than this gets a box that narrows them as you type. */
const filterBoxFrom = 20;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function required<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`search page: ${selector} is missing`);
  return found;
}

/** The URL value ↔ indexed value maps, read from the page's <template id="search-labels">. */
export function readLabels(root: ParentNode): FacetLabels {
  const template = required(root, "#search-labels", HTMLTemplateElement);
  const labels: FacetLabels = {};
  for (const list of template.content.querySelectorAll<HTMLElement>("[data-facet]")) {
    const facet = checkboxFacets.find((name) => name === list.dataset.facet);
    if (!facet) continue;
    labels[facet] = new Map(
      [...list.querySelectorAll<HTMLElement>("[data-value]")].map((item) => [
        item.dataset.value ?? "",
        item.textContent ?? "",
      ]),
    );
  }
  return labels;
}

interface FacetOption {
  value: string;
  /** The label as compared with the filter box's text. */
  folded: string;
  item: HTMLLIElement;
  input: HTMLInputElement;
  count: HTMLSpanElement;
}

/** One facet's checkboxes, in a fixed order, showing only values that have results (or are chosen). */
class FacetList {
  readonly #options: FacetOption[] = [];
  readonly #toggle: HTMLButtonElement | undefined;
  /** Narrows a long facet's values as you type; not a form field, so never in the URL. */
  readonly filterBox: HTMLInputElement | undefined;
  readonly #noMatch: HTMLParagraphElement | undefined;
  #expanded = false;
  #lastCounts: Record<string, number> = {};
  #lastSelected: readonly string[] = [];

  constructor(
    readonly facet: CheckboxFacet,
    readonly fieldset: HTMLFieldSetElement,
    /** [URL value, indexed value] in display order. */
    values: [string, string][],
    readonly noun: string,
  ) {
    const list = required(fieldset, "ul", HTMLUListElement);
    if (values.length > filterBoxFrom) {
      const label = element("label", "facet-filter-label", `Find ${noun}`);
      label.htmlFor = `search-${facet}-filter`;
      this.filterBox = element("input", "facet-filter");
      this.filterBox.type = "search";
      this.filterBox.id = label.htmlFor;
      this.filterBox.autocomplete = "off";
      this.filterBox.spellcheck = false;
      this.filterBox.addEventListener("input", () => this.update(this.#lastCounts, this.#lastSelected));
      // Enter in this box narrows the list; it must not submit the search.
      this.filterBox.addEventListener("keydown", (event) => {
        if (event.key === "Enter") event.preventDefault();
      });
      this.#noMatch = element("p", "facet-no-match");
      this.#noMatch.hidden = true;
      list.before(label, this.filterBox);
      list.after(this.#noMatch);
    }
    values.forEach(([value, label], index) => {
      const item = element("li");
      const input = element("input");
      input.type = "checkbox";
      input.name = facet;
      input.value = value;
      input.id = `search-${facet}-${index}`;
      input.dataset.label = label;
      const text = element("label", undefined, label);
      text.htmlFor = input.id;
      // A language is named in its own language (Español), and marked so that it is read as such.
      if (facet === "lang") text.lang = value;
      const count = element("span", "count");
      text.append(" ", count);
      item.append(input, text);
      list.append(item);
      this.#options.push({ value, folded: foldText(label), item, input, count });
    });
    if (values.length > collapseAbove) {
      this.#toggle = element("button", "facet-toggle");
      this.#toggle.type = "button";
      this.#toggle.setAttribute("aria-expanded", "false");
      this.#toggle.addEventListener("click", () => {
        this.#expanded = !this.#expanded;
        this.update(this.#lastCounts, this.#lastSelected);
        // The button stays where it was, so focus stays on it: no keyboard user is stranded.
      });
      fieldset.append(this.#toggle);
    }
  }

  /** `counts` by indexed value; `selected` URL values. */
  update(counts: Record<string, number>, selected: readonly string[]): void {
    this.#lastCounts = counts;
    this.#lastSelected = selected;
    const needle = foldText(this.filterBox?.value.trim() ?? "");
    const countOf = (option: FacetOption) => counts[option.input.dataset.label ?? ""] ?? 0;
    // Values without results are hidden, unless chosen: they would only lead to "No results".
    const relevant = this.#options.filter((option) => countOf(option) > 0 || selected.includes(option.value));
    const matching = needle === "" ? relevant : relevant.filter((option) => option.folded.includes(needle));
    const available = matching.length;
    const collapsed = !this.#expanded && needle === "" && available > collapseAbove;
    // Collapsed, the values with most results for this search show, in the list's own order: the
    // items never move, so a checkbox keeps its focus.
    const top = new Set(
      collapsed ? [...matching].sort((a, b) => countOf(b) - countOf(a)).slice(0, collapsedLength) : matching,
    );
    const matched = new Set(matching);
    for (const option of this.#options) {
      const checked = selected.includes(option.value);
      option.input.checked = checked;
      option.count.textContent = `(${countOf(option)})`;
      const visible = matched.has(option) && (top.has(option) || checked);
      if (option.item.hidden === visible) option.item.hidden = !visible;
    }
    const relevantCount = relevant.length;
    // A facet with nothing to choose (no speakers among news results) is left out altogether.
    this.fieldset.hidden = relevantCount === 0;
    if (this.#noMatch) {
      this.#noMatch.hidden = needle === "" || available > 0;
      this.#noMatch.textContent = `No ${this.noun} match “${this.filterBox?.value.trim() ?? ""}”.`;
    }
    if (this.#toggle) {
      this.#toggle.hidden = needle !== "" || available <= collapseAbove;
      this.#toggle.textContent = this.#expanded ? `Show fewer ${this.noun}` : `Show all ${available} ${this.noun}`;
      this.#toggle.setAttribute("aria-expanded", String(this.#expanded));
    }
  }

  /** The label of a URL value, for the chips of chosen filters. */
  labelOf(value: string): string {
    return this.#options.find((option) => option.value === value)?.input.dataset.label ?? value;
  }
}

export interface FacetCounts {
  facets: Partial<Record<CheckboxFacet, Record<string, number>>>;
  year: Record<string, number>;
}

export class SearchView {
  readonly form: HTMLFormElement;
  readonly query: HTMLInputElement;
  readonly sort: HTMLSelectElement;
  readonly from: HTMLSelectElement;
  readonly to: HTMLSelectElement;
  readonly clear: HTMLButtonElement;
  readonly more: HTMLButtonElement;
  readonly #status: HTMLElement;
  readonly #results: HTMLOListElement;
  readonly #filtersHeading: HTMLElement;
  readonly #filters: HTMLElement;
  readonly #output: HTMLElement;
  readonly #yearsFieldset: HTMLFieldSetElement;
  readonly #notice: HTMLElement;
  readonly #panel: HTMLDetailsElement;
  readonly #chips: HTMLUListElement;
  readonly #empty: HTMLElement;
  readonly #emptyFilters: HTMLUListElement;
  readonly #resultsHeading: HTMLElement;
  readonly suggestion: HTMLElement;
  readonly #facets: FacetList[] = [];
  readonly #translations = new TranslationResults();
  /** Called with a chip's filter when its remove button is pressed. */
  onRemoveFilter: ((facet: CheckboxFacet | "year", value: string) => void) | undefined;
  /** Called when "clear all filters" is pressed under "No results". */
  onClearFilters: (() => void) | undefined;
  #years: string[] = [];
  /** The state last put into the controls. */
  #written: SearchState | undefined;

  constructor(readonly root: Document) {
    this.form = required(root, "#search", HTMLFormElement);
    this.query = required(this.form, "#search-q", HTMLInputElement);
    this.sort = required(this.form, "#search-sort", HTMLSelectElement);
    this.from = required(this.form, "#search-from", HTMLSelectElement);
    this.to = required(this.form, "#search-to", HTMLSelectElement);
    this.clear = required(this.form, "#search-clear", HTMLButtonElement);
    this.more = required(this.form, "#search-more", HTMLButtonElement);
    this.#status = required(this.form, "#search-status", HTMLElement);
    this.#results = required(this.form, "#search-results", HTMLOListElement);
    this.#filtersHeading = required(this.form, "#search-filters-heading", HTMLElement);
    this.#filters = required(this.form, ".search-filters", HTMLElement);
    this.#output = required(this.form, ".search-output", HTMLElement);
    this.#yearsFieldset = required(this.form, "fieldset.search-years", HTMLFieldSetElement);
    this.#notice = required(root, "#search-nojs", HTMLElement);
    this.#panel = required(this.form, "#search-filters-panel", HTMLDetailsElement);
    this.#chips = required(this.form, "#search-chips", HTMLUListElement);
    this.suggestion = required(this.form, "#search-suggestion", HTMLElement);
    this.#empty = required(this.form, "#search-empty", HTMLElement);
    this.#emptyFilters = required(this.#empty, "#search-empty-filters", HTMLUListElement);
    this.#resultsHeading = required(this.form, "#search-results-heading", HTMLElement);
  }

  /** JavaScript runs: the form replaces the note that search needs it; the facets wait for their counts. */
  start(): void {
    this.#notice.hidden = true;
    for (const fieldset of this.form.querySelectorAll<HTMLFieldSetElement>(".search-filters fieldset"))
      fieldset.hidden = true;
    // Beside the results on a wide screen the filters are always open; on a phone they fold away
    // under the summary, so that the results come first.
    const wide = matchMedia("(min-width: 48.01rem)");
    this.#panel.open = wide.matches;
    wide.addEventListener("change", () => (this.#panel.open = wide.matches));
    const removeFilter = (event: Event) => {
      const button =
        event.target instanceof Element ? event.target.closest<HTMLButtonElement>("button[data-facet]") : null;
      if (!button) return;
      const facet = button.dataset.facet;
      const known = facet === "year" ? "year" : checkboxFacets.find((name) => name === facet);
      if (known) this.onRemoveFilter?.(known, button.dataset.value ?? "");
    };
    this.#chips.addEventListener("click", removeFilter);
    this.#emptyFilters.addEventListener("click", removeFilter);
    required(this.#empty, "#search-empty-clear", HTMLButtonElement).addEventListener("click", () =>
      this.onClearFilters?.(),
    );
    // The link skips the filters; its own target would be a new history entry (and a search).
    required(this.form, "#search-skip", HTMLAnchorElement).addEventListener("click", (event) => {
      event.preventDefault();
      this.#resultsHeading.focus();
    });
    this.form.hidden = false;
  }

  /** On a narrow screen with the filters unfolded, they are above the results, not beside them (site.css). */
  facetsAboveResults(): boolean {
    return this.#panel.open && this.#output.getBoundingClientRect().top > this.#filters.getBoundingClientRect().top + 1;
  }

  /** One removable chip per chosen filter, above the results; `labels` name the URL's ids. */
  writeChips(state: SearchState, labels: FacetLabels): void {
    const items = filterChips(state, labels);
    this.#chips.replaceChildren(...items);
    this.#chips.hidden = items.length === 0;
    const summary = this.#panel.querySelector("summary");
    if (summary) summary.textContent = items.length ? `Filters (${items.length} chosen)` : "Filters";
  }

  /**
   * "No results", in the results' place, with what to try: other words (if there were words), a
   * filter less (each chosen filter named, with its remove button, and "clear all filters"), or browsing.
   */
  showEmpty(state: SearchState, labels: FacetLabels): void {
    required(this.#empty, "#search-empty-title", HTMLElement).textContent = `${resultSummary(0, state)}.`;
    required(this.#empty, "#search-empty-words", HTMLElement).hidden = state.q === "";
    this.#emptyFilters.replaceChildren(...filterChips(state, labels));
    required(this.#empty, "#search-empty-filter", HTMLElement).hidden = !hasFilters(state);
    this.#empty.hidden = false;
  }

  hideEmpty(): void {
    this.#empty.hidden = true;
  }

  /** "Did you mean **cooperation** (12 results)?", a link to that search. */
  showSuggestion(corrected: string, results: number, search: string, follow: () => void): void {
    const link = element("a");
    link.href = `${location.pathname}${search}`;
    link.append(element("strong", undefined, corrected));
    link.addEventListener("click", (event) => {
      event.preventDefault();
      follow();
    });
    const count = ` (${results === 1 ? "1 result" : `${results.toLocaleString("en-GB")} results`})?`;
    this.suggestion.replaceChildren("Did you mean ", link, count);
    this.suggestion.hidden = false;
  }

  hideSuggestion(): void {
    this.suggestion.hidden = true;
    this.suggestion.replaceChildren();
  }

  /** Focus after a chip is removed: the next chip, or the words. */
  focusAfterChipRemoved(): void {
    const next = this.#chips.querySelector<HTMLButtonElement>("button");
    (next ?? this.query).focus();
  }

  /** Pagefind could not load (offline, blocked): say so and offer the browsing pages again. */
  fail(): void {
    this.#status.textContent = "Search could not be loaded.";
    this.#notice.hidden = false;
  }

  /**
   * Builds the facet controls from every value in the index, once, showing `state`'s choices; they
   * show with their counts.
   */
  buildFacets(totals: Record<string, Record<string, number>>, labels: FacetLabels, state: SearchState): void {
    if (this.#facets.length > 0) return;
    for (const facet of checkboxFacets) {
      // The page of an archive in one language has no Language facet (src/pages/search.njk).
      if (facet === "lang" && !this.form.querySelector('fieldset[data-facet="lang"]')) continue;
      const fieldset = required(this.form, `fieldset[data-facet="${facet}"]`, HTMLFieldSetElement);
      this.#facets.push(
        new FacetList(facet, fieldset, facetValues(totals[facet] ?? {}, labels[facet]), facetById(facet).noun),
      );
    }
    this.#years = Object.keys(totals.year ?? {}).sort();
    for (const select of [this.from, this.to]) {
      // Only "any year" stays: a year written before (from the URL) is listed again in its place.
      while (select.options.length > 1) select.remove(1);
      for (const year of this.#years) select.append(new Option(year, year));
    }
    this.#writeFilters(state);
  }

  get years(): readonly string[] {
    return this.#years;
  }

  /** Puts a state into the controls (after a reload or Back). */
  write(state: SearchState): void {
    if (this.query.value !== state.q) this.query.value = state.q;
    this.sort.value = state.sort;
    // New words keep the filters: going over hundreds of checkboxes again would delay the search.
    if (!this.#written || !sameFilters(this.#written, state)) this.#writeFilters(state);
  }

  #writeFilters(state: SearchState): void {
    this.#written = state;
    for (const [select, year] of [
      [this.from, state.from],
      [this.to, state.to],
    ] as const) {
      const value = year === undefined ? "" : String(year);
      // Before the facets have loaded the years are not listed yet: the URL's stays, to be read back.
      const listed = [...select.options].some((option) => option.value === value);
      if (!listed && this.#facets.length === 0) select.append(new Option(value, value));
      select.value = value;
    }
    for (const box of this.form.querySelectorAll<HTMLInputElement>("fieldset[data-facet] input[type=checkbox]")) {
      const facet = checkboxFacets.find((name) => name === box.name);
      const checked = facet !== undefined && state.selected[facet].includes(box.value);
      // Only those that change: setting hundreds of checkboxes costs a style recalculation.
      if (box.checked !== checked) box.checked = checked;
    }
    this.clear.hidden = !hasFilters(state);
  }

  /** The controls as a query string, in the same form as the URL. */
  read(): string {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(this.form)) {
      if (typeof value === "string") params.append(name, value);
    }
    // Before the facets have loaded their checkboxes do not exist: the choices stay as they were.
    if (this.#facets.length === 0 && this.#written) {
      for (const facet of checkboxFacets)
        for (const value of this.#written.selected[facet]) params.append(facet, value);
    }
    return `?${params.toString()}`;
  }

  updateCounts(counts: FacetCounts, state: SearchState): void {
    for (const list of this.#facets) list.update(counts.facets[list.facet] ?? {}, state.selected[list.facet]);
    for (const select of [this.from, this.to]) {
      for (const option of select.options) {
        if (option.value) option.textContent = `${option.value} (${counts.year[option.value] ?? 0})`;
      }
    }
    this.#yearsFieldset.hidden = false;
  }

  announce(text: string): void {
    this.#status.textContent = text;
  }

  /** The search needs a part of the index that is not on this device and cannot be downloaded now. */
  announceNotSaved(): void {
    const link = element("a", undefined, "Save the archive");
    // The search page is <base>search/, the offline page <base>offline/.
    link.href = new URL(`..${offlinePagePath}`, location.href).href;
    this.#status.replaceChildren(
      "The part of the search index this search needs is not saved on this device. " +
        "Search again when you are online, or ",
      link,
      " to search it offline.",
    );
  }

  busy(busy: boolean): void {
    this.#results.setAttribute("aria-busy", String(busy));
  }

  clearResults(): void {
    this.#results.replaceChildren();
    this.#translations.clear();
    // An empty list with role=list is an error for assistive technology (axe: aria-required-children).
    this.#results.hidden = true;
    this.more.hidden = true;
  }

  /**
   * Appends results and returns the first new link, for focus after "More results". A result whose
   * details could not be loaded (offline, not saved) says so instead of vanishing.
   */
  appendResults(results: readonly LoadedResult[]): HTMLAnchorElement | undefined {
    // A translation of a result already shown joins it (src/assets/search/translations.ts).
    // Each is added at once: a later result in the page's language may take an earlier one's place.
    const items = results.flatMap((data) => {
      const item = typeof data === "string" ? unavailableItem(data) : resultItem(data);
      if (typeof data !== "string" && this.#translations.joinOrRemember(data, item)) return [];
      this.#results.append(item);
      return [item];
    });
    this.#results.hidden = this.#results.childElementCount === 0;
    return items[0]?.querySelector("a") ?? undefined;
  }

  /**
   * "More results (10 of 24 shown)", while `shown` of `total` results' pages are loaded; it counts
   * results as shown, a story (its page and translations) as one, and `stories` of them in all, once counted.
   */
  showMore(shown: number, total: number, stories?: number): void {
    this.more.hidden = shown >= total;
    this.more.textContent =
      stories === undefined ? "More results" : `More results (${this.#results.childElementCount} of ${stories} shown)`;
  }

  focusFilters(): void {
    this.#filtersHeading.focus();
  }
}

/**
 * A list item per chosen filter, each a button that removes it ("Remove filter Topic: Training ×");
 * `labels` name the URL's ids.
 */
function filterChips(state: SearchState, labels: FacetLabels): HTMLLIElement[] {
  const chips: [CheckboxFacet | "year", string, string][] = checkboxFacets.flatMap((facet) =>
    state.selected[facet].map((value): [CheckboxFacet, string, string] => [
      facet,
      value,
      `${facetById(facet).label}: ${labels[facet]?.get(value) ?? value}`,
    ]),
  );
  if (state.from !== undefined || state.to !== undefined) {
    const range = state.from === state.to ? String(state.from) : `${state.from ?? "…"}–${state.to ?? "…"}`;
    chips.push(["year", "", `${facetById("year").label}: ${range}`]);
  }
  return chips.map(([facet, value, text]) => {
    const item = element("li");
    const button = element("button", "search-chip");
    button.type = "button";
    button.dataset.facet = facet;
    button.dataset.value = value;
    button.append(element("span", "visually-hidden", "Remove filter "), text, " ");
    const cross = element("span", undefined, "×");
    cross.setAttribute("aria-hidden", "true");
    button.append(cross);
    item.append(button);
    return item;
  });
}

function sameFilters(a: SearchState, b: SearchState): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((value, i) => value === y[i]);
  return (
    a.from === b.from && a.to === b.to && checkboxFacets.every((facet) => same(a.selected[facet], b.selected[facet]))
  );
}

/** A facet's [URL value, indexed value] pairs: in the label map's order, else most results first. */
export function facetValues(totals: Record<string, number>, labels?: ReadonlyMap<string, string>): [string, string][] {
  if (labels) return [...labels].filter(([, label]) => label in totals);
  return Object.entries(totals)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b, "en"))
    .map(([label]) => [label, label]);
}

/** A result's fragment, or why it could not be loaded. */
export type LoadedResult = ResultData | "not-saved" | "failed";

function unavailableItem(reason: "not-saved" | "failed"): HTMLLIElement {
  const item = element("li", "search-result search-result-unavailable");
  item.append(
    element(
      "p",
      undefined,
      reason === "not-saved"
        ? "This result is not saved for offline reading. " +
            "Open it when you are online, or save the whole archive on the Offline reading page."
        : "This result could not be loaded. Reload the page to try again.",
    ),
  );
  return item;
}

/**
 * The attached document a result matched in, when it matched only in documents' text: each
 * document is a section of its page headed `#document-N` (_includes/partials/item-files.njk).
 */
export function documentMatch(data: ResultData): { title: string; url: string; excerpt: string } | undefined {
  const matched = (data.sub_results ?? []).filter((section) => section.excerpt.includes("<mark>"));
  return matched.length > 0 && matched.every((section) => /#document-\d+$/.test(section.url)) ? matched[0] : undefined;
}

/**
 * A result's thumbnail: the lead image's small file, named in the metadata relative to the item's
 * page (scripts/lib/phases/media.ts), so it resolves under a base path and in a snapshot opened from disk.
 * Decorative: the title beside it says what the item is.
 */
export function resultThumbnail(data: ResultData, base: string): HTMLImageElement | undefined {
  const { thumbnail, thumbnail_width: width, thumbnail_height: height } = data.meta;
  if (!thumbnail || !/^[\w-]+\.webp$/.test(thumbnail) || !/^\d+$/.test(width ?? "") || !/^\d+$/.test(height ?? ""))
    return undefined;
  const img = element("img", "search-thumbnail");
  img.src = new URL(thumbnail, new URL(data.url, base)).href;
  img.alt = "";
  img.width = Number(width);
  img.height = Number(height);
  img.loading = "lazy";
  img.decoding = "async";
  return img;
}

function resultItem(data: ResultData): HTMLLIElement {
  const item = element("li", "search-result");
  const thumbnail = resultThumbnail(data, location.href);
  if (thumbnail) item.append(thumbnail);
  const type = data.meta.type ?? "";
  const lang = resultLanguage(data);
  const typeLine = element("p", "search-result-type", type);
  if (lang) {
    const name = element("span", undefined, languageAutonym(lang));
    name.lang = lang;
    typeLine.append(" · ", name);
  }
  item.append(typeLine);

  const heading = element("h3");
  const link = element("a", undefined, data.meta.title || data.url);
  if (lang) heading.lang = lang;
  link.href = highlightUrl(data.url, markedWords(data.excerpt));
  heading.append(link);
  item.append(heading);

  const facts = element("p", "meta");
  if (data.meta.date) {
    const time = element("time", undefined, formatDate(data.meta.date));
    time.dateTime = data.meta.date;
    facts.append(time);
  }
  for (const fact of [data.meta.conference, data.meta.speakers]) {
    if (fact) facts.append(" · ", fact);
  }
  item.append(facts);

  const inDocument = documentMatch(data);
  if (inDocument) {
    const found = element("p", "search-found-in", "Matched in ");
    const documentLink = element("a", undefined, inDocument.title);
    documentLink.href = inDocument.url;
    found.append(documentLink);
    item.append(found);
  }
  const excerpt = element("p", "search-excerpt");
  if (lang) excerpt.lang = lang;
  const parts = excerptParts(inDocument?.excerpt ?? data.excerpt);
  for (const part of inDocument ? parts : withoutLeadingTitle(parts, data.meta.title ?? "")) {
    excerpt.append(part.marked ? element("mark", undefined, part.text) : part.text);
  }
  item.append(excerpt);
  return item;
}
