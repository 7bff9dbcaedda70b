/**
 * Bundles the browser TypeScript under src/assets/ (the search page, the offline page, the service
 * worker and its registration, the editor's page) into minified ES modules with esbuild. Pagefind's own `pagefind.js`
 * stays a separate file that the search bundle imports at run time: it belongs to the index.
 */
import { build } from "esbuild";
import path from "node:path";

/** The bundles' entry points. */
export const scriptEntries = {
  search: "src/assets/search/main.ts",
  /** A snapshot's search page: the same page, from disk on a fallback index, else on Pagefind. */
  snapshotSearch: "src/assets/search/snapshot.ts",
  register: "src/assets/offline/register.ts",
  offline: "src/assets/offline/offline-page.ts",
  serviceWorker: "src/assets/offline/sw.ts",
  /** The browser editor's own script, beside Decap CMS in /admin/ (scripts/lib/phases/editor.ts). */
  editor: "src/assets/editor/admin-page.ts",
  /** The preview's pages under npm start only: the build's refusal (scripts/lib/preview/server-thread.mjs). */
  previewRefusal: "src/assets/preview/refusal-banner.ts",
} as const;

/** One bundled script's bytes; scripts/lib/build/assets.ts names and writes it. */
export async function bundleScript(
  repoRoot: string,
  entry: string,
  format: "esm" | "iife" = "esm",
): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [path.join(repoRoot, entry)],
    bundle: true,
    write: false,
    outfile: "bundle.js",
    format,
    // Browsers of the last few years; Pagefind itself needs ES modules, wasm and workers.
    target: "es2022",
    minify: true,
    // Workbox's modules read NODE_ENV to drop their development logging.
    define: { "process.env.NODE_ENV": '"production"' },
    // Deterministic output: no build paths or timestamps, so identical sources give identical bytes.
    legalComments: "none",
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  return output.contents;
}
