/**
 * The bench's web-archive figures: `npm run snapshot -- --wacz` of the corpus's busiest
 * year and of the whole archive, each snapshot taken once, in this process: the time the WACZ adds
 * (its records and its file) and its size beside the zipped bag's, against the budget.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { formatBytes, formatMs } from "../lib/util/format.ts";
import { periodLabel } from "../lib/snapshot/info.ts";
import { makeSnapshot } from "../lib/build/make-snapshot.ts";

/** The budget: the WACZ at most this many times the zipped bag. */
export const waczBudget = 1.1;

export interface WaczBench {
  size: number;
  period: string;
  articles: number;
  records: number;
  /** The whole snapshot (build, bag, zip, WACZ), and the part the WACZ adds. */
  snapshotMs: number;
  waczMs: number;
  waczBytes: number;
  zipBytes: number;
}

/** Each year's news items in the corpus folder (content/news/<year>/). */
function newsYears(contentDir: string): Map<number, number> {
  const years = new Map<number, number>();
  for (const year of readdirSync(path.join(contentDir, "news"))) {
    if (/^\d{4}$/.test(year)) years.set(Number(year), readdirSync(path.join(contentDir, "news", year)).length);
  }
  return years;
}

export async function benchWacz(
  size: number,
  contentDir: string,
  workDir: string,
  log: (line: string) => void,
): Promise<WaczBench[]> {
  const years = newsYears(contentDir);
  const sorted = [...years.keys()].sort((a, b) => a - b);
  const busiest = [...years].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  if (busiest === undefined || sorted.length === 0) return [];
  const periods = [
    { from: busiest, to: busiest },
    { from: sorted[0] ?? busiest, to: sorted.at(-1) ?? busiest },
  ];
  const results: WaczBench[] = [];
  for (const period of periods) {
    const started = performance.now();
    const report = await makeSnapshot({
      contentDir,
      period,
      outDir: path.join(workDir, `snapshot-${period.from}-${period.to}`),
      takenOn: "2026-01-01",
      wacz: "also",
    });
    if (!report.wacz || !report.zip) throw new Error("the snapshot wrote no WACZ or no zip");
    const result: WaczBench = {
      size,
      period: periodLabel(period),
      articles: report.build.news + report.build.abstracts,
      records: report.wacz.records,
      snapshotMs: performance.now() - started,
      waczMs: report.wacz.ms,
      waczBytes: report.wacz.bytes,
      zipBytes: report.zip.bytes,
    };
    results.push(result);
    log(
      `  WACZ of ${result.period}: ${formatBytes(result.waczBytes)} in ${formatMs(result.waczMs)} ` +
        `(snapshot ${formatMs(result.snapshotMs)}); zipped bag ${formatBytes(result.zipBytes)}; ` +
        budgetVerdict(result),
    );
  }
  return results;
}

function budgetVerdict(result: WaczBench): string {
  const ratio = result.waczBytes / result.zipBytes;
  return `${ratio.toFixed(2)}× the zipped bag: budget ≤ ${waczBudget}× ${ratio <= waczBudget ? "met" : "not met"}`;
}

/** The Markdown section of the bench report. */
export function waczSection(results: readonly WaczBench[]): string {
  const rows = results.map((result) =>
    [
      String(result.size),
      result.period,
      String(result.articles),
      String(result.records),
      formatMs(result.waczMs),
      formatMs(result.snapshotMs),
      formatBytes(result.waczBytes),
      formatBytes(result.zipBytes),
      budgetVerdict(result),
    ].join(" | "),
  );
  return [
    "| corpus | period | articles | WARC records | WACZ time | whole snapshot | WACZ | zipped bag | budget |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map((row) => `| ${row} |`),
  ].join("\n");
}
