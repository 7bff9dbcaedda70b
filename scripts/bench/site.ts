/** Search, suggestions and page weight measured on a built site, served gzipped, in Chromium. */
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import type { BenchOptions } from "./options.ts";
import { benchQueries, type BenchQuery } from "./queries.ts";
import {
  defaultUiPages,
  measureColdQuery,
  measurePageWeight,
  measureSearch,
  measureSuggestion,
  type ColdQuery,
  type PageWeight,
  type SearchSample,
  type SearchUi,
  type SuggestionSample,
} from "./search.ts";
import { formatBytes, formatMs } from "../lib/util/format.ts";
import { serveSite } from "../lib/util/static-server.ts";

/** Cold queries; each is followed on the same page by a warm query for the word two places on. */
export const searchTerms = ["extradition", "ransomware", "femicide", "bogota", "perjury"];

export async function benchSearch(
  siteDir: string,
  browser: Browser,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<SearchSample[]> {
  const server = await serveSite(siteDir, { extraPages: defaultUiPages() });
  const uis: SearchUi[] = ["ours", "default", "default-no-debounce"];
  const samples: SearchSample[] = [];
  try {
    // One throwaway round: the server's gzip cache and Chromium's own start-up are not measured.
    for (const ui of uis) await measureSearch(browser, server, ui, "training", "corruption");
    for (let run = 0; run < options.searchRuns; run++) {
      for (const [i, term] of searchTerms.entries()) {
        const warmTerm = searchTerms[(i + 2) % searchTerms.length] ?? term;
        // The order of the UIs rotates, so that none is always measured first.
        for (const ui of uis.map((_, j) => uis[(i + run + j) % uis.length] ?? "ours")) {
          const sample = await measureSearch(browser, server, ui, term, warmTerm);
          samples.push(sample);
          const { cold, warm } = sample;
          log(
            `  ${ui.padEnd(20)} ${term.padEnd(12)} ` +
              `cold ${formatMs(cold.ms).padStart(7)} ${formatBytes(cold.bytes).padStart(7)} ` +
              `${String(cold.requests).padStart(3)} req · warm (${warmTerm}) ${formatMs(warm.ms).padStart(7)}`,
          );
        }
      }
    }
    return samples;
  } finally {
    await server.close();
  }
}

/** Misspellings of a word and of a name in the generated corpus (scripts/generate-corpus.ts). */
export const misspeltTerms = ["cooperaton", "Fiscalai", "tiblisi"];

export async function benchSuggestions(siteDir: string, browser: Browser): Promise<SuggestionSample[]> {
  const server = await serveSite(siteDir);
  try {
    const samples: SuggestionSample[] = [];
    for (const query of misspeltTerms) samples.push(await measureSuggestion(browser, server, siteDir, query));
    return samples;
  } finally {
    await server.close();
  }
}

export async function benchPageWeight(siteDir: string, browser: Browser, urls: string[]): Promise<PageWeight[]> {
  const server = await serveSite(siteDir);
  try {
    await measurePageWeight(browser, server, urls[0] ?? "/");
    const weights: PageWeight[] = [];
    for (const url of urls) weights.push(await measurePageWeight(browser, server, url));
    return weights;
  } finally {
    await server.close();
  }
}

/** The first news item's URL in a built site (`/news/<year>/<slug>/`), for the page weight of --site. */
export function firstNewsUrl(siteDir: string): string | undefined {
  const newsDir = path.join(siteDir, "news");
  if (!existsSync(newsDir)) return undefined;
  for (const year of readdirSync(newsDir)
    .filter((name) => /^\d{4}$/.test(name))
    .sort()) {
    const slug = readdirSync(path.join(newsDir, year))
      .sort()
      .find((name) => name !== "page" && existsSync(path.join(newsDir, year, name, "index.html")));
    if (slug) return `/news/${year}/${slug}/`;
  }
  return undefined;
}

/** Articles (news and abstracts) of a built site, counted by their pages. */
export function articleCount(siteDir: string): number {
  let count = 0;
  for (const kind of ["news", "abstracts"]) {
    const dir = path.join(siteDir, kind);
    if (!existsSync(dir)) continue;
    for (const group of readdirSync(dir, { withFileTypes: true })) {
      if (!group.isDirectory() || group.name === "page") continue;
      count += readdirSync(path.join(dir, group.name), { withFileTypes: true }).filter(
        (entry) =>
          entry.isDirectory() &&
          entry.name !== "page" &&
          existsSync(path.join(dir, group.name, entry.name, "index.html")),
      ).length;
    }
  }
  return count;
}

export interface ColdQueries {
  text: string;
  queries: BenchQuery[];
  /** Every measured cold query, in the order run; each with the load average as it ran. */
  samples: (ColdQuery & { loadAverage: number })[];
}

/**
 * The four cold queries of a corpus (scripts/bench/queries.ts) on our page and the default UI,
 * `rounds` times each, alternating which UI goes first.
 */
export async function benchColdQueries(
  contentDir: string,
  siteDir: string,
  text: string,
  browser: Browser,
  rounds: number,
  log: (line: string) => void,
): Promise<ColdQueries> {
  const queries = benchQueries(contentDir, text);
  const server = await serveSite(siteDir, { extraPages: defaultUiPages() });
  const uis: SearchUi[] = ["ours", "default"];
  const samples: ColdQueries["samples"] = [];
  try {
    for (const query of queries)
      log(
        `  ${query.kind}: "${query.words}"${query.topic ? ` in ${query.topic.label}` : ""}; ` +
          `expected: ${query.expected ? `${query.expected.length} pages` : "any result"}`,
      );
    // One throwaway round: the server's gzip cache and Chromium's own start-up are not measured.
    for (const ui of uis) await measureColdQuery(browser, server, ui, queries[0] as BenchQuery);
    for (let round = 0; round < rounds; round++) {
      for (const [i, query] of queries.entries()) {
        for (const ui of round % 2 === i % 2 ? uis : [...uis].reverse()) {
          const loadAverage = os.loadavg()[0] ?? 0;
          const sample = await measureColdQuery(browser, server, ui, query);
          samples.push({ ...sample, loadAverage });
          log(
            `  ${ui.padEnd(8)} ${query.kind.padEnd(9)} ${formatMs(sample.ms).padStart(7)} ` +
              `${formatBytes(sample.bytes).padStart(7)} ${String(sample.requests).padStart(3)} req; ` +
              `load ${loadAverage.toFixed(2)}`,
          );
        }
      }
    }
    return { text, queries, samples };
  } finally {
    await server.close();
  }
}
