import type UserConfig from "@11ty/eleventy/UserConfig";
import { site } from "../../_data/site.ts";
import { formatCalendarDate, formatDateRange, formatMonth } from "../lib/dates.ts";
import { pageWindow } from "../lib/pagination.ts";
import { abstractCitation, abstractJsonLd, newsArticleJsonLd, newsCitation, scriptSafeJson } from "../lib/citation.ts";
import type { Item } from "../lib/content.ts";

/** Absolute URL on the live site, for canonical links and feeds. */
export function absoluteUrl(url: string, base: string = site.url): string {
  return new URL(url, base).href;
}

/** "3 abstracts", "1 abstract" */
export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export const filters = {
  calendarDate: formatCalendarDate,
  month: formatMonth,
  dateRange: formatDateRange,
  absoluteUrl,
  pluralise,
  pageWindow,
  citation: (item: Item) => (item.kind === "news" ? newsCitation(item, site) : abstractCitation(item, site)),
  newsArticleJsonLd: (item: Item) => scriptSafeJson(item.kind === "news" ? newsArticleJsonLd(item, site) : {}),
  abstractJsonLd: (item: Item) => scriptSafeJson(item.kind === "abstract" ? abstractJsonLd(item, site) : {}),
};

export default function registerFilters(eleventyConfig: UserConfig): void {
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
}
