import type UserConfig from "@11ty/eleventy/UserConfig";
import { site } from "../content/data.ts";
import { formatCalendarDate, formatDateRange, formatMonth } from "../content/dates.ts";
import { pageWindow } from "../model/pagination.ts";
import { absoluteUrl } from "../model/urls.ts";
import {
  abstractCitation,
  abstractJsonLd,
  newsArticleJsonLd,
  newsCitation,
  scriptSafeJson,
} from "../model/citation.ts";
import type { Item } from "../content/load.ts";
import { publishedHref } from "../content/item-files.ts";
import { formatBytes, pluralise } from "../util/format.ts";
import { languageAutonym, ogLocale } from "../content/languages.ts";
import { wordsFor } from "../content/words.ts";
import { abstractAbout } from "../search/metadata.ts";

export const filters = {
  calendarDate: formatCalendarDate,
  month: formatMonth,
  dateRange: formatDateRange,
  absoluteUrl,
  pluralise,
  pageWindow,
  fileSize: formatBytes,
  publishedHref,
  // Filters that make absolute URLs take the archive's root (archive.siteRoot), which carries the base path.
  citation: (item: Item, root: string) =>
    item.kind === "news" ? newsCitation(item, site, root) : abstractCitation(item, site, root),
  newsArticleJsonLd: (item: Item, root: string, translations?: Item[]) =>
    scriptSafeJson(item.kind === "news" ? newsArticleJsonLd(item, site, root, translations) : {}),
  abstractJsonLd: (item: Item, root: string, translations?: Item[]) =>
    scriptSafeJson(item.kind === "abstract" ? abstractJsonLd(item, site, root, translations) : {}),
  languageName: languageAutonym,
  ogLocale,
  /**
   * The words around an item's text, in its language: `{% set words = item.lang | words %}`
   * (scripts/lib/content/words.ts).
   */
  words: wordsFor,
  abstractAbout,
};

export default function registerFilters(eleventyConfig: UserConfig): void {
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
}
