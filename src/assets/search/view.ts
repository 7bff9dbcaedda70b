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
import { excerptParts, highlightUrl, markedWords } from "./excerpt.ts";
import type { ResultData } from "./pagefind.ts";
import { checkboxFacets, formatDate, hasFilters, type CheckboxFacet, type FacetLabels, type SearchState } from "./state.ts";

/** Speakers can number in the hundreds: the list starts with the most frequent. */
const collapsedLength = 10;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
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
      [...list.querySelectorAll<HTMLElement>("[data-value]")].map((item) => [item.dataset.value ?? "", item.textContent ?? ""]),
    );
  }
  return labels;
}

interface FacetOption {
  value: string;
  item: HTMLLIElement;
  input: HTMLInputElement;
  count: HTMLSpanElement;
}

/** One facet's checkboxes, in a fixed order, showing only values that have results (or are chosen). */
class FacetList {
  readonly #options: FacetOption[] = [];
  readonly #toggle: HTMLButtonElement | undefined;
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
      const count = element("span", "count");
      text.append(" ", count);
      item.append(input, text);
      list.append(item);
      this.#options.push({ value, item, input, count });
    });
    if (values.length > collapsedLength) {
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
    let shown = 0;
    let available = 0;
    for (const option of this.#options) {
      const count = counts[option.input.dataset.label ?? ""] ?? 0;
      const checked = selected.includes(option.value);
      option.input.checked = checked;
      option.count.textContent = `(${count})`;
      const relevant = count > 0 || checked;
      if (relevant) available++;
      const visible = relevant && (this.#expanded || checked || shown < collapsedLength);
      if (visible) shown++;
      option.item.hidden = !visible;
    }
    // A facet with nothing to choose (no speakers among news results) is left out altogether.
    this.fieldset.hidden = shown === 0;
    if (this.#toggle) {
      this.#toggle.hidden = available <= collapsedLength;
      this.#toggle.textContent = this.#expanded ? `Show fewer ${this.noun}` : `Show all ${available} ${this.noun}`;
      this.#toggle.setAttribute("aria-expanded", String(this.#expanded));
    }
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
  readonly #facets: FacetList[] = [];
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
  }

  /** JavaScript runs: the form replaces the note that search needs it; the facets wait for their counts. */
  start(): void {
    this.#notice.hidden = true;
    for (const fieldset of this.form.querySelectorAll<HTMLFieldSetElement>(".search-filters fieldset")) fieldset.hidden = true;
    this.form.hidden = false;
  }

  /** On a narrow screen the facets are above the results, not beside them (site.css). */
  facetsAboveResults(): boolean {
    return this.#output.getBoundingClientRect().top > this.#filters.getBoundingClientRect().top + 1;
  }

  /** Pagefind could not load (offline, blocked): say so and offer the browsing pages again. */
  fail(): void {
    this.#status.textContent = "Search could not be loaded.";
    this.#notice.hidden = false;
  }

  /** Builds the facet controls from every value in the index, once, showing `state`'s choices; they show with their counts. */
  buildFacets(totals: Record<string, Record<string, number>>, labels: FacetLabels, state: SearchState): void {
    if (this.#facets.length > 0) return;
    const nouns: Record<CheckboxFacet, string> = { type: "types", topic: "topics", conference: "conferences", speaker: "speakers" };
    for (const facet of checkboxFacets) {
      const fieldset = required(this.form, `fieldset[data-facet="${facet}"]`, HTMLFieldSetElement);
      this.#facets.push(new FacetList(facet, fieldset, facetValues(totals[facet] ?? {}, labels[facet]), nouns[facet]));
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
    // New words keep the filters: going over hundreds of checkboxes would delay the search by 2 ms.
    if (!this.#written || !sameFilters(this.#written, state)) this.#writeFilters(state);
  }

  #writeFilters(state: SearchState): void {
    this.#written = state;
    for (const [select, year] of [[this.from, state.from], [this.to, state.to]] as const) {
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
      for (const facet of checkboxFacets) for (const value of this.#written.selected[facet]) params.append(facet, value);
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

  busy(busy: boolean): void {
    this.#results.setAttribute("aria-busy", String(busy));
  }

  clearResults(): void {
    this.#results.replaceChildren();
    this.more.hidden = true;
  }

  /**
   * Appends results and returns the first new link, for focus after "More results". A result whose
   * details could not be loaded (offline, not saved) is `null` and says so instead of vanishing.
   */
  appendResults(results: readonly (ResultData | null)[]): HTMLAnchorElement | undefined {
    const items = results.map((data) => (data ? resultItem(data) : unavailableItem()));
    this.#results.append(...items);
    return items[0]?.querySelector("a") ?? undefined;
  }

  showMore(shown: number, total: number): void {
    this.more.hidden = shown >= total;
    this.more.textContent = `More results (${shown} of ${total} shown)`;
  }

  focusFilters(): void {
    this.#filtersHeading.focus();
  }
}

function sameFilters(a: SearchState, b: SearchState): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((value, i) => value === y[i]);
  return a.from === b.from && a.to === b.to && checkboxFacets.every((facet) => same(a.selected[facet], b.selected[facet]));
}

/** A facet's [URL value, indexed value] pairs: in the label map's order, else most results first. */
export function facetValues(totals: Record<string, number>, labels?: ReadonlyMap<string, string>): [string, string][] {
  if (labels) return [...labels].filter(([, label]) => label in totals);
  return Object.entries(totals)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b, "en"))
    .map(([label]) => [label, label]);
}

function unavailableItem(): HTMLLIElement {
  const item = element("li", "search-result search-result-unavailable");
  item.append(
    element(
      "p",
      undefined,
      navigator.onLine
        ? "This result could not be loaded. Reload the page to try again."
        : "This result is not saved for offline reading. Open it when you are online, or save the whole archive on the Offline reading page.",
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

function resultItem(data: ResultData): HTMLLIElement {
  const item = element("li", "search-result");
  const type = data.meta.type ?? "";
  item.append(element("p", "search-result-type", type));

  const heading = element("h3");
  const link = element("a", undefined, data.meta.title || data.url);
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
  for (const part of excerptParts(inDocument?.excerpt ?? data.excerpt)) {
    excerpt.append(part.marked ? element("mark", undefined, part.text) : part.text);
  }
  item.append(excerpt);
  return item;
}
