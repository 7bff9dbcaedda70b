/**
 * The archive as the templates see it: the content as read and validated, plus every view derived
 * from it (years, topics, conferences, speakers, related items, redirects). Pure: it reads no file
 * and throws nothing; the validate phase reports its `problems`. Built once per build (the media
 * phase's items are swapped in, `withItems`), read by every page, and the single place that decides
 * which pages exist.
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
import { filingName, preferredSpelling, speakerKey, speakerSlugs } from "../content/speakers.ts";
import { alphabeticalGroups, compareNames, type IndexLetter } from "../content/collation.ts";
import { basePathOf, normaliseBasePath, siteRoot } from "./urls.ts";
import { oneEntryPerStory } from "./stories.ts";
import { yearChart, yearCounts, type YearChart, type YearCount } from "./years.ts";

/** How many items a list page shows before it paginates. */
export const pageSize = 20;

/** How many news stories, and abstracts of the latest conference, the home page shows. */
export const homeListLength = 5;

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
  /** News stories on the topic: the entries of its pages. */
  total: number;
  /** Abstracts tagged with the topic, one per story, newest first (shown on the first page). */
  abstracts: AbstractItem[];
}

export interface YearPage extends ListPage<NewsItem> {
  year: number;
  counts: YearCount;
  /** The archive's chart with this year marked. */
  chart: YearChart;
  /** This page's items by month, newest month first: "November 2023". */
  months: Group<NewsItem>[];
  newerYear?: number;
  olderYear?: number;
  conferences: ConferenceSummary[];
}

export interface ConferenceSummary {
  conference: ConferenceInfo;
  /** Its abstracts, one per story: the entries of its page. */
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

/**
 * What the paginated templates paginate over (`pagination.data` in src/pages/*.njk), by page kind:
 * see `Archive.pageLists`.
 */
export type PageLists = { [Kind in keyof typeof pageKinds]: ReturnType<(typeof pageKinds)[Kind]["list"]> };

/** A page as the sitemap lists it (src/pages/sitemap.njk): an item's with its date and its translations. */
export interface SitemapEntry {
  url: string;
  lastmod?: string;
  /** The page's translations by language, its own included, as search engines read them; none without translations. */
  alternates?: { lang: string; url: string }[];
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
  /** Every published news item, each with its own page. */
  readonly news: NewsItem[];
  /** Every published abstract, each with its own page. */
  readonly abstracts: AbstractItem[];
  /** One news item per story (scripts/lib/model/stories.ts), newest first: what the news list shows and counts. */
  readonly newsStories: NewsItem[];
  /** One abstract per story, in the archive's order. */
  readonly abstractStories: AbstractItem[];
  /** The latest news stories, for the home page. */
  readonly latestNews: NewsItem[];
  readonly withheld: { drafts: number; scheduled: number };
  readonly files: number;
  /** Aliases that clash with a page or another alias: found only once every page is known. */
  readonly problems: Problem[];
  readonly preview: boolean;

  readonly newsPages: ListPage<NewsItem>[];
  /** Stories per year, newest first. */
  readonly years: YearCount[];
  readonly yearChart: YearChart;
  readonly yearPages: YearPage[];
  /** Most stories first, then by name; `count` is news and abstracts together. */
  readonly topics: { topic: TopicInfo; count: number; news: number; abstracts: number }[];
  readonly topicPages: TopicPage[];
  /** Every conference in `_data/conferences.ts` (held in the period, if one is set), newest first. */
  readonly conferences: ConferenceSummary[];
  readonly conferenceIndexPages: ListPage<ConferenceSummary>[];
  readonly conferencePages: ConferencePage[];
  /** By surname (filing name), in the order of the A–Z index. */
  readonly speakers: SpeakerInfo[];
  /** The speakers by index letter: A to Z, then other scripts (scripts/lib/content/collation.ts). */
  readonly speakerLetters: { letter: IndexLetter; items: SpeakerInfo[] }[];
  readonly speakerIndexPages: ListPage<SpeakerInfo>[];
  readonly speakerPages: SpeakerPage[];
  readonly redirects: Redirect[];

  private readonly neighbours = new Map<string, { newer?: Neighbour; older?: Neighbour }>();
  /** The news item each story is listed by, by story key. */
  private readonly newsStoryByKey = new Map<string, NewsItem>();
  private readonly storyKeyOf: (item: { url: string }) => string;
  private readonly related: Map<string, NewsItem[]>;
  /** The published items of each group of translations, by the group's key (scripts/lib/content/translations.ts). */
  private readonly translationGroups = new Map<string, Item[]>();
  private readonly translationKeys: ReadonlyMap<string, string>;
  /** The languages of the published items, the site's first, then by tag: the search page's Language facet. */
  readonly languages: { tag: string; name: string; count: number }[];
  private readonly speakerByKey = new Map<string, SpeakerInfo>();
  private sessions: Map<string, AbstractItem[]> | undefined;
  private readonly options: ArchiveOptions;

  constructor(options: ArchiveOptions) {
    this.options = options;
    this.basePath = normaliseBasePath(options.basePath ?? options.site.basePath ?? basePathOf(options.site.url));
    this.siteRoot = siteRoot(options.site.url, this.basePath);
    const { content, period } = options;
    // Every content file is still validated: a snapshot of one year refuses a broken file of another,
    // as the build does.
    this.news = period ? content.news.filter((item) => inPeriod(item.year, period)) : content.news;
    this.abstracts = period ? content.abstracts.filter((item) => inPeriod(item.year, period)) : content.abstracts;
    this.withheld = content.withheld;
    this.files = content.files;
    this.preview = options.preview ?? false;

    this.translationKeys = content.translationKeys;
    for (const item of this.items) {
      const key = this.translationKeys.get(item.url);
      if (key !== undefined) this.translationGroups.set(key, [...(this.translationGroups.get(key) ?? []), item]);
    }
    const storyKeyOf = (item: { url: string }) => this.translationKeys.get(item.url) ?? item.url;
    this.storyKeyOf = storyKeyOf;
    const stories = <T extends Item>(items: readonly T[]) =>
      oneEntryPerStory(items, (item) => item, storyKeyOf, options.site.language);
    this.newsStories = stories(this.news);
    this.abstractStories = stories(this.abstracts);
    this.latestNews = this.newsStories.slice(0, homeListLength);
    for (const item of this.newsStories) this.newsStoryByKey.set(storyKeyOf(item), item);

    this.newsPages = paginate(this.newsStories, pageSize, "/news/");
    this.newsStories.forEach((item, index) => {
      const newer = this.newsStories[index - 1];
      const older = this.newsStories[index + 1];
      this.neighbours.set(item.url, {
        ...(newer ? { newer: neighbour(newer) } : {}),
        ...(older ? { older: neighbour(older) } : {}),
      });
    });
    this.related = relatedItems(this.newsStories);
    this.languages = languagesOf(this.items, options.site.language);

    const conferences = [...options.conferences]
      .filter((conference) => !period || inPeriod(yearOf(conference.start), period))
      .sort((a, b) => b.start.localeCompare(a.start) || a.id.localeCompare(b.id));
    const abstractsOf = (conference: Conference) =>
      stories(this.abstracts.filter((item) => item.conference.id === conference.id));
    this.conferences = conferences.map((conference) => ({
      conference: conferenceInfo(conference),
      abstractCount: abstractsOf(conference).length,
    }));
    this.conferenceIndexPages = paginate(this.conferences, pageSize, "/conferences/");
    this.conferencePages = conferences.flatMap((conference) =>
      conferencePages(conferenceInfo(conference), abstractsOf(conference)),
    );

    // A story is listed in the year of each of its items: translations dated in another year are
    // listed there too (the year's page is their breadcrumb's), by themselves.
    const byYear = <T extends Item>(items: readonly T[]) =>
      groupBy(items, (item) => String(item.year)).flatMap((inYear) => stories(inYear.items));
    const newsByYear = byYear(this.news);
    this.years = yearCounts(newsByYear, byYear(this.abstracts));
    this.yearChart = yearChart(this.years);
    this.yearPages = yearPages(this.years, newsByYear, this.conferences);

    const tagged = (topic: TopicInfo) => (item: Item) => item.topics.some((other) => other.id === topic.id);
    const topicLists = options.topics.map((topic) => {
      const info = topicInfo(topic);
      return {
        topic: info,
        news: stories(this.news.filter(tagged(info))),
        abstracts: stories(this.abstracts.filter(tagged(info))),
      };
    });
    this.topics = topicLists
      .map(({ topic, news, abstracts }) => ({
        topic,
        count: news.length + abstracts.length,
        news: news.length,
        abstracts: abstracts.length,
      }))
      .sort((a, b) => b.count - a.count || compareNames(a.topic.label, b.topic.label));
    // A topic nothing is tagged with has no page: the topics index lists it apart, unlinked.
    this.topicPages = topicLists
      .filter(({ news, abstracts }) => news.length + abstracts.length > 0)
      .flatMap(({ topic, news, abstracts }) =>
        paginate(news, pageSize, topic.url).map((page) => ({ ...page, topic, total: news.length, abstracts })),
      );

    this.speakerLetters = alphabeticalGroups(
      speakersOf(this.abstracts, (appearances) =>
        oneEntryPerStory(appearances, (appearance) => appearance.abstract, storyKeyOf, options.site.language),
      ),
      (speaker) => speaker.filingName,
    );
    this.speakers = this.speakerLetters.flatMap((group) => group.items);
    for (const speaker of this.speakers) this.speakerByKey.set(speaker.key, speaker);
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
   * documents' text); this archive is left as it is. A replacement differs from its item only in
   * what no view is derived from (its HTML and files), so the views are not derived again: each list,
   * map and plain object holding a replaced item is copied with the replacement in its place, and
   * everything else is shared.
   */
  withItems(replacements: ReadonlyMap<string, Item>): Archive {
    if (replacements.size === 0) return this;
    const swap = itemSwapper(this.items, replacements);
    // Made without the constructor, which would derive every view again.
    const archive = Object.create(Archive.prototype) as Archive;
    for (const [field, value] of Object.entries(this)) Object.assign(archive, { [field]: swap(value) });
    return archive;
  }

  /** The content this archive was made from, as read. */
  get content(): LoadedContent {
    return this.options.content;
  }

  /** All published pages made from content files. */
  get items(): Item[] {
    return [...this.news, ...this.abstracts];
  }

  /** The previous and next story in the news list: a translation's are those of the item its story is listed by. */
  neighboursOf(item: NewsItem): { newer?: Neighbour; older?: Neighbour } {
    return this.neighbours.get(this.newsStoryOf(item).url) ?? {};
  }

  /** Up to three other news stories: most shared topics, then nearest in time. */
  relatedTo(item: NewsItem): NewsItem[] {
    return this.related.get(this.newsStoryOf(item).url) ?? [];
  }

  /** The news item an item's story is listed by. */
  private newsStoryOf(item: NewsItem): NewsItem {
    return this.newsStoryByKey.get(this.storyKeyOf(item)) ?? item;
  }

  /** The same item in other languages, published in this build, by language tag. */
  translationsOf(item: Item): Item[] {
    const key = this.translationKeys.get(item.url);
    const group = key === undefined ? [] : (this.translationGroups.get(key) ?? []);
    return group.filter((other) => other.url !== item.url).sort((a, b) => a.lang.localeCompare(b.lang));
  }

  /** The key an item's translations share, for the search page to show them as one result; "" without translations. */
  translationKeyOf(item: Item): string {
    return this.translationsOf(item).length > 0 ? (this.translationKeys.get(item.url) ?? "") : "";
  }

  /** The other abstracts of an abstract's session, one per story, in title order. */
  sessionSiblingsOf(item: AbstractItem): AbstractItem[] {
    // Grouped once: filtering every abstract for each abstract's page would grow with the square of their number.
    if (!this.sessions) {
      this.sessions = new Map();
      for (const abstract of this.abstractStories) {
        const key = sessionKey(abstract);
        const group = this.sessions.get(key) ?? [];
        group.push(abstract);
        this.sessions.set(key, group);
      }
      // A stable sort: equal titles keep the archive's order, as they did when each page sorted its own list.
      for (const group of this.sessions.values()) group.sort((a, b) => compareNames(a.title, b.title));
    }
    const story = this.storyKeyOf(item);
    return (this.sessions.get(sessionKey(item)) ?? []).filter((other) => this.storyKeyOf(other) !== story);
  }

  speakerOf(speaker: Speaker): SpeakerInfo | undefined {
    return this.speakerByKey.get(speakerKey(speaker.name));
  }

  /**
   * The home page's part of the most recent conference with published abstracts: the first
   * `homeListLength` of its programme, by session, and how many it has in all.
   */
  get latestConference():
    { conference: ConferenceInfo; total: number; shown: number; sessions: Group<AbstractItem>[] } | undefined {
    const latest = this.conferences.find((entry) => entry.abstractCount > 0);
    const page =
      latest &&
      this.conferencePages.find(
        (candidate) => candidate.conference.id === latest.conference.id && candidate.pageNumber === 0,
      );
    if (!page) return undefined;
    const shown = page.items.slice(0, homeListLength);
    return {
      conference: page.conference,
      total: page.total,
      shown: shown.length,
      sessions: groupBy(shown, (item) => item.session),
    };
  }

  /**
   * Output files of a few pages of each template: the first and last of each kind of page, every
   * fixed page and the 404 page. Markup a template gets wrong is wrong on each of its pages, so
   * validating these finds it at a fraction of the cost of validating every page.
   */
  htmlSample(): string[] {
    const kinds: readonly (readonly string[])[] = [
      ...Object.values(pageKinds).map((kind: PageKind<unknown>) => kind.list(this).map((entry) => kind.url(entry))),
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
    const mine = <T>(list: readonly T[]): readonly T[] =>
      part.count === 1 ? list : list.filter((_, at) => at % part.count === part.index);
    return this.lists((kind) => mine(kind.list(this)));
  }

  /**
   * The lists with only the own pages of these items, every other list empty: what the preview
   * renders first after an edit (scripts/lib/preview/session.ts).
   */
  itemPageLists(urls: ReadonlySet<string>): PageLists {
    return this.lists((kind) => (kind.ofItem ? kind.list(this).filter((entry) => urls.has(kind.url(entry))) : []));
  }

  /** One list per page kind, each made by `listOf`. */
  private lists(listOf: (kind: PageKind<unknown>) => readonly unknown[]): PageLists {
    return Object.fromEntries(
      Object.entries(pageKinds).map(([name, kind]: [string, PageKind<unknown>]) => [name, listOf(kind)]),
    ) as PageLists;
  }

  /** How many pages the templates write: every page URL, the redirects, the 404 page (and the snapshot's own page). */
  get pageCount(): number {
    return this.pageUrls().length + this.redirects.length + 2;
  }

  /** Every page URL the templates will write, besides redirects and fixed pages. */
  pageUrls(): string[] {
    return this.pages().map((page) => page.url);
  }

  /** The sitemap's entries: every page URL, in the order of `pageUrls`. */
  sitemapEntries(): SitemapEntry[] {
    const items = new Map(this.items.map((item) => [item.url, item]));
    return this.pageUrls().map((url) => {
      const item = items.get(url);
      if (!item) return { url };
      const translations = this.translationsOf(item);
      if (translations.length === 0) return { url, lastmod: item.date };
      const alternates = [item, ...translations].map((other) => ({ lang: other.lang, url: other.url }));
      return { url, lastmod: item.date, alternates };
    });
  }

  /** Every page the templates will write but redirects, with what it is, for people. */
  pages(): { url: string; what: string }[] {
    const kinds: PageKind<unknown>[] = Object.values(pageKinds);
    return [
      ...kinds.flatMap(({ list, url, what }) =>
        what ? list(this).map((entry) => ({ url: url(entry), what: what(entry) })) : [],
      ),
      ...fixedPages,
    ];
  }
}

/** A kind of page the paginated templates make, one page per entry of its list. */
interface PageKind<Entry> {
  list(archive: Archive): readonly Entry[];
  /** The page's URL; a redirect's file. */
  url(entry: Entry): string;
  /** What the page is, for people; none for redirects, which are not among the archive's pages. */
  what?(entry: Entry): string;
  /** An item's own page: the preview renders these first after an edit. */
  ofItem?: boolean;
}

const pageKind = <Entry>(kind: PageKind<Entry>): PageKind<Entry> => kind;

/**
 * The page kinds, one entry each, in the order pages are listed: the page lists, the page URLs and
 * the HTML check's sample are derived from it. A new kind is one entry plus its template.
 */
const pageKinds = {
  news: pageKind({
    list: (archive) => archive.news,
    url: (item) => item.url,
    what: (item) => `the news item ${item.file}`,
    ofItem: true,
  }),
  abstracts: pageKind({
    list: (archive) => archive.abstracts,
    url: (item) => item.url,
    what: (item) => `the abstract ${item.file}`,
    ofItem: true,
  }),
  newsPages: pageKind({
    list: (archive) => archive.newsPages,
    url: (page) => page.url,
    what: () => "the list of news",
  }),
  yearPages: pageKind({
    list: (archive) => archive.yearPages,
    url: (page) => page.url,
    what: (page) => `the page of the year ${page.year}`,
  }),
  topicPages: pageKind({
    list: (archive) => archive.topicPages,
    url: (page) => page.url,
    what: (page) => `the page of the topic ${page.topic.id}`,
  }),
  conferenceIndexPages: pageKind({
    list: (archive) => archive.conferenceIndexPages,
    url: (page) => page.url,
    what: () => "the list of conferences",
  }),
  conferencePages: pageKind({
    list: (archive) => archive.conferencePages,
    url: (page) => page.url,
    what: (page) => `the page of the conference ${page.conference.id}`,
  }),
  speakerIndexPages: pageKind({
    list: (archive) => archive.speakerIndexPages,
    url: (page) => page.url,
    what: () => "the list of speakers",
  }),
  speakerPages: pageKind({
    list: (archive) => archive.speakerPages,
    url: (page) => page.url,
    what: (page) => `the page of the speaker ${page.speaker.name}`,
  }),
  redirects: pageKind({ list: (archive) => archive.redirects, url: (redirect) => redirect.file }),
};

/** Pages that always exist (templates in src/pages with a fixed permalink). */
export const fixedPages: readonly { url: string; what: string }[] = [
  { url: "/", what: "the home page" },
  { url: "/years/", what: "the list of years" },
  { url: "/topics/", what: "the list of topics" },
  { url: "/search/", what: "the search page" },
  { url: "/offline/", what: "the page for reading offline" },
];

/**
 * A function that returns a value with each of `items` that has a replacement (by URL) swapped for
 * it: arrays, maps and plain objects that hold one, at any depth, are copied; all else (items without
 * a replacement included) is returned as it is. A value met twice is swapped once, so what the
 * archive shares stays shared.
 */
function itemSwapper(items: readonly Item[], replacements: ReadonlyMap<string, Item>): <T>(value: T) => T {
  const isItem = new Set<unknown>(items);
  const swapped = new Map<unknown, unknown>();
  const swap = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    if (isItem.has(value)) return replacements.get((value as Item).url) ?? value;
    if (swapped.has(value)) return swapped.get(value);
    let result = value;
    if (Array.isArray(value)) {
      const copy = value.map(swap);
      if (copy.some((entry, index) => entry !== value[index])) result = copy;
    } else if (value instanceof Map) {
      const entries = [...value].map(([key, entry]) => [key, swap(entry)] as const);
      if (entries.some(([key, entry]) => entry !== value.get(key))) result = new Map(entries);
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      const entries = Object.entries(value).map(([key, entry]) => [key, swap(entry)] as const);
      if (entries.some(([key, entry]) => entry !== (value as Record<string, unknown>)[key]))
        result = Object.fromEntries(entries);
    }
    swapped.set(value, result);
    return result;
  };
  return swap as <T>(value: T) => T;
}

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

/** A page per year with content (`news` is one entry per story and year), each with the chart, its year marked. */
function yearPages(
  years: readonly YearCount[],
  news: readonly NewsItem[],
  conferences: readonly ConferenceSummary[],
): YearPage[] {
  const withNews = years.filter((count) => count.news > 0 || count.abstracts > 0);
  return withNews.flatMap((counts, index) => {
    const chart = yearChart(years, counts.year);
    const items = news.filter((item) => item.year === counts.year);
    const newer = withNews[index - 1];
    const older = withNews[index + 1];
    return paginate(items, pageSize, `/news/${counts.year}/`).map((page) => ({
      ...page,
      year: counts.year,
      counts,
      chart,
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
        compareNames(a.session, b.session) ||
        compareNames(a.title, b.title) ||
        a.url.localeCompare(b.url),
    );
  return paginate(own, Math.max(1, own.length), conference.url).map((page) => ({
    ...page,
    conference,
    total: own.length,
    sessions: groupBy(page.items, (item) => item.session),
  }));
}

/**
 * Every speaker, each with their abstracts newest first and the role they gave in each, one per
 * story (`perStory`): a speaker is listed once for an abstract given in two languages.
 */
function speakersOf(
  abstracts: readonly AbstractItem[],
  perStory: (appearances: SpeakerAppearance[]) => SpeakerAppearance[],
): SpeakerInfo[] {
  const byKey = new Map<string, { spellings: string[]; sort?: string; appearances: SpeakerAppearance[] }>();
  for (const abstract of abstracts) {
    for (const speaker of abstract.speakers) {
      const key = speakerKey(speaker.name);
      const entry = byKey.get(key) ?? { spellings: [], appearances: [] };
      entry.spellings.push(speaker.name);
      entry.sort ??= speaker.sort;
      if (!entry.appearances.some((appearance) => appearance.abstract === abstract))
        entry.appearances.push({ abstract, as: speaker });
      byKey.set(key, entry);
    }
  }
  const slugs = speakerSlugs([...byKey.keys()]);
  return [...byKey].map(([key, entry]) => {
    const slug = slugs.get(key) as string;
    const name = preferredSpelling(entry.spellings);
    return {
      key,
      name,
      filingName: filingName(name, entry.sort),
      slug,
      url: `/speakers/${slug}/`,
      appearances: perStory(entry.appearances),
    };
  });
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
  const outputs = generatedOutputs.map((output) => ({
    ...output,
    key: output.path.toLowerCase(),
    folder: output.path.endsWith("/"),
  }));
  const problems: Problem[] = [];
  const report = (item: Item, index: number, message: string) => {
    const line = aliasLine(item, index);
    problems.push({
      file: item.file,
      ...(line ? { line } : {}),
      field: `aliases[${index}]`,
      message: `${JSON.stringify(item.aliases[index])} ${message}`,
    });
  };
  const written = (what: string, path: string) =>
    `is the address of ${what} (${path}) that the build writes: an alias may only name an old address`;
  const claimedBy = new Map<string, Item>();
  const claims: { item: Item; index: number; redirect: Redirect }[] = [];
  for (const item of items) {
    item.aliases.forEach((alias, index) => {
      const file = redirectFile(alias);
      const key = file.toLowerCase();
      const page = pageFiles.get(key);
      const output = outputs.find(({ key: path, folder }) =>
        folder ? key.startsWith(path) : key === path || key.startsWith(`${path}/`),
      );
      const owner = foldersOf(key)
        .map((folder) => itemFolders.get(`${folder}/`))
        .find((found) => found !== undefined);
      const other = claimedBy.get(key);
      if (page) report(item, index, written(page.what, page.url));
      else if (output) report(item, index, written(output.what, output.folder ? `${output.path}…` : output.path));
      else if (owner)
        report(
          item,
          index,
          written(
            `the files of the ${owner.kind === "news" ? "news item" : "abstract"} ${owner.file}`,
            `${owner.url}…`,
          ),
        );
      else if (other) report(item, index, `is already an alias of ${other.file}`);
      else {
        claimedBy.set(key, item);
        claims.push({ item, index, redirect: { from: alias, file, to: item.url, title: item.title, lang: item.lang } });
      }
    });
  }
  const redirects: Redirect[] = [];
  for (const { item, index, redirect } of claims) {
    const file = foldersOf(redirect.file.toLowerCase()).find(
      (folder) => pageFiles.has(folder) || claimedBy.has(folder),
    );
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
