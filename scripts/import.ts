/**
 * `npm run import`: brings a crawl of the association's old website in as items
 * (scripts/lib/import/run.ts).
 *
 *   npm run import -- <crawl.warc.gz | crawl.wacz | mirror-folder> [--content <dir>] [--rules <file>]
 *     [--dry-run] [--overwrite]
 *
 * Exit codes: 0 imported (items the build refused are listed in the report), 1 the source or the
 * rules cannot be read (nothing written), 2 a wrong option.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { conferences, site, topics } from "./lib/content/data.ts";
import { ImportSourceError, type ReadProgress } from "./lib/import/capture.ts";
import { reportCounts } from "./lib/import/report.ts";
import { loadRules, RulesError, type ImportRules } from "./lib/import/rules.ts";
import { runImport, type ImportOptions } from "./lib/import/run.ts";
import { ContentFolderError, reportName } from "./lib/import/write.ts";
import { optionsOrUsage } from "./lib/util/cli.ts";
import { formatBytes, formatMs } from "./lib/util/format.ts";
import { displayPath } from "./lib/util/paths.ts";
import { repoRoot } from "./lib/util/repo-root.ts";

const usage =
  "usage: npm run import -- <crawl.warc | crawl.warc.gz | crawl.wacz | mirror-folder> [--content <dir>] " +
  "[--rules <file>] [--dry-run] [--overwrite]";

export interface ImportArgs {
  source: string;
  contentDir: string;
  rulesFile?: string;
  dryRun: boolean;
  overwrite: boolean;
}

export function parseImportArgs(args: string[], cwd: string = process.cwd()): ImportArgs {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      content: { type: "string" },
      rules: { type: "string" },
      "dry-run": { type: "boolean" },
      overwrite: { type: "boolean" },
    },
  });
  if (positionals.length !== 1)
    throw new TypeError(
      positionals.length === 0 ? "name the crawl to import" : `one crawl at a time, not ${positionals.length}`,
    );
  return {
    source: path.resolve(cwd, positionals[0] as string),
    contentDir: path.resolve(cwd, values.content ?? path.join(repoRoot, "src")),
    ...(values.rules ? { rulesFile: path.resolve(cwd, values.rules) } : {}),
    dryRun: values["dry-run"] ?? false,
    overwrite: values.overwrite ?? false,
  };
}

/** "pass 1: 1,234 records, 56 MB of 500 MB" on one line that rewrites itself, on a terminal only. */
function progressLine(): ((pass: 1 | 2, progress: ReadProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (pass, { records, bytes, totalBytes }) => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    const of = totalBytes > 0 ? ` of ${formatBytes(totalBytes)}` : "";
    process.stderr.write(
      `\r${pass === 1 ? "pages" : "files"}: ${records.toLocaleString("en")} records, ` +
        `${formatBytes(bytes)}${of}\u001b[K`,
    );
  };
}

async function main(): Promise<void> {
  const args = optionsOrUsage("import", usage, () => parseImportArgs(process.argv.slice(2)));
  const started = performance.now();
  let rules: ImportRules = {};
  try {
    if (args.rulesFile) rules = await loadRules(args.rulesFile, { topics, conferences });
    const onProgress = progressLine();
    const options: ImportOptions = {
      source: args.source,
      contentDir: args.contentDir,
      rules,
      dryRun: args.dryRun,
      overwrite: args.overwrite,
      site,
      topics,
      conferences,
      ...(onProgress ? { onProgress } : {}),
    };
    const report = await runImport(options);
    if (onProgress) process.stderr.write("\r\u001b[K");
    for (const line of reportCounts(report)) console.log(line);
    for (const problem of report.problems) console.log(`  ${problem}`);
    const where = args.dryRun
      ? "dry run: nothing written"
      : `${report.written} files written; the table of every page: ` +
        displayPath(path.join(args.contentDir, reportName));
    console.log(`${where} (${formatMs(performance.now() - started)})`);
  } catch (error) {
    if (error instanceof ImportSourceError || error instanceof RulesError || error instanceof ContentFolderError) {
      console.error(`import: ${error.message}\nnothing was written.`);
      process.exit(1);
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
