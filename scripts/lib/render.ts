import Eleventy from "@11ty/eleventy";
import type { Archive } from "./archive.ts";
import type { AssetUrls } from "./assets.ts";
import { pagePolicy, searchPolicy } from "./security.ts";
import type { SnapshotInfo } from "./snapshot/info.ts";

interface RenderConfig {
  addGlobalData(name: string, value: unknown): void;
  ignores: Set<string>;
}

/**
 * Renders the archive with Eleventy (templates in src/ and _includes/) into `outDir`. Templates
 * get the validated `archive`, the fingerprinted `assets`, the `csp` policies and `snapshot` (the
 * snapshot being built, or null) as global data.
 */
export async function renderSite(archive: Archive, assets: AssetUrls, outDir: string, snapshot?: SnapshotInfo): Promise<void> {
  const eleventy = new Eleventy("src", outDir, {
    configPath: ".eleventy.ts",
    quietMode: true,
    // With a base path such as /archive/, the HTML base plugin (.eleventy.ts) prefixes every root-relative URL.
    pathPrefix: archive.basePath,
    config: (eleventyConfig: RenderConfig) => {
      eleventyConfig.addGlobalData("archive", archive);
      eleventyConfig.addGlobalData("assets", assets);
      eleventyConfig.addGlobalData("csp", { page: pagePolicy, search: searchPolicy });
      eleventyConfig.addGlobalData("snapshot", snapshot ?? null);
      // A snapshot has a page about itself, and no offline page: it has no service worker to save
      // the archive with, and as a folder of files it reads offline already.
      eleventyConfig.ignores.add(snapshot ? "src/pages/offline.njk" : "src/pages/snapshot.njk");
    },
  });
  // Eleventy would print its own summary; the build prints one line per phase instead.
  eleventy.disableLogger();
  await eleventy.write();
}
