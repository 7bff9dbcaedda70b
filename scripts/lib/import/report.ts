/**
 * The import's report, printed and written beside the content as `import-report.md`: the counts,
 * a table of every page of the crawl (old address, new file, title, date, language, files, what
 * needs a person's look), then every problem. It holds no times or dates of its own, so that the
 * same crawl and content give the same report.
 */
import { skipLabels, type SkipReason } from "./classify.ts";
import { formatBytes, pluralise } from "../util/format.ts";
import { displayPath } from "../util/paths.ts";

/**
 * What became of an item: written new, updated from an earlier import, unchanged, kept as staff
 * edited it, or refused by the build.
 */
export type ItemFate = "new" | "updated" | "unchanged" | "kept" | "refused";

export type PageRow =
  | {
      address: string;
      /** The page's other addresses (duplicates): their paths are among its aliases. */
      also: string[];
      file: string;
      title: string;
      date: string;
      lang: string;
      files: string[];
      fate: ItemFate;
      look: string[];
    }
  | { address: string; also: string[]; skipped: SkipReason; detail: string; look: string[] };

export interface ImportReport {
  source: string;
  contentDir: string;
  dryRun: boolean;
  records: number;
  bytes: number;
  rows: PageRow[];
  problems: string[];
  /** Files moved into the content folder. */
  written: number;
}

type ItemRow = Extract<PageRow, { file: string }>;

export function itemRows(report: ImportReport): ItemRow[] {
  return report.rows.filter((row): row is ItemRow => "file" in row);
}

/** The counts, one line each: items by fate, drafts, pages skipped by reason. */
export function reportCounts(report: ImportReport): string[] {
  const items = itemRows(report);
  const fates: ItemFate[] = ["new", "updated", "unchanged", "kept", "refused"];
  const byFate = fates
    .map((fate) => [fate, items.filter((row) => row.fate === fate).length] as const)
    .filter(([, count]) => count > 0);
  const fateCounts = byFate.map(([fate, count]) => `${count} ${fate === "kept" ? "kept (edited since)" : fate}`);
  const lines = [`${pluralise(items.length, "item")}${fateCounts.length > 0 ? `: ${fateCounts.join(", ")}` : ""}`];
  const drafts = items.filter((row) => row.look.some((note) => note.startsWith("draft: "))).length;
  if (drafts > 0) lines.push(`${pluralise(drafts, "draft")} (see "needs a look")`);
  const skipped = report.rows.filter((row): row is Extract<PageRow, { skipped: SkipReason }> => "skipped" in row);
  const reasons = Object.keys(skipLabels) as SkipReason[];
  const skippedCounts = reasons
    .map((reason) => [reason, skipped.filter((row) => row.skipped === reason).length] as const)
    .filter(([, count]) => count > 0);
  const reasonCounts = skippedCounts.map(([reason, count]) => `${count} ${skipLabels[reason][count === 1 ? 0 : 1]}`);
  lines.push(
    `${pluralise(skipped.length, "page")} skipped${reasonCounts.length > 0 ? `: ${reasonCounts.join(", ")}` : ""}`,
  );
  lines.push(`${pluralise(report.problems.length, "problem")}`);
  return lines;
}

/** The report as Markdown. */
export function writeReport(report: ImportReport): string {
  const dryRun = report.dryRun ? "Dry run: nothing was written. " : "";
  const lines = [
    `# Import of ${displayPath(report.source)}`,
    "",
    `${dryRun}${pluralise(report.records, "record")} read (${formatBytes(report.bytes)} of pages); ` +
      `${pluralise(report.written, "file")} written into ${displayPath(report.contentDir)}.`,
    "",
    ...reportCounts(report).map((line) => `- ${line}`),
    "",
    "## Pages",
    "",
    "| old address | new file | title | date | language | files | needs a look |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...report.rows.map((row) =>
      "file" in row
        ? tableRow([
            [row.address, ...row.also].join(", "),
            `${row.file}${row.fate === "new" ? "" : ` (${row.fate})`}`,
            row.title,
            row.date,
            row.lang,
            row.files.join(", "),
            row.look.join("; "),
          ])
        : tableRow([
            [row.address, ...row.also].join(", "),
            `skipped: ${skipLabels[row.skipped][0]}`,
            "",
            "",
            "",
            "",
            row.detail,
          ]),
    ),
    "",
    "## Problems",
    "",
    ...(report.problems.length > 0 ? report.problems.map((problem) => `- ${problem}`) : ["None."]),
    "",
  ];
  return lines.join("\n");
}

/** A table row whose cells cannot break the table: pipes escaped, lines joined. */
function tableRow(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ")).join(" | ")} |`;
}
