/**
 * What the templates get from a build, as one Eleventy plugin with typed options: the global data
 * (`archive`, `pageLists`, `assets`, `csp`, `snapshot`, `searchParts`, `facetFiles`, `facets`,
 * `storyFilter`, `sitemap`, `outputPaths`) and the `facetFilter` function, which page templates a
 * render leaves out, and the search sources written beside the pages. The render phase
 * (scripts/lib/phases/render.ts) registers it for each Eleventy run with that run's data.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { parse } from "yaml";
import type { Archive, PageLists } from "../model/archive.ts";
import type { AssetUrls } from "../build/assets.ts";
import { pagePolicy, searchPolicy } from "../build/security.ts";
import { searchSource, type SearchPlan } from "../search/pagefind.ts";
import type { SnapshotInfo } from "../snapshot/info.ts";
import { robotsPath, sitemapPath } from "../model/outputs.ts";
import { facetFilterName, facets } from "../../../src/assets/shared/facets.ts";
import { storyFilter } from "../../../src/assets/search/stories.ts";

export interface ArchiveData {
  /** The validated archive every template reads. */
  archive: Archive;
  /** The lists the paginated templates paginate over (all of them, or one run's part). */
  pageLists: PageLists;
  /** The fingerprinted names of the stylesheet and scripts. */
  assets: AssetUrls;
  /** The snapshot being built (scripts/snapshot.ts), or null. */
  snapshot: SnapshotInfo | null;
  /** The search index the build writes (scripts/lib/search/pagefind.ts); none in the preview's quick path. */
  search: SearchPlan | undefined;
  /** Whether this run renders the templates of one page each (home, years, search, 404…): the first run only. */
  singlePages: boolean;
}

/** Where the page templates are (`dir.input` of .eleventy.ts is src/). */
const pagesDir = "src/pages";

interface EleventyRun {
  addTransform(name: string, transform: (this: { page: { url: string | false } }, content: string) => string): void;
  ignores: Set<string>;
}

export default function archiveData(eleventyConfig: UserConfig, options: ArchiveData): void {
  const { archive, pageLists, assets, snapshot, search, singlePages } = options;
  const searchSources = search?.sources;
  eleventyConfig.addGlobalData("archive", archive);
  eleventyConfig.addGlobalData("pageLists", pageLists);
  eleventyConfig.addGlobalData("assets", assets);
  eleventyConfig.addGlobalData("csp", { page: pagePolicy, search: searchPolicy });
  eleventyConfig.addGlobalData("snapshot", snapshot);
  // An index in parts: the search page searches the other bundles ("pagefind/part-2/", …) with the first.
  eleventyConfig.addGlobalData("searchParts", search?.parts.slice(1).map((part) => `${part.bundle}/`) ?? []);
  // Without facet files the search page counts facets with Pagefind's public API
  // (scripts/lib/search/pagefind-files.ts).
  eleventyConfig.addGlobalData("facetFiles", search?.facetFiles ?? true);
  // The sitemap's entries (src/pages/sitemap.njk), and the paths of the files for search engines.
  // Made only for the run that renders the sitemap, as the preview renders after each edit.
  eleventyConfig.addGlobalData("sitemap", () => (singlePages ? archive.sitemapEntries() : []));
  eleventyConfig.addGlobalData("outputPaths", { sitemap: sitemapPath, robots: robotsPath });
  // The search facets by id, for the search page's fieldsets (src/assets/shared/facets.ts).
  eleventyConfig.addGlobalData("facets", Object.fromEntries(facets.map((facet) => [facet.id, facet])));
  // The Pagefind filter names the item pages index under, as the search page reads them: `facetFilter("topic")`
  // throws for an id not in the facet table; `storyFilter` groups an item's translations into one result.
  eleventyConfig.addNunjucksGlobal("facetFilter", facetFilterName);
  eleventyConfig.addGlobalData("storyFilter", storyFilter);
  const run = eleventyConfig as unknown as EleventyRun;
  if (!singlePages) for (const template of singlePageTemplates()) run.ignores.add(template);
  // A snapshot has a page about itself, and no offline page: it has no service worker to save
  // the archive with, and as a folder of files it reads offline already.
  run.ignores.add(snapshot ? `${pagesDir}/offline.njk` : `${pagesDir}/snapshot.njk`);
  if (searchSources) {
    // Added last, it sees each page as written (Eleventy's own transforms, such as the base path's, run first).
    run.addTransform("search-source", function (content) {
      const url = this.page.url;
      if (url && searchSources.urls.has(url))
        writeFileSync(path.join(searchSources.dir, url, "index.html"), searchSource(content));
      return content;
    });
  }
}

/**
 * The templates that make one page each (no `pagination` in their front matter). Read on every
 * render: the preview renders again after a template changed.
 */
function singlePageTemplates(): string[] {
  return readdirSync(pagesDir)
    .filter((name) => name.endsWith(".njk"))
    .filter((name) => {
      const frontMatter = readFileSync(path.join(pagesDir, name), "utf8").split(/^---$/m)[1] ?? "";
      return !Object.hasOwn((parse(frontMatter) ?? {}) as object, "pagination");
    })
    .map((name) => `${pagesDir}/${name}`);
}
