/**
 * Feeds (Atom and JSON Feed, via the `feed` library), sitemap.xml and robots.txt, written next to
 * the rendered pages. Dates come from the content, never from the clock, so the same content gives
 * the same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Feed } from "feed";
import type { Site } from "../../_data/schema.ts";
import type { Archive } from "./archive.ts";
import type { Item } from "./content.ts";

/** How many of the latest items a feed carries. */
export const feedLength = 50;

function absolute(url: string, site: Site): string {
  return new URL(url, site.url).href;
}

function asDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function buildFeed(site: Site, kind: "news" | "abstracts", items: readonly Item[]): Feed {
  const title = kind === "news" ? `${site.name}: news` : `${site.name}: conference abstracts`;
  const feed = new Feed({
    id: absolute(`/feeds/${kind}.xml`, site),
    title,
    description: site.description,
    link: site.url,
    language: site.language,
    updated: asDate(items[0]?.date ?? "1995-06-06"),
    generator: false,
    copyright: site.organisation,
    author: { name: site.organisation, link: site.url },
    feedLinks: { atom: absolute(`/feeds/${kind}.xml`, site), json: absolute(`/feeds/${kind}.json`, site) },
  });
  for (const item of items.slice(0, feedLength)) {
    feed.addItem({
      title: item.title,
      id: absolute(item.url, site),
      link: absolute(item.url, site),
      date: asDate(item.date),
      published: asDate(item.date),
      description: item.summary,
      content: absoluteLinks(item.html, site),
      author:
        item.kind === "abstract" ? item.speakers.map((speaker) => ({ name: speaker.name })) : [{ name: site.organisation, link: site.url }],
      category: item.kind === "news" ? item.topics.map((topic) => ({ name: topic.label, term: topic.id })) : [],
    });
  }
  return feed;
}

/** Root-relative links in article HTML made absolute, as feed readers show content out of the site. */
export function absoluteLinks(html: string, site: Site): string {
  return html.replace(/(href|src)="(\/[^"]*)"/g, (_, attribute: string, url: string) => `${attribute}="${absolute(url, site)}"`);
}

export function sitemapXml(urls: readonly { url: string; lastmod?: string }[], site: Site): string {
  const escape = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
  const entries = urls.map(
    (entry) => `<url><loc>${escape(absolute(entry.url, site))}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

export function robotsTxt(site: Site): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute("/sitemap.xml", site)}\n`;
}

/** Writes the feeds, sitemap and robots.txt; returns the files written (site paths). */
export function writeDiscoveryFiles(archive: Archive, site: Site, outDir: string): string[] {
  const written: string[] = [];
  const write = (file: string, text: string) => {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    written.push(file);
  };
  for (const [kind, items] of [
    ["news", archive.news],
    ["abstracts", archive.abstracts],
  ] as const) {
    const feed = buildFeed(site, kind, items);
    write(`/feeds/${kind}.xml`, feed.atom1());
    write(`/feeds/${kind}.json`, feed.json1());
  }
  const lastmod = new Map(archive.items.map((item) => [item.url, item.date]));
  const urls = archive.pageUrls().map((url) => ({ url, ...(lastmod.has(url) ? { lastmod: lastmod.get(url) } : {}) }));
  write("/sitemap.xml", sitemapXml(urls, site));
  write("/robots.txt", robotsTxt(site));
  return written;
}
