/**
 * `npm run bench -- --languages 1000`: what items in other languages cost search. The
 * same corpus is generated twice, all English and with 10 % of its items in Spanish or French
 * (scripts/bench/corpus.ts, `otherLanguages`), each built and searched cold and warm with our
 * search page in Chromium. Every item is in one Pagefind index of the site's language (see
 * docs/languages.md), so the difference is the new vocabulary and the language facet.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { runBuild, writeBenchCorpus, type BuildRun } from "./builds.ts";
import { median } from "./median.ts";
import { measureSearch, type SearchSample } from "./search.ts";
import { searchTerms } from "./site.ts";
import { formatBytes, formatMs } from "../lib/util/format.ts";
import { serveSite } from "../lib/util/static-server.ts";

/** The share of items in Spanish or French in the mixed corpus. */
export const otherLanguageShare = 0.1;

/**
 * Words of the mixed corpus's Spanish and French text (frequent in their subtitle lists), searched
 * besides the English terms.
 */
export const otherLanguageTerms = ["gracias", "merci"];

export interface LanguageVariant {
  label: string;
  otherLanguages: number;
  /** Distinct words of the corpus's Markdown. */
  words: number;
  build: BuildRun;
  samples: SearchSample[];
}

export async function benchLanguages(
  size: number,
  workDir: string,
  maxRssBytes: number,
  browser: Browser,
  log: (line: string) => void,
): Promise<LanguageVariant[]> {
  const variants: LanguageVariant[] = [];
  for (const [label, share] of [
    ["all English", 0],
    [`${otherLanguageShare * 100} % Spanish and French`, otherLanguageShare],
  ] as const) {
    const dir = path.join(workDir, `languages-${size}-${share}`);
    const corpus = writeBenchCorpus(size, path.join(dir, "content"), "subtlex", share);
    const items = `${corpus.news} news, ${corpus.abstracts} abstracts (${formatBytes(corpus.bytes)})`;
    log(`\n${label}: ${items}, ${corpus.words} distinct words`);
    const build = await runBuild(corpus.dir, path.join(dir, "site"), maxRssBytes);
    log(
      `  build ${formatMs(build.totalMs ?? build.wallMs)}; ` +
        `index ${formatBytes(build.searchIndex.bytes)} in ${build.searchIndex.files} files; ` +
        `Pagefind ${build.pagefind?.words ?? "?"} words, write ${formatMs(build.pagefind?.writeMs ?? 0)}`,
    );
    const server = await serveSite(path.join(dir, "site"));
    const samples: SearchSample[] = [];
    try {
      // A throwaway query: the server's gzip cache and Chromium's start-up are not measured.
      await measureSearch(browser, server, "ours", "training", "corruption");
      const terms = share > 0 ? [...searchTerms, ...otherLanguageTerms] : searchTerms;
      for (const [i, term] of terms.entries()) {
        const sample = await measureSearch(browser, server, "ours", term, terms[(i + 2) % terms.length] ?? term);
        samples.push(sample);
        const { cold, warm } = sample;
        log(
          `  ${term.padEnd(12)} ` +
            `cold ${formatMs(cold.ms).padStart(7)} ${formatBytes(cold.bytes).padStart(7)} ` +
            `${String(cold.requests).padStart(3)} req · ` +
            `warm (${sample.warmTerm}) ${formatMs(warm.ms).padStart(7)} ${formatBytes(warm.bytes).padStart(7)}`,
        );
      }
    } finally {
      await server.close();
    }
    variants.push({ label, otherLanguages: share, words: corpus.words, build, samples });
  }
  return variants;
}

/**
 * The comparison as a Markdown table, the mixed corpus against the English one; English terms only,
 * so both answer the same queries.
 */
export function languagesSection(size: number, variants: readonly LanguageVariant[]): string {
  const rows = variants.map((variant) => {
    const english = variant.samples.filter((sample) => searchTerms.includes(sample.term));
    const middle = (pick: (sample: SearchSample) => number) => median(english.map(pick));
    const { searchIndex, pagefind } = variant.build;
    const cells = [
      variant.label,
      variant.words,
      `${formatBytes(searchIndex.bytes)} (${searchIndex.files} files)`,
      pagefind?.words ?? "?",
      formatMs(pagefind?.writeMs ?? 0),
      `${formatBytes(middle((s) => s.cold.bytes))}, ${middle((s) => s.cold.requests)} req`,
      formatMs(middle((s) => s.cold.ms)),
      formatBytes(middle((s) => s.warm.bytes)),
      formatMs(middle((s) => s.warm.ms)),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  const coldSummary = (sample: SearchSample) =>
    `${sample.term} cold ${formatBytes(sample.cold.bytes)} in ${formatMs(sample.cold.ms)}`;
  const others = variants.flatMap((variant) =>
    variant.samples.filter((sample) => otherLanguageTerms.includes(sample.term)),
  );
  return [
    `### Items in other languages, ${size} items (median over ${searchTerms.join(", ")})`,
    "",
    "| corpus | distinct words | search index | Pagefind words | Pagefind write | " +
      "cold query: bytes | cold: first result | warm: bytes | warm: first result |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    ...(others.length > 0
      ? ["", `Spanish and French words on the mixed site: ${others.map(coldSummary).join("; ")}.`]
      : []),
    "",
  ].join("\n");
}
