import { mkdirSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import archiveData from "../eleventy/archive-data.ts";
import type { Archive, PageLists } from "../model/archive.ts";
import type { SearchPlan } from "../search/pagefind.ts";
import type { SnapshotInfo } from "../snapshot/info.ts";
import { formatBytes } from "../util/format.ts";
import { repoRoot } from "../util/repo-root.ts";
import { writeAssets, type AssetUrls } from "../build/assets.ts";
import { failingAs, type Phase, type StagedBuild } from "../build/phase.ts";

/** One of the runs a large site is rendered in (see `pagesPerRun`): part `index` of `count`. */
export interface RenderPart {
  index: number;
  count: number;
}

/**
 * Just the pages of these lists, and none of the single-page templates: what the preview renders
 * first after an edit, the edited articles' own pages (scripts/lib/preview/session.ts).
 */
export interface RenderSelection {
  lists: PageLists;
}

/**
 * Pages one Eleventy run renders at most. Eleventy holds every page of a run, its data and its
 * output in memory until the run ends, so a larger archive is rendered in several runs, one after
 * the other, each a part of the pages: every `count`-th entry of each paginated list
 * (`Archive.pageLists`).
 */
export const pagesPerRun = 15_000;

/** How many runs to render `pages` pages in, at most `perRun` pages each. */
export function renderRuns(pages: number, perRun = pagesPerRun): number {
  return Math.max(1, Math.ceil(pages / perRun));
}

export interface RenderOptions {
  /** The snapshot being built (scripts/snapshot.ts), if any. */
  snapshot?: SnapshotInfo | undefined;
  /**
   * Render only this part of the pages (see `pagesPerRun`), or only the pages of these lists (the
   * preview's edited articles).
   */
  part?: RenderPart | RenderSelection | undefined;
  /**
   * The search index the build writes: the search page lists its parts and says whether it has
   * facet files, and the pages' search sources are written where it says. None in the preview's
   * quick path, which renders no search page.
   */
  search?: SearchPlan | undefined;
}

/**
 * Renders the archive with Eleventy (templates in src/ and _includes/) into `outDir`; templates get
 * what scripts/lib/eleventy/archive-data.ts gives them. With `part`, only that part of the pages is
 * rendered: every `count`-th entry of each list from `index` on, and the single pages in the first
 * part. With a `RenderSelection`, only the pages of its lists.
 */
export async function renderSite(
  archive: Archive,
  assets: AssetUrls,
  outDir: string,
  options: RenderOptions = {},
): Promise<void> {
  const { snapshot, part, search } = options;
  const searchSources = search?.sources;
  const lists = part && "lists" in part ? part.lists : archive.pageLists(part);
  const singlePages = !part || ("index" in part && part.index === 0);
  // Pagefind numbers pages in the order it finds them, and some file systems (tmpfs) list a folder
  // in the order its entries were made: the first run makes every source's folder, in URL order.
  if (searchSources && singlePages)
    for (const url of [...searchSources.urls].sort()) mkdirSync(path.join(searchSources.dir, url), { recursive: true });
  const eleventy = new Eleventy("src", outDir, {
    configPath: ".eleventy.ts",
    quietMode: true,
    // With a base path such as /archive/, the HTML base plugin (.eleventy.ts) prefixes every root-relative URL.
    pathPrefix: archive.basePath,
    config: (eleventyConfig: UserConfig) => {
      // quietMode silences only the benchmark groups made after it is read: the "Configuration" group, made with
      // the configuration, would still print "[11ty] Benchmark …" lines into the build's table (11ty/eleventy#1484).
      const groups = eleventyConfig.benchmarkManager.getAll() as Record<
        string,
        { setIsVerbose(verbose: boolean): void }
      >;
      for (const group of Object.values(groups)) group.setIsVerbose(false);
      eleventyConfig.addPlugin(archiveData, {
        archive,
        pageLists: lists,
        assets,
        snapshot: snapshot ?? null,
        search,
        singlePages,
      });
    },
  });
  // Eleventy would print its own summary; the build prints one line per phase instead.
  eleventy.disableLogger();
  await eleventy.write();
}

export const renderPhase: Phase<StagedBuild, { articles: number; scriptBytes: number; runs: number }> = {
  name: "render",
  async run({ archive, siteDir, options, serviceWorker, search }) {
    const assets = await failingAs(
      "render",
      "writing the assets (stylesheet, search script) failed",
      () => writeAssets(repoRoot, siteDir, { serviceWorker, snapshot: options.snapshot !== undefined }),
      siteDir,
    );
    const runs = renderRuns(archive.pageCount, options.pagesPerRun);
    // Eleventy keeps every page of a run in memory: a large archive renders in several runs.
    await failingAs(
      "render",
      "Eleventy failed",
      async () => {
        for (let index = 0; index < runs; index++) {
          await renderSite(archive, assets.urls, siteDir, {
            snapshot: options.snapshot,
            part: runs > 1 ? { index, count: runs } : undefined,
            search,
          });
        }
      },
      siteDir,
    );
    return { articles: archive.items.length, scriptBytes: assets.searchBytes, runs };
  },
  describe: ({ articles, scriptBytes, runs }) =>
    `${articles} articles with Eleventy${runs > 1 ? ` (${runs} runs)` : ""}, search.js ${formatBytes(scriptBytes)}`,
};
