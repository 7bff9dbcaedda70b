/**
 * The site's static assets, written with a content hash in their names (`site.3f9a1c2b7e.css`), so
 * hosts can cache them for a year and a new build never serves a stale stylesheet or script.
 * Templates read the names from the global `assets`.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bundleSearchScript } from "./search-bundle.ts";

export interface AssetUrls {
  stylesheet: string;
  favicon: string;
  /** The search page's script (src/assets/search/*.ts bundled). */
  search: string;
}

export interface WrittenAssets {
  urls: AssetUrls;
  /** Bytes of the search script, for the build's report. */
  searchBytes: number;
}

/** "site.css" + bytes → "site.<10 hex of sha256>.css" */
export function fingerprintedName(name: string, bytes: Uint8Array): string {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  const extension = path.extname(name);
  return `${name.slice(0, -extension.length)}.${hash}${extension}`;
}

export async function writeAssets(repoRoot: string, outDir: string): Promise<WrittenAssets> {
  const assetsDir = path.join(outDir, "assets");
  mkdirSync(assetsDir, { recursive: true });
  const write = (name: string, bytes: Uint8Array): string => {
    const fingerprinted = fingerprintedName(name, bytes);
    writeFileSync(path.join(assetsDir, fingerprinted), bytes);
    return `/assets/${fingerprinted}`;
  };
  const search = await bundleSearchScript(repoRoot);
  return {
    urls: {
      stylesheet: write("site.css", readFileSync(path.join(repoRoot, "src/assets/site.css"))),
      favicon: write("favicon.svg", readFileSync(path.join(repoRoot, "src/assets/favicon.svg"))),
      search: write("search.js", search),
    },
    searchBytes: search.byteLength,
  };
}
