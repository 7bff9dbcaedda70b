/**
 * An archivist snapshot of a year or a period: the archive of those years as a folder that reads
 * from disk, searchable, packed as a BagIt bag, with a reproducible zip beside it; with --wacz, a
 * web archive (WACZ) beside them too, or with --wacz-only, the web archive alone.
 *
 *   npm run snapshot -- --year 2023 | --from 2019 --to 2021 [--wacz | --wacz-only] [--out <dir>]
 *     [--content <dir>] [--base-path /archive/] [--date YYYY-MM-DD]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { site } from "./lib/content/data.ts";
import { BuildError } from "./lib/phases/build.ts";
import { repoRoot } from "./lib/util/repo-root.ts";
import type { Period } from "./lib/model/archive.ts";
import { isCalendarDate, todayIn } from "./lib/content/dates.ts";
import { displayPath } from "./lib/util/paths.ts";
import { formatBytes, formatMs, pluralise } from "./lib/util/format.ts";
import { periodSlug } from "./lib/snapshot/info.ts";
import { makeSnapshot, type SnapshotOptions } from "./lib/build/make-snapshot.ts";
import { slugifyText } from "./lib/content/slugs.ts";
import { normaliseBasePath } from "./lib/model/urls.ts";
import { optionsOrUsage, runCommand } from "./lib/util/cli.ts";
import { printable } from "./lib/util/error-message.ts";

const usage =
  "usage: npm run snapshot -- --year 2023 | --from 2019 --to 2021 [--wacz | --wacz-only] [--out <dir>] " +
  "[--content <dir>] [--base-path /archive/] [--date YYYY-MM-DD]";

function parseYear(option: string, value: string): number {
  if (!/^\d{4}$/.test(value))
    throw new TypeError(`--${option} ${JSON.stringify(value)} is not a year (four digits, e.g. 2023)`);
  return Number(value);
}

function parsePeriod(values: { year?: string; from?: string; to?: string }): Period {
  if (values.year !== undefined) {
    if (values.from !== undefined || values.to !== undefined)
      throw new TypeError("give either --year or --from and --to, not both");
    const year = parseYear("year", values.year);
    return { from: year, to: year };
  }
  if (values.from === undefined || values.to === undefined)
    throw new TypeError("give the period: --year 2023, or --from 2019 --to 2021");
  const period = { from: parseYear("from", values.from), to: parseYear("to", values.to) };
  if (period.from > period.to) throw new TypeError(`--from ${period.from} is after --to ${period.to}`);
  return period;
}

/** The snapshot's options from the command line; paths are resolved from `cwd`. */
export function parseSnapshotArgs(
  args: string[],
  cwd: string = process.cwd(),
  today: string = todayIn(site.timeZone),
): SnapshotOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      year: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      out: { type: "string" },
      content: { type: "string" },
      "base-path": { type: "string" },
      date: { type: "string" },
      wacz: { type: "boolean" },
      "wacz-only": { type: "boolean" },
    },
  });
  if (values.wacz && values["wacz-only"])
    throw new TypeError("give --wacz (the bag, its zip and the WACZ) or --wacz-only, not both");
  const period = parsePeriod(values);
  if (values.date !== undefined && !isCalendarDate(values.date)) {
    throw new TypeError(`--date ${JSON.stringify(values.date)} is not a calendar date (YYYY-MM-DD)`);
  }
  return {
    contentDir: path.resolve(cwd, values.content ?? path.join(repoRoot, "src")),
    period,
    outDir: path.resolve(
      cwd,
      values.out ?? path.join(repoRoot, "snapshots", `${slugifyText(site.name)}-${periodSlug(period)}`),
    ),
    takenOn: values.date ?? today,
    ...(values["base-path"] !== undefined ? { basePath: normaliseBasePath(values["base-path"]) } : {}),
    ...(values.wacz ? { wacz: "also" as const } : values["wacz-only"] ? { wacz: "only" as const } : {}),
  };
}

async function main(): Promise<void> {
  const options = optionsOrUsage("snapshot", usage, () => parseSnapshotArgs(process.argv.slice(2)));
  // Eleventy resolves its input and include folders from the working directory.
  const shownOut = printable(displayPath(options.outDir));
  process.chdir(repoRoot);
  const started = performance.now();
  try {
    const report = await makeSnapshot({ ...options, log: (line) => console.log(line) });
    const written = [
      ...(report.bag && report.zip
        ? [
            `${shownOut}/ (${report.bag.payloadFiles} files, ${formatBytes(report.bag.payloadBytes)})`,
            `${shownOut}.zip (${formatBytes(report.zip.bytes)})`,
          ]
        : []),
      ...(report.wacz
        ? [`${shownOut}.wacz (${pluralise(report.wacz.records, "WARC record")}, ${formatBytes(report.wacz.bytes)})`]
        : []),
    ];
    const next = [
      ...(report.bag ? [`open ${shownOut}/data/index.html to read it; npm run verify -- ${shownOut} to check it`] : []),
      ...(report.wacz
        ? [
            `open ${shownOut}.wacz in ReplayWeb.page or another web-archive tool; ` +
              `npm run verify -- ${shownOut}.wacz to check it`,
          ]
        : []),
    ];
    console.log(
      `snapshot of ${report.info.label}: ${pluralise(report.build.news, "news item")}, ` +
        `${pluralise(report.build.abstracts, "abstract")}; ` +
        `${written.join(" and ")} in ${formatMs(performance.now() - started)}\n${next.join("\n")}`,
    );
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(`\nsnapshot failed in ${error.phase}; ${shownOut} was left as it was.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCommand("snapshot", main);
