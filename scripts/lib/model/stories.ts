/**
 * A story is an item and its translations (scripts/lib/content/translations.ts): what a reader
 * counts as one piece of news. Lists, counts, previous/next, related items and feeds show each story
 * once, by one of its items; the other items keep their own pages and are linked from it ("Also in").
 */

/** What choosing a story's entry needs of an item. */
export interface StoryItem {
  url: string;
  lang: string;
  translationOf?: string;
}

/** The story an item belongs to: its group of translations' key, or its own URL when it has none. */
export type StoryKeyOf = (item: StoryItem) => string;

/**
 * One entry per story of `entries`, in their order: of the story's items among them, the one in the
 * site's language, else the original (the one that names no other), else the first. A list filtered
 * first (a year, a topic, a speaker) shows a story by one of its items that passed the filter.
 */
export function oneEntryPerStory<T>(
  entries: readonly T[],
  itemOf: (entry: T) => StoryItem,
  storyKeyOf: StoryKeyOf,
  siteLanguage: string,
): T[] {
  const rank = (item: StoryItem) => (item.lang === siteLanguage ? 0 : item.translationOf === undefined ? 1 : 2);
  const chosen = new Map<string, { entry: T; rank: number }>();
  for (const entry of entries) {
    const item = itemOf(entry);
    const key = storyKeyOf(item);
    const best = chosen.get(key);
    if (!best || rank(item) < best.rank) chosen.set(key, { entry, rank: rank(item) });
  }
  const kept = new Set([...chosen.values()].map((choice) => choice.entry));
  return entries.filter((entry) => kept.has(entry));
}
