/**
 * The build, phase by phase. Each phase prints its count and time. Nothing is published unless
 * every phase passed, so a failed build leaves the previous output folder exactly as it was.
 * `npm run build` (scripts/build.ts), the preview and snapshots run it.
 */
import path from "node:path";
import type { Archive } from "../model/archive.ts";
import type { MediaReport } from "./media.ts";
import { checkPhase, readPhase, type PageScan } from "./check.ts";
import { editorPhase, wantsEditor } from "./editor.ts";
import { feedsPhase } from "./feeds.ts";
import { mediaPhase } from "./media.ts";
import { buildChangedPages, type ChangedOnly, type ChangedPagesReport } from "../build/changed-pages.ts";
import { offlinePhase } from "./offline.ts";
import { outputFolderProblem } from "../build/output-folder.ts";
import { BuildError, failingAs, phaseLine, type BuildOptions, type Phase, type StagedBuild } from "../build/phase.ts";
import { discard, recoverInterruptedBuilds, stagingDir } from "../build/staging.ts";
import { publishPhase } from "./publish.ts";
import { renderPhase } from "./render.ts";
import { searchPhase } from "./search.ts";
import { validatePhase } from "./validate.ts";
import { planSearch } from "../search/pagefind.ts";
import { searchSourceFolder } from "../model/outputs.ts";
import { untestedPagefind } from "../../../src/assets/shared/pagefind-internals.ts";
import { installedPagefindVersion } from "../search/pagefind-files.ts";
import { repoRoot } from "../util/repo-root.ts";

export { BuildError, phaseLine, type BuildOptions } from "../build/phase.ts";

export interface BuildReport {
  news: number;
  abstracts: number;
  withheld: { drafts: number; scheduled: number };
  pages: number;
  files: number;
  /** Each phase's time, and when it started (ms after the build did): phases that overlapped show here. */
  phases: { name: string; ms: number; start: number }[];
  /** The search bundle: pages indexed, bytes of index data and of /assets/search.js, Pagefind's own timings and word count. */
  search: {
    pages: number;
    indexBytes: number;
    scriptBytes: number;
    timings: { add: number; write: number };
    parts: number;
    words?: number;
  };
  /** Images processed and reused from the cache, documents published, warnings (scripts/lib/phases/media.ts). */
  media: MediaReport;
}

/**
 * Builds the archive into `options.outDir`; with `changedOnly` (the preview's edit loop), only the
 * pages of the items changed since the served archive, into the served folder (changed-pages.ts).
 */
export async function build(options: BuildOptions & { changedOnly: ChangedOnly }): Promise<ChangedPagesReport>;
export async function build(options: BuildOptions): Promise<BuildReport>;
export async function build(
  options: BuildOptions & { changedOnly?: ChangedOnly },
): Promise<BuildReport | ChangedPagesReport> {
  if (options.changedOnly) return buildChangedPages(options, options.changedOnly);
  const log = options.log ?? (() => {});
  const phases: BuildReport["phases"] = [];
  const buildStarted = performance.now();
  // What a system error that names no file (a failed write) is told as: the folder being written.
  let writingInto = options.outDir;
  const run = async <Input, Result>(phase: Phase<Input, Result>, input: Input): Promise<Result> => {
    const started = performance.now();
    const result = await failingAs(phase.name, undefined, () => phase.run(input), writingInto);
    const ms = performance.now() - started;
    phases.push({ name: phase.name, ms, start: started - buildStarted });
    log(phaseLine(phase.name, phase.describe(result), ms, started - buildStarted));
    return result;
  };

  const outputProblem = outputFolderProblem(options.outDir, options.contentDir, repoRoot);
  if (outputProblem) throw new BuildError("options", outputProblem);
  recoverInterruptedBuilds(options.outDir);
  const archive = await run(validatePhase, options);
  const staged = stage(options, archive, log);
  writingInto = staged.siteDir;
  try {
    const media = await run(mediaPhase, staged);
    // Every later phase reads the items as the media phase returned them, pictures and all.
    const published: StagedBuild = { ...staged, archive: staged.archive.withItems(media.items) };
    const render = await run(renderPhase, published);
    if (wantsEditor(published)) await run(editorPhase, published);
    const extraPhases = options.extraPhases ?? [];
    let search: Awaited<ReturnType<typeof searchPhase.run>>;
    let pages: PageScan | undefined;
    if (buildOrder.overlap) {
      // Pagefind writes its index on its own core; meanwhile the build's thread writes the feeds and
      // reads the pages for the check (after a snapshot's phases, which rewrite them).
      let parsed = () => {};
      const parsing = new Promise<void>((resolve) => (parsed = resolve));
      const indexing = run(searchPhase, { ...published, parsed });
      await Promise.race([parsing, indexing]);
      [search, , pages] = await allSettledOrFirstError([
        indexing,
        run(feedsPhase, published),
        extraPhases.length === 0 ? run(readPhase, published) : Promise.resolve(undefined),
      ] as const);
    } else {
      await run(feedsPhase, published);
      search = await run(searchPhase, published);
    }
    if (published.serviceWorker) await run(offlinePhase, published);
    for (const phase of extraPhases) await run(phase, published);
    pages ??= await run(readPhase, published);
    const output = await run(checkPhase, { staged: published, pages });
    await run(publishPhase, { staged: published, output });
    return {
      news: archive.news.length,
      abstracts: archive.abstracts.length,
      withheld: archive.withheld,
      pages: output.pages,
      files: output.files,
      phases,
      search: {
        pages: search.pages,
        indexBytes: search.indexBytes,
        scriptBytes: render.scriptBytes,
        timings: search.timings,
        parts: search.parts,
        ...(search.words === undefined ? {} : { words: search.words }),
      },
      media: media.report,
    };
  } finally {
    await staged.search.stream?.close();
    discard(staged.siteDir);
  }
}

/**
 * Waits for every phase running at once, then fails with the first failure, if any: a phase that
 * failed early must not leave another (Pagefind's process) writing into the staging folder as it is
 * discarded.
 */
async function allSettledOrFirstError<T extends readonly unknown[]>(runs: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(runs);
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Temporary: the four build orders measured for issue 34 (BUILD_ORDER=today|check-after-parse|adds|both). */
const buildOrder = (() => {
  const order = process.env.BUILD_ORDER ?? "both";
  return { overlap: order === "check-after-parse" || order === "both", stream: order === "adds" || order === "both" };
})();

function stage(options: BuildOptions, archive: Archive, log: (line: string) => void): StagedBuild {
  const siteDir = stagingDir(options.outDir);
  // Pagefind's private files are read only from a version this build was tested with; else the
  // search page counts facets with Pagefind's public API.
  const untested = untestedPagefind(installedPagefindVersion());
  if (untested) log(`warning: ${untested}`);
  return {
    options,
    archive,
    siteDir,
    // A preview is rebuilt on every save: a worker caching its pages would only get in the way. A
    // snapshot must never take over the live site's offline cache.
    serviceWorker: !options.snapshot && (options.serviceWorker ?? !options.preview),
    // Pagefind reads the articles' search sources, written as they render into a hidden folder of the staging site.
    search: planSearch(
      archive.items.map((item) => item.url),
      {
        years: new Map(archive.items.map((item) => [item.url, item.year])),
        ...(options.maxIndexPages ? { maxIndexPages: options.maxIndexPages } : {}),
        facetFiles: untested === undefined,
        sourceDir: path.join(siteDir, searchSourceFolder),
        stream: buildOrder.stream,
      },
    ),
    log,
  };
}
