/**
 * Results that are one item in several languages (pages sharing a `group` in their metadata, see
 * src/pages/news-item.njk) show as one result, with "Also found in: Español" links to the others,
 * instead of as unrelated hits: the first one shown, or the one in the page's language.
 */
import { languageAutonym } from "../shared/language-name.ts";
import { highlightUrl, markedWords } from "./excerpt.ts";
import type { ResultData } from "./pagefind.ts";

export class TranslationResults {
  /** Each group's shown result: its list item and data, by group. */
  readonly #shown = new Map<string, { item: HTMLElement; data: ResultData }>();

  clear(): void {
    this.#shown.clear();
  }

  /**
   * Shows `data` as a link on the shown result of its group and returns true; or, when no result
   * of its group is shown yet, remembers `item` as the group's and returns false. A result in the
   * page's language takes the place of a translation shown before it, which becomes its link: an
   * English reader gets the English item first, with "Also found in: Español".
   */
  joinOrRemember(data: ResultData, item: HTMLElement): boolean {
    const group = data.meta.group;
    if (!group) return false;
    const shown = this.#shown.get(group);
    if (!shown) {
      this.#shown.set(group, { item, data });
      return false;
    }
    if (resultLanguage(data) === undefined && resultLanguage(shown.data) !== undefined) {
      shown.item.replaceWith(item);
      for (const link of shown.item.querySelectorAll<HTMLAnchorElement>(".search-also-in a")) addLink(item, link);
      addLink(item, translationLink(shown.data));
      this.#shown.set(group, { item, data });
    } else addLink(shown.item, translationLink(data));
    return true;
  }
}

function translationLink(data: ResultData): HTMLAnchorElement {
  const link = document.createElement("a");
  const lang = data.meta.lang ?? "";
  link.textContent = languageAutonym(lang);
  link.lang = lang;
  link.hreflang = lang;
  link.href = highlightUrl(data.url, markedWords(data.excerpt));
  return link;
}

function addLink(item: HTMLElement, link: HTMLAnchorElement): void {
  let line = item.querySelector<HTMLElement>(".search-also-in");
  if (!line) {
    line = document.createElement("p");
    line.className = "search-also-in";
    line.append("Also found in: ");
    item.append(line);
  } else line.append(", ");
  line.append(link);
}

/** The language of a result's text, when it is not the page's (the search page is in the site's language). */
export function resultLanguage(data: ResultData): string | undefined {
  const lang = data.meta.lang;
  return lang && lang !== document.documentElement.lang ? lang : undefined;
}
