/**
 * Which captures become items, and why the others do not. By default an item is an HTML page
 * answered 200 whose main text reads as an article and that has a date; the rules file can name
 * pages to ignore, which pages are news, and which are conference abstracts.
 */
import type { PageReading } from "./extract.ts";
import { matchesAny, type ImportRules } from "./rules.ts";

export type SkipReason =
  "redirect" | "copy" | "error" | "ignored" | "not-news" | "login" | "listing" | "navigation" | "undated" | "untitled";

/** How the report names each reason, for one page and for several. */
export const skipLabels: Record<SkipReason, [one: string, several: string]> = {
  redirect: ["redirect", "redirects"],
  copy: [
    "copy of another page (its address kept as an alias)",
    "copies of other pages (their addresses kept as aliases)",
  ],
  error: ["error page", "error pages"],
  ignored: ["page ignored by the rules", "pages ignored by the rules"],
  "not-news": ["page not news by the rules", "pages not news by the rules"],
  login: ["login page", "login pages"],
  listing: ["listing or paginated page", "listing and paginated pages"],
  navigation: ["navigation-only page (no article text)", "navigation-only pages (no article text)"],
  undated: ["page with no date", "pages with no date"],
  untitled: ["page with no title", "pages with no title"],
};

export type Skip = { skip: SkipReason; detail: string };
export type AbstractRule = NonNullable<ImportRules["abstracts"]>[number];
export type Kind = { kind: "news" } | { kind: "abstract"; rule: AbstractRule };

/** The old path and query of an address, as the rules' patterns are matched against. */
export function addressPath(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** Before the page is read: what its answer or its address alone decides. Undefined: read it. */
export function classifyResponse(
  url: string,
  status: number,
  headers: Record<string, string>,
  rules: ImportRules,
): Skip | undefined {
  if (status >= 300 && status < 400)
    return { skip: "redirect", detail: `${status} to ${headers.location ?? "nowhere"}` };
  if (status >= 400 || status < 200) return { skip: "error", detail: `HTTP ${status}` };
  if (matchesAny(addressPath(url), rules.ignore)) return { skip: "ignored", detail: "matches the rules' ignore" };
  return undefined;
}

/** Whether an answer is an HTML page (a page of the old site rather than one of its files). */
export function isHtml(headers: Record<string, string>, url: string): boolean {
  const type = headers["content-type"];
  if (type) return /^\s*(text\/html|application\/xhtml\+xml)/i.test(type);
  return /\.html?$|\/[^./]*$/i.test(new URL(url).pathname);
}

/** The kind of item a page is by the rules alone: an abstract, news, or (with `news` patterns given) not news. */
export function kindByRules(url: string, rules: ImportRules): Kind | Skip | undefined {
  const address = addressPath(url);
  const abstract = rules.abstracts?.find((rule) => matchesAny(address, rule.urls));
  if (abstract) return { kind: "abstract", rule: abstract };
  if (rules.news)
    return matchesAny(address, rules.news)
      ? { kind: "news" }
      : { skip: "not-news", detail: "matches none of the rules' news patterns" };
  return undefined;
}

const loginAddress = /(?:^|[/?&=._-])(?:log-?in|sign-?in|log-?on|register)(?:$|[/?&=._-])/i;
const paginatedAddress = /[?&](?:page|pageno|paged|pg|p|currentpage)=\d+|\/page\/\d+\/?$/i;
const errorTitle = /\b(?:page not found|not found|404|error|access denied|forbidden)\b/i;

/**
 * What a page read is. `byRules` is `kindByRules`'s answer: a page the rules call news or an
 * abstract is not second-guessed as a listing, but still needs what an item must have.
 */
export function classifyPage(url: string, page: PageReading, byRules: Kind | undefined): Kind | Skip {
  if (page.hasPasswordField || loginAddress.test(addressPath(url)))
    return { skip: "login", detail: page.hasPasswordField ? "has a password field" : "a login address" };
  if (page.titleTag && errorTitle.test(page.titleTag) && page.textLength < 600)
    return { skip: "error", detail: `answered 200 with "${page.titleTag}"` };
  if (!byRules) {
    if (paginatedAddress.test(addressPath(url))) return { skip: "listing", detail: "a page number in its address" };
    const linkShare = page.textLength > 0 ? page.linkTextLength / page.textLength : 1;
    if (page.hasPagination && (page.datesInText >= 2 || linkShare > 0.5 || !page.date))
      return {
        skip: "listing",
        detail: `pagination links, ${page.datesInText} dates, ${Math.round(linkShare * 100)}% link text`,
      };
    if (page.headingLinks.length >= 3)
      return { skip: "listing", detail: `${page.headingLinks.length} headings that are links` };
    if (page.datesInText >= 3 && linkShare > 0.25)
      return { skip: "listing", detail: `${page.datesInText} dates and ${Math.round(linkShare * 100)}% link text` };
    if (page.textLength - page.linkTextLength < 80)
      return {
        skip: "navigation",
        detail: `${page.textLength - page.linkTextLength} characters of text outside links`,
      };
    if (linkShare > 0.6) return { skip: "navigation", detail: `${Math.round(linkShare * 100)}% of its text is links` };
  }
  if (!page.title) return { skip: "untitled", detail: "no og:title, h1 or <title>" };
  const kind = byRules ?? { kind: "news" };
  if (kind.kind === "news" && !page.date) {
    return {
      skip: "undated",
      detail: page.ambiguousDate
        ? `the numeric date ${page.ambiguousDate} reads two ways: set dateOrder in the rules (day-month or month-day)`
        : "no date in <time>, meta tags, JSON-LD or the text near the title",
    };
  }
  return kind;
}

/**
 * Once the whole crawl is read: a page whose main content is two or more headings that each link to
 * another page of the crawl (a tag, category or archive page: teasers with a date and an excerpt) is
 * a listing of them, whatever its address. An article with a few linked headings after its own text
 * is not. `isOtherPage` says whether an address is another page of the crawl.
 */
export function teaserListing(page: PageReading, isOtherPage: (url: string) => boolean): Skip | undefined {
  const teasers = page.headingLinks.filter(isOtherPage).length;
  if (teasers < 2 || page.textBeforeHeadingLinks > maxListingIntroduction) return undefined;
  return { skip: "listing", detail: `${teasers} headings that link to other pages of the crawl` };
}

/** Characters of text a listing may have before its first entry ("Articles tagged Cooperation"). */
const maxListingIntroduction = 200;
