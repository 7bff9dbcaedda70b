/**
 * `npm run bench`: measures the archive at scale and prints the figures; nothing is asserted.
 *
 * 1. Builds: synthetic corpora (scripts/generate-corpus.ts, 80 % news, 20 % abstracts) built with
 *    `npm run build` in a child process, `--runs` times each: time per phase and in total, pages
 *    per second, peak memory of the whole process tree, output and search index sizes. At the
 *    --search-size, Hugo + Pagefind (scripts/bench/hugo.ts) builds the same files after each of
 *    our runs, so that both are measured under the same load.
 * 2. Search (on the 10k site, served gzipped, in headless Chromium): our search page against
 *    Pagefind's default UI over the same index, cold and warm, and the budgets.
 * 3. Page weight of a news page, the news list and the search page.
 * 4. Dev loop (10k): `npm start`, edit an article, time until the page and the search show it;
 *    `--edits` edits one after the other, each once the previous one's background pass is done.
 *
 * 5. Photos (`--media 1000`, on its own): the corpus with a generated photo per news item, built
 *    without photos, then with them on an empty image cache and a kept one (scripts/bench/media.ts).
 *
 * Results go to bench/results/<date-time>.json and .md (not committed) and are printed.
 *
 *   npm run bench -- [--sizes 1000,10000] [--large] [--runs 3] [--search-runs 2]
 *                    [--search-size 10000] [--no-search] [--no-dev-loop] [--dev-loop-only] [--edits 3] [--max-rss 16] [--no-wacz]
 *   npm run bench -- --site <built site> [--search-runs 2]
 *   npm run bench -- --media 1000
 *
 * 5. Web archive: for each size, the WACZ of the busiest year and of the whole archive (scripts/bench/wacz.ts);
 *    --no-wacz leaves it out.
 *
 * --large adds the 100k corpus; --max-rss (GB) stops a build whose processes together pass it;
 * --dev-loop-only measures just the dev loop, on the --search-size corpus (no builds, no search);
 * --site measures only search and page weight, on a site built before (no builds, no dev loop).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./lib/util/browser.ts";
import { repoRoot } from "./lib/util/repo-root.ts";
import { BuildAborted, runBuild, writeBenchCorpus, type BuildRun, type Corpus } from "./bench/builds.ts";
import { measureDevLoop, type DevLoopResult } from "./bench/dev-loop.ts";
import { runHugoPagefind, writeHugoSite, type PeerRun } from "./bench/hugo.ts";
import { benchMedia, mediaSection } from "./bench/media.ts";
import { startedGroups, stopGroup } from "./bench/process-tree.ts";
import {
  defaultUiPages,
  measurePageWeight,
  measureSearch,
  measureSuggestion,
  type PageWeight,
  type SearchSample,
  type SearchUi,
  type SuggestionSample,
} from "./bench/search.ts";
import { serveGzipped } from "./bench/static-server.ts";
import { benchWacz, waczSection, type WaczBench } from "./bench/wacz.ts";
import { formatBytes } from "./lib/util/format.ts";

const usage =
  "usage: npm run bench -- [--sizes 1000,10000] [--large] [--runs 3] [--search-runs 2] [--search-size 10000] [--no-search] [--no-dev-loop] [--dev-loop-only] [--edits 3] [--max-rss 16] [--no-wacz]\n       npm run bench -- --site <built site> [--search-runs 2]\n       npm run bench -- --media 1000";

/** Cold queries; each is followed on the same page by a warm query for the word two places on. */
const searchTerms = ["extradition", "ransomware", "femicide", "bogota", "perjury"];

interface BenchOptions {
  sizes: number[];
  runs: number;
  searchRuns: number;
  /** The corpus size on which Hugo + Pagefind, search, page weight and the dev loop are measured (10k, the budgets' size). */
  searchSize: number;
  search: boolean;
  devLoop: boolean;
  /** Only the dev loop: no builds, no search or page weight. */
  devLoopOnly: boolean;
  /** The WACZ of a year and of the whole archive, at each size (scripts/bench/wacz.ts). */
  wacz: boolean;
  /** Edits the dev loop measures. */
  edits: number;
  maxRssBytes: number;
  /** A site built before: only search and page weight are measured on it. */
  site: string | undefined;
  /** Only the photos bench, on a corpus of this size. */
  media: number | undefined;
  workDir: string;
  resultsDir: string;
}

export function parseBenchArgs(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      sizes: { type: "string", default: "1000,10000" },
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
    },
  });
  const count = (name: string, text: string) => {
    if (!/^[1-9]\d*$/.test(text)) throw new TypeError(`--${name} must be a positive integer, got "${text}"`);
    return Number(text);
  };
  const sizes = values.sizes.split(",").map((size) => count("sizes", size.trim()));
  if (values.large && !sizes.includes(100_000)) sizes.push(100_000);
  const maxRss = Number(values["max-rss"]);
  if (!(maxRss > 0)) throw new TypeError(`--max-rss must be a number of GB, got "${values["max-rss"]}"`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
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
    workDir: path.join(repoRoot, "bench/work"),
    resultsDir: path.join(repoRoot, "bench/results"),
  };
}

// ---------------------------------------------------------------------------
// Figures

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

interface SizeResult {
  size: number;
  corpus: Omit<Corpus, "dir" | "sample">;
  runs: BuildRun[];
  /** Hugo + Pagefind on the same corpus, interleaved with our runs (the --search-size only). */
  peer?: PeerRun[] | { error: string };
  error?: string;
}

interface SearchSummary {
  ui: SearchUi;
  cold: { ms: number; bytes: number; requests: number; browserBytes: number };
  warm: { ms: number; maxMs: number; bytes: number; requests: number };
}

interface BenchResults {
  date: string;
  /** Load averages (1, 5, 15 min) at the start and the end: other work on the machine shows here. */
  machine: { cores: number; cpu: string; memoryBytes: number; node: string; loadAverage: number[]; loadAverageAtEnd?: number[] };
  options: Omit<BenchOptions, "workDir" | "resultsDir">;
  builds: SizeResult[];
  search?: { siteSize: number; samples: SearchSample[]; summary: SearchSummary[]; error?: string };
  pageWeight?: PageWeight[];
  suggestions?: SuggestionSample[];
  devLoop?: DevLoopResult | { error: string };
  wacz?: WaczBench[];
}

function summariseSearch(samples: readonly SearchSample[]): SearchSummary[] {
  const uis = [...new Set(samples.map((sample) => sample.ui))];
  return uis.map((ui) => {
    const of = samples.filter((sample) => sample.ui === ui);
    return {
      ui,
      cold: {
        ms: median(of.map((s) => s.cold.ms)),
        bytes: median(of.map((s) => s.cold.bytes)),
        requests: median(of.map((s) => s.cold.requests)),
        browserBytes: median(of.map((s) => s.cold.browser.bytes)),
      },
      warm: {
        ms: median(of.map((s) => s.warm.ms)),
        maxMs: Math.max(...of.map((s) => s.warm.ms)),
        bytes: median(of.map((s) => s.warm.bytes)),
        requests: median(of.map((s) => s.warm.requests)),
      },
    };
  });
}

// ---------------------------------------------------------------------------
// Report

function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return "–";
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function load(averages: readonly number[]): string {
  return averages.map((n) => n.toFixed(2)).join(" / ") || "–";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

function sizeLabel(size: number): string {
  return size >= 1000 && size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function buildTable(builds: readonly SizeResult[]): string {
  const done = builds.filter((result) => result.runs.length > 0);
  const phaseNames = [...new Set(done.flatMap((result) => result.runs.flatMap((run) => run.phases.map((phase) => phase.name))))];
  const row = (label: string, figure: (runs: BuildRun[], result: SizeResult) => string): string[] => [
    label,
    ...done.map((result) => figure(result.runs, result)),
  ];
  const medianOf = (runs: BuildRun[], value: (run: BuildRun) => number | undefined) =>
    median(runs.map(value).filter((v): v is number => v !== undefined));
  const rows = [
    row("articles (news + abstracts)", (_, r) => `${r.corpus.news + r.corpus.abstracts} (${r.corpus.news} + ${r.corpus.abstracts}), ${formatBytes(r.corpus.bytes)} Markdown`),
    row("distinct words in the corpus; Pagefind indexed", (runs, r) => `${r.corpus.words}; ${runs[0]?.pagefind?.words ?? "–"}`),
    row("HTML pages", (runs) => String(runs[0]?.pages ?? "–")),
    ...phaseNames.flatMap((name) => {
      const phase = row(name, (runs) => ms(medianOf(runs, (run) => run.phases.find((p) => p.name === name)?.ms)));
      if (name !== "search") return [phase];
      return [
        phase,
        row("… Pagefind adding pages", (runs) => ms(medianOf(runs, (run) => run.pagefind?.addMs))),
        row("… Pagefind writing the index", (runs) => ms(medianOf(runs, (run) => run.pagefind?.writeMs))),
      ];
    }),
    row("**build total** (the build's own)", (runs) => `**${ms(medianOf(runs, (run) => run.totalMs))}**`),
    row("each run", (runs) => runs.map((run) => ms(run.totalMs)).join(", ")),
    row("wall, `npm run build` start to exit", (runs) => ms(medianOf(runs, (run) => run.wallMs))),
    row("pages per second", (runs) => String(Math.round(medianOf(runs, (run) => (run.pages ?? 0) / ((run.totalMs ?? Number.NaN) / 1000))))),
    row("**peak RSS, whole process tree**", (runs) => `**${gb(medianOf(runs, (run) => run.memory.treeBytes))}** (max ${gb(Math.max(...runs.map((run) => run.memory.treeBytes)))})`),
    row("… largest node process (the build)", (runs) => gb(medianOf(runs, (run) => largestOf(run.memory.byCommand, (command) => command === "node")))),
    row("… Pagefind's binary", (runs) => gb(medianOf(runs, (run) => largestOf(run.memory.byCommand, (command) => command.startsWith("pagefind"))))),
    row("output", (runs) => (runs[0] ? `${formatBytes(runs[0].output.bytes)}, ${runs[0].output.files} files` : "–")),
    row("search index data (`pagefind/*.pf_*`)", (runs) => (runs[0] ? `${formatBytes(runs[0].searchIndex.bytes)}, ${runs[0].searchIndex.files} files` : "–")),
    row("`pagefind/` in all (with scripts, wasm, UIs)", (runs) => (runs[0] ? `${formatBytes(runs[0].searchBundle.bytes)}, ${runs[0].searchBundle.files} files` : "–")),
  ];
  return table(["", ...done.map((result) => `${sizeLabel(result.size)} (median of ${result.runs.length})`)], rows);
}

/** Our build beside Hugo + Pagefind's on the same corpus, and the budget: ≤ 1.0× theirs. */
function peerSection(result: SizeResult): string {
  const peer = result.peer;
  if (!peer) return "";
  if ("error" in peer) return `Hugo + Pagefind: not measured: ${peer.error}`;
  const ours = median(result.runs.map((run) => run.totalMs ?? Number.NaN));
  const theirs = median(peer.map((run) => run.totalMs));
  const ratio = ours / theirs;
  return [
    table(
      ["median", "our build", "Hugo + Pagefind"],
      [
        ["total", ms(ours), `${ms(theirs)} (Hugo ${ms(median(peer.map((run) => run.hugoMs)))}, Pagefind ${ms(median(peer.map((run) => run.pagefindMs)))})`],
        ["each run", result.runs.map((run) => ms(run.totalMs)).join(", "), peer.map((run) => ms(run.totalMs)).join(", ")],
        ["Pagefind indexed", `${result.runs[0]?.pagefind?.words ?? "–"} words`, `${peer[0]?.words ?? "–"} words, ${peer[0]?.pages ?? "–"} pages`],
        ["peak memory", gb(median(result.runs.map((run) => run.memory.treeBytes))), `${gb(median(peer.map((run) => run.peakBytes)))} (largest process)`],
      ],
    ),
    "",
    `Budget: our build ≤ 1.0× Hugo + Pagefind: ${ratio <= 1 ? "met" : "**not met**"} (${ratio.toFixed(2)}×).`,
  ].join("\n");
}

function largestOf(byCommand: Record<string, number>, match: (command: string) => boolean): number {
  return Math.max(0, ...Object.entries(byCommand).filter(([command]) => match(command)).map(([, bytes]) => bytes));
}

const uiLabels: Record<SearchUi, string> = {
  ours: "our search page",
  default: "Pagefind default UI",
  "default-no-debounce": "default UI, debounce 0",
};

function searchSection(search: NonNullable<BenchResults["search"]>): string {
  const by = (ui: SearchUi) => search.summary.find((summary) => summary.ui === ui);
  const ours = by("ours");
  const shown = search.summary;
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? `${(a / b).toFixed(2)}×` : "–");
  const lines = [
    table(
      ["median", ...shown.map((s) => uiLabels[s.ui]), "ours ÷ default", "ours ÷ default (debounce 0)"],
      [
        ["cold: bytes transferred (gzipped)", ...shown.map((s) => formatBytes(s.cold.bytes)), ratio(ours?.cold.bytes, by("default")?.cold.bytes), ratio(ours?.cold.bytes, by("default-no-debounce")?.cold.bytes)],
        ["cold: requests", ...shown.map((s) => String(s.cold.requests)), ratio(ours?.cold.requests, by("default")?.cold.requests), ratio(ours?.cold.requests, by("default-no-debounce")?.cold.requests)],
        ["cold: navigation start → first result shown", ...shown.map((s) => ms(s.cold.ms)), ratio(ours?.cold.ms, by("default")?.cold.ms), ratio(ours?.cold.ms, by("default-no-debounce")?.cold.ms)],
        ["warm: second query → first result shown", ...shown.map((s) => ms(s.warm.ms)), ratio(ours?.warm.ms, by("default")?.warm.ms), ratio(ours?.warm.ms, by("default-no-debounce")?.warm.ms)],
        ["warm: slowest", ...shown.map((s) => ms(s.warm.maxMs)), "", ""],
        ["warm: bytes, requests", ...shown.map((s) => `${formatBytes(s.warm.bytes)}, ${s.warm.requests}`), "", ""],
      ],
    ),
  ];
  const def = by("default");
  if (ours && def) {
    const verdict = (ok: boolean) => (ok ? "met" : "**not met**");
    lines.push(
      "",
      "Cold queries run in fresh contexts with service workers blocked: the query alone, counted until the network is quiet. " +
        "Our pages register the offline service worker once the first results are shown and the page is idle; its install is in the page weight below.",
      "",
      `Budgets against Pagefind's default UI as shipped, over the same index:`,
      `- cold bytes ≤ 0.75× the default UI's: ${verdict(ours.cold.bytes <= 0.75 * def.cold.bytes)} (${ratio(ours.cold.bytes, def.cold.bytes)})`,
      `- cold time to first results ≤ 0.75× the default UI's: ${verdict(ours.cold.ms <= 0.75 * def.cold.ms)} (${ratio(ours.cold.ms, def.cold.ms)})`,
      `- warm query ≤ 50 ms: ${verdict(ours.warm.ms <= 50)} (median ${ms(ours.warm.ms)}, slowest ${ms(ours.warm.maxMs)})`,
    );
  }
  return lines.join("\n");
}

export function markdownReport(results: BenchResults): string {
  const { machine } = results;
  const parts = [
    `# Benchmark, ${results.date}`,
    "",
    `Machine: ${machine.cores} cores (${machine.cpu}), ${gb(machine.memoryBytes)} memory, Node ${machine.node}; ` +
      `load average ${load(machine.loadAverage)} at the start, ${load(machine.loadAverageAtEnd ?? [])} at the end.`,
    (results.options.site
      ? `Options: the site built before in ${results.options.site} (no builds); `
      : results.options.devLoopOnly
        ? `Options: the dev loop only, ${plural(results.options.edits, "edit")}; `
        : `Options: sizes ${results.options.sizes.join(", ")}; ${plural(results.options.runs, "build run")} each; `) +
      `search: ${searchTerms.length} terms × ${plural(results.options.searchRuns, "run")} per UI.`,
  ];
  if (results.builds.length > 0) parts.push("", "## Full build (`npm run build`)", "", buildTable(results.builds));
  for (const failed of results.builds.filter((result) => result.error)) parts.push("", `${sizeLabel(failed.size)}: ${failed.error}`);
  for (const result of results.builds.filter((result) => result.peer)) {
    parts.push("", `## ${sizeLabel(result.size)}: our build beside Hugo + Pagefind (same corpus, same run)`, "", peerSection(result));
  }
  if (results.wacz?.length) parts.push("", "## Web archive (`npm run snapshot -- --wacz`, each once)", "", waczSection(results.wacz));
  if (results.search) {
    parts.push("", `## Search on the ${sizeLabel(results.search.siteSize)} site (headless Chromium, gzip static server)`, "");
    parts.push(results.search.error ? `Not measured: ${results.search.error}` : searchSection(results.search));
  }
  if (results.pageWeight) {
    parts.push("", "## Page weight (first visit, gzipped)", "");
    parts.push(
      table(
        ["page", "bytes, requests", "service workers blocked", "the service worker's install"],
        results.pageWeight.map((weight) => [
          `\`${weight.url}\``,
          `${formatBytes(weight.bytes)}, ${weight.requests}`,
          `${formatBytes(weight.blocked.bytes)}, ${weight.blocked.requests}`,
          `${formatBytes(weight.bytes - weight.blocked.bytes)}, ${weight.requests - weight.blocked.requests}`,
        ]),
      ),
      "",
      "A first visit registers the service worker once the page is quiet, and its install downloads what it precaches (offline reading).",
    );
  }
  if (results.suggestions) {
    parts.push("", "## Spelling suggestion (cold page, misspelt query)", "");
    parts.push(
      table(
        ["query", "suggestion", "dictionary downloaded (gzipped)", "largest dictionary file (gzipped)", "empty result → suggestion shown"],
        results.suggestions.map((sample) => [
          `\`${sample.query}\``,
          sample.suggestion || "none",
          formatBytes(sample.dictionaryGzipBytes),
          formatBytes(sample.largestGzipBytes),
          sample.afterEmptyMs < 0 ? "not shown" : ms(sample.afterEmptyMs),
        ]),
      ),
      "",
      "Budget (issue 17): the dictionary ≤ 80 kB gzipped per query, the suggestion ≤ 300 ms after the empty result.",
    );
  }
  if (results.devLoop) {
    parts.push("", `## Dev loop (\`npm start\`, ${sizeLabel(results.options.searchSize)} corpus)`, "");
    const loop = results.devLoop;
    if ("error" in loop) parts.push(`Not measured: ${loop.error}`);
    else {
      parts.push(
        table(
          ["", ""],
          [
            ["start-up: `npm start` until the article is served", ms(loop.startupMs)],
            [`edit saved → served page shows it (median of ${loop.edits.length})`, `${ms(loop.pageMs)} (${loop.edits.map((edit) => ms(edit.pageMs)).join(", ")})`],
            [`edit saved → search finds it (median of ${loop.edits.length})`, `${ms(loop.searchMs)} (${loop.edits.map((edit) => ms(edit.searchMs)).join(", ")})`],
            [
              `edit saved → the whole preview (lists, feeds) is up to date (median of ${loop.edits.length})`,
              `${ms(loop.siteMs)} (${loop.edits.map((edit) => ms(edit.siteMs)).join(", ")})`,
            ],
            ["the session's lines for the last edit", [loop.edits.at(-1)?.sessionLine, loop.edits.at(-1)?.searchLine].filter(Boolean).join("<br>") || "–"],
            ["the background pass's phases (last edit)", loop.rebuildPhases.map((phase) => `${phase.name} ${ms(phase.ms)}`).join(", ") || "–"],
            ["peak RSS of the `npm start` tree", gb(loop.memory.treeBytes)],
          ],
        ),
      );
    }
  }
  return `${parts.join("\n")}\n`;
}

// ---------------------------------------------------------------------------
// Running

async function benchSearch(siteDir: string, browser: Browser, options: BenchOptions, log: (line: string) => void): Promise<SearchSample[]> {
  const server = await serveGzipped(siteDir, { extraPages: defaultUiPages() });
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
          log(`  ${ui.padEnd(20)} ${term.padEnd(12)} cold ${ms(sample.cold.ms).padStart(7)} ${formatBytes(sample.cold.bytes).padStart(7)} ${String(sample.cold.requests).padStart(3)} req · warm (${warmTerm}) ${ms(sample.warm.ms).padStart(7)}`);
        }
      }
    }
    return samples;
  } finally {
    await server.close();
  }
}

/** Misspellings of a word and of a name in the generated corpus (scripts/generate-corpus.ts). */
const misspeltTerms = ["cooperaton", "Fiscalai", "tiblisi"];

async function benchSuggestions(siteDir: string, browser: Browser): Promise<SuggestionSample[]> {
  const server = await serveGzipped(siteDir);
  try {
    const samples: SuggestionSample[] = [];
    for (const query of misspeltTerms) samples.push(await measureSuggestion(browser, server, siteDir, query));
    return samples;
  } finally {
    await server.close();
  }
}

async function benchPageWeight(siteDir: string, browser: Browser, urls: string[]): Promise<PageWeight[]> {
  const server = await serveGzipped(siteDir);
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
function firstNewsUrl(siteDir: string): string | undefined {
  const newsDir = path.join(siteDir, "news");
  if (!existsSync(newsDir)) return undefined;
  for (const year of readdirSync(newsDir).filter((name) => /^\d{4}$/.test(name)).sort()) {
    const slug = readdirSync(path.join(newsDir, year)).sort().find((name) => name !== "page" && existsSync(path.join(newsDir, year, name, "index.html")));
    if (slug) return `/news/${year}/${slug}/`;
  }
  return undefined;
}

/** Articles (news and abstracts) of a built site, counted by their pages. */
function articleCount(siteDir: string): number {
  let count = 0;
  for (const kind of ["news", "abstracts"]) {
    const dir = path.join(siteDir, kind);
    if (!existsSync(dir)) continue;
    for (const group of readdirSync(dir, { withFileTypes: true })) {
      if (!group.isDirectory() || group.name === "page") continue;
      count += readdirSync(path.join(dir, group.name), { withFileTypes: true }).filter(
        (entry) => entry.isDirectory() && entry.name !== "page" && existsSync(path.join(dir, group.name, entry.name, "index.html")),
      ).length;
    }
  }
  return count;
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
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
    },
    builds: [],
  };
  log(`bench: ${results.machine.cores} cores (${results.machine.cpu}), ${gb(results.machine.memoryBytes)}, Node ${results.machine.node}, load ${results.machine.loadAverage.map((n) => n.toFixed(2)).join(" ")}`);

  if (options.media) {
    const browser = await launchBrowser();
    try {
      log(`\n${mediaSection(await benchMedia(options.media, options.workDir, log, { browser, searchTerms }))}`);
    } finally {
      await browser.close();
    }
    return;
  }

  let failed = false;
  const corpora = new Map<number, Corpus>();
  if (options.devLoopOnly) {
    const dir = path.join(options.workDir, String(options.searchSize));
    corpora.set(options.searchSize, writeBenchCorpus(options.searchSize, path.join(dir, "content")));
  }
  for (const size of options.site || options.devLoopOnly ? [] : options.sizes) {
    const dir = path.join(options.workDir, String(size));
    const corpus = writeBenchCorpus(size, path.join(dir, "content"));
    corpora.set(size, corpus);
    log(`\n${sizeLabel(size)}: ${corpus.news} news, ${corpus.abstracts} abstracts (${formatBytes(corpus.bytes)}) in ${path.relative(repoRoot, corpus.dir)}`);
    log(`  ${corpus.words} distinct words`);
    const result: SizeResult = { size, corpus: { news: corpus.news, abstracts: corpus.abstracts, bytes: corpus.bytes, words: corpus.words }, runs: [] };
    results.builds.push(result);
    const peer: PeerRun[] = [];
    if (size === options.searchSize) {
      writeHugoSite(corpus.dir, path.join(dir, "hugo"));
      result.peer = peer;
    }
    for (let run = 1; run <= options.runs; run++) {
      try {
        const measured = await runBuild(corpus.dir, path.join(dir, "site"), options.maxRssBytes);
        result.runs.push(measured);
        log(
          `  run ${run}: ${ms(measured.totalMs)} (wall ${ms(measured.wallMs)}), ` +
            measured.phases.map((phase) => `${phase.name} ${ms(phase.ms)}`).join(", ") +
            `; peak ${gb(measured.memory.treeBytes)}`,
        );
      } catch (error) {
        if (!(error instanceof BuildAborted)) throw error;
        result.error = error.message;
        failed = true;
        log(`  run ${run}: ${error.message}`);
        break;
      }
      if (result.peer !== peer) continue;
      try {
        const measured = await runHugoPagefind(path.join(dir, "hugo"));
        peer.push(measured);
        log(`  Hugo + Pagefind ${run}: ${ms(measured.totalMs)} (Hugo ${ms(measured.hugoMs)}, Pagefind ${ms(measured.pagefindMs)}, ${measured.words} words)`);
      } catch (error) {
        // Debian's hugo package may be missing: our figures stand without it.
        result.peer = { error: error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error) };
        log(`  Hugo + Pagefind: ${result.peer.error}`);
      }
    }
    if (options.wacz) results.wacz = [...(results.wacz ?? []), ...(await benchWacz(size, corpus.dir, dir, log))];
  }

  const { searchSize } = options;
  const searchCorpus = corpora.get(searchSize);
  const siteDir = options.site ?? path.join(options.workDir, String(searchSize), "site");
  const newsUrl = options.site ? firstNewsUrl(options.site) : searchCorpus?.sample.url;
  const searchable = options.site
    ? newsUrl !== undefined
    : searchCorpus !== undefined && (options.devLoopOnly || results.builds.some((result) => result.size === searchSize && result.runs.length > 0));
  if ((options.search || options.devLoop) && !searchable) {
    log(
      options.site
        ? `\n${options.site} is not a built site: it has no news/<year>/<slug>/index.html`
        : `\nsearch, page weight and dev loop are measured on the ${sizeLabel(searchSize)} corpus: add ${searchSize} to --sizes`,
    );
    if (options.site) failed = true;
  }
  if (searchable && newsUrl && (options.search || options.devLoop)) {
    const browser = await launchBrowser();
    try {
      if (options.search) {
        log(`\nsearch on ${options.site ?? `the ${sizeLabel(searchSize)} site`}: cold query, then a warm one on the same page`);
        try {
          const samples = await benchSearch(siteDir, browser, options, log);
          results.search = { siteSize: options.site ? articleCount(options.site) : searchSize, samples, summary: summariseSearch(samples) };
          results.pageWeight = await benchPageWeight(siteDir, browser, [newsUrl, "/news/", "/search/"]);
          results.suggestions = await benchSuggestions(siteDir, browser);
        } catch (error) {
          results.search = { siteSize: searchSize, samples: [], summary: [], error: error instanceof Error ? error.message : String(error) };
          failed = true;
          log(`  ${results.search.error}`);
        }
      }
      if (options.devLoop && searchCorpus) {
        log(`\ndev loop: npm start on the ${sizeLabel(searchSize)} corpus, then an edit to ${path.relative(repoRoot, searchCorpus.sample.file)}`);
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
