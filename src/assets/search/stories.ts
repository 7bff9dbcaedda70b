/**
 * A story is an item and its translations: the search page shows it as one result ("Also found in:
 * Español", translations.ts), so every number it shows counts stories, not pages.
 *
 * Each page of an item with translations carries the story as a filter (`story`, the translation
 * group's key: src/pages/news-item.njk, abstract.njk); a page without translations carries none and
 * is a story of its own. So the filter counts a search already gets tell how many of its pages are
 * translations of another of its pages, without loading any result's fragment: the count is cheap
 * for 10,000 results as for 10.
 */
import type { SearchHit } from "./pagefind-types.ts";

/** The filter that names a page's story (only on pages that have translations). */
export const storyFilter = "story";

/**
 * How many stories `pages` results are, given how many of them each story has (a search's counts
 * of the story filter): the pages of a story beyond its first are not results of their own.
 */
export function storyCount(pages: number, pagesByStory: Readonly<Record<string, number>> = {}): number {
  let count = pages;
  for (const storyPages of Object.values(pagesByStory)) if (storyPages > 1) count -= storyPages - 1;
  return count;
}

/** A result's story: its `story`, or the page itself when it has no translations (or its story is not known). */
export function storyOf(hit: SearchHit): string {
  return hit.story ?? `page:${hit.id}`;
}

/** Whether `other` finds a story that `current` does not: otherwise it would show the same results, or fewer. */
export function findsOtherStories(current: readonly SearchHit[], other: readonly SearchHit[]): boolean {
  const known = new Set(current.map(storyOf));
  return other.some((hit) => !known.has(storyOf(hit)));
}
