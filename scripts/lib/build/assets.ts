/**
 * The site's static assets, written with a content hash in their names (`site.3f9a1c2b7e.css`), so
 * hosts can cache them for a year and a new build never serves a stale stylesheet or script.
 * Templates read the names from the global `assets`.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bundleScript, scriptEntries } from "./browser-scripts.ts";
import { assetsFolder } from "../model/outputs.ts";

export interface AssetUrls {
  stylesheet: string;
  favicon: string;
  /** The search page's script (src/assets/search/*.ts bundled). */
  search: string;
  /**
   * How the search page loads it: an ES module, or in snapshots a classic script, because Chromium
   * refuses module scripts from file:// (CORS, origin "null") but runs classic ones.
   */
  searchType: "module" | "classic";
  /** The offline page's script; absent in snapshots, which have no offline page. */
  offline?: string;
  /** Registers the service worker on every page; absent when the build has no service worker. */
  register?: string;
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

export async function writeAssets(
  repoRoot: string,
  outDir: string,
  { serviceWorker = true, snapshot = false } = {},
): Promise<WrittenAssets> {
  const assetsDir = path.join(outDir, assetsFolder);
  mkdirSync(assetsDir, { recursive: true });
  const write = (name: string, bytes: Uint8Array): string => {
    const fingerprinted = fingerprintedName(name, bytes);
    writeFileSync(path.join(assetsDir, fingerprinted), bytes);
    return `/${assetsFolder}/${fingerprinted}`;
  };
  const [search, offline, register] = await Promise.all([
    snapshot
      ? bundleScript(repoRoot, scriptEntries.snapshotSearch, "iife")
      : bundleScript(repoRoot, scriptEntries.search),
    snapshot ? undefined : bundleScript(repoRoot, scriptEntries.offline),
    serviceWorker ? bundleScript(repoRoot, scriptEntries.register) : undefined,
  ]);
  return {
    urls: {
      stylesheet: write("site.css", readFileSync(path.join(repoRoot, "src/assets/site.css"))),
      favicon: write("favicon.svg", readFileSync(path.join(repoRoot, "src/assets/favicon.svg"))),
      search: write("search.js", search),
      searchType: snapshot ? "classic" : "module",
      ...(offline ? { offline: write("offline.js", offline) } : {}),
      ...(register ? { register: write("register.js", register) } : {}),
    },
    searchBytes: search.byteLength,
  };
}
