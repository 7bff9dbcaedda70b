/**
 * One old page read: its title, date, language and main text. The title and date are read from
 * the whole page (meta tags, `<time>`, JSON-LD, the written date near the title); then menus,
 * breadcrumbs, share bars, footers and the "« back" link are removed and the main text is found by
 * the rules' body selector or by Readability (@mozilla/readability over linkedom), and turned into
 * the archive's Markdown (markdown.ts). Links and images keep their absolute old addresses, by
 * token, until the import knows what each one becomes (links.ts, files.ts).
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { findDate, isoDate, type DateOrder } from "./dates.ts";
import { isDocumentAddress } from "./files.ts";
import { htmlToMarkdown, type BodyImage, type BodyLink } from "./markdown.ts";
import type { ImportRules } from "./rules.ts";
import { alternation } from "../util/regex.ts";

export interface PageReading {
  /** The headline, or undefined when the page has none. */
  title?: string;
  /**
   * Where the title came from: og:title, the page's headline (h1, or the heading its <title>
   * repeats), <title>, or the rules' selector.
   */
  titleFrom?: "selector" | "og:title" | "heading" | "title";
  /** The page's `<title>`, for finding the site's name across pages when the rules do not give it. */
  titleTag: string;
  /** The calendar date, YYYY-MM-DD. */
  date?: string;
  dateFrom?: "selector" | "time" | "article:published_time" | "json-ld" | "text";
  /** A numeric date found that needs the rules' dateOrder. */
  ambiguousDate?: string;
  /** `<html lang>`, as written. */
  htmlLang?: string;
  /** The body in the archive's Markdown; links and images are tokens into `links` and `images`. */
  markdown: string;
  /** The body's links (absolute old address and text), by token. */
  links: BodyLink[];
  images: BodyImage[];
  /** Characters of main text, and how many of them are link text: a listing or a menu is mostly links. */
  textLength: number;
  linkTextLength: number;
  /** Signs of what the page is, for classify.ts. */
  hasPasswordField: boolean;
  hasPagination: boolean;
  /** Dates found in the main text: a listing shows one per entry. */
  datesInText: number;
  /** The addresses of the headings that are only a link: a listing's entries (classify.ts). */
  headingLinks: string[];
  /**
   * Characters of main text before the first of those headings: a listing's short introduction, or
   * an article's text.
   */
  textBeforeHeadingLinks: number;
  /** Where the rules' body selector matched nothing and the extractor was used instead. */
  bodySelectorMissed?: boolean;
  /** For abstracts: the session and speakers read by the rules' selectors. */
  session?: string;
  speakers?: string[];
}

export interface ReadOptions {
  rules: ImportRules;
  /** The abstract rule this page matches, for its session and speakers. */
  abstract?: { session?: string | undefined; speakers?: string | undefined };
}

type Element = ReturnType<typeof parseHTML>["document"]["body"];
type Document = ReturnType<typeof parseHTML>["document"];

/** Containers that are never article text. */
const junkElements =
  "script, style, noscript, template, svg, canvas, iframe, object, embed, form, button, input, select, " +
  "textarea, nav, header, footer, aside, dialog, menu";
const junkRoles =
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"], ' +
  '[aria-hidden="true"], [hidden]';
/** Words of a class or id that mark menus, share bars and the like (matched as whole words of the name). */
const junkWords = new Set([
  "breadcrumb",
  "breadcrumbs",
  "share",
  "sharing",
  "social",
  "addthis",
  "sharethis",
  "menu",
  "navbar",
  "nav",
  "navigation",
  "sidebar",
  "footer",
  "cookie",
  "cookies",
  "skip",
  "pager",
  "pagination",
  "banner",
  "login",
  "search",
  "related",
  "print",
  "toolbar",
  "tags",
  "widget",
  "comments",
  "comment",
  "respond",
  "byline",
  "branding",
  "addtoany",
  "a2a",
  "printer",
]);
/** Pairs of class words that together mark junk: Drupal's node links ("Read more", "Add new comment", share, print). */
const junkWordPairs = [["links", "inline"]];
/** Share endpoints of the common services: a link to one shares the page rather than telling its story. */
const shareServices = alternation([
  /addtoany\.com|addthis\.com|sharethis\.com/,
  /facebook\.com\/(?:sharer|share\.php|dialog\/(?:share|feed))/,
  /(?:twitter|x)\.com\/(?:share|intent)/,
  /linkedin\.com\/(?:shareArticle|sharing|cws\/share)/,
  /whatsapp\.com\/send|wa\.me\/|t\.me\/share|telegram\.me\/share/,
  /pinterest\.[a-z.]+\/pin\/create|reddit\.com\/submit|tumblr\.com\/(?:share|widgets\/share)|vk\.com\/share\.php/,
]);
const shareLink = new RegExp(String.raw`^(?:https?:\/\/(?:[\w-]+\.)*(?:${shareServices})|whatsapp:\/\/send)`, "i");
/** A printer-friendly version of the page: a /print/ path (Drupal's /print/node/12), ?print=1, or window.print(). */
const printLink = new RegExp(
  alternation([
    /(?:^|\/)print(?:\/|\.(?:aspx?|php|html?)(?:$|\?)|$)/,
    /[?&](?:print|printable|printer_?friendly)=/,
    /^javascript:.*\bprint\(/,
    /[?&]option=com_mailto\b/,
    /[?&]format=pdf\b/,
  ]),
  "i",
);
/** Link texts that print, mail or share the page. */
const shareTexts = alternation([
  /printer[- ]friendly(?: version| page)?/,
  /print(?: this)?(?: page| article| story| version)?/,
  /e-?mail(?: this(?: page| article| story)?| to a friend)?/,
  /send (?:this )?to a friend/,
  /share(?: this)?(?: page| article| story| on \w+)?/,
  /pdf/,
]);
const shareText = new RegExp(`^(?:${shareTexts})$`, "i");
/** A line that only says who put the page up or when it last changed. */
const bylines = alternation([
  /(?:written|posted|submitted|published|created) by [^.]{1,60}/,
  /last (?:updated|modified|changed)(?: on)?:? [^.]{1,60}/,
]);
const bylineText = new RegExp(`^(?:${bylines})$`, "i");
/** What is left of a share bar once its links are gone: labels and separators. */
const shareBarLeftover = /^(?:[\s|·•,:;/–—-]|share(?: this)?(?: on)?|print|e-?mail)*$/i;
/** "« back", "< Back", "Volver": the old site's way back to the list, navigation rather than text. */
const backLink =
  /^(?:[«‹<←]+\s*)?(?:back|go back|back to [\w ]{1,20}|return|volver|regresar|atrás|retour|zurück)(?:\s*[»›>]+)?$/i;

/** Characters of text outside links below which a page with a password field is its login form, not an article. */
const minArticleText = 80;

export function readPage(html: string, pageUrl: string, options: ReadOptions): PageReading {
  const { document } = parseHTML(html);
  const { rules } = options;
  const titleTag = text(document.querySelector("title"));
  const htmlLang = document.documentElement?.getAttribute("lang")?.trim() || undefined;
  const passwordField = 'input[type="password" i]';
  const anyPasswordField = document.querySelector(passwordField) !== null;
  const hasPagination =
    document.querySelector(
      'a[rel~="next"], a[rel~="prev"], link[rel~="next"], link[rel~="prev"], ' +
        '.pagination, .pager, [class*="paging"], [class*="Paging"]',
    ) !== null;

  const title = readTitle(document, rules);
  const headline = title.element;
  const date = readDate(document, headline, rules.selectors?.date, rules.dateOrder);
  const session = options.abstract?.session
    ? text(document.querySelector(options.abstract.session)) || undefined
    : undefined;
  const speakers = options.abstract?.speakers
    ? [...document.querySelectorAll(options.abstract.speakers)].map((element) => text(element)).filter(Boolean)
    : undefined;

  // The body: what is left once navigation and what the front matter holds (title, date) are gone.
  for (const selector of rules.selectors?.drop ?? [])
    for (const element of document.querySelectorAll(selector)) element.remove();
  removeJunk(document, pageUrl, [headline, date.element]);
  const headlineParent = headline?.parentElement as Element | null | undefined;
  if (headline) removeHeadline(document, headline, title.value);
  if (date.element) date.element.remove();
  absolutise(document, pageUrl);

  let main: Element | null = null;
  let bodySelectorMissed: boolean | undefined;
  if (rules.selectors?.body) {
    main = document.querySelector(rules.selectors.body) as Element | null;
    if (!main) bodySelectorMissed = true;
  }
  if (!main && headlineParent) main = articleContainer(headlineParent) ?? null;
  if (!main) {
    const article = new Readability(document as unknown as globalThis.Document, {
      serializer: (node) => node,
      keepClasses: false,
      disableJSONLD: true,
    }).parse();
    main = (article?.content as unknown as Element | null | undefined) ?? null;
  }
  const mainText = main ? text(main) : "";
  const linkTextLength = main ? [...main.querySelectorAll("a")].reduce((sum, link) => sum + text(link).length, 0) : 0;
  const linkedHeadings = main
    ? ([...main.querySelectorAll("h2, h3, h4")] as Element[]).filter(
        (heading) => text(heading) !== "" && text(heading) === text(heading.querySelector("a[href]")),
      )
    : [];
  const converted = main ? htmlToMarkdown(main) : { markdown: "", links: [], images: [] };
  // A login form in a side column (a CMS's login module on every page) does not make an article a login page.
  const hasPasswordField =
    anyPasswordField &&
    (main?.querySelector(passwordField) != null || mainText.length - linkTextLength < minArticleText);
  return {
    ...(title.value ? { title: title.value, titleFrom: title.from } : {}),
    titleTag,
    ...(date.date ? { date: date.date, dateFrom: date.from } : {}),
    ...(date.ambiguous ? { ambiguousDate: date.ambiguous } : {}),
    ...(htmlLang ? { htmlLang } : {}),
    ...converted,
    textLength: mainText.length,
    linkTextLength,
    hasPasswordField,
    hasPagination,
    datesInText: countDates(mainText, rules.dateOrder),
    headingLinks: linkedHeadings.map((heading) => heading.querySelector("a[href]")?.getAttribute("href") as string),
    textBeforeHeadingLinks: linkedHeadings[0]
      ? Math.max(0, mainText.indexOf(text(linkedHeadings[0])))
      : mainText.length,
    ...(bodySelectorMissed ? { bodySelectorMissed } : {}),
    ...(session ? { session } : {}),
    ...(speakers ? { speakers } : {}),
  };
}

/**
 * The headline's article: the nearest container around where the headline was (it is gone by now)
 * with some text of its own besides links, widened while a wider one has twice as much such text
 * (a body beside a title block). Side columns and menus, mostly links, do not widen it. Undefined
 * when only the whole page holds text: then Readability finds the article.
 */
function articleContainer(headlineParent: Element): Element | undefined {
  const parents: Element[] = [];
  for (
    let parent: Element | null = headlineParent;
    parent && !/^(BODY|HTML)$/.test(parent.tagName);
    parent = parent.parentElement as Element | null
  )
    parents.push(parent);
  let index = parents.findIndex((parent) => ownText(parent) >= 60);
  if (index === -1) return undefined;
  while (index + 1 < parents.length && ownText(parents[index + 1] as Element) >= ownText(parents[index] as Element) * 2)
    index++;
  return parents[index];
}

function ownText(element: Element): number {
  const links = [...element.querySelectorAll("a")].reduce((sum, link) => sum + text(link).length, 0);
  return text(element).length - links;
}

/** An element's text with runs of white space collapsed. */
function text(element: { textContent: string | null } | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

function readTitle(
  document: Document,
  rules: ImportRules,
): { value?: string; from?: PageReading["titleFrom"]; element?: Element } {
  if (rules.selectors?.title) {
    const element = document.querySelector(rules.selectors.title) as Element | null;
    if (element && text(element)) return { value: text(element), from: "selector", element };
  }
  const headings = [...document.querySelectorAll("h1")].filter((heading) => text(heading)) as Element[];
  const og = document.querySelector('meta[property="og:title"]')?.getAttribute("content")?.replace(/\s+/g, " ").trim();
  const titleTag = text(document.querySelector("title"));
  // The headline: the h1 og:title repeats; else the longest h1, h2 or h3 that <title> repeats (old
  // templates put it in an h2, and a logo in an h1); else the first h1.
  const repeated = [...headings, ...(document.querySelectorAll("h2, h3") as Iterable<Element>)]
    .filter((heading) => text(heading).length > 3 && titleTag.includes(text(heading)))
    .sort((a, b) => text(b).length - text(a).length)[0];
  // An h1 that is only a link to the home page is the site's logo (old templates), never the headline.
  const headline = headings.find((heading) => !isLogo(heading));
  // Older templates set the headline in a styled cell or div (Joomla's td.contentheading) that <title> repeats.
  const styled =
    !repeated && titleTag
      ? ([...document.querySelectorAll("body td, body div, body span, body p")] as Element[]).find(
          (element) => element.children.length === 0 && text(element) === titleTag,
        )
      : undefined;
  const element = headings.find((heading) => og && text(heading) === og) ?? repeated ?? styled ?? headline;
  if (og) return { value: og, from: "og:title", ...(element && text(element) === og ? { element } : {}) };
  if (element) return { value: text(element), from: "heading", element };
  return titleTag ? { value: titleTag, from: "title" } : {};
}

/** Whether a heading is only a link to the site's home page: the logo of a template that sets it in an h1. */
function isLogo(heading: Element): boolean {
  const link = heading.querySelector("a[href]");
  if (!link || text(link) !== text(heading)) return false;
  const href = link.getAttribute("href") ?? "";
  return /^(?:https?:\/\/[^/]+)?\/(?:index\.(?:php|html?|aspx?))?$/i.test(href);
}

function readDate(
  document: Document,
  headline: Element | undefined,
  selector: string | undefined,
  order: DateOrder | undefined,
): { date?: string; from?: PageReading["dateFrom"]; ambiguous?: string; element?: Element } {
  if (selector) {
    const element = document.querySelector(selector) as Element | null;
    const datetime =
      element?.getAttribute("datetime") ?? element?.querySelector("time[datetime]")?.getAttribute("datetime");
    const found = datetime ? isoDate(datetime) : undefined;
    if (element && found) return { date: found, from: "selector", element: dateContainer(element) };
    const written = element ? findDate(text(element), order) : undefined;
    if (element && written && "date" in written)
      return { date: written.date, from: "selector", element: dateContainer(element) };
  }
  for (const time of document.querySelectorAll("time[datetime]")) {
    if (time.closest("nav, footer, aside")) continue;
    const found = isoDate(time.getAttribute("datetime") ?? "");
    if (found) return { date: found, from: "time", element: dateContainer(time as Element) };
  }
  const published = document.querySelector(
    'meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"]',
  );
  const fromMeta = isoDate(published?.getAttribute("content") ?? "");
  if (fromMeta) return { date: fromMeta, from: "article:published_time" };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const found = jsonLdDate(script.textContent ?? "");
    if (found) return { date: found, from: "json-ld" };
  }
  return writtenDateNearTitle(document, headline, order);
}

/**
 * The first date written within a few lines of the headline (before or after it): the form old
 * templates give it in. The element that holds only the date is returned, to leave it out of the text.
 */
function writtenDateNearTitle(
  document: Document,
  headline: Element | undefined,
  order: DateOrder | undefined,
): { date?: string; from?: "text"; ambiguous?: string; element?: Element } {
  // The headline's surroundings: its nearest container holding some text besides it.
  let scope = (headline?.parentElement ?? document.body) as Element | null;
  while (
    headline &&
    scope?.parentElement &&
    scope.tagName !== "BODY" &&
    text(scope).length < text(headline).length + 60
  )
    scope = scope.parentElement as Element;
  if (!scope) return {};
  const whole = scope.textContent ?? "";
  const at = headline ? whole.indexOf(headline.textContent ?? "") : 0;
  let window = whole
    .slice(Math.max(0, at - 200), Math.max(0, at) + (headline?.textContent?.length ?? 0) + 400)
    .replace(/\s+/g, " ");
  // A date in running text ("founded on 6 June 1995") is not the page's: the date is a line of its own.
  for (let found = findDate(window, order); found; found = findDate(window, order)) {
    if ("ambiguous" in found) return { ambiguous: found.ambiguous };
    const holding = elementHolding(scope, found.text);
    if (holding.element) return { date: found.date, from: "text", element: holding.element };
    window = window.slice(window.indexOf(found.text) + found.text.length);
  }
  return {};
}

/** The innermost element holding `written`, with its line, if that line is little more than the date. */
function elementHolding(scope: Element, written: string): { element?: Element } {
  let current = scope;
  for (;;) {
    const child = [...current.children].find((candidate) => text(candidate).includes(written)) as Element | undefined;
    if (!child) break;
    current = child;
  }
  return current !== scope && text(current).length <= written.length + 40 ? { element: dateContainer(current) } : {};
}

/** A `<time>` or date span together with the short line around it ("Posted on …"). */
function dateContainer(element: Element): Element {
  let container = element;
  const own = text(element).length;
  while (
    container.parentElement &&
    !/^(BODY|MAIN|ARTICLE|TD|SECTION)$/.test(container.parentElement.tagName) &&
    text(container.parentElement).length <= own + 40
  ) {
    container = container.parentElement as Element;
  }
  return container;
}

function jsonLdDate(source: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return undefined;
  }
  const stack = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === "object") {
      const published = (value as Record<string, unknown>).datePublished;
      if (typeof published === "string" && isoDate(published)) return isoDate(published);
      stack.push(...Object.values(value));
    }
  }
  return undefined;
}

function countDates(text: string, order: DateOrder | undefined): number {
  let count = 0;
  let rest = text;
  for (let found = findDate(rest, order); found && count < 20; found = findDate(rest, order)) {
    const written = "date" in found ? found.text : found.ambiguous;
    count++;
    rest = rest.slice(rest.indexOf(written) + written.length);
  }
  return count;
}

/** The headline leaves the body (it is the front matter's title), and so does any repeat of it as an h1. */
function removeHeadline(document: Document, headline: Element, title: string | undefined): void {
  for (const heading of document.querySelectorAll("h1"))
    if (heading !== headline && text(heading) === title) heading.remove();
  headline.remove();
}

/**
 * Navigation, share bars, footers and forms leave the page, by element, role, or the words of their
 * class and id ("ShareBar", "breadcrumbs", "LeftMenu"). What holds the headline, its date or the
 * article stays: an ASP.NET page is one big form, and "content-with-sidebar" holds the text.
 */
function removeJunk(document: Document, pageUrl: string, keep: readonly (Element | undefined)[]): void {
  const holdsArticle = (element: Element) =>
    keep.some((kept) => kept && element.contains(kept)) || element.querySelector("article, main") !== null;
  for (const element of document.querySelectorAll(`${junkElements}, ${junkRoles}`) as Iterable<Element>) {
    if (!holdsArticle(element)) element.remove();
  }
  for (const element of document.querySelectorAll("[class], [id]") as Iterable<Element>) {
    const name = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
    const words = name
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[\s_-]+/);
    const junk =
      words.some((word) => junkWords.has(word)) ||
      junkWordPairs.some((pair) => pair.every((word) => words.includes(word)));
    if (junk && !holdsArticle(element)) element.remove();
  }
  // Share, print and "email this" links go, and so does what held only them (a list, a "Share this: … | …" line).
  // Inside a sentence, one known by its address leaves its words; one known only by its words ("share") stays.
  const shareLinks = new Map<Element, "address" | "words">();
  for (const link of document.querySelectorAll("a") as Iterable<Element>) {
    const known = shareOrPrintLink(link, pageUrl);
    if (known) shareLinks.set(link, known);
  }
  const onlyShareLinks = (element: Element) => {
    let rest = text(element);
    for (const link of element.querySelectorAll("a"))
      if (shareLinks.has(link as Element)) rest = rest.replace(text(link), "");
    // A share link's own icon (Joomla's PDF, print and e-mail buttons) is part of it, not a photo of the article.
    const photos = [...element.querySelectorAll("img")].filter(
      (image) => !shareLinks.has(image.closest("a") as Element),
    );
    return shareBarLeftover.test(rest) && photos.length === 0;
  };
  for (const [link, knownBy] of shareLinks) {
    const parent = link.parentElement as Element | null;
    if (!link.isConnected || !parent) continue;
    if (!onlyShareLinks(parent)) {
      if (knownBy === "address") link.replaceWith(...link.childNodes);
      continue;
    }
    let emptied: Element | null = parent;
    link.remove();
    while (emptied && emptied.tagName !== "BODY" && !holdsArticle(emptied) && onlyShareLinks(emptied)) {
      const next = emptied.parentElement as Element | null;
      emptied.remove();
      emptied = next;
    }
  }
  // "Written by Administrator", "Last Updated on Thursday, 26 July 2012": the CMS's record, not the story.
  for (const element of document.querySelectorAll("p, span, div, td, small") as Iterable<Element>) {
    if (element.isConnected && bylineText.test(text(element)) && !holdsArticle(element)) element.remove();
  }
  for (const link of document.querySelectorAll("a")) {
    if (backLink.test(text(link))) {
      const parent = link.parentElement;
      link.remove();
      if (parent && !text(parent) && !parent.querySelector("img")) parent.remove();
    }
  }
}

/** Whether a link shares, prints or mails the page, and what says so: its address or only its words. */
function shareOrPrintLink(link: Element, pageUrl: string): "address" | "words" | undefined {
  const href = link.getAttribute("href")?.trim() ?? "";
  // "Email this": a mail to no one, or one carrying a link to the page; a mail to someone is a contact.
  if (/^mailto:/i.test(href))
    return /^mailto:\s*(?:\?|$)/i.test(href) || /[?&]body=[^&]*http/i.test(href) ? "address" : undefined;
  const target = resolve(href, pageUrl);
  if (target && isDocumentAddress(target)) return undefined;
  if (shareLink.test(href) || printLink.test(href)) return "address";
  // An icon-only link says what it does in its image's alt text ("Print", "E-mail").
  const words =
    text(link) ||
    [...link.querySelectorAll("img")]
      .map((image) => image.getAttribute("alt") ?? "")
      .join(" ")
      .trim();
  return shareText.test(words) ? "words" : undefined;
}

/** Every link and image points at its absolute old address, so that it can be followed wherever the text ends up. */
function absolutise(document: Document, pageUrl: string): void {
  for (const link of document.querySelectorAll("a")) {
    const href = link.getAttribute("href")?.trim();
    const absolute = href ? resolve(href, pageUrl) : undefined;
    // Same-page fragments, scripts and broken addresses lead nowhere in the archive: their text stays.
    if (
      !absolute ||
      /^javascript:/i.test(absolute) ||
      (absolute.split("#")[0] === pageUrl.split("#")[0] && href?.startsWith("#"))
    ) {
      link.replaceWith(...link.childNodes);
    } else link.setAttribute("href", absolute);
  }
  for (const image of document.querySelectorAll("img")) {
    const src = (image.getAttribute("src") || image.getAttribute("data-src") || "").trim();
    const absolute = src ? resolve(src, pageUrl) : undefined;
    if (!absolute || absolute.startsWith("data:")) image.remove();
    else {
      image.setAttribute("src", absolute);
      // A linked image is shown as the image: the link usually opens a larger copy of it.
      const link = image.parentElement?.tagName === "A" ? image.parentElement : undefined;
      if (link && !text(link)) link.replaceWith(...link.childNodes);
    }
  }
}

function resolve(reference: string, base: string): string | undefined {
  try {
    return new URL(reference, base).href;
  } catch {
    return undefined;
  }
}
