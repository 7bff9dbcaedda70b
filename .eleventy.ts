/**
 * Eleventy's part of the build: templates in src/ and _includes/ render the archive into HTML.
 *
 * Content is not read here: the build reads and validates the Markdown content folder
 * (scripts/lib/content/) and hands the result to the templates through one plugin with typed
 * options, scripts/lib/eleventy/archive-data.ts (`archive`, `pageLists`, `assets`, `csp`,
 * `snapshot`, `searchParts`, `facetFiles`), which the render phase registers for each run with that
 * run's data. So one build reports every content error together before anything renders, and
 * Markdown files are not templates (templateFormats is njk only), never run through Nunjucks.
 */
import { EleventyHtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import registerFilters from "./scripts/lib/eleventy/filters.ts";
import nunjucksCompileCache from "./scripts/lib/eleventy/nunjucks-compile-cache.ts";
import typescriptData from "./scripts/lib/eleventy/typescript-data.ts";

export default function (eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(typescriptData);
  eleventyConfig.addPlugin(registerFilters);
  // Each template compiled once, not once per page (see the plugin).
  eleventyConfig.addPlugin(nunjucksCompileCache);
  // Templates link root-relatively ("/news/"); when the build has a base path, this rewrites every
  // URL in the HTML (links, assets, forms, meta refresh) to sit under it. No cost at "/".
  eleventyConfig.addPlugin(EleventyHtmlBasePlugin);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  // src/assets/ is written by the build with fingerprinted names (scripts/lib/build/assets.ts), not copied here.
  eleventyConfig.setQuietMode(true);
}

export const config = {
  // The output folder is chosen by scripts/build.ts (a staging folder), not here.
  dir: { input: "src", includes: "../_includes", data: "../_data" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
