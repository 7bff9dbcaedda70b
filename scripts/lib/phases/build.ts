/**
 * The build, phase by phase. Each phase prints its count and time. Nothing is published unless
 * every phase passed, so a failed build leaves the previous output folder exactly as it was.
 * `npm run build` (scripts/build.ts), the preview and snapshots run it.
 */
import path from "node:path";
import type { Archive } from "../model/archive.ts";
import type { MediaReport } from "./media.ts";
import { checkPhase, readPhase } from "./check.ts";
import { editorPhase, wantsEditor } from "./editor.ts";
import { feedsPhase } from "./feeds.ts";
import { mediaPhase } from "./media.ts";
import { buildChangedPages, type ChangedOnly, type ChangedPagesReport } from "../build/changed-pages.ts";
import { offlinePhase } from "./offline.ts";
import { outputFolderProblem } from "../build/output-folder.ts";
import {
  allSettledOrFirstError,
  BuildError,
  failingAs,
  phaseLine,
  type BuildOptions,
  type Phase,
  type StagedBuild,
} from "../build/phase.ts";
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
  /**
   * The search bundle: pages indexed, bytes of index data and of /assets/search.js, Pagefind's own
   * timings and word count.
   */
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
  // Each phase's time and line are reported as it ends, or by `report` (phases that overlap report in a fixed order).
  const reported = (phase: BuildReport["phases"][number], line: string) => {
    phases.push(phase);
    log(line);
  };
  const run = async <Input, Result>(
    phase: Phase<Input, Result>,
    input: Input,
    report: (phase: BuildReport["phases"][number], line: string) => void = reported,
  ): Promise<Result> => {
    const started = performance.now();
    const result = await failingAs(phase.name, undefined, () => phase.run(input), writingInto);
    const ms = performance.now() - started;
    const start = started - buildStarted;
    report({ name: phase.name, ms, start }, phaseLine(phase.name, phase.describe(result), ms, start));
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
    // Pagefind parses the pages on every core, then writes its index on one. Once it has parsed them,
    // the build's thread writes the feeds and reads the pages for the check meanwhile (a snapshot's
    // pages are read after its phases, which rewrite them).
    let parsed = () => {};
    const parsing = new Promise<void>((resolve) => (parsed = resolve));
    const held: Parameters<typeof reported>[] = [];
    const hold = (phase: BuildReport["phases"][number], line: string) => held.push([phase, line]);
    const indexing = run(searchPhase, { ...published, parsed }, hold);
    await Promise.race([parsing, indexing]);
    const besideIndexing = async () => {
      await run(feedsPhase, published, hold);
      return extraPhases.length === 0 ? run(readPhase, published, hold) : undefined;
    };
    const [search, read] = await allSettledOrFirstError([indexing, besideIndexing()] as const);
    // Reported in the order they started (search, feeds, read), whatever order they ended in.
    for (const entry of held.sort(([a], [b]) => a.start - b.start)) reported(...entry);
    if (published.serviceWorker) await run(offlinePhase, published);
    for (const phase of extraPhases) await run(phase, published);
    const pages = read ?? (await run(readPhase, published));
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
    discard(staged.siteDir);
  }
}

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
      },
    ),
    log,
  };
}
