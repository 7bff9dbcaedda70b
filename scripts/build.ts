/**
 * `npm run build`: builds the archive (scripts/lib/phases/build.ts) and prints each phase's count and time.
 *
 *   npm run build -- [--content <dir>] [--out <dir>] [--preview] [--now YYYY-MM-DD] [--base-path /archive/]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { build, BuildError, type BuildOptions } from "./lib/phases/build.ts";
import { dayAsNow, isCalendarDate } from "./lib/content/dates.ts";
import { normaliseBasePath } from "./lib/model/urls.ts";
import { displayPath } from "./lib/util/paths.ts";
import { formatMs, pluralise } from "./lib/util/format.ts";
import { repoRoot } from "./lib/util/repo-root.ts";
import { optionsOrUsage, runCommand } from "./lib/util/cli.ts";
import { printable } from "./lib/util/error-message.ts";

export function parseBuildArgs(args: string[], cwd: string = process.cwd()): BuildOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      content: { type: "string" },
      out: { type: "string" },
      preview: { type: "boolean" },
      now: { type: "string" },
      "base-path": { type: "string" },
    },
  });
  if (values.now !== undefined && !isCalendarDate(values.now)) {
    throw new TypeError(`--now ${JSON.stringify(values.now)} is not a calendar date (YYYY-MM-DD)`);
  }
  return {
    contentDir: path.resolve(cwd, values.content ?? path.join(repoRoot, "src")),
    outDir: path.resolve(cwd, values.out ?? path.join(repoRoot, "_site")),
    preview: values.preview ?? false,
    ...(values["base-path"] !== undefined ? { basePath: normaliseBasePath(values["base-path"]) } : {}),
    // The end of that day in the archive's time zone is approximated by its UTC noon: dates are
    // compared as calendar days.
    ...(values.now ? { now: dayAsNow(values.now) } : {}),
  };
}

async function main(): Promise<void> {
  const options = optionsOrUsage(
    "build",
    "usage: npm run build -- [--content <dir>] [--out <dir>] [--preview] [--now YYYY-MM-DD] [--base-path /archive/]",
    () => parseBuildArgs(process.argv.slice(2)),
  );
  // Eleventy resolves its input and include folders from the working directory.
  process.chdir(repoRoot);
  const started = performance.now();
  try {
    const report = await build({ ...options, log: (line) => console.log(line) });
    console.log(
      `built ${report.pages} pages (${report.news} news, ${pluralise(report.abstracts, "abstract")}) ` +
        `in ${formatMs(performance.now() - started)}`,
    );
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(
        `\nbuild failed in ${error.phase}; ${printable(displayPath(options.outDir))} was left as it was.\n` +
          error.message,
      );
      process.exit(1);
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCommand("build", main);
