/** The bench's Markdown report (bench/results/<date-time>.md): every figure beside its peer and budget. */
import type { BuildRun, Corpus } from "./builds.ts";
import type { DevLoopResult } from "./dev-loop.ts";
import type { PeerRun } from "./hugo.ts";
import type { PageWeight, SearchSample, SearchUi, SuggestionSample } from "./search.ts";
import { searchTerms, type ColdQueries } from "./site.ts";
import type { CorpusText } from "./corpus.ts";
import { waczSection, type WaczBench } from "./wacz.ts";
import { formatBytes, pluralise } from "../lib/util/format.ts";
import type { BenchOptions } from "./options.ts";
import { median } from "./median.ts";

export interface SizeResult {
  size: number;
  text: CorpusText;
  corpus: Omit<Corpus, "dir" | "sample">;
  runs: BuildRun[];
  /** Hugo + Pagefind on the same corpus, interleaved with our runs (the --search-size only). */
  peer?: PeerRun[] | { error: string };
  /** A plain Eleventy 3 + Pagefind build of the same files (scripts/bench/eleventy-peer.ts): the same-stack peer. */
  eleventyPeer?: PeerRun[] | { error: string };
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
  machine: {
    cores: number;
    cpu: string;
    memoryBytes: number;
    node: string;
    loadAverage: number[];
    loadAverageAtEnd?: number[];
  };
  options: Omit<BenchOptions, "workDir" | "resultsDir">;
  builds: SizeResult[];
  search?: { siteSize: number; samples: SearchSample[]; summary: SearchSummary[]; error?: string };
  pageWeight?: PageWeight[];
  suggestions?: SuggestionSample[];
  devLoop?: DevLoopResult | { error: string };
  wacz?: WaczBench[];
  /** The four cold queries on each corpus's site at the --search-size. */
  cold?: ColdQueries[];
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
  const phaseNames = [
    ...new Set(done.flatMap((result) => result.runs.flatMap((run) => run.phases.map((phase) => phase.name)))),
  ];
  const row = (label: string, figure: (runs: BuildRun[], result: SizeResult) => string): string[] => [
    label,
    ...done.map((result) => figure(result.runs, result)),
  ];
  const medianOf = (runs: BuildRun[], value: (run: BuildRun) => number | undefined) =>
    median(runs.map(value).filter((v): v is number => v !== undefined));
  const rows = [
    row(
      "articles (news + abstracts)",
      (_, r) =>
        `${r.corpus.news + r.corpus.abstracts} (${r.corpus.news} + ${r.corpus.abstracts}), ` +
        `${formatBytes(r.corpus.bytes)} Markdown`,
    ),
    row(
      "distinct words in the corpus; Pagefind indexed",
      (runs, r) => `${r.corpus.words}; ${runs[0]?.pagefind?.words ?? "–"}`,
    ),
    row("HTML pages", (runs) => String(runs[0]?.pages ?? "–")),
    row("load average as each run started", (runs) => runs.map((run) => run.loadAverage.toFixed(2)).join(", ")),
    ...phaseNames.flatMap((name) => {
      const phase = row(name, (runs) => {
        const time = (run: BuildRun) => run.phases.find((p) => p.name === name);
        const start = medianOf(runs, (run) => time(run)?.start);
        const end = medianOf(runs, (run) => {
          const line = time(run);
          return line?.start === undefined ? undefined : line.start + line.ms;
        });
        const span = Number.isNaN(start) ? "" : ` (${(start / 1000).toFixed(1)}–${(end / 1000).toFixed(1)} s)`;
        return `${ms(medianOf(runs, (run) => time(run)?.ms))}${span}`;
      });
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
    row("pages per second", (runs) =>
      String(Math.round(medianOf(runs, (run) => (run.pages ?? 0) / ((run.totalMs ?? Number.NaN) / 1000)))),
    ),
    row(
      "**peak RSS, whole process tree**",
      (runs) =>
        `**${gb(medianOf(runs, (run) => run.memory.treeBytes))}** ` +
        `(max ${gb(Math.max(...runs.map((run) => run.memory.treeBytes)))})`,
    ),
    row("… largest node process (the build)", (runs) =>
      gb(medianOf(runs, (run) => largestOf(run.memory.byCommand, (command) => command === "node"))),
    ),
    row("… Pagefind's binary", (runs) =>
      gb(medianOf(runs, (run) => largestOf(run.memory.byCommand, (command) => command.startsWith("pagefind")))),
    ),
    row("output", (runs) => (runs[0] ? `${formatBytes(runs[0].output.bytes)}, ${runs[0].output.files} files` : "–")),
    row("search index data (`pagefind/*.pf_*`)", (runs) =>
      runs[0] ? `${formatBytes(runs[0].searchIndex.bytes)}, ${runs[0].searchIndex.files} files` : "–",
    ),
    row("`pagefind/` in all (with scripts, wasm, UIs)", (runs) =>
      runs[0] ? `${formatBytes(runs[0].searchBundle.bytes)}, ${runs[0].searchBundle.files} files` : "–",
    ),
  ];
  return table(
    ["", ...done.map((result) => `${sizeLabel(result.size)} ${result.text} (median of ${result.runs.length})`)],
    rows,
  );
}

/** The memory budget of the whole build's process tree at 10k. */
const memoryBudgetBytes = 3e9;

function peerRuns(peer: SizeResult["peer"]): PeerRun[] | undefined {
  return Array.isArray(peer) ? peer : undefined;
}

/**
 * Our build beside the peers on the same corpus, in the same run, and the budgets: ≤ 1.2×
 * Hugo + Pagefind, ≤ 1.0× plain Eleventy + Pagefind, ≤ 1.15× our own Pagefind phase, peak ≤ 3 GB.
 */
function peerSection(result: SizeResult): string {
  const hugo = peerRuns(result.peer);
  const eleventy = peerRuns(result.eleventyPeer);
  const ours = median(result.runs.map((run) => run.totalMs ?? Number.NaN));
  const search = median(
    result.runs.map((run) => run.phases.find((phase) => phase.name === "search")?.ms ?? Number.NaN),
  );
  const peak = median(result.runs.map((run) => run.memory.treeBytes));
  const loads = (runs: readonly { loadAverage: number }[]) => runs.map((run) => run.loadAverage.toFixed(2)).join(", ");
  const peerRow = (label: string, runs: PeerRun[] | undefined, error: string | undefined): string[] =>
    runs
      ? [
          label,
          `${ms(median(runs.map((run) => run.totalMs)))} (site ${ms(median(runs.map((run) => run.siteMs)))}, ` +
            `Pagefind ${ms(median(runs.map((run) => run.pagefindMs)))}; ${runs[0]?.words ?? "–"} words)`,
          `${(ours / median(runs.map((run) => run.totalMs))).toFixed(2)}×`,
          gb(median(runs.map((run) => run.peakBytes))),
          loads(runs),
        ]
      : [label, `not measured: ${error ?? "–"}`, "", "", ""];
  const verdict = (ratio: number, budget: number) =>
    `${ratio.toFixed(2)}× (budget ≤ ${budget}×: ${ratio <= budget ? "met" : "**not met**"})`;
  const lines = [
    table(
      ["median", "time", "ours ÷ it", "peak memory", "load as each run started"],
      [
        [
          "our build",
          `**${ms(ours)}** (${result.runs.map((run) => ms(run.totalMs)).join(", ")})`,
          "",
          `${gb(peak)} (budget ≤ 3 GB: ${peak <= memoryBudgetBytes ? "met" : "**not met**"})`,
          loads(result.runs),
        ],
        ["our Pagefind phase alone (search)", ms(search), `${(ours / search).toFixed(2)}×`, "", ""],
        peerRow("Hugo + Pagefind", hugo, result.peer && !Array.isArray(result.peer) ? result.peer.error : undefined),
        peerRow(
          "plain Eleventy 3 + Pagefind",
          eleventy,
          result.eleventyPeer && !Array.isArray(result.eleventyPeer) ? result.eleventyPeer.error : undefined,
        ),
      ],
    ),
    "",
  ];
  if (hugo) lines.push(`- ours ÷ Hugo + Pagefind: ${verdict(ours / median(hugo.map((run) => run.totalMs)), 1.2)}`);
  if (eleventy)
    lines.push(
      `- ours ÷ plain Eleventy + Pagefind: ${verdict(ours / median(eleventy.map((run) => run.totalMs)), 1.0)}`,
    );
  lines.push(`- ours ÷ our own Pagefind phase: ${verdict(ours / search, 1.15)}`);
  return lines.join("\n");
}

/** Cold queries: our page beside the default UI, medians per query, with every request of the last round's. */
function coldSection(cold: ColdQueries): string {
  const of = (ui: string, kind: string) => cold.samples.filter((sample) => sample.ui === ui && sample.kind === kind);
  const rows = cold.queries.map((query) => {
    const ours = of("ours", query.kind);
    const theirs = of("default", query.kind);
    const time = (samples: typeof ours) => median(samples.map((sample) => sample.ms));
    const bytes = (samples: typeof ours) => median(samples.map((sample) => sample.bytes));
    const requests = (samples: typeof ours) => median(samples.map((sample) => sample.requests));
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×${a / b <= 0.75 ? "" : " (**over 0.75×**)"}`;
    return [
      `${query.kind}: \`${query.words}\`${query.topic ? ` in ${query.topic.label}` : ""}`,
      `${ms(time(ours))}, ${formatBytes(bytes(ours))}, ${requests(ours)} req`,
      `${ms(time(theirs))}, ${formatBytes(bytes(theirs))}, ${requests(theirs)} req`,
      ratio(time(ours), time(theirs)),
      ratio(bytes(ours), bytes(theirs)),
      [...ours, ...theirs].map((sample) => sample.loadAverage.toFixed(2)).join(", "),
    ];
  });
  const lines = [
    table(
      [
        "cold query (median)",
        "our search page",
        "Pagefind's default UI",
        "time ours ÷ default",
        "bytes ours ÷ default",
        "load during each",
      ],
      rows,
    ),
    "",
    "Time: navigation start → the first expected result shown (the 9-word title's page; one of the speaker's " +
      "abstracts; a page of the topic). Bytes: response bodies as the gzip server sent them, until the network " +
      "is quiet.",
  ];
  for (const query of cold.queries) {
    for (const ui of ["ours", "default"]) {
      const last = of(ui, query.kind).at(-1);
      if (!last) continue;
      lines.push(
        "",
        `<details><summary>${query.kind}, ${ui === "ours" ? "our page" : "default UI"}: ` +
          `${last.waterfall.length} requests, first expected result at ${ms(last.ms)}</summary>`,
        "",
        "```",
        ...last.waterfall.map(
          (request) =>
            `${ms(request.startMs).padStart(7)} → ${ms(request.endMs).padStart(7)} ` +
            `${formatBytes(request.bytes).padStart(8)}  ${request.path.slice(0, 100)}`,
        ),
        "```",
        "</details>",
      );
    }
  }
  return lines.join("\n");
}

function largestOf(byCommand: Record<string, number>, match: (command: string) => boolean): number {
  return Math.max(
    0,
    ...Object.entries(byCommand)
      .filter(([command]) => match(command))
      .map(([, bytes]) => bytes),
  );
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
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b ? `${(a / b).toFixed(2)}×` : "–";
  const lines = [
    table(
      ["median", ...shown.map((s) => uiLabels[s.ui]), "ours ÷ default", "ours ÷ default (debounce 0)"],
      [
        [
          "cold: bytes transferred (gzipped)",
          ...shown.map((s) => formatBytes(s.cold.bytes)),
          ratio(ours?.cold.bytes, by("default")?.cold.bytes),
          ratio(ours?.cold.bytes, by("default-no-debounce")?.cold.bytes),
        ],
        [
          "cold: requests",
          ...shown.map((s) => String(s.cold.requests)),
          ratio(ours?.cold.requests, by("default")?.cold.requests),
          ratio(ours?.cold.requests, by("default-no-debounce")?.cold.requests),
        ],
        [
          "cold: navigation start → first result shown",
          ...shown.map((s) => ms(s.cold.ms)),
          ratio(ours?.cold.ms, by("default")?.cold.ms),
          ratio(ours?.cold.ms, by("default-no-debounce")?.cold.ms),
        ],
        [
          "warm: second query → first result shown",
          ...shown.map((s) => ms(s.warm.ms)),
          ratio(ours?.warm.ms, by("default")?.warm.ms),
          ratio(ours?.warm.ms, by("default-no-debounce")?.warm.ms),
        ],
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
      "Cold queries run in fresh contexts with service workers blocked: the query alone, counted until the " +
        "network is quiet. Our pages register the offline service worker once the first results are shown and " +
        "the page is idle; its install is in the page weight below.",
      "",
      `Budgets against Pagefind's default UI as shipped, over the same index:`,
      `- cold bytes ≤ 0.75× the default UI's: ${verdict(ours.cold.bytes <= 0.75 * def.cold.bytes)} ` +
        `(${ratio(ours.cold.bytes, def.cold.bytes)})`,
      `- cold time to first results ≤ 0.75× the default UI's: ${verdict(ours.cold.ms <= 0.75 * def.cold.ms)} ` +
        `(${ratio(ours.cold.ms, def.cold.ms)})`,
      `- warm query ≤ 50 ms: ${verdict(ours.warm.ms <= 50)} ` +
        `(median ${ms(ours.warm.ms)}, slowest ${ms(ours.warm.maxMs)})`,
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
        : `Options: sizes ${results.options.sizes.join(", ")}; ` +
          `${pluralise(results.options.runs, "build run")} each; `) +
      `search: ${searchTerms.length} terms × ${pluralise(results.options.searchRuns, "run")} per UI.`,
  ];
  if (results.builds.length > 0) parts.push("", "## Full build (`npm run build`)", "", buildTable(results.builds));
  for (const failed of results.builds.filter((result) => result.error))
    parts.push("", `${sizeLabel(failed.size)}: ${failed.error}`);
  for (const result of results.builds.filter((result) => result.peer || result.eleventyPeer)) {
    parts.push(
      "",
      `## ${sizeLabel(result.size)} ${result.text}: our build beside the peers (same corpus, same run)`,
      "",
      peerSection(result),
    );
  }
  for (const cold of results.cold ?? [])
    parts.push(
      "",
      `## Cold search on the ${sizeLabel(results.options.searchSize)} ${cold.text} site`,
      "",
      coldSection(cold),
    );
  if (results.wacz?.length)
    parts.push("", "## Web archive (`npm run snapshot -- --wacz`, each once)", "", waczSection(results.wacz));
  if (results.search) {
    parts.push(
      "",
      `## Search on the ${sizeLabel(results.search.siteSize)} site (headless Chromium, gzip static server)`,
      "",
    );
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
      "A first visit registers the service worker once the page is quiet, and its install downloads what it " +
        "precaches (offline reading).",
    );
  }
  if (results.suggestions) {
    parts.push("", "## Spelling suggestion (cold page, misspelt query)", "");
    parts.push(
      table(
        [
          "query",
          "suggestion",
          "dictionary downloaded (gzipped)",
          "largest dictionary file (gzipped)",
          "results announced → suggestion shown",
        ],
        results.suggestions.map((sample) => [
          `\`${sample.query}\``,
          sample.suggestion || "none",
          formatBytes(sample.dictionaryGzipBytes),
          formatBytes(sample.largestGzipBytes),
          sample.afterEmptyMs < 0 ? "not shown" : ms(sample.afterEmptyMs),
        ]),
      ),
      "",
      "Budget: the dictionary ≤ 80 kB gzipped per query, the suggestion ≤ 300 ms after the results (or their " +
        "absence) are announced.",
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
            [
              `edit saved → served page shows it (median of ${loop.edits.length})`,
              `${ms(loop.pageMs)} (${loop.edits.map((edit) => ms(edit.pageMs)).join(", ")})`,
            ],
            [
              `edit saved → search finds it (median of ${loop.edits.length})`,
              `${ms(loop.searchMs)} (${loop.edits.map((edit) => ms(edit.searchMs)).join(", ")})`,
            ],
            [
              `edit saved → the whole preview (lists, feeds) is up to date (median of ${loop.edits.length})`,
              `${ms(loop.siteMs)} (${loop.edits.map((edit) => ms(edit.siteMs)).join(", ")})`,
            ],
            [
              "the session's lines for the last edit",
              [loop.edits.at(-1)?.sessionLine, loop.edits.at(-1)?.searchLine].filter(Boolean).join("<br>") || "–",
            ],
            [
              "the background pass's phases (last edit)",
              loop.rebuildPhases.map((phase) => `${phase.name} ${ms(phase.ms)}`).join(", ") || "–",
            ],
            ["peak RSS of the `npm start` tree", gb(loop.memory.treeBytes)],
          ],
        ),
      );
    }
  }
  return `${parts.join("\n")}\n`;
}
