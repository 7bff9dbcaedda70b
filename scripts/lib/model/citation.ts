/**
 * Metadata for people and machines citing the archive: a ready-to-copy citation, and schema.org
 * JSON-LD for news (NewsArticle) and abstracts (a ScholarlyArticle recorded at the conference Event).
 */
import type { Site } from "../content/schema.ts";
import { abstractTitle, type AbstractItem, type Item, type NewsItem } from "../content/load.ts";
import { leadImagePath } from "../content/item-files.ts";
import { formatCalendarDate, formatDateRange } from "../content/dates.ts";
import { absoluteUrl } from "./urls.ts";
import { wordsFor } from "../content/words.ts";

const listFormats = new Map<string, Intl.ListFormat>();

/** "A, B and C"; in "es", "A, B y C". */
function namesList(names: string[], lang: string): string {
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang === "en" ? "en-GB" : lang, { type: "conjunction" });
    listFormats.set(lang, format);
  }
  return format.format(names);
}

/**
 * `root` is the archive's absolute root URL (Archive.siteRoot), which includes any base path. A
 * citation is written in the language of the words around the item (scripts/lib/content/words.ts):
 * its date, "and" and "Abstract".
 */

/** International Association of Prosecutors (14 November 2023). Title. IAP News Archive. https://… */
export function newsCitation(item: NewsItem, site: Site, root: string): string {
  const { lang } = wordsFor(item.lang);
  return (
    `${site.organisation} (${formatCalendarDate(item.date, lang)}). ` +
    `${withStop(item.title)} ${site.name}. ${absoluteUrl(item.url, root)}`
  );
}

/** Speaker A and Speaker B (2022). Title. Abstract, Session, Conference, City, dates. Organisation. https://… */
export function abstractCitation(item: AbstractItem, site: Site, root: string): string {
  const conference = item.conference;
  const place = [conference.city, conference.country].filter(Boolean).join(", ");
  const words = wordsFor(item.lang);
  const event = [conference.name, place, formatDateRange(conference.start, conference.end, words.lang)]
    .filter(Boolean)
    .join(", ");
  // An abstract without a title of its own is titled "Speakers: Session": cited, that repeated both.
  const untitled = item.title === abstractTitle(item.speakers, item.session);
  const what = untitled
    ? `${withStop(item.session)} ${words.citedAbstract}.`
    : `${withStop(item.title)} ${words.citedAbstract}, ${item.session}.`;
  return `${namesList(
    item.speakers.map((speaker) => speaker.name),
    words.lang,
  )} (${conference.year}). ${what} ${event}. ${site.organisation}. ${absoluteUrl(item.url, root)}`;
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function publisher(site: Site, root: string) {
  return { "@type": "Organization", name: site.organisation, url: root };
}

/**
 * schema.org's link to the item this one translates (`translationOf`), when that is published:
 * `translations` are the other published items of its group (Archive.translationsOf).
 */
function translationOfWork(
  item: Item,
  translations: readonly Item[],
  root: string,
): { translationOfWork?: Record<string, string> } {
  const original = translations.find((other) => other.url === item.translationOf);
  return original ? { translationOfWork: { "@id": absoluteUrl(original.url, root), inLanguage: original.lang } } : {};
}

/** schema.org's `image`: the lead image, which search engines show with the article. */
function imageOf(item: Item, root: string): { image?: string[] } {
  const image = leadImagePath(item);
  return image ? { image: [absoluteUrl(image, root)] } : {};
}

export function newsArticleJsonLd(
  item: NewsItem,
  site: Site,
  root: string,
  translations: readonly Item[] = [],
): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: item.title,
    description: item.summary,
    datePublished: item.date,
    dateModified: item.date,
    url: absoluteUrl(item.url, root),
    mainEntityOfPage: absoluteUrl(item.url, root),
    inLanguage: item.lang,
    ...translationOfWork(item, translations, root),
    author: publisher(site, root),
    publisher: publisher(site, root),
    isPartOf: { "@type": "WebSite", name: site.name, url: root },
    ...(item.topics.length > 0 ? { keywords: item.topics.map((topic) => topic.label) } : {}),
    ...imageOf(item, root),
    wordCount: item.wordCount,
  };
}

export function abstractJsonLd(
  item: AbstractItem,
  site: Site,
  root: string,
  translations: readonly Item[] = [],
): Record<string, unknown> {
  const conference = item.conference;
  return {
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    headline: item.title,
    name: item.title,
    description: item.summary,
    datePublished: item.date,
    url: absoluteUrl(item.url, root),
    ...imageOf(item, root),
    inLanguage: item.lang,
    ...translationOfWork(item, translations, root),
    author: item.speakers.map((speaker) => ({
      "@type": "Person",
      name: speaker.name,
      ...(speaker.role ? { jobTitle: speaker.role } : {}),
      ...(speaker.organisation ? { affiliation: { "@type": "Organization", name: speaker.organisation } } : {}),
    })),
    publisher: publisher(site, root),
    recordedAt: {
      "@type": "Event",
      name: conference.name,
      startDate: conference.start,
      endDate: conference.end,
      url: absoluteUrl(conference.url, root),
      organizer: publisher(site, root),
      ...(conference.city || conference.country
        ? {
            location: {
              "@type": "Place",
              name: [conference.city, conference.country].filter(Boolean).join(", "),
              address: {
                "@type": "PostalAddress",
                ...(conference.city ? { addressLocality: conference.city } : {}),
                ...(conference.country ? { addressCountry: conference.country } : {}),
              },
            },
          }
        : {}),
      ...(conference.theme ? { about: conference.theme } : {}),
    },
  };
}

/**
 * JSON for a `<script type="application/ld+json">` block. `<`, `>` and `&` are written as \u
 * escapes, so a title containing `</script>` or `<!--` cannot end the block; U+2028/2029 too.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
