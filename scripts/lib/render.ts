import Eleventy from "@11ty/eleventy";
import type { Archive } from "./archive.ts";
import type { AssetUrls } from "./assets.ts";
import { pagePolicy, searchPolicy } from "./security.ts";

/**
 * Renders the archive with Eleventy (templates in src/ and _includes/) into `outDir`. Templates
 * get the validated `archive`, the fingerprinted `assets` and the `csp` policies as global data.
 */
export async function renderSite(archive: Archive, assets: AssetUrls, outDir: string): Promise<void> {
  const eleventy = new Eleventy("src", outDir, {
    configPath: ".eleventy.ts",
    quietMode: true,
    // With a base path such as /archive/, the HTML base plugin (.eleventy.ts) prefixes every root-relative URL.
    pathPrefix: archive.basePath,
    config: (eleventyConfig: { addGlobalData(name: string, value: unknown): void }) => {
      eleventyConfig.addGlobalData("archive", archive);
      eleventyConfig.addGlobalData("assets", assets);
      eleventyConfig.addGlobalData("csp", { page: pagePolicy, search: searchPolicy });
    },
  });
  // Eleventy would print its own summary; the build prints one line per phase instead.
  eleventy.disableLogger();
  await eleventy.write();
}
