/**
 * Bundles the search page's TypeScript (src/assets/search/*.ts) into one minified ES module with
 * esbuild. Pagefind's own `pagefind.js` stays a separate file that the bundle imports at run time:
 * it belongs to the index written by the search phase.
 */
import { build } from "esbuild";
import path from "node:path";

/** The bundle's entry point. */
export const searchEntry = "src/assets/search/main.ts";

/** The bundled script's bytes; scripts/lib/assets.ts names and writes it. */
export async function bundleSearchScript(repoRoot: string): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [path.join(repoRoot, searchEntry)],
    bundle: true,
    write: false,
    outfile: "search.js",
    format: "esm",
    // Browsers of the last few years; Pagefind itself needs ES modules, wasm and workers.
    target: "es2022",
    minify: true,
    // Deterministic output: no build paths or timestamps, so identical sources give identical bytes.
    legalComments: "none",
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild produced no output");
  return output.contents;
}
