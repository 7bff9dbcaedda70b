/**
 * Bundles the search page's TypeScript (src/assets/search/*.ts) into one minified ES module,
 * `/assets/search.js`, with esbuild. Pagefind's own `pagefind.js` stays a separate file that the
 * bundle imports at run time: it belongs to the index written by the search phase.
 */
import { build } from "esbuild";
import { statSync } from "node:fs";
import path from "node:path";

/** The bundle's entry point and its URL on the site (linked by src/pages/search.njk). */
export const searchEntry = "src/assets/search/main.ts";
export const searchScriptUrl = "/assets/search.js";

/** Writes the bundle into the site and returns its size in bytes. */
export async function bundleSearchScript(repoRoot: string, siteDir: string): Promise<number> {
  const outfile = path.join(siteDir, searchScriptUrl);
  await build({
    entryPoints: [path.join(repoRoot, searchEntry)],
    outfile,
    bundle: true,
    format: "esm",
    // Browsers of the last few years; Pagefind itself needs ES modules, wasm and workers.
    target: "es2022",
    minify: true,
    // Deterministic output: no build paths or timestamps, so identical sources give identical bytes.
    legalComments: "none",
    external: ["/pagefind/*"],
    logLevel: "silent",
  });
  return statSync(outfile).size;
}
