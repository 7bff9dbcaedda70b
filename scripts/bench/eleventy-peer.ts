/**
 * The same-stack peer: a plain Eleventy 3 site (one Nunjucks layout, Eleventy's own Markdown, the
 * corpus's front matter as it is) built with Eleventy's command line, then Pagefind's command line
 * over its output. What a team would get from the stack's documentation alone, on the same files.
 * Each article's body is marked `data-pagefind-body`, as ours and Hugo's are.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pagefindBinary } from "../lib/search/pagefind.ts";
import { pagefindCounts, runMeasured, type PeerRun } from "./hugo.ts";

const layout = [
  "<!doctype html>",
  '<html lang="en">',
  '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>{{ title or session }}</title></head>",
  '<body><header><a href="/">Archive</a></header>',
  "<main><article data-pagefind-body><h1>{{ title or session }}</h1>" +
    '<time datetime="{{ page.date.toISOString().slice(0, 10) }}">{{ page.date.toDateString() }}</time>',
  "{{ content | safe }}</article></main>",
  "</body>",
  "</html>",
  "",
].join("\n");

/** Writes the peer's configuration and layout into `workDir`; the content stays in `contentDir`. */
export function writeEleventySite(contentDir: string, workDir: string): void {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(path.join(workDir, "_includes"), { recursive: true });
  writeFileSync(path.join(workDir, "_includes", "article.njk"), layout);
  // Eleventy takes its includes folder relative to the input folder.
  const includes = path.relative(path.resolve(contentDir), path.join(path.resolve(workDir), "_includes"));
  writeFileSync(
    path.join(workDir, "eleventy.config.mjs"),
    `export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "article.njk");
}
export const config = {
  dir: { includes: ${JSON.stringify(includes)} },
  templateFormats: ["md"],
  // The corpus's text is not a template.
  markdownTemplateEngine: false,
};
`,
  );
}

/** One Eleventy + Pagefind build of the site `writeEleventySite` wrote, into `workDir/_site`. */
export async function runEleventyPagefind(contentDir: string, workDir: string): Promise<PeerRun> {
  const siteDir = path.join(workDir, "_site");
  rmSync(siteDir, { recursive: true, force: true });
  // The package's `bin`, which its exports do not name.
  const eleventyCli = path.resolve(
    path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")),
    "../cmd.cjs",
  );
  const loadAverage = os.loadavg()[0] ?? 0;
  const eleventy = await runMeasured(
    process.execPath,
    [
      eleventyCli,
      "--quiet",
      `--input=${path.resolve(contentDir)}`,
      `--output=${siteDir}`,
      `--config=${path.join(workDir, "eleventy.config.mjs")}`,
    ],
    workDir,
  );
  const pagefind = await runMeasured(pagefindBinary(), ["--site", siteDir], workDir);
  return {
    siteMs: eleventy.ms,
    pagefindMs: pagefind.ms,
    totalMs: eleventy.ms + pagefind.ms,
    ...pagefindCounts(pagefind.output),
    peakBytes: Math.max(eleventy.peakBytes, pagefind.peakBytes),
    loadAverage,
  };
}
