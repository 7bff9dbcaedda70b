/**
 * The archive as the templates see it: the content as read and validated, plus every view derived
 * from it (years, topics, conferences, speakers, related items, redirects). Pure: it reads no file
 * and throws nothing; the validate phase reports its `problems`. Built once per build, read by
 * every page, and the single place that decides which pages exist.
 *
 * It is a class instance on purpose: Eleventy deep-merges plain objects in the data cascade, and
 * copying thousands of articles for each page would be slow; an instance is passed by reference.
 */
import type { Conference, Site, Speaker, Topic } from "../content/schema.ts";
import {
  conferenceInfo,
  topicInfo,
  type AbstractItem,
  type ConferenceInfo,
  type Item,
  type LoadedContent,
  type NewsItem,
  type TopicInfo,
} from "../content/load.ts";
import { generatedOutputs } from "./outputs.ts";
import { formatMonth, yearOf } from "../content/dates.ts";
import { paginate, type ListPage } from "./pagination.ts";
import type { Problem } from "../content/problems.ts";
import { relatedItems } from "./related.ts";
import { languageAutonym } from "../content/languages.ts";
import { compareFilingNames, filingLetter, filingName, preferredSpelling, speakerKey, speakerSlugs } from "../content/speakers.ts";
import { basePathOf, normaliseBasePath, siteRoot } from "./urls.ts";
import { yearChartHtml, yearCounts, type YearCount } from "./years.ts";

/** How many items a list page shows before it paginates. */
export const pageSize = 20;

export interface Neighbour {
  title: string;
  url: string;
  date: string;
  lang: string;
}

export interface Group<T> {
  name: string;
  items: T[];
}

export interface TopicPage extends ListPage<NewsItem> {
  topic: TopicInfo;
  /** News items on the topic. */
  total: number;
  /** Abstracts tagged with the topic, newest first (shown on the first page). */
  abstracts: AbstractItem[];
}

export interface YearPage extends ListPage<NewsItem> {
  year: number;
  counts: YearCount;
  /** This page's items by month, newest month first: "November 2023". */
  months: Group<NewsItem>[];
  newerYear?: number;
  olderYear?: number;
  conferences: ConferenceSummary[];
}

export interface ConferenceSummary {
  conference: ConferenceInfo;
  abstractCount: number;
}

export interface ConferencePage extends ListPage<AbstractItem> {
  conference: ConferenceInfo;
  total: number;
  /** This page's abstracts by session. */
  sessions: Group<AbstractItem>[];
}

export interface SpeakerAppearance {
  abstract: AbstractItem;
  /** The role and organisation this speaker gave for that abstract. */
  as: Speaker;
}

export interface SpeakerInfo {
  key: string;
  name: string;
  /** Surname first, as the index files it: "Bautista Mahiques, Juan". */
  filingName: string;
  /** The index letter: "B". */
  letter: string;
  slug: string;
  url: string;
  appearances: SpeakerAppearance[];
}

export interface SpeakerPage extends ListPage<SpeakerAppearance> {
  speaker: SpeakerInfo;
}

export interface Redirect {
  /** The old path, as written in `aliases`. */
  from: string;
  /** Output file for it, e.g. "/News/Old-Title/index.html". */
  file: string;
  to: string;
  title: string;
  /** The language of the title (its item's). */
  lang: string;
}

/** What the paginated templates paginate over: see `Archive.pageLists`. */
export interface PageLists {
  news: readonly NewsItem[];
  abstracts: readonly AbstractItem[];
  newsPages: readonly ListPage<NewsItem>[];
  yearPages: readonly YearPage[];
  topicPages: readonly TopicPage[];
  conferenceIndexPages: readonly ListPage<ConferenceSummary>[];
  conferencePages: readonly ConferencePage[];
  speakerIndexPages: readonly ListPage<SpeakerInfo>[];
  speakerPages: readonly SpeakerPage[];
  redirects: readonly Redirect[];
}

/** Years, inclusive: `{ from: 2019, to: 2021 }`. */
export interface Period {
  from: number;
  to: number;
}

export interface ArchiveOptions {
  /** What was read and validated (content/load.ts `readContent`): the model does no I/O. */
  content: LoadedContent;
  site: Site;
  topics: readonly Topic[];
  conferences: readonly Conference[];
  /** Previews show drafts and items dated in the future (already chosen when the content was read). */
  preview?: boolean;
  /** The folder the site is served from; defaults to `site.basePath`, then to the path of `site.url`. */
  basePath?: string;
  /**
   * Keep only the news and abstracts of these years, and the conferences held in them (a snapshot's
   * archive): every page, count, feed and index made from the archive then covers just the period.
   */
  period?: Period;
}

export class Archive {
  /** "/" or a subfolder such as "/archive/"; links in the output carry it. */
  readonly basePath: string;
  /** Absolute URL of the archive's root, for canonical links, feeds and citations. */
  readonly siteRoot: string;
  readonly news: NewsItem[];
  readonly abstracts: AbstractItem[];
  readonly withheld: { drafts: number; scheduled: number };
  readonly files: number;
  /** Aliases that clash with a page or another alias: found only once every page is known. */
  readonly problems: Problem[];
  readonly preview: boolean;

  readonly newsPages: ListPage<NewsItem>[];
  readonly years: YearCount[];
  readonly yearChart: string;
  readonly yearPages: YearPage[];
  /** Most items first, then by name; `count` is news and abstracts together. */
  readonly topics: { topic: TopicInfo; count: number; news: number; abstracts: number }[];
  readonly topicPages: TopicPage[];
  /** Every conference in `_data/conferences.ts` (held in the period, if one is set), newest first. */
  readonly conferences: ConferenceSummary[];
  readonly conferenceIndexPages: ListPage<ConferenceSummary>[];
  readonly conferencePages: ConferencePage[];
  /** By surname (filing name). */
  readonly speakers: SpeakerInfo[];
  /** The speakers by index letter, A to Z. */
  readonly speakerLetters: Group<SpeakerInfo>[];
  readonly speakerIndexPages: ListPage<SpeakerInfo>[];
  readonly speakerPages: SpeakerPage[];
  readonly redirects: Redirect[];

  readonly #neighbours = new Map<string, { newer?: Neighbour; older?: Neighbour }>();
  readonly #related: Map<string, NewsItem[]>;
  /** The published items of each group of translations, by the group's key (scripts/lib/content/translations.ts). */
  readonly #translationGroups = new Map<string, Item[]>();
  readonly #translationKeys: ReadonlyMap<string, string>;
  /** The languages of the published items, the site's first, then by tag: what the search page's Language facet lists. */
  readonly languages: { tag: string; name: string; count: number }[];
  readonly #speakerByKey = new Map<string, SpeakerInfo>();
  #sessions: Map<string, AbstractItem[]> | undefined;
  readonly #options: ArchiveOptions;

  constructor(options: ArchiveOptions) {
    this.#options = options;
    this.basePath = normaliseBasePath(options.basePath ?? options.site.basePath ?? basePathOf(options.site.url));
    this.siteRoot = siteRoot(options.site.url, this.basePath);
    const { content, period } = options;
    // Every content file is still validated: a snapshot of one year refuses a broken file of another, as the build does.
    this.news = period ? content.news.filter((item) => inPeriod(item.year, period)) : content.news;
    this.abstracts = period ? content.abstracts.filter((item) => inPeriod(item.year, period)) : content.abstracts;
    this.withheld = content.withheld;
    this.files = content.files;
    this.preview = options.preview ?? false;

    this.newsPages = paginate(this.news, pageSize, "/news/");
    this.news.forEach((item, index) => {
      const newer = this.news[index - 1];
      const older = this.news[index + 1];
      this.#neighbours.set(item.url, {
        ...(newer ? { newer: neighbour(newer) } : {}),
        ...(older ? { older: neighbour(older) } : {}),
      });
    });
    this.#related = relatedItems(this.news);
    this.#translationKeys = content.translationKeys;
    for (const item of this.items) {
      const key = this.#translationKeys.get(item.url);
      if (key !== undefined) this.#translationGroups.set(key, [...(this.#translationGroups.get(key) ?? []), item]);
    }
    this.languages = languagesOf(this.items, options.site.language);

    const conferences = [...options.conferences]
      .filter((conference) => !period || inPeriod(yearOf(conference.start), period))
      .sort((a, b) => b.start.localeCompare(a.start) || a.id.localeCompare(b.id));
    this.conferences = conferences.map((conference) => ({
      conference: conferenceInfo(conference),
      abstractCount: this.abstracts.filter((item) => item.conference.id === conference.id).length,
    }));
    this.conferenceIndexPages = paginate(this.conferences, pageSize, "/conferences/");
    this.conferencePages = conferences.flatMap((conference) => conferencePages(conferenceInfo(conference), this.abstracts));

    this.years = yearCounts(this.news, this.abstracts);
    this.yearChart = yearChartHtml(this.years);
    this.yearPages = yearPages(this.years, this.news, this.conferences);

    const tagged = (topic: TopicInfo) => (item: Item) => item.topics.some((other) => other.id === topic.id);
    this.topics = options.topics
      .map((topic) => {
        const info = topicInfo(topic);
        const news = this.news.filter(tagged(info)).length;
        const abstracts = this.abstracts.filter(tagged(info)).length;
        return { topic: info, count: news + abstracts, news, abstracts };
      })
      .sort((a, b) => b.count - a.count || a.topic.label.localeCompare(b.topic.label, "en"));
    // A topic nothing is tagged with has no page: the topics index lists it apart, unlinked.
    this.topicPages = this.topics
      .filter(({ count }) => count > 0)
      .flatMap(({ topic, news }) => {
        const abstracts = this.abstracts.filter(tagged(topic));
        return paginate(this.news.filter(tagged(topic)), pageSize, topic.url).map((page) => ({ ...page, topic, total: news, abstracts }));
      });

    this.speakers = speakersOf(this.abstracts);
    for (const speaker of this.speakers) this.#speakerByKey.set(speaker.key, speaker);
    this.speakerLetters = groupBy(this.speakers, (speaker) => speaker.letter);
    // One page, A to Z, with letter links: a name is found by scanning, not by paging.
    this.speakerIndexPages = paginate(this.speakers, Math.max(1, this.speakers.length), "/speakers/");
    this.speakerPages = this.speakers.flatMap((speaker) =>
      paginate(speaker.appearances, pageSize, speaker.url).map((page) => ({ ...page, speaker })),
    );

    const redirects = redirectsOf(this.items, this.pages(), content.aliasLine);
    this.redirects = redirects.redirects;
    this.problems = redirects.problems;
  }

  /**
   * This archive with some items replaced by URL (the media phase's, with their pictures and
   * documents' text), every view made again from them; this archive is left as it is.
   */
  withItems(replacements: ReadonlyMap<string, Item>): Archive {
    if (replacements.size === 0) return this;
    const swap = <T extends Item>(item: T): T => (replacements.get(item.url) as T | undefined) ?? item;
    const { content } = this.#options;
    return new Archive({ ...this.#options, content: { ...content, news: content.news.map(swap), abstracts: content.abstracts.map(swap) } });
  }

  /** The content this archive was made from, as read. */
  get content(): LoadedContent {
    return this.#options.content;
  }

  /** All published pages made from content files. */
  get items(): Item[] {
    return [...this.news, ...this.abstracts];
  }

  /** The previous and next news item in date order. */
  neighboursOf(item: NewsItem): { newer?: Neighbour; older?: Neighbour } {
    return this.#neighbours.get(item.url) ?? {};
  }

  /** Up to three news items: most shared topics, then nearest in time. */
  relatedTo(item: NewsItem): NewsItem[] {
    // Its translations are linked as such ("Also in"), not as other news.
    const translations = new Set(this.translationsOf(item));
    return (this.#related.get(item.url) ?? []).filter((other) => !translations.has(other));
  }

  /** The same item in other languages, published in this build, by language tag. */
  translationsOf(item: Item): Item[] {
    const key = this.#translationKeys.get(item.url);
    const group = key === undefined ? [] : (this.#translationGroups.get(key) ?? []);
    return group.filter((other) => other.url !== item.url).sort((a, b) => a.lang.localeCompare(b.lang));
  }

  /** The key an item's group of translations shares, for the search page to show them as one result; "" when it has none. */
  translationKeyOf(item: Item): string {
    return this.translationsOf(item).length > 0 ? (this.#translationKeys.get(item.url) ?? "") : "";
  }

  /** The other abstracts of an abstract's session, in title order. */
  sessionSiblingsOf(item: AbstractItem): AbstractItem[] {
    // Grouped once: filtering every abstract for each abstract's page was quadratic (2,000 pages × 2,000 abstracts).
    if (!this.#sessions) {
      this.#sessions = new Map();
      for (const abstract of this.abstracts) {
        const key = sessionKey(abstract);
        const group = this.#sessions.get(key) ?? [];
        group.push(abstract);
        this.#sessions.set(key, group);
      }
      // A stable sort: equal titles keep the archive's order, as they did when each page sorted its own list.
      for (const group of this.#sessions.values()) group.sort((a, b) => a.title.localeCompare(b.title, "en"));
    }
    return (this.#sessions.get(sessionKey(item)) ?? []).filter((other) => other.url !== item.url);
  }

  speakerOf(speaker: Speaker): SpeakerInfo | undefined {
    return this.#speakerByKey.get(speakerKey(speaker.name));
  }

  /** The most recent conference that has published abstracts, for the home page. */
  get latestConferenceWithAbstracts(): ConferencePage | undefined {
    const latest = this.conferences.find((entry) => entry.abstractCount > 0);
    return latest && this.conferencePages.find((page) => page.conference.id === latest.conference.id && page.pageNumber === 0);
  }

  /**
   * Output files of a few pages of each template: the first and last of each kind of page, every
   * fixed page and the 404 page. Markup a template gets wrong is wrong on each of its pages, so
   * validating these finds it at a fraction of the cost of validating every page.
   */
  htmlSample(): string[] {
    const kinds: readonly (readonly string[])[] = [
      this.news.map((item) => item.url),
      this.abstracts.map((item) => item.url),
      this.newsPages.map((page) => page.url),
      this.yearPages.map((page) => page.url),
      this.topicPages.map((page) => page.url),
      this.conferenceIndexPages.map((page) => page.url),
      this.conferencePages.map((page) => page.url),
      this.speakerIndexPages.map((page) => page.url),
      this.speakerPages.map((page) => page.url),
      this.redirects.map((redirect) => redirect.file),
      fixedPages.map((page) => page.url),
    ];
    const urls = kinds.flatMap((urls) => (urls.length > 2 ? [urls[0] as string, urls.at(-1) as string] : urls));
    return [...new Set([...urls.map(redirectFile), "/404.html"])];
  }

  /**
   * The lists the paginated templates make one page per entry of (`pagination.data` in
   * src/pages/*.njk): all of them, or every `count`-th entry from `index` on, when the build renders
   * a large archive in `count` runs (scripts/lib/phases/render.ts). A page depends only on its entry and
   * the archive, so it is the same whichever run renders it.
   */
  pageLists(part: { index: number; count: number } = { index: 0, count: 1 }): PageLists {
    const mine = <T>(list: readonly T[]): readonly T[] => (part.count === 1 ? list : list.filter((_, at) => at % part.count === part.index));
    return {
      news: mine(this.news),
      abstracts: mine(this.abstracts),
      newsPages: mine(this.newsPages),
      yearPages: mine(this.yearPages),
      topicPages: mine(this.topicPages),
      conferenceIndexPages: mine(this.conferenceIndexPages),
      conferencePages: mine(this.conferencePages),
      speakerIndexPages: mine(this.speakerIndexPages),
      speakerPages: mine(this.speakerPages),
      redirects: mine(this.redirects),
    };
  }

  /**
   * The lists with only the own pages of these items, every other list empty: what the preview
   * renders first after an edit (scripts/lib/preview/session.ts).
   */
  itemPageLists(urls: ReadonlySet<string>): PageLists {
    return {
      news: this.news.filter((item) => urls.has(item.url)),
      abstracts: this.abstracts.filter((item) => urls.has(item.url)),
      newsPages: [],
      yearPages: [],
      topicPages: [],
      conferenceIndexPages: [],
      conferencePages: [],
      speakerIndexPages: [],
      speakerPages: [],
      redirects: [],
    };
  }

  /** How many pages the templates write: every page URL, the redirects, the 404 page (and the snapshot's own page). */
  get pageCount(): number {
    return this.pageUrls().length + this.redirects.length + 2;
  }

  /** Every page URL the templates will write, besides redirects and fixed pages. */
  pageUrls(): string[] {
    return this.pages().map((page) => page.url);
  }

  /** Every page the templates will write but redirects, with what it is, for people. */
  pages(): { url: string; what: string }[] {
    const page = (url: string, what: string) => ({ url, what });
    return [
      ...this.items.map((item) => page(item.url, `the ${item.kind === "news" ? "news item" : "abstract"} ${item.file}`)),
      ...this.newsPages.map((list) => page(list.url, "the list of news")),
      ...this.yearPages.map((list) => page(list.url, `the page of the year ${list.year}`)),
      ...this.topicPages.map((list) => page(list.url, `the page of the topic ${list.topic.id}`)),
      ...this.conferenceIndexPages.map((list) => page(list.url, "the list of conferences")),
      ...this.conferencePages.map((list) => page(list.url, `the page of the conference ${list.conference.id}`)),
      ...this.speakerIndexPages.map((list) => page(list.url, "the list of speakers")),
      ...this.speakerPages.map((list) => page(list.url, `the page of the speaker ${list.speaker.name}`)),
      ...fixedPages,
    ];
  }
}

/** Pages that always exist (templates in src/pages with a fixed permalink). */
export const fixedPages: readonly { url: string; what: string }[] = [
  { url: "/", what: "the home page" },
  { url: "/years/", what: "the list of years" },
  { url: "/topics/", what: "the list of topics" },
  { url: "/search/", what: "the search page" },
  { url: "/offline/", what: "the page for reading offline" },
];

export function inPeriod(year: number, period: Period): boolean {
  return year >= period.from && year <= period.to;
}

function languagesOf(items: readonly Item[], siteLanguage: string): { tag: string; name: string; count: number }[] {
  const counts = new Map<string, number>([[siteLanguage, 0]]);
  for (const item of items) counts.set(item.lang, (counts.get(item.lang) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a === siteLanguage ? -1 : b === siteLanguage ? 1 : a.localeCompare(b)))
    .map(([tag, count]) => ({ tag, name: languageAutonym(tag), count }));
}

function sessionKey(item: AbstractItem): string {
  return `${item.conference.id}\u0000${item.session}`;
}

function neighbour(item: Item): Neighbour {
  return { title: item.title, url: item.url, date: item.date, lang: item.lang };
}

function groupBy<T>(items: readonly T[], name: (item: T) => string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = name(item);
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return [...groups].map(([groupName, groupItems]) => ({ name: groupName, items: groupItems }));
}

function yearPages(years: readonly YearCount[], news: readonly NewsItem[], conferences: readonly ConferenceSummary[]): YearPage[] {
  const withNews = years.filter((count) => count.news > 0 || count.abstracts > 0);
  return withNews.flatMap((counts, index) => {
    const items = news.filter((item) => item.year === counts.year);
    const newer = withNews[index - 1];
    const older = withNews[index + 1];
    return paginate(items, pageSize, `/news/${counts.year}/`).map((page) => ({
      ...page,
      year: counts.year,
      counts,
      months: groupBy(page.items, (item) => formatMonth(item.date)),
      ...(newer ? { newerYear: newer.year } : {}),
      ...(older ? { olderYear: older.year } : {}),
      conferences: conferences.filter((entry) => entry.conference.year === counts.year),
    }));
  });
}

/**
 * One page per conference, its whole programme: sessions in the order `sessions` gives them in
 * _data/conferences.ts (others after, by name), abstracts by title within a session.
 */
function conferencePages(conference: ConferenceInfo, abstracts: readonly AbstractItem[]): ConferencePage[] {
  const programme = conference.sessions ?? [];
  const place = (session: string) => {
    const index = programme.indexOf(session);
    return index === -1 ? programme.length : index;
  };
  const own = abstracts
    .filter((item) => item.conference.id === conference.id)
    .sort(
      (a, b) =>
        place(a.session) - place(b.session) ||
        a.session.localeCompare(b.session, "en") ||
        a.title.localeCompare(b.title, "en") ||
        a.url.localeCompare(b.url),
    );
  return paginate(own, Math.max(1, own.length), conference.url).map((page) => ({
    ...page,
    conference,
    total: own.length,
    sessions: groupBy(page.items, (item) => item.session),
  }));
}

/** Speakers by surname, each with their abstracts newest first and the role they gave in each. */
function speakersOf(abstracts: readonly AbstractItem[]): SpeakerInfo[] {
  const byKey = new Map<string, { spellings: string[]; sort?: string; appearances: SpeakerAppearance[] }>();
  for (const abstract of abstracts) {
    for (const speaker of abstract.speakers) {
      const key = speakerKey(speaker.name);
      const entry = byKey.get(key) ?? { spellings: [], appearances: [] };
      entry.spellings.push(speaker.name);
      entry.sort ??= speaker.sort;
      if (!entry.appearances.some((appearance) => appearance.abstract === abstract)) entry.appearances.push({ abstract, as: speaker });
      byKey.set(key, entry);
    }
  }
  const slugs = speakerSlugs([...byKey.keys()]);
  return [...byKey]
    .map(([key, entry]) => {
      const slug = slugs.get(key) as string;
      const name = preferredSpelling(entry.spellings);
      const filed = filingName(name, entry.sort);
      return { key, name, filingName: filed, letter: filingLetter(filed), slug, url: `/speakers/${slug}/`, appearances: entry.appearances };
    })
    .sort((a, b) => compareFilingNames(a.filingName, b.filingName) || a.key.localeCompare(b.key));
}

/** The output file an old path is written to, so that a static host serves it. */
export function redirectFile(alias: string): string {
  if (alias.endsWith("/")) return `${alias}index.html`;
  if (/\.html?$/i.test(alias)) return alias;
  return `${alias}/index.html`;
}

/**
 * Redirect pages for `aliases`. An alias may not be written where a page, a file of the build
 * (scripts/lib/model/outputs.ts) or another alias is (compared case-insensitively, as many hosts
 * do), nor inside one of them (`/news/index.html/old` would need `/news/index.html` to be a folder),
 * nor inside an item's folder, which holds the item's own files.
 */
function redirectsOf(
  items: readonly Item[],
  pages: readonly { url: string; what: string }[],
  aliasLine: (item: Item, index: number) => number | undefined,
): { redirects: Redirect[]; problems: Problem[] } {
  const pageFiles = new Map(pages.map((page) => [redirectFile(page.url).toLowerCase(), page]));
  const itemFolders = new Map(items.map((item) => [item.url.toLowerCase(), item]));
  const outputs = generatedOutputs.map((output) => ({ ...output, key: output.path.toLowerCase(), folder: output.path.endsWith("/") }));
  const problems: Problem[] = [];
  const report = (item: Item, index: number, message: string) => {
    const line = aliasLine(item, index);
    problems.push({ file: item.file, ...(line ? { line } : {}), field: `aliases[${index}]`, message: `${JSON.stringify(item.aliases[index])} ${message}` });
  };
  const written = (what: string, path: string) => `is the address of ${what} (${path}) that the build writes: an alias may only name an old address`;
  const claimedBy = new Map<string, Item>();
  const claims: { item: Item; index: number; redirect: Redirect }[] = [];
  for (const item of items) {
    item.aliases.forEach((alias, index) => {
      const file = redirectFile(alias);
      const key = file.toLowerCase();
      const page = pageFiles.get(key);
      const output = outputs.find(({ key: path, folder }) => (folder ? key.startsWith(path) : key === path || key.startsWith(`${path}/`)));
      const owner = foldersOf(key).map((folder) => itemFolders.get(`${folder}/`)).find((found) => found !== undefined);
      const other = claimedBy.get(key);
      if (page) report(item, index, written(page.what, page.url));
      else if (output) report(item, index, written(output.what, output.folder ? `${output.path}…` : output.path));
      else if (owner) report(item, index, written(`the files of the ${owner.kind === "news" ? "news item" : "abstract"} ${owner.file}`, `${owner.url}…`));
      else if (other) report(item, index, `is already an alias of ${other.file}`);
      else {
        claimedBy.set(key, item);
        claims.push({ item, index, redirect: { from: alias, file, to: item.url, title: item.title, lang: item.lang } });
      }
    });
  }
  const redirects: Redirect[] = [];
  for (const { item, index, redirect } of claims) {
    const file = foldersOf(redirect.file.toLowerCase()).find((folder) => pageFiles.has(folder) || claimedBy.has(folder));
    if (file) report(item, index, `would have to be written inside ${file}, which is a file, not a folder`);
    else redirects.push(redirect);
  }
  return { redirects, problems };
}

/** The folders a site path is in, outermost first: "/a/b/c.html" is in "/a" and "/a/b". */
function foldersOf(sitePath: string): string[] {
  const parts = sitePath.split("/");
  return parts.slice(1, -1).map((_, depth) => parts.slice(0, depth + 2).join("/"));
}

export type { Conference };
