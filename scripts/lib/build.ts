/**
 * The build: validate content → render with Eleventy → index for search → check the output →
 * publish. Each phase prints its count and time. Nothing is published unless every phase passed,
 * so a failed build leaves the previous output folder exactly as it was. `npm run build`
 * (scripts/build.ts), the preview and snapshots run it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { conferences } from "../../_data/conferences.ts";
import { site } from "../../_data/site.ts";
import { topics } from "../../_data/topics.ts";
import { Archive, nothingToPublish, type Period } from "./archive.ts";
import { pluralise } from "../eleventy/filters.ts";
import { checkPages, scanPages } from "./check-output.ts";
import { writeDiscoveryFiles } from "./feeds.ts";
import { discoveryFileProblems } from "./feed-check.ts";
import { collectGarbage } from "./memory.ts";
import { ContentError } from "./problems.ts";
import { writeSuggestionWords } from "./search-words.ts";
import { discard, publish, recoverInterruptedBuilds, removeInBackground, stagingDir, trashDir } from "./publish.ts";
import { renderRuns, renderSite } from "./render.ts";
import { outputFolderProblem } from "./output-folder.ts";
import { writeAssets } from "./assets.ts";
import { defaultMediaCacheDir, MediaError, processMedia, type MediaReport } from "./media.ts";
import { loadWorkbox, writeServiceWorker } from "./offline.ts";
import type { SnapshotInfo } from "./snapshot/info.ts";
import { prepareSnapshotPayload } from "./snapshot/payload.ts";
import { planIndexParts, searchSourceFolder, writeSearchIndex } from "./search-index.ts";
import { indexEntryFile, installedPagefindVersion, untestedPagefind } from "./search/pagefind-files.ts";
import { displayPath } from "./util/display-path.ts";
import { formatBytes, formatMs } from "./util/format.ts";
import { repoRoot } from "./util/repo-root.ts";

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
  /** Pages per Eleventy run (default `pagesPerRun` in scripts/lib/render.ts); for tests. */
  pagesPerRun?: number;
  /** Articles per Pagefind index part (default `maxIndexPages` in scripts/lib/search-index.ts); for tests. */
  maxIndexPages?: number;
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
  /**
   * For a snapshot's web archive (scripts/lib/snapshot/wacz.ts): called with the staged site as the
   * live host serves it, before the snapshot phase rewrites it for reading from disk. It returns
   * what it did, for the "warc" phase's line.
   */
  archiveLiveSite?: (siteDir: string, archive: Archive) => Promise<string>;
  log?: (line: string) => void;
}

export interface BuildReport {
  news: number;
  abstracts: number;
  withheld: { drafts: number; scheduled: number };
  pages: number;
  files: number;
  phases: { name: string; ms: number }[];
  /** The search bundle: pages indexed, bytes of index data and of /assets/search.js, Pagefind's own timings and word count. */
  search: { pages: number; indexBytes: number; scriptBytes: number; timings: { add: number; write: number }; parts: number; words?: number };
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

  const outputProblem = outputFolderProblem(options.outDir, options.contentDir, repoRoot);
  if (outputProblem) throw new BuildError("options", outputProblem);
  recoverInterruptedBuilds(options.outDir);
  const archive = await timed(
    "validate",
    () => {
      try {
        const { contentDir, preview, now, basePath, period } = options;
        const built = new Archive({ contentDir, site, topics, conferences, preview, now, basePath, period });
        // A snapshot of an empty period says so itself (scripts/lib/snapshot/make-snapshot.ts).
        const empty = period === undefined ? nothingToPublish(built, contentDir) : undefined;
        if (empty) throw new ContentError([empty]);
        return built;
      } catch (error) {
        if (error instanceof ContentError) throw new BuildError("validate", error.message);
        throw error;
      }
    },
    (result) =>
      `${result.files} files: ${result.news.length} news, ${pluralise(result.abstracts.length, "abstract")}` +
      (result.withheld.drafts + result.withheld.scheduled > 0
        ? ` (${result.withheld.drafts} drafts, ${result.withheld.scheduled} scheduled withheld)`
        : ""),
  );

  // A preview is rebuilt on every save: a worker caching its pages would only get in the way. A
  // snapshot must never take over the live site's offline cache.
  const serviceWorker = !options.snapshot && (options.serviceWorker ?? !options.preview);
  const staged = stagingDir(options.outDir);
  const articleUrls = archive.items.map((item) => item.url);
  const articleYears = new Map(archive.items.map((item) => [item.url, item.year]));
  const indexParts = planIndexParts(articleUrls, options.maxIndexPages, articleYears);
  // Pagefind's command line reads the articles' search sources (scripts/lib/search-index.ts), written
  // as they render into a hidden folder of the staging site: half the pages' bytes. An index in parts
  // (a 100k archive) reads the pages instead: the sources of all its render runs cost too much memory.
  const sourced = articleUrls.length > 0 && indexParts.length === 1;
  const searchSources = sourced ? { dir: path.join(staged, searchSourceFolder), urls: new Set(articleUrls) } : undefined;
  // Pagefind's private files are read only from a version this build was tested with; else the
  // search page counts facets with Pagefind's public API (scripts/lib/search/pagefind-files.ts).
  const untested = untestedPagefind(installedPagefindVersion());
  if (untested) log(`warning: ${untested}`);
  const facetFiles = untested === undefined;
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
              facetFiles,
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
      () => {
        const files = writeDiscoveryFiles(archive, site, staged);
        const problems = discoveryFileProblems(staged, files);
        if (problems.length > 0) throw new BuildError("feeds", problems.join("\n"));
        return files;
      },
      (files) => `${files.length} files: feeds, sitemap.xml, robots.txt, _headers`,
    );
    // The offline phase's library loads while Pagefind's process indexes; a failure surfaces in that phase.
    if (serviceWorker) loadWorkbox().catch(() => {});
    const searchIndex = await timed(
      "search",
      async () => {
        const result = await writeSearchIndex({
          siteDir: staged,
          ...(searchSources ? { sourceDir: searchSources.dir } : {}),
          articleUrls,
          articleYears,
          facetFiles,
          ...(options.maxIndexPages ? { maxIndexPages: options.maxIndexPages } : {}),
        }).catch((error: unknown) => {
          throw new BuildError("search", `Pagefind failed: ${errorMessage(error)}`);
        });
        if (result.errors.length > 0) {
          throw new BuildError("search", `${pluralise(result.errors.length, "Pagefind error")}:\n${result.errors.map((e) => `  ${e}`).join("\n")}`);
        }
        // Not part of the site: out of the way before the service worker lists the site's files.
        if (searchSources) removeInBackground(searchSources.dir, trashDir(options.outDir, "search"));
        return { ...result, suggestions: writeSuggestionWords(archive.items, staged) };
      },
      (result) =>
        `${result.pages} pages${result.parts > 1 ? ` in ${result.parts} parts` : ""}, ${result.words === undefined ? "" : `${result.words} words, `}${formatBytes(result.indexBytes)} of index (add ${formatMs(result.timings.add)}, write ${formatMs(result.timings.write)}); ` +
        `${result.suggestions.words} words for suggestions, ${formatBytes(result.suggestions.largestGzipBytes)} gzipped the largest file`,
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
    const { archiveLiveSite } = options;
    if (options.snapshot && archiveLiveSite) await timed("warc", () => archiveLiveSite(staged, archive), (line) => line);
    if (options.snapshot) {
      await timed(
        "snapshot",
        () => prepareSnapshotPayload(staged, archive),
        (result) => `${result.pages} pages for reading from disk, ${pluralise(result.live, "link")} to the live site, search-index.js ${formatBytes(result.indexBytes)}`,
      );
    }
    // A snapshot has no offline page (scripts/lib/render.ts).
    const expectedPages = options.snapshot ? archive.pageUrls().filter((url) => url !== "/offline/") : archive.pageUrls();
    const checkOptions = {
      basePath: archive.basePath,
      validate: options.validateHtml === "all" ? ("all" as const) : archive.htmlSample(),
      sources: new Map(archive.items.map((item) => [item.url, item.file])),
    };
    const report = await timed(
      "check",
      () => checkPages(staged, scanPages(staged, checkOptions), expectedPages, checkOptions),
      (result) =>
        `${result.pages} pages, ${result.links} internal links, ${result.validated} validated${result.unvalidated.length > 0 ? ` (${result.unvalidated.length} too large)` : ""}`,
    );
    for (const page of report.unvalidated) log(`note: ${page}`);
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
      search: { pages: searchIndex.pages, indexBytes: searchIndex.indexBytes, scriptBytes, timings: searchIndex.timings, parts: searchIndex.parts, ...(searchIndex.words === undefined ? {} : { words: searchIndex.words }) },
      media,
    };
  } finally {
    discard(staged);
  }
}

/** Names a build by its search index: the offline file list says which build it belongs to. */
function buildId(siteDir: string): string {
  return createHash("sha256").update(readFileSync(path.join(siteDir, "pagefind", indexEntryFile))).digest("hex").slice(0, 12);
}

export function errorMessage(error: unknown): string {
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
