/**
 * The index a snapshot searches when it is opened from disk (src/assets/search/disk-search.ts):
 * each article's title, summary, text and facets, as one classic script, `search-index.js`, that
 * assigns a global. Its facet values are those Pagefind indexes from the same pages (the
 * `data-pagefind-filter` values in src/pages/news-item.njk and abstract.njk), so the search page's
 * facets read the same from disk and over http.
 */
import { Parser } from "htmlparser2";
import { diskIndexGlobal, type DiskIndex, type DiskIndexPage } from "../../../src/assets/search/disk-search.ts";
import type { Archive } from "../model/archive.ts";
import type { Item } from "../content/load.ts";
import { languageAutonym } from "../content/languages.ts";
import { abstractAbout } from "../search/metadata.ts";
import { suggestionDictionary } from "../search/suggestion-words.ts";
import { formatBucket } from "../../../src/assets/shared/suggest.ts";
import { storyFilter } from "../../../src/assets/search/stories.ts";

/** Elements whose edges separate words: "<p>a</p><p>b</p>" reads "a b", not "ab". */
const blockElements = new Set(["address", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "table", "td", "th", "tr", "ul"]);

/** The text of rendered Markdown, entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  let text = "";
  const parser = new Parser(
    {
      ontext(data) {
        text += data;
      },
      onopentag(name) {
        if (blockElements.has(name)) text += " ";
      },
      onclosetag(name) {
        if (blockElements.has(name)) text += " ";
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text.replace(/\s+/g, " ").trim();
}

/** The lead image's search thumbnail as the search page reads it from Pagefind's metadata. */
function thumbnailMeta(item: Item): Record<string, string> {
  const thumbnail = item.files?.image?.searchThumbnail;
  return thumbnail ? { thumbnail: thumbnail.name, thumbnail_width: String(thumbnail.width), thumbnail_height: String(thumbnail.height) } : {};
}

/**
 * The language, group of translations and story Pagefind gets from the article's markup
 * (src/pages/news-item.njk): the story filter only on an item with translations.
 */
function languageFilters(item: Item, archive: Archive): { meta: Record<string, string>; filters: Record<string, string[]> } {
  const story = archive.translationKeyOf(item);
  return { meta: { lang: item.lang, group: story }, filters: { lang: [languageAutonym(item.lang)], ...(story ? { [storyFilter]: [story] } : {}) } };
}

function indexPage(item: Item, archive: Archive): DiskIndexPage {
  const language = languageFilters(item, archive);
  const caption = item.files?.image?.caption ?? "";
  const common = {
    // Relative to the snapshot's root, and naming the file: the search page resolves it from disk.
    url: `${item.url.slice(1)}index.html`,
    title: item.title,
    date: item.date,
    summary: item.summary,
    body: htmlText(item.html),
  };
  if (item.kind === "news") {
    return {
      ...common,
      about: caption,
      meta: { type: "News", ...language.meta, ...thumbnailMeta(item) },
      filters: { type: ["News"], year: [String(item.year)], topic: item.topics.map((topic) => topic.label), ...language.filters },
    };
  }
  return {
    ...common,
    // What Pagefind searches as the abstract's metadata (src/pages/abstract.njk).
    about: [item.conference.name, ...item.speakers.map((speaker) => speaker.name), abstractAbout(item), ...(caption ? [caption] : [])].join(". "),
    meta: { type: "Abstract", conference: item.conference.name, speakers: item.speakers.map((speaker) => speaker.name).join(", "), ...language.meta, ...thumbnailMeta(item) },
    filters: {
      type: ["Abstract"],
      year: [String(item.year)],
      conference: [item.conference.name],
      // A speaker page's name (the most used spelling), as the abstract page's filter gives it.
      speaker: [...new Set(item.speakers.map((speaker) => archive.speakerOf(speaker)?.name ?? speaker.name))],
      ...language.filters,
    },
  };
}

/** The snapshot's pages, and the dictionary of its words for spelling suggestions, which the site serves as files (suggestion-words.ts). */
export function diskIndex(archive: Archive): DiskIndex {
  const words = Object.fromEntries([...suggestionDictionary(archive.items)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([bucket, entries]) => [bucket, formatBucket(entries)]));
  return { version: 1, pages: archive.items.map((item) => indexPage(item, archive)), words };
}

/** `search-index.js`: JSON is a JavaScript expression, so the index is one assignment. */
export function diskIndexScript(index: DiskIndex): string {
  return `window.${diskIndexGlobal} = ${JSON.stringify(index)};\n`;
}
