/**
 * Feeds (Atom and JSON Feed, via the `feed` library) and the hosts' `_headers`, written next to the
 * rendered pages, and every file for feed readers and search engines parsed before it is published.
 * Dates come from the content, never from the clock, so the same content gives the same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Feed } from "feed";
import urls from "@11ty/posthtml-urls";
import posthtml from "posthtml";
import type { Site } from "../content/schema.ts";
import type { Archive } from "../model/archive.ts";
import type { Item } from "../content/load.ts";
import { leadImagePath } from "../content/item-files.ts";
import { headersFile } from "../build/security.ts";
import { absoluteUrl } from "../model/urls.ts";
import { feedsFolder, headersPath, robotsPath, sitemapPath } from "../model/outputs.ts";
import { site as siteData } from "../content/data.ts";
import { discoveryFileProblems } from "../build/feed-check.ts";
import { BuildError, type Phase, type StagedBuild } from "../build/phase.ts";
import { escapeHtml } from "../util/html.ts";

/** How many of the latest items a feed carries. */
export const feedLength = 50;

function asDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

// The feed library writes Atom entry titles and summaries as `type="html"`: plain text is escaped
// for a reader to show it as typed. JSON Feed's `title` and `summary` are plain text and stay as they are.
const asText = (text: string) => text;

/** A feed of `entries`, each with its HTML made absolute (`contents`, by URL), its title and summary through `text`. */
function buildFeed(
  site: Site,
  root: string,
  kind: "news" | "abstracts",
  entries: readonly Item[],
  contents: ReadonlyMap<string, string>,
  text: (plain: string) => string,
): Feed {
  const absolute = (url: string) => absoluteUrl(url, root);
  const title = kind === "news" ? `${site.name}: news` : `${site.name}: conference abstracts`;
  const feed = new Feed({
    id: absolute(`${feedsFolder}${kind}.xml`),
    title,
    description: site.description,
    link: root,
    language: site.language,
    updated: asDate(entries[0]?.date ?? "1995-06-06"),
    generator: false,
    copyright: site.organisation,
    author: { name: site.organisation, link: root },
    feedLinks: { atom: absolute(`${feedsFolder}${kind}.xml`), json: absolute(`${feedsFolder}${kind}.json`) },
  });
  for (const item of entries) {
    feed.addItem({
      title: text(item.title),
      id: absolute(item.url),
      link: absolute(item.url),
      date: asDate(item.date),
      published: asDate(item.date),
      description: text(item.summary),
      content: contents.get(item.url) ?? "",
      ...(leadImagePath(item) ? { image: absolute(leadImagePath(item) as string) } : {}),
      author:
        item.kind === "abstract"
          ? item.speakers.map((speaker) => ({ name: speaker.name }))
          : [{ name: site.organisation, link: root }],
      category: item.topics.map((topic) => ({ name: topic.label, term: topic.id })),
    });
  }
  return feed;
}

/**
 * Links in article HTML made absolute, as feed readers show content out of the site and resolve
 * nothing relative: root-relative ones from the site root, relative ones (an item's own files,
 * "files/guide.pdf") from the item's page at `pageUrl`.
 */
export async function absoluteLinks(html: string, root: string, pageUrl = "/"): Promise<string> {
  const page = absoluteUrl(pageUrl, root);
  const resolve = (url: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return url;
    return url.startsWith("/") ? absoluteUrl(url, root) : new URL(url, page).href;
  };
  // The parser Eleventy's base-path plugin uses: every URL attribute (href, src, srcset, poster…) of every element.
  return (
    await posthtml()
      .use(urls({ eachURL: resolve }))
      .process(html)
  ).html;
}

/**
 * The Atom feed with each entry's language (`xml:lang`, RFC 4287 §2): the feed library writes
 * entries in `entries`' order, without one. The feed's own is the site's.
 */
export function atomWithLanguages(atom: string, entries: readonly Item[], siteLanguage: string): string {
  let index = 0;
  return atom
    .replace(
      /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${siteLanguage}">`,
    )
    .replace(/<entry>/g, () => `<entry xml:lang="${entries[index++]?.lang ?? siteLanguage}">`);
}

/** The JSON Feed as version 1.1, which gives the feed and each item a `language` (jsonfeed.org/version/1.1). */
export function jsonFeedWithLanguages(json: string, entries: readonly Item[], siteLanguage: string): string {
  const feed = JSON.parse(json) as { version: string; language?: string; items: { language?: string }[] };
  feed.version = "https://jsonfeed.org/version/1.1";
  feed.language = siteLanguage;
  feed.items.forEach((entry, index) => (entry.language = entries[index]?.lang ?? siteLanguage));
  return JSON.stringify(feed, null, 4);
}

/** Writes the feeds and the hosts' `_headers`; returns the files written (site paths). */
export async function writeDiscoveryFiles(archive: Archive, site: Site, outDir: string): Promise<string[]> {
  const written: string[] = [];
  const write = (file: string, text: string) => {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    written.push(file);
  };
  // One entry per story, as the lists show them: an item's translations are on its page ("Also in").
  for (const [kind, items] of [
    ["news", archive.newsStories],
    ["abstracts", archive.abstractStories],
  ] as const) {
    const entries = items.slice(0, feedLength);
    const contents = new Map(
      await Promise.all(
        entries.map(async (item) => [item.url, await absoluteLinks(item.html, archive.siteRoot, item.url)] as const),
      ),
    );
    write(
      `${feedsFolder}${kind}.xml`,
      atomWithLanguages(
        buildFeed(site, archive.siteRoot, kind, entries, contents, escapeHtml).atom1(),
        entries,
        site.language,
      ),
    );
    write(
      `${feedsFolder}${kind}.json`,
      jsonFeedWithLanguages(
        buildFeed(site, archive.siteRoot, kind, entries, contents, asText).json1(),
        entries,
        site.language,
      ),
    );
  }
  write(headersPath, headersFile(archive.basePath));
  return written;
}

export const feedsPhase: Phase<StagedBuild, string[]> = {
  name: "feeds",
  async run({ archive, siteDir }) {
    // The sitemap and robots.txt are templates (src/pages/sitemap.njk, robots.njk), rendered before.
    const files = [...(await writeDiscoveryFiles(archive, siteData, siteDir)), sitemapPath, robotsPath];
    // Feed readers give up on the first error: what was written is parsed before it is published.
    const problems = discoveryFileProblems(siteDir, files);
    if (problems.length > 0) throw new BuildError("feeds", problems.join("\n"));
    return files;
  },
  describe: (files) => `${files.length} files: feeds, sitemap.xml, robots.txt, _headers`,
};
