/**
 * The archive as the templates see it: validated content plus every view derived from it (years,
 * topics, conferences, speakers, related items, redirects). Built once per build, read by every
 * page, and the single place that decides which pages exist.
 *
 * It is a class instance on purpose: Eleventy deep-merges plain objects in the data cascade, and
 * copying thousands of articles for each page would be slow; an instance is passed by reference.
 */
import type { Conference, Speaker } from "../../_data/schema.ts";
import {
  conferenceInfo,
  loadContent,
  topicInfo,
  type AbstractItem,
  type ConferenceInfo,
  type Item,
  type LoadOptions,
  type NewsItem,
  type TopicInfo,
} from "./content.ts";
import { paginate, type ListPage } from "./pagination.ts";
import { ContentError, type Problem } from "./problems.ts";
import { relatedItems } from "./related.ts";
import { preferredSpelling, speakerKey, speakerSlugs } from "./speakers.ts";
import { basePathOf, normaliseBasePath, siteRoot } from "./urls.ts";
import { yearChartSvg, yearCounts, type YearCount } from "./years.ts";

/** How many items a list page shows before it paginates. */
export const pageSize = 20;

export interface Neighbour {
  title: string;
  url: string;
  date: string;
}

export interface Group<T> {
  name: string;
  items: T[];
}

export interface TopicPage extends ListPage<NewsItem> {
  topic: TopicInfo;
  total: number;
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
}

export interface ArchiveOptions extends LoadOptions {
  /** The folder the site is served from; defaults to `site.basePath`, then to the path of `site.url`. */
  basePath?: string;
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
  readonly preview: boolean;

  readonly newsPages: ListPage<NewsItem>[];
  readonly years: YearCount[];
  readonly yearChart: string;
  readonly yearPages: YearPage[];
  readonly topics: { topic: TopicInfo; count: number }[];
  readonly topicPages: TopicPage[];
  /** Every conference in `_data/conferences.ts`, newest first. */
  readonly conferences: ConferenceSummary[];
  readonly conferenceIndexPages: ListPage<ConferenceSummary>[];
  readonly conferencePages: ConferencePage[];
  readonly speakers: SpeakerInfo[];
  readonly speakerIndexPages: ListPage<SpeakerInfo>[];
  readonly speakerPages: SpeakerPage[];
  readonly redirects: Redirect[];

  readonly #neighbours = new Map<string, { newer?: Neighbour; older?: Neighbour }>();
  readonly #related: Map<string, NewsItem[]>;
  readonly #speakerByKey = new Map<string, SpeakerInfo>();

  constructor(options: ArchiveOptions) {
    this.basePath = normaliseBasePath(options.basePath ?? options.site.basePath ?? basePathOf(options.site.url));
    this.siteRoot = siteRoot(options.site.url, this.basePath);
    const content = loadContent(options);
    this.news = content.news;
    this.abstracts = content.abstracts;
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

    const conferences = [...options.conferences].sort((a, b) => b.start.localeCompare(a.start) || a.id.localeCompare(b.id));
    this.conferences = conferences.map((conference) => ({
      conference: conferenceInfo(conference),
      abstractCount: this.abstracts.filter((item) => item.conference.id === conference.id).length,
    }));
    this.conferenceIndexPages = paginate(this.conferences, pageSize, "/conferences/");
    this.conferencePages = conferences.flatMap((conference) => conferencePages(conferenceInfo(conference), this.abstracts));

    this.years = yearCounts(this.news, this.abstracts);
    this.yearChart = yearChartSvg(this.years);
    this.yearPages = yearPages(this.years, this.news, this.conferences);

    this.topics = options.topics.map((topic) => ({
      topic: topicInfo(topic),
      count: this.news.filter((item) => item.topics.some((tagged) => tagged.id === topic.id)).length,
    }));
    this.topicPages = this.topics.flatMap(({ topic, count }) =>
      paginate(
        this.news.filter((item) => item.topics.some((tagged) => tagged.id === topic.id)),
        pageSize,
        topic.url,
      ).map((page) => ({ ...page, topic, total: count })),
    );

    this.speakers = speakersOf(this.abstracts);
    for (const speaker of this.speakers) this.#speakerByKey.set(speaker.key, speaker);
    this.speakerIndexPages = paginate(this.speakers, pageSize, "/speakers/");
    this.speakerPages = this.speakers.flatMap((speaker) =>
      paginate(speaker.appearances, pageSize, speaker.url).map((page) => ({ ...page, speaker })),
    );

    this.redirects = redirectsOf(this.items, this.pageUrls());
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
    return this.#related.get(item.url) ?? [];
  }

  /** The other abstracts of an abstract's session, in title order. */
  sessionSiblingsOf(item: AbstractItem): AbstractItem[] {
    return this.abstracts
      .filter((other) => other.conference.id === item.conference.id && other.session === item.session && other.url !== item.url)
      .sort((a, b) => a.title.localeCompare(b.title, "en"));
  }

  speakerOf(speaker: Speaker): SpeakerInfo | undefined {
    return this.#speakerByKey.get(speakerKey(speaker.name));
  }

  /** The most recent conference that has published abstracts, for the home page. */
  get latestConferenceWithAbstracts(): ConferencePage | undefined {
    const latest = this.conferences.find((entry) => entry.abstractCount > 0);
    return latest && this.conferencePages.find((page) => page.conference.id === latest.conference.id && page.pageNumber === 0);
  }

  /** Every page URL the templates will write, besides redirects and fixed pages. */
  pageUrls(): string[] {
    return [
      ...this.items.map((item) => item.url),
      ...this.newsPages.map((page) => page.url),
      ...this.yearPages.map((page) => page.url),
      ...this.topicPages.map((page) => page.url),
      ...this.conferenceIndexPages.map((page) => page.url),
      ...this.conferencePages.map((page) => page.url),
      ...this.speakerIndexPages.map((page) => page.url),
      ...this.speakerPages.map((page) => page.url),
      ...fixedPages,
    ];
  }
}

/** Pages that always exist (templates in src/pages with a fixed permalink). */
export const fixedPages = ["/", "/years/", "/topics/", "/search/"];

function neighbour(item: Item): Neighbour {
  return { title: item.title, url: item.url, date: item.date };
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

const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

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
      months: groupBy(page.items, (item) => monthName.format(new Date(`${item.date}T00:00:00Z`))),
      ...(newer ? { newerYear: newer.year } : {}),
      ...(older ? { olderYear: older.year } : {}),
      conferences: conferences.filter((entry) => entry.conference.year === counts.year),
    }));
  });
}

function conferencePages(conference: ConferenceInfo, abstracts: readonly AbstractItem[]): ConferencePage[] {
  const own = abstracts
    .filter((item) => item.conference.id === conference.id)
    .sort((a, b) => a.session.localeCompare(b.session, "en") || a.title.localeCompare(b.title, "en") || a.url.localeCompare(b.url));
  return paginate(own, pageSize, conference.url).map((page) => ({
    ...page,
    conference,
    total: own.length,
    sessions: groupBy(page.items, (item) => item.session),
  }));
}

/** Speakers in name order, each with their abstracts newest first and the role they gave in each. */
function speakersOf(abstracts: readonly AbstractItem[]): SpeakerInfo[] {
  const byKey = new Map<string, { spellings: string[]; appearances: SpeakerAppearance[] }>();
  for (const abstract of abstracts) {
    for (const speaker of abstract.speakers) {
      const key = speakerKey(speaker.name);
      const entry = byKey.get(key) ?? { spellings: [], appearances: [] };
      entry.spellings.push(speaker.name);
      if (!entry.appearances.some((appearance) => appearance.abstract === abstract)) entry.appearances.push({ abstract, as: speaker });
      byKey.set(key, entry);
    }
  }
  const slugs = speakerSlugs([...byKey.keys()]);
  return [...byKey]
    .map(([key, entry]) => {
      const slug = slugs.get(key) as string;
      return { key, name: preferredSpelling(entry.spellings), slug, url: `/speakers/${slug}/`, appearances: entry.appearances };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.key.localeCompare(b.key));
}

/** The output file an old path is written to, so that a static host serves it. */
export function redirectFile(alias: string): string {
  if (alias.endsWith("/")) return `${alias}index.html`;
  if (/\.html?$/i.test(alias)) return alias;
  return `${alias}/index.html`;
}

/** Redirect pages for `aliases`; an alias that would overwrite a page or another alias is an error. */
function redirectsOf(items: readonly Item[], pageUrls: readonly string[]): Redirect[] {
  const taken = new Map(pageUrls.map((url) => [redirectFile(url).toLowerCase(), url]));
  const problems: Problem[] = [];
  const redirects: Redirect[] = [];
  const claimedBy = new Map<string, Item>();
  for (const item of items) {
    item.aliases.forEach((alias, index) => {
      const file = redirectFile(alias);
      const key = file.toLowerCase();
      const page = taken.get(key);
      const other = claimedBy.get(key);
      if (page) {
        problems.push({ file: item.file, field: `aliases[${index}]`, message: `${JSON.stringify(alias)} is the address of an existing page (${page}): an alias may only name an old address` });
      } else if (other) {
        problems.push({ file: item.file, field: `aliases[${index}]`, message: `${JSON.stringify(alias)} is already an alias of ${other.file}` });
      } else {
        claimedBy.set(key, item);
        redirects.push({ from: alias, file, to: item.url, title: item.title });
      }
    });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return redirects;
}

export type { Conference };
