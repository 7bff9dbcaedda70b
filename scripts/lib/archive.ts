/**
 * The archive as the templates see it: validated content plus the views derived from it
 * (neighbours, conferences with their sessions). Built once per build, read by every page.
 *
 * It is a class instance on purpose: Eleventy deep-merges plain objects in the data cascade, and
 * copying thousands of articles for each page would be slow; an instance is passed by reference.
 */
import type { Conference, Site, Topic } from "../../_data/schema.ts";
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

export interface Neighbour {
  title: string;
  url: string;
  date: string;
}

export interface Session {
  name: string;
  abstracts: AbstractItem[];
}

export interface ConferencePage {
  conference: ConferenceInfo;
  sessions: Session[];
  abstractCount: number;
}

export interface TopicPage extends ListPage<NewsItem> {
  topic: TopicInfo;
  total: number;
}

/** How many items a list page shows before it paginates. */
export const pageSize = 20;

export class Archive {
  readonly news: NewsItem[];
  readonly abstracts: AbstractItem[];
  /** Every conference in `_data/conferences.ts`, newest first, with its abstracts by session. */
  readonly conferences: ConferencePage[];
  /** Each topic's news, newest first, in pages; a topic without news still gets its page. */
  readonly topicPages: TopicPage[];
  readonly topics: { topic: TopicInfo; count: number }[];
  readonly withheld: { drafts: number; scheduled: number };
  readonly files: number;
  readonly preview: boolean;
  readonly #neighbours = new Map<string, { newer?: Neighbour; older?: Neighbour }>();

  constructor(options: LoadOptions) {
    const content = loadContent(options);
    this.news = content.news;
    this.abstracts = content.abstracts;
    this.withheld = content.withheld;
    this.files = content.files;
    this.preview = options.preview ?? false;
    this.conferences = conferencePages(options.conferences, this.abstracts);
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
    this.news.forEach((item, index) => {
      const newer = this.news[index - 1];
      const older = this.news[index + 1];
      this.#neighbours.set(item.url, {
        ...(newer ? { newer: neighbour(newer) } : {}),
        ...(older ? { older: neighbour(older) } : {}),
      });
    });
  }

  /** All published pages made from content files. */
  get items(): Item[] {
    return [...this.news, ...this.abstracts];
  }

  /** The previous and next news item in date order. */
  neighboursOf(item: NewsItem): { newer?: Neighbour; older?: Neighbour } {
    return this.#neighbours.get(item.url) ?? {};
  }

  conferencePage(id: string): ConferencePage | undefined {
    return this.conferences.find((page) => page.conference.id === id);
  }

  /** The most recent conference that has published abstracts, for the home page. */
  get latestConferenceWithAbstracts(): ConferencePage | undefined {
    return this.conferences.find((page) => page.abstractCount > 0);
  }
}

export function loadArchive(options: LoadOptions): Archive {
  return new Archive(options);
}

function neighbour(item: Item): Neighbour {
  return { title: item.title, url: item.url, date: item.date };
}

/** Conferences newest first; each with its sessions in order of first appearance by title. */
export function conferencePages(conferences: readonly Conference[], abstracts: readonly AbstractItem[]): ConferencePage[] {
  return [...conferences]
    .sort((a, b) => b.start.localeCompare(a.start) || a.id.localeCompare(b.id))
    .map((conference) => {
      const own = abstracts
        .filter((item) => item.conference.id === conference.id)
        .sort((a, b) => a.session.localeCompare(b.session, "en") || a.title.localeCompare(b.title, "en"));
      const sessions = new Map<string, AbstractItem[]>();
      for (const item of own) {
        const session = sessions.get(item.session) ?? [];
        session.push(item);
        sessions.set(item.session, session);
      }
      return {
        conference: conferenceInfo(conference),
        sessions: [...sessions].map(([name, list]) => ({ name, abstracts: list })),
        abstractCount: own.length,
      };
    });
}

export type { Site, Topic };
