/** The bench's Markdown report (bench/results/<date-time>.md): every figure beside its peer and budget. */
import type { BuildRun, Corpus } from "./builds.ts";
import type { DevLoopResult } from "./dev-loop.ts";
import type { PeerRun } from "./hugo.ts";
import type { PageWeight, SearchSample, SearchUi, SuggestionSample } from "./search.ts";
import { searchTerms } from "./site.ts";
import { waczSection, type WaczBench } from "./wacz.ts";
import { pluralise } from "../eleventy/filters.ts";
import { formatBytes } from "../util/format.ts";

export interface BenchOptions {
  sizes: number[];
  runs: number;
  searchRuns: number;
  /** The corpus size on which Hugo + Pagefind, search, page weight and the dev loop are measured (10k, the budgets' size). */
  searchSize: number;
  search: boolean;
  devLoop: boolean;
  /** Only the dev loop: no builds, no search or page weight. */
  devLoopOnly: boolean;
  /** The WACZ of a year and of the whole archive, at each size (scripts/lib/bench/wacz.ts). */
  wacz: boolean;
  /** Edits the dev loop measures. */
  edits: number;
  maxRssBytes: number;
  /** A site built before: only search and page weight are measured on it. */
  site: string | undefined;
  /** Only the photos bench, on a corpus of this size. */
  media: number | undefined;
  /** Only the languages bench (all English against 10 % Spanish and French), on corpora of this size. */
  languages: number | undefined;
  workDir: string;
  resultsDir: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface SizeResult {
  size: number;
  corpus: Omit<Corpus, "dir" | "sample">;
  runs: BuildRun[];
  /** Hugo + Pagefind on the same corpus, interleaved with our runs (the --search-size only). */
  peer?: PeerRun[] | { error: string };
  error?: string;
}

export interface SearchSummary {
  ui: SearchUi;
  cold: { ms: number; bytes: number; requests: number; browserBytes: number };
  warm: { ms: number; maxMs: number; bytes: number; requests: number };
}

export interface BenchResults {
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

export function summariseSearch(samples: readonly SearchSample[]): SearchSummary[] {
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

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return "–";
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function load(averages: readonly number[]): string {
  return averages.map((n) => n.toFixed(2)).join(" / ") || "–";
}

export function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

export function sizeLabel(size: number): string {
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
        ? `Options: the dev loop only, ${pluralise(results.options.edits, "edit")}; `
        : `Options: sizes ${results.options.sizes.join(", ")}; ${pluralise(results.options.runs, "build run")} each; `) +
      `search: ${searchTerms.length} terms × ${pluralise(results.options.searchRuns, "run")} per UI.`,
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
        ["query", "suggestion", "dictionary downloaded (gzipped)", "largest dictionary file (gzipped)", "results announced → suggestion shown"],
        results.suggestions.map((sample) => [
          `\`${sample.query}\``,
          sample.suggestion || "none",
          formatBytes(sample.dictionaryGzipBytes),
          formatBytes(sample.largestGzipBytes),
          sample.afterEmptyMs < 0 ? "not shown" : ms(sample.afterEmptyMs),
        ]),
      ),
      "",
      "Budget (issue 17): the dictionary ≤ 80 kB gzipped per query, the suggestion ≤ 300 ms after the results (or their absence) are announced.",
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
