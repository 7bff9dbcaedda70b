/**
 * The one build entry point: validate content → render with Eleventy → index for search →
 * check the output → publish. Each phase prints its count and time. Nothing is published unless
 * every phase passed, so a failed build leaves the previous output folder exactly as it was.
 *
 *   npm run build -- [--content <dir>] [--out <dir>] [--preview] [--now YYYY-MM-DD] [--base-path /archive/]
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { conferences } from "../_data/conferences.ts";
import { site } from "../_data/site.ts";
import { topics } from "../_data/topics.ts";
import { Archive, type ArchiveOptions, type Period } from "./lib/archive.ts";
import { listContent, readListedContent } from "./lib/content.ts";
import { readAhead } from "./lib/read-ahead.ts";
import { canRunParallel, parallelThreshold, readContentInParallel } from "./lib/parallel.ts";
import { pluralise } from "./eleventy/filters.ts";
import { checkPages, scanPages, scanPagesAsync, type PageScan } from "./lib/check-output.ts";
import { writeDiscoveryFiles } from "./lib/feeds.ts";
import { collectGarbage } from "./lib/memory.ts";
import { dayAsNow, isCalendarDate } from "./lib/dates.ts";
import { ContentError } from "./lib/problems.ts";
import { discard, publish, recoverInterruptedBuilds, removeScratch, scratchDir, stagingDir } from "./lib/publish.ts";
import { renderRuns, renderSite } from "./lib/render.ts";
import { normaliseBasePath } from "./lib/urls.ts";
import { writeAssets } from "./lib/assets.ts";
import { defaultMediaCacheDir, MediaError, processMedia, type MediaReport } from "./lib/media.ts";
import { loadWorkbox, writeServiceWorker } from "./lib/offline.ts";
import type { SnapshotInfo } from "./lib/snapshot/info.ts";
import { prepareSnapshotPayload } from "./lib/snapshot/payload.ts";
import { formatBytes, planIndexParts, searchSourceFolder, writeSearchIndex, type IndexSource } from "./lib/search-index.ts";

export const repoRoot = path.resolve(import.meta.dirname, "..");

export interface BuildOptions {
  /** Folder with news/ and abstracts/. */
  contentDir: string;
  outDir: string;
  /** Include drafts and items dated in the future, marked as such (for `npm start`). */
  preview?: boolean;
  /** The build's "now"; items dated after it are withheld. */
  now?: Date;
  /** Write and register the service worker for offline reading (default: on, except in previews and snapshots). */
  serviceWorker?: boolean;
  /** Serve the site from this folder, e.g. "/archive/" (default: `basePath` in _data/site.ts, or the path of its `url`). */
  basePath?: string;
  /**
   * Which pages the check phase validates with html-validate: a sample of each template (default;
   * about 4 ms a page, so 40 s for every page of a 10k archive) or "all" (the tests).
   */
  validateHtml?: "sample" | "all";
  /**
   * Validate on two threads (scripts/lib/parallel.ts). Default: when the machine has more than one
   * core and the archive at least `parallelThreshold` content files.
   */
  parallel?: boolean;
  /** Pages per Eleventy run (default `pagesPerRun` in scripts/lib/render.ts); for tests. */
  pagesPerRun?: number;
  /** Articles per Pagefind index part (default `maxIndexPages` in scripts/lib/search-index.ts); for tests. */
  maxIndexPages?: number;
  /** How pages reach Pagefind (default "cli", its command line); the Node API paths are for benchmarks. */
  searchIndexSource?: IndexSource;
  /**
   * Where the articles' search sources go (scripts/lib/search-index.ts): `/dev/shm` where there is
   * room (default), or `false`: a hidden folder of the staging site, as on a machine without one.
   */
  searchSourcesInMemory?: boolean;
  /** Where processed images and PDF texts are kept between builds (default `.cache/media` in the repository). */
  mediaCacheDir?: string;
  /** Only the news and abstracts of these years (and the conferences held in them); see `Archive`. */
  period?: Period;
  /**
   * Build an archivist snapshot (scripts/snapshot.ts): a banner and an about page rendered from
   * this, no service worker, and a `snapshot` phase before the check that makes the pages readable
   * from disk, sends links out of the period to the live site and writes the index for searching
   * from disk (scripts/lib/snapshot/payload.ts).
   */
  snapshot?: SnapshotInfo;
  log?: (line: string) => void;
}

export interface BuildReport {
  news: number;
  abstracts: number;
  withheld: { drafts: number; scheduled: number };
  pages: number;
  files: number;
  phases: { name: string; ms: number }[];
  /** The search bundle: pages indexed, bytes of index data and of /assets/search.js, Pagefind's own timings. */
  search: { pages: number; indexBytes: number; scriptBytes: number; timings: { add: number; write: number }; parts: number };
  /** Images processed and reused from the cache, documents published, warnings (scripts/lib/media.ts). */
  media: MediaReport;
}

/** Thrown when a phase fails; the output folder has not been touched. */
export class BuildError extends Error {
  constructor(
    readonly phase: string,
    message: string,
  ) {
    super(message);
    this.name = "BuildError";
  }
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const log = options.log ?? (() => {});
  const phases: BuildReport["phases"] = [];
  const timed = async <T>(name: string, run: () => T | Promise<T>, describe: (result: T) => string): Promise<T> => {
    const started = performance.now();
    const result = await run();
    const ms = performance.now() - started;
    phases.push({ name, ms });
    log(phaseLine(name, describe(result), ms));
    return result;
  };

  recoverInterruptedBuilds(options.outDir);
  const archiveOptions: ArchiveOptions = {
    contentDir: options.contentDir,
    site,
    topics,
    conferences,
    preview: options.preview,
    now: options.now,
    basePath: options.basePath,
    period: options.period,
  };
  let threads = 1;
  const archive = await timed(
    "validate",
    async () => {
      const listed = listContent(options.contentDir);
      let loaded: ArchiveOptions["loaded"];
      if (listed.ok) {
        // The files are read ahead on a small thread, and, for a large archive, validated on two (scripts/lib/parallel.ts).
        const reading = readAhead(listed.files.map(({ file }) => file));
        try {
          const parallel = options.parallel ?? (canRunParallel() && listed.files.length >= parallelThreshold);
          if (parallel) threads = 2;
          loaded = parallel
            ? await readContentInParallel(archiveOptions, listed.files, listed.problems)
            : readListedContent(archiveOptions, listed.files, listed.problems);
        } finally {
          await reading.stop();
        }
      } else {
        loaded = listed.result;
      }
      try {
        return new Archive({ ...archiveOptions, loaded });
      } catch (error) {
        if (error instanceof ContentError) throw new BuildError("validate", error.message);
        throw error;
      }
    },
    (result) =>
      `${result.files} files: ${result.news.length} news, ${pluralise(result.abstracts.length, "abstract")}` +
      (result.withheld.drafts + result.withheld.scheduled > 0
        ? ` (${result.withheld.drafts} drafts, ${result.withheld.scheduled} scheduled withheld)`
        : "") +
      (threads > 1 ? " (2 threads)" : ""),
  );

  // A preview is rebuilt on every save: a worker caching its pages would only get in the way. A
  // snapshot must never take over the live site's offline cache.
  const serviceWorker = !options.snapshot && (options.serviceWorker ?? !options.preview);
  const staged = stagingDir(options.outDir);
  const articleUrls = archive.items.map((item) => item.url);
  const articleYears = new Map(archive.items.map((item) => [item.url, item.year]));
  const indexParts = planIndexParts(articleUrls, options.maxIndexPages, articleYears);
  // Pagefind's command line reads the articles' search sources, written as they render
  // (scripts/lib/search-index.ts), in memory where there is room: about 4 kB an article, 40 MB at 10k.
  // Not for an index in parts (a 100k archive): written beside its render runs, they slowed the 100k
  // render from 61 s to 134 s and took the build over 4 GB (README, Benchmark), so its parts read the pages.
  const sourced = (options.searchIndexSource ?? "cli") === "cli" && articleUrls.length > 0 && indexParts.length === 1;
  const inStaging = path.join(staged, searchSourceFolder);
  const searchSources = sourced
    ? { dir: options.searchSourcesInMemory === false ? inStaging : scratchDir("search", articleUrls.length * 4096, inStaging), urls: new Set(articleUrls) }
    : undefined;
  /** The check reading the pages, started during the search phase. */
  let reading: Promise<{ scan: PageScan; ms: number }> | undefined;
  try {
    const media = await timed(
      "media",
      async () => {
        try {
          const report = await processMedia(archive.items, { siteDir: staged, cacheDir: options.mediaCacheDir ?? defaultMediaCacheDir, publishOriginals: site.media?.publishOriginals ?? false });
          for (const warning of report.warnings) log(`warning: ${warning}`);
          return report;
        } catch (error) {
          if (error instanceof MediaError) throw new BuildError("media", new ContentError(error.problems).message);
          throw error;
        }
      },
      (result) =>
        `${pluralise(result.images, "image")}: ${result.processed} processed, ${result.reused} reused; ${pluralise(result.documents, "document")}`,
    );
    const { bytes: scriptBytes } = await timed(
      "render",
      async () => {
        const assets = await writeAssets(repoRoot, staged, { serviceWorker, snapshot: options.snapshot !== undefined }).catch((error: unknown) => {
          throw new BuildError("render", `writing the assets (stylesheet, search script) failed: ${errorMessage(error)}`);
        });
        const runs = renderRuns(archive.pageCount, options.pagesPerRun);
        // An index in parts: the search page searches the other bundles with the first.
        const searchParts = indexParts.slice(1).map((part) => `${part.bundle}/`);
        try {
          // Eleventy keeps every page of a run in memory: a large archive renders in several runs (scripts/lib/render.ts).
          for (let index = 0; index < runs; index++) {
            await renderSite(archive, assets.urls, staged, {
              snapshot: options.snapshot,
              part: runs > 1 ? { index, count: runs } : undefined,
              searchParts,
              searchSources,
            });
          }
        } catch (error) {
          throw new BuildError("render", `Eleventy failed: ${errorMessage(error)}`);
        }
        return { bytes: assets.searchBytes, runs };
      },
      ({ bytes, runs }) => `${archive.items.length} articles with Eleventy${runs > 1 ? ` (${runs} runs)` : ""}, search.js ${formatBytes(bytes)}`,
    );
    // A large archive is indexed in parts, one Pagefind process after the other: give them the memory
    // Eleventy's runs left as garbage.
    if (indexParts.length > 1) collectGarbage();
    await timed(
      "feeds",
      () => writeDiscoveryFiles(archive, site, staged),
      (files) => `${files.length} files: feeds, sitemap.xml, robots.txt, _headers`,
    );
    const checkOptions = {
      basePath: archive.basePath,
      validate: options.validateHtml === "all" ? ("all" as const) : archive.htmlSample(),
      sources: new Map(archive.items.map((item) => [item.url, item.file])),
    };
    // The offline phase's library loads while Pagefind's process indexes; a failure surfaces in that phase.
    if (serviceWorker) loadWorkbox().catch(() => {});
    // The check's costly part, reading and parsing every page, runs while Pagefind's process builds
    // and writes the index (mostly on one core); the links are checked once its bundle is written.
    // A snapshot rewrites its pages after the search phase, so it reads them only then.
    const searchIndex = await timed(
      "search",
      async () => {
        const read = () => {
          const started = performance.now();
          reading = scanPagesAsync(staged, checkOptions).then((scan) => ({ scan, ms: performance.now() - started }));
        };
        const indexing = writeSearchIndex({
          siteDir: staged,
          ...(searchSources ? { sourceDir: searchSources.dir } : {}),
          articleUrls,
          articleYears,
          source: options.searchIndexSource ?? "cli",
          ...(options.maxIndexPages ? { maxIndexPages: options.maxIndexPages } : {}),
          // Pagefind reads the pages on both cores; then the check reads them on the core it leaves free.
          ...(options.snapshot ? {} : { onPagesRead: read }),
        });
        const result = await indexing.catch((error: unknown) => {
          throw new BuildError("search", `Pagefind failed: ${errorMessage(error)}`);
        });
        if (result.errors.length > 0) {
          throw new BuildError("search", `${pluralise(result.errors.length, "Pagefind error")}:\n${result.errors.map((e) => `  ${e}`).join("\n")}`);
        }
        // Not part of the site: out of the way before the service worker lists the site's files.
        if (searchSources) removeScratch(searchSources.dir, options.outDir, "search");
        return result;
      },
      (result) =>
        `${result.pages} pages${result.parts > 1 ? ` in ${result.parts} parts` : ""}, ${formatBytes(result.indexBytes)} of index (add ${formatMs(result.timings.add)}, write ${formatMs(result.timings.write)})`,
    );
    if (serviceWorker) {
      await timed(
        "offline",
        async () =>
          writeServiceWorker(repoRoot, staged, buildId(staged), archive.pageUrls()).catch(
            (error: unknown) => {
              throw new BuildError("offline", `writing the service worker failed: ${errorMessage(error)}`);
            },
          ),
        (result) => `service worker: ${result.precached} files precached (${formatBytes(result.precacheBytes)}); save-all ${formatBytes(result.saveBytes)}`,
      );
    }
    if (options.snapshot) {
      await timed(
        "snapshot",
        () => prepareSnapshotPayload(staged, archive),
        (result) => `${result.pages} pages for reading from disk, ${pluralise(result.live, "link")} to the live site, search-index.js ${formatBytes(result.indexBytes)}`,
      );
    }
    // A snapshot has no offline page (scripts/lib/render.ts).
    const expectedPages = options.snapshot ? archive.pageUrls().filter((url) => url !== "/offline/") : archive.pageUrls();
    const read = reading ? await reading : undefined;
    const report = await timed(
      "check",
      () => checkPages(staged, read?.scan ?? scanPages(staged, checkOptions), expectedPages, checkOptions),
      (result) =>
        `${result.pages} pages, ${result.links} internal links, ${result.validated} validated${read ? ` (pages read during search: ${formatMs(read.ms)})` : ""}`,
    );
    if (report.problems.length > 0) {
      throw new BuildError("check", `${report.problems.length} problems in the output:\n${report.problems.map((p) => `  ${p}`).join("\n")}`);
    }
    await timed("publish", () => publish(staged, options.outDir), () => `${report.files} files to ${displayPath(options.outDir)}`);
    return {
      news: archive.news.length,
      abstracts: archive.abstracts.length,
      withheld: archive.withheld,
      pages: report.pages,
      files: report.files,
      phases,
      search: { pages: searchIndex.pages, indexBytes: searchIndex.indexBytes, scriptBytes, timings: searchIndex.timings, parts: searchIndex.parts },
      media,
    };
  } finally {
    // No page may still be being read when the staging folder goes.
    await reading?.catch(() => undefined);
    discard(staged);
    if (searchSources) removeScratch(searchSources.dir, options.outDir, "search");
  }
}

/** Names a build by its search index: the offline file list says which build it belongs to. */
function buildId(siteDir: string): string {
  return createHash("sha256").update(readFileSync(path.join(siteDir, "pagefind/pagefind-entry.json"))).digest("hex").slice(0, 12);
}

function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const causes: string[] = [error.message];
  let cause = error.cause;
  while (cause instanceof Error) {
    causes.push(cause.message);
    cause = cause.cause;
  }
  return causes.join("\n  caused by: ");
}

/** One phase's line of the build's report: name, what it did, how long it took. */
export function phaseLine(name: string, description: string, ms: number): string {
  return `${name.padEnd(9)} ${description.padEnd(58)} ${formatMs(ms).padStart(8)}`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function displayPath(dir: string): string {
  return path.relative(process.cwd(), dir) || ".";
}

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
    // The end of that day in the archive's time zone is approximated by its UTC noon: dates are compared as calendar days.
    ...(values.now ? { now: dayAsNow(values.now) } : {}),
  };
}

async function main(): Promise<void> {
  let options: BuildOptions;
  try {
    options = parseBuildArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`build: ${errorMessage(error)}\nusage: npm run build -- [--content <dir>] [--out <dir>] [--preview] [--now YYYY-MM-DD] [--base-path /archive/]`);
    process.exit(2);
  }
  // Eleventy resolves its input and include folders from the working directory.
  process.chdir(repoRoot);
  const started = performance.now();
  try {
    const report = await build({ ...options, log: (line) => console.log(line) });
    console.log(`built ${report.pages} pages (${report.news} news, ${pluralise(report.abstracts, "abstract")}) in ${formatMs(performance.now() - started)}`);
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(`\nbuild failed in ${error.phase}; ${displayPath(options.outDir)} was left as it was.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
