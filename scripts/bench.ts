/**
 * `npm run bench`: measures the archive at scale and prints the figures; nothing is asserted.
 *
 * 1. Builds: synthetic corpora (scripts/generate-corpus.ts, 80 % news, 20 % abstracts) built with
 *    `npm run build` in a child process, `--runs` times each: time per phase and in total, pages
 *    per second, peak memory of the whole process tree, output and search index sizes. At the
 *    --search-size, the peers (Hugo + Pagefind, scripts/bench/hugo.ts; plain Eleventy + Pagefind,
 *    scripts/bench/eleventy-peer.ts) build the same files after each of our runs, so that all are
 *    measured under the same load.
 * 2. Search (on the 10k site, served gzipped, in headless Chromium): our search page against
 *    Pagefind's default UI over the same index, cold and warm, and the budgets.
 * 3. Page weight of a news page, the news list and the search page.
 * 4. Dev loop (10k): `npm start`, edit an article, time until the page and the search show it;
 *    `--edits` edits one after the other, each once the previous one's background pass is done.
 * 5. Web archive: for each size, the WACZ of the busiest year and of the whole archive
 *    (scripts/bench/wacz.ts); --no-wacz leaves it out.
 *
 * Each on its own:
 * 6. Photos (`--media 1000`): the corpus with a generated photo per news item, built without
 *    photos, then with them on an empty image cache and a kept one (scripts/bench/media.ts).
 * 7. Languages (`--languages 1000`): the corpus all English and with 10 % of its items in Spanish
 *    or French, each built and searched (scripts/bench/languages.ts).
 * 8. Import (`--import`, `--import-pages 10000`): a generated crawl of the old site imported by
 *    scripts/import.ts, its wall time and peak memory against the budgets (scripts/bench/import.ts).
 *
 * --large adds the 100k corpus; --max-rss (GB) stops a build whose processes together pass it;
 * --dev-loop-only measures just the dev loop, on the --search-size corpus (no builds, no search);
 * --site measures only search and page weight, on a site built before (no builds, no dev loop).
 * The options are in `usage` below and docs/benchmarks.md. Results go to
 * bench/results/<date-time>.json and .md (not committed) and are printed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { launchBrowser } from "./lib/util/browser.ts";
import { repoRoot } from "./lib/util/repo-root.ts";
import { BuildAborted, runBuild, writeBenchCorpus, type Corpus } from "./bench/builds.ts";
import { measureDevLoop } from "./bench/dev-loop.ts";
import { runHugoPagefind, writeHugoSite, type PeerRun } from "./bench/hugo.ts";
import { runEleventyPagefind, writeEleventySite } from "./bench/eleventy-peer.ts";
import { benchColdQueries } from "./bench/site.ts";
import { corpusTexts, type CorpusText } from "./bench/corpus.ts";
import { benchMedia, mediaSection } from "./bench/media.ts";
import { benchLanguages, languagesSection } from "./bench/languages.ts";
import { startedGroups, stopGroup } from "./bench/process-tree.ts";
import { benchWacz } from "./bench/wacz.ts";
import { benchImport, importBudgets, importSection } from "./bench/import.ts";
import { formatBytes, pluralise } from "./lib/util/format.ts";
import {
  gb,
  markdownReport,
  ms,
  sizeLabel,
  summariseSearch,
  type BenchResults,
  type SizeResult,
} from "./bench/report.ts";
import type { BenchOptions } from "./bench/options.ts";
import {
  articleCount,
  benchPageWeight,
  benchSearch,
  benchSuggestions,
  firstNewsUrl,
  searchTerms,
} from "./bench/site.ts";
import { optionsOrUsage } from "./lib/util/cli.ts";

const usage =
  "usage: npm run bench -- [--sizes 1000,10000] [--texts subtlex,brown] [--large] [--runs 3] [--search-runs 2] " +
  "[--search-size 10000] [--no-search] [--no-dev-loop] [--dev-loop-only] [--edits 3] [--max-rss 16] [--no-wacz]\n" +
  "       npm run bench -- --site <built site> [--search-runs 2]\n" +
  "       npm run bench -- --media 1000\n" +
  "       npm run bench -- --languages 1000\n" +
  "       npm run bench -- --import [--import-pages 10000]";

export function parseBenchArgs(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      sizes: { type: "string", default: "1000,10000" },
      texts: { type: "string", default: corpusTexts.join(",") },
      large: { type: "boolean", default: false },
      runs: { type: "string", default: "3" },
      "search-runs": { type: "string", default: "2" },
      "search-size": { type: "string", default: "10000" },
      "no-search": { type: "boolean", default: false },
      "no-dev-loop": { type: "boolean", default: false },
      "no-wacz": { type: "boolean", default: false },
      "dev-loop-only": { type: "boolean", default: false },
      edits: { type: "string", default: "3" },
      "max-rss": { type: "string", default: "16" },
      site: { type: "string" },
      media: { type: "string" },
      languages: { type: "string" },
      import: { type: "boolean", default: false },
      "import-pages": { type: "string", default: String(importBudgets.pages) },
    },
  });
  const count = (name: string, text: string) => {
    if (!/^[1-9]\d*$/.test(text)) throw new TypeError(`--${name} must be a positive integer, got "${text}"`);
    return Number(text);
  };
  const sizes = values.sizes.split(",").map((size) => count("sizes", size.trim()));
  if (values.large && !sizes.includes(100_000)) sizes.push(100_000);
  const texts = values.texts.split(",").map((text) => text.trim());
  const unknown = texts.find((text) => !corpusTexts.includes(text as CorpusText));
  if (unknown !== undefined || texts.length === 0)
    throw new TypeError(`--texts must list ${corpusTexts.join(", ")}, got "${values.texts}"`);
  const maxRss = Number(values["max-rss"]);
  if (!(maxRss > 0)) throw new TypeError(`--max-rss must be a number of GB, got "${values["max-rss"]}"`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    texts: [...new Set(texts)] as CorpusText[],
    runs: count("runs", values.runs),
    searchRuns: count("search-runs", values["search-runs"]),
    searchSize: count("search-size", values["search-size"]),
    search: !values["no-search"] && !values["dev-loop-only"],
    devLoop: !values["no-dev-loop"] || values["dev-loop-only"],
    devLoopOnly: values["dev-loop-only"],
    wacz: !values["no-wacz"] && !values["dev-loop-only"],
    edits: count("edits", values.edits),
    maxRssBytes: maxRss * 1e9,
    site: values.site === undefined ? undefined : path.resolve(values.site),
    media: values.media === undefined ? undefined : count("media", values.media),
    languages: values.languages === undefined ? undefined : count("languages", values.languages),
    importPages: values.import ? count("import-pages", values["import-pages"]) : undefined,
    workDir: path.join(repoRoot, "bench/work"),
    resultsDir: path.join(repoRoot, "bench/results"),
  };
}

/** A corpus's folder under bench/work: "10000" for the SUBTLEX text (as before), "10000-brown". */
function benchDir(options: BenchOptions, size: number, text: CorpusText): string {
  return path.join(options.workDir, text === "subtlex" ? String(size) : `${size}-${text}`);
}

interface Peer {
  key: "peer" | "eleventyPeer";
  label: string;
  run(): Promise<PeerRun>;
}

// ---------------------------------------------------------------------------
// Figures

async function main(): Promise<void> {
  const options = optionsOrUsage("bench", usage, () => parseBenchArgs(process.argv.slice(2)));
  const log = (line: string) => console.log(line);
  const startedAt = new Date();
  const results: BenchResults = {
    date: startedAt.toISOString().slice(0, 10),
    machine: {
      cores: os.availableParallelism(),
      cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
      memoryBytes: os.totalmem(),
      node: process.version,
      loadAverage: os.loadavg(),
    },
    options: {
      sizes: options.sizes,
      texts: options.texts,
      runs: options.runs,
      searchRuns: options.searchRuns,
      searchSize: options.searchSize,
      search: options.search,
      devLoop: options.devLoop,
      devLoopOnly: options.devLoopOnly,
      wacz: options.wacz,
      edits: options.edits,
      maxRssBytes: options.maxRssBytes,
      site: options.site,
      media: options.media,
      languages: options.languages,
      importPages: options.importPages,
    },
    builds: [],
  };
  const { machine } = results;
  const load = machine.loadAverage.map((n) => n.toFixed(2)).join(" ");
  log(`bench: ${machine.cores} cores (${machine.cpu}), ${gb(machine.memoryBytes)}, Node ${machine.node}, load ${load}`);

  if (options.media) {
    const browser = await launchBrowser();
    try {
      log(`\n${mediaSection(await benchMedia(options.media, options.workDir, log, { browser, searchTerms }))}`);
    } finally {
      await browser.close();
    }
    return;
  }

  if (options.importPages) {
    const run = await benchImport(options.importPages, options.workDir, log);
    log(`\n${importSection(run)}`);
    if (run.error) process.exitCode = 1;
    return;
  }

  if (options.languages) {
    const browser = await launchBrowser();
    try {
      const variants = await benchLanguages(options.languages, options.workDir, options.maxRssBytes, browser, log);
      log(`\n${languagesSection(options.languages, variants)}`);
    } finally {
      await browser.close();
    }
    return;
  }

  let failed = false;
  const corpora = new Map<number, Corpus>();
  if (options.devLoopOnly) {
    corpora.set(
      options.searchSize,
      writeBenchCorpus(options.searchSize, path.join(benchDir(options, options.searchSize, "subtlex"), "content")),
    );
  }
  for (const size of options.site || options.devLoopOnly ? [] : options.sizes) {
    for (const text of options.texts) {
      const dir = benchDir(options, size, text);
      const corpus = writeBenchCorpus(size, path.join(dir, "content"), text);
      if (text === "subtlex") corpora.set(size, corpus);
      const items = `${corpus.news} news, ${corpus.abstracts} abstracts (${formatBytes(corpus.bytes)})`;
      log(`\n${sizeLabel(size)}, ${text}: ${items} in ${path.relative(repoRoot, corpus.dir)}`);
      log(`  ${corpus.words} distinct words`);
      const result: SizeResult = {
        size,
        text,
        corpus: { news: corpus.news, abstracts: corpus.abstracts, bytes: corpus.bytes, words: corpus.words },
        runs: [],
      };
      results.builds.push(result);
      // The peers build the same files after each of our runs, so that all see the same load.
      const peers: Peer[] = [];
      if (size === options.searchSize) {
        writeHugoSite(corpus.dir, path.join(dir, "hugo"));
        writeEleventySite(corpus.dir, path.join(dir, "eleventy"));
        peers.push(
          { key: "peer", label: "Hugo + Pagefind", run: () => runHugoPagefind(path.join(dir, "hugo")) },
          {
            key: "eleventyPeer",
            label: "Eleventy + Pagefind",
            run: () => runEleventyPagefind(corpus.dir, path.join(dir, "eleventy")),
          },
        );
        for (const peer of peers) result[peer.key] = [];
      }
      for (let run = 1; run <= options.runs; run++) {
        try {
          const measured = await runBuild(corpus.dir, path.join(dir, "site"), options.maxRssBytes);
          result.runs.push(measured);
          log(
            `  run ${run}: ${ms(measured.totalMs)} (wall ${ms(measured.wallMs)}), ` +
              measured.phases.map((phase) => `${phase.name} ${ms(phase.ms)}`).join(", ") +
              `; peak ${gb(measured.memory.treeBytes)}; load ${measured.loadAverage.toFixed(2)}`,
          );
        } catch (error) {
          if (!(error instanceof BuildAborted)) throw error;
          result.error = error.message;
          failed = true;
          log(`  run ${run}: ${error.message}`);
          break;
        }
        for (const peer of peers) {
          const runs = result[peer.key];
          if (!Array.isArray(runs)) continue;
          try {
            const measured = await peer.run();
            runs.push(measured);
            const parts = `site ${ms(measured.siteMs)}, Pagefind ${ms(measured.pagefindMs)}, ${measured.words} words`;
            log(
              `  ${peer.label} ${run}: ${ms(measured.totalMs)} (${parts}); ` +
                `peak ${gb(measured.peakBytes)}; load ${measured.loadAverage.toFixed(2)}`,
            );
          } catch (error) {
            // Debian's hugo package may be missing: our figures stand without it.
            const firstLine = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
            result[peer.key] = { error: firstLine };
            log(`  ${peer.label}: ${firstLine}`);
          }
        }
      }
      if (options.wacz && text === "subtlex")
        results.wacz = [...(results.wacz ?? []), ...(await benchWacz(size, corpus.dir, dir, log))];
    }
  }

  // Cold queries on each corpus's site at the --search-size: our page beside the default UI.
  const coldSites = options.site
    ? []
    : results.builds
        .filter((result) => result.size === options.searchSize && result.runs.length > 0 && options.search)
        .map((result) => result.text);
  if (coldSites.length > 0) {
    const browser = await launchBrowser();
    try {
      for (const text of coldSites) {
        const dir = benchDir(options, options.searchSize, text);
        const site = `the ${sizeLabel(options.searchSize)} ${text} site`;
        const rounds = pluralise(options.searchRuns, "round");
        log(`\ncold queries on ${site}: our page and Pagefind's default UI, ${rounds}`);
        const cold = await benchColdQueries(
          path.join(dir, "content"),
          path.join(dir, "site"),
          text,
          browser,
          options.searchRuns,
          log,
        );
        results.cold = [...(results.cold ?? []), cold];
      }
    } catch (error) {
      failed = true;
      log(`  ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await browser.close();
    }
  }

  const { searchSize } = options;
  const searchCorpus = corpora.get(searchSize);
  const siteDir = options.site ?? path.join(benchDir(options, searchSize, "subtlex"), "site");
  const newsUrl = options.site ? firstNewsUrl(options.site) : searchCorpus?.sample.url;
  const searchable = options.site
    ? newsUrl !== undefined
    : searchCorpus !== undefined &&
      (options.devLoopOnly || results.builds.some((result) => result.size === searchSize && result.runs.length > 0));
  if ((options.search || options.devLoop) && !searchable) {
    log(
      options.site
        ? `\n${options.site} is not a built site: it has no news/<year>/<slug>/index.html`
        : `\nsearch, page weight and dev loop are measured on the ${sizeLabel(searchSize)} corpus: ` +
            `add ${searchSize} to --sizes`,
    );
    if (options.site) failed = true;
  }
  if (searchable && newsUrl && (options.search || options.devLoop)) {
    const browser = await launchBrowser();
    try {
      if (options.search) {
        const site = options.site ?? `the ${sizeLabel(searchSize)} site`;
        log(`\nsearch on ${site}: cold query, then a warm one on the same page`);
        try {
          const samples = await benchSearch(siteDir, browser, options, log);
          results.search = {
            siteSize: options.site ? articleCount(options.site) : searchSize,
            samples,
            summary: summariseSearch(samples),
          };
          results.pageWeight = await benchPageWeight(siteDir, browser, [newsUrl, "/news/", "/search/"]);
          results.suggestions = await benchSuggestions(siteDir, browser);
        } catch (error) {
          results.search = {
            siteSize: searchSize,
            samples: [],
            summary: [],
            error: error instanceof Error ? error.message : String(error),
          };
          failed = true;
          log(`  ${results.search.error}`);
        }
      }
      if (options.devLoop && searchCorpus) {
        const edited = path.relative(repoRoot, searchCorpus.sample.file);
        log(`\ndev loop: npm start on the ${sizeLabel(searchSize)} corpus, then an edit to ${edited}`);
        try {
          results.devLoop = await measureDevLoop({
            contentDir: searchCorpus.dir,
            articleFile: searchCorpus.sample.file,
            articleUrl: searchCorpus.sample.url,
            browser,
            log,
            edits: options.edits,
          });
        } catch (error) {
          results.devLoop = { error: error instanceof Error ? error.message : String(error) };
          failed = true;
          log(`  ${results.devLoop.error}`);
        }
      }
    } finally {
      await browser.close();
    }
  }

  results.machine.loadAverageAtEnd = os.loadavg();
  const report = markdownReport(results);
  mkdirSync(options.resultsDir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const jsonFile = path.join(options.resultsDir, `bench-${stamp}.json`);
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(jsonFile.replace(/\.json$/, ".md"), report);
  log(`\n${report}\nwritten to ${path.relative(repoRoot, jsonFile)} and .md`);
  if (failed) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // An interrupted bench leaves no build or preview server running behind it.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const pid of startedGroups) stopGroup(pid, "SIGKILL");
      process.exit(130);
    });
  }
  await main();
}
