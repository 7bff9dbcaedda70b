/**
 * The index a snapshot searches when it is opened from disk (src/assets/search/disk-search.ts):
 * each article's title, summary, text and facets, as one classic script, `search-index.js`, that
 * assigns a global. Its facet values are those Pagefind indexes from the same pages (the
 * `data-pagefind-filter` values in src/pages/news-item.njk and abstract.njk), so the search page's
 * facets read the same from disk and over http.
 */
import { diskIndexGlobal, type DiskIndex, type DiskIndexPage } from "../../../src/assets/search/disk-search.ts";
import type { Archive } from "../model/archive.ts";
import type { Item } from "../content/load.ts";
import { languageAutonym } from "../content/languages.ts";
import { abstractAbout } from "../search/metadata.ts";
import { suggestionDictionary } from "../search/suggestion-words.ts";
import { htmlText } from "../util/html.ts";
import { formatBucket } from "../../../src/assets/shared/suggest.ts";
import { storyFilter } from "../../../src/assets/search/stories.ts";
import { facets, type Facet } from "../../../src/assets/shared/facets.ts";

/** The lead image's search thumbnail as the search page reads it from Pagefind's metadata. */
function thumbnailMeta(item: Item): Record<string, string> {
  const thumbnail = item.files?.image?.searchThumbnail;
  return thumbnail
    ? {
        thumbnail: thumbnail.name,
        thumbnail_width: String(thumbnail.width),
        thumbnail_height: String(thumbnail.height),
      }
    : {};
}

/**
 * Each facet's values for an item, as Pagefind reads them from the item's markup
 * (src/pages/news-item.njk, abstract.njk); undefined where the facet is not indexed for the item's kind.
 */
const facetValues: { [F in Facet]: (item: Item, archive: Archive) => string[] | undefined } = {
  type: (item) => [item.kind === "news" ? "News" : "Abstract"],
  year: (item) => [String(item.year)],
  // An abstract's topics as abstract.njk indexes them; news lists the facet even when empty, as it always has.
  topic: (item) =>
    item.kind === "news" || item.topics.length > 0 ? item.topics.map((topic) => topic.label) : undefined,
  conference: (item) => (item.kind === "abstract" ? [item.conference.name] : undefined),
  // A speaker page's name (the most used spelling), as the abstract page's filter gives it.
  speaker: (item, archive) =>
    item.kind === "abstract"
      ? [...new Set(item.speakers.map((speaker) => archive.speakerOf(speaker)?.name ?? speaker.name))]
      : undefined,
  lang: (item) => [languageAutonym(item.lang)],
};

/** The filters Pagefind gets from an item's markup: the facets', and the story's on an item with translations. */
function itemFilters(item: Item, archive: Archive): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const { id } of facets) {
    const values = facetValues[id](item, archive);
    if (values) filters[id] = values;
  }
  const story = archive.translationKeyOf(item);
  if (story) filters[storyFilter] = [story];
  return filters;
}

function indexPage(item: Item, archive: Archive): DiskIndexPage {
  const caption = item.files?.image?.caption ?? "";
  const common = {
    // Relative to the snapshot's root, and naming the file: the search page resolves it from disk.
    url: `${item.url.slice(1)}index.html`,
    title: item.title,
    date: item.date,
    summary: item.summary,
    body: htmlText(item.html),
  };
  const language = { lang: item.lang, group: archive.translationKeyOf(item) };
  if (item.kind === "news")
    return {
      ...common,
      about: caption,
      meta: { type: "News", ...language, ...thumbnailMeta(item) },
      filters: itemFilters(item, archive),
    };
  return {
    ...common,
    // What Pagefind searches as the abstract's metadata (src/pages/abstract.njk).
    about: [
      item.conference.name,
      ...item.speakers.map((speaker) => speaker.name),
      abstractAbout(item),
      ...(caption ? [caption] : []),
    ].join(". "),
    meta: {
      type: "Abstract",
      conference: item.conference.name,
      speakers: item.speakers.map((speaker) => speaker.name).join(", "),
      ...language,
      ...thumbnailMeta(item),
    },
    filters: itemFilters(item, archive),
  };
}

/**
 * The snapshot's pages, and the dictionary of its words for spelling suggestions, which the site
 * serves as files (suggestion-words.ts).
 */
export function diskIndex(archive: Archive): DiskIndex {
  const words = Object.fromEntries(
    [...suggestionDictionary(archive.items)]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([bucket, entries]) => [bucket, formatBucket(entries)]),
  );
  return { version: 1, pages: archive.items.map((item) => indexPage(item, archive)), words };
}

/** `search-index.js`: JSON is a JavaScript expression, so the index is one assignment. */
export function diskIndexScript(index: DiskIndex): string {
  return `window.${diskIndexGlobal} = ${JSON.stringify(index)};\n`;
}
