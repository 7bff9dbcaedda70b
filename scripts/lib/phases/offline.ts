/**
 * Offline reading: the service worker (src/assets/offline/sw.ts, bundled with esbuild, its
 * precache list injected by workbox-build) and the list of every file "Save the archive" downloads.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  imageGroupOf,
  offlineManifestPath,
  suggestionWordsPath,
  type OfflineManifest,
} from "../../../src/assets/shared/offline-files.ts";
import { bundleScript, scriptEntries } from "../build/browser-scripts.ts";
import {
  bundleFolder,
  chunkFolders,
  indexEntryFile,
  indexWasmFiles,
  metaSuffix,
  partFolderPrefix,
  scriptFile,
} from "../../../src/assets/shared/pagefind-internals.ts";
import { partsFile } from "../search/pagefind.ts";
import { listFiles } from "../util/list-files.ts";
import { serviceWorkerPath } from "../model/outputs.ts";
import { formatBytes } from "../util/format.ts";
import { repoRoot } from "../util/repo-root.ts";
import { failingAs, type Phase, type StagedBuild } from "../build/phase.ts";

let workbox: Promise<typeof import("workbox-build")> | undefined;

/**
 * workbox-build, loaded on first use: its loading is slow enough to hide it while Pagefind
 * indexes (see search.ts) rather than before the build's first phase.
 */
export function loadWorkbox(): Promise<typeof import("workbox-build")> {
  workbox ??= import("workbox-build");
  return workbox;
}

/**
 * What a first visit caches: the shell, the search and offline pages, and what the search page
 * loads of Pagefind: pagefind.js, the entry, the metadata and the wasm of the index's language.
 * Not Pagefind's worker (the page runs it with `noWorker`) nor its UI bundles.
 */
export const precachePatterns = [
  "assets/*",
  "search/index.html",
  "offline/index.html",
  `${bundleFolder}/${scriptFile}`,
  `${bundleFolder}/${indexEntryFile}`,
  `${bundleFolder}/*${metaSuffix}`,
];

function wasmPatterns(siteDir: string): string[] {
  const entry = path.join(siteDir, bundleFolder, indexEntryFile);
  return existsSync(entry) ? indexWasmFiles(readFileSync(entry, "utf8")).map((file) => `${bundleFolder}/${file}`) : [];
}

/**
 * The same for the other bundles of an index in parts (scripts/lib/search/pagefind.ts, `maxIndexPages`):
 * their entry and metadata (the search page finds the parts in its form, not in `parts.json`).
 * The search page runs every part on the first bundle's `pagefind.js` and
 * wasm (src/assets/search/pagefind.ts), which the parts do not keep a copy of. Only when there are
 * parts: Workbox warns about a pattern that matches nothing, and the build fails on its warnings.
 */
export const partPrecachePatterns = [
  `${bundleFolder}/${partFolderPrefix}*/${indexEntryFile}`,
  `${bundleFolder}/${partFolderPrefix}*/*${metaSuffix}`,
];

/** The chunks of every bundle, loaded as searches need them: saved only by "Save the archive". */
const chunkPath = new RegExp(`^${bundleFolder}/(${partFolderPrefix}\\d+/)?(${chunkFolders.join("|")})/`);

export interface OfflineReport {
  precached: number;
  precacheBytes: number;
  /** Files and bytes of "Save the archive". */
  saveFiles: number;
  saveBytes: number;
}

/**
 * Every public page (as the URL a reader opens; redirect pages are left out), every file of the
 * search index, and of each image its smallest fallback (JPEG or PNG), which stands in offline for
 * the sizes and formats not saved: a phone's archive need not hold every photo four times over.
 */
export function offlineManifest(siteDir: string, build: string, pageUrls: readonly string[]): OfflineManifest {
  const files: OfflineManifest["files"] = [...new Set(pageUrls)].sort().map((url) => ({
    url,
    bytes: statSync(path.join(siteDir, url, "index.html")).size,
    cache: "pages" as const,
  }));
  const standIns = new Map<string, { url: string; width: number }>();
  for (const file of listFiles(siteDir)) {
    if (chunkPath.test(file) || `/${file}`.startsWith(suggestionWordsPath)) {
      files.push({ url: `/${file}`, bytes: statSync(path.join(siteDir, file)).size, cache: "search" });
      continue;
    }
    const group = file.startsWith("assets/") ? undefined : imageGroupOf(`/${file}`);
    const width = Number(/-(\d+)\.(?:jpeg|jpg|png)$/.exec(file)?.[1]);
    if (!group || !Number.isFinite(width)) continue;
    const kept = standIns.get(group);
    if (!kept || width < kept.width) standIns.set(group, { url: `/${file}`, width });
  }
  for (const { url } of [...standIns.values()].sort((a, b) => (a.url < b.url ? -1 : 1))) {
    files.push({ url, bytes: statSync(path.join(siteDir, url)).size, cache: "media" });
  }
  return { build, files, bytes: files.reduce((sum, file) => sum + file.bytes, 0) };
}

export async function writeServiceWorker(
  repoRoot: string,
  siteDir: string,
  build: string,
  pageUrls: readonly string[],
): Promise<OfflineReport> {
  const manifest = offlineManifest(siteDir, build, pageUrls);
  const manifestFile = path.join(siteDir, offlineManifestPath);
  mkdirSync(path.dirname(manifestFile), { recursive: true });
  writeFileSync(manifestFile, JSON.stringify(manifest));

  const work = path.join(tmpdir(), `archive-sw-${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  try {
    const source = path.join(work, "sw.js");
    writeFileSync(source, await bundleScript(repoRoot, scriptEntries.serviceWorker, "iife"));
    const { injectManifest } = await loadWorkbox();
    const result = await injectManifest({
      swSrc: source,
      swDest: path.join(siteDir, serviceWorkerPath),
      globDirectory: siteDir,
      globPatterns: [
        ...precachePatterns,
        ...wasmPatterns(siteDir),
        ...(existsSync(path.join(siteDir, bundleFolder, partsFile)) ? partPrecachePatterns : []),
      ],
      // Fingerprinted assets and Pagefind's hashed metadata need no revision of their own.
      dontCacheBustURLsMatching: new RegExp(`\\.[0-9a-f]{10}\\.(css|js|svg)$|${metaSuffix.replace(".", "\\.")}$`),
      maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    });
    if (result.warnings.length > 0) throw new Error(`workbox: ${result.warnings.join("; ")}`);
    return {
      precached: result.count,
      precacheBytes: result.size,
      saveFiles: manifest.files.length,
      saveBytes: manifest.bytes,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const offlinePhase: Phase<StagedBuild, OfflineReport> = {
  name: "offline",
  run: ({ archive, siteDir }) =>
    failingAs(
      "offline",
      "writing the service worker failed",
      () => writeServiceWorker(repoRoot, siteDir, buildId(siteDir), archive.pageUrls()),
      siteDir,
    ),
  describe: (result) =>
    `service worker: ${result.precached} files precached (${formatBytes(result.precacheBytes)}); ` +
    `save-all ${formatBytes(result.saveBytes)}`,
};

/** Names a build by its search index: the offline file list says which build it belongs to. */
function buildId(siteDir: string): string {
  return createHash("sha256")
    .update(readFileSync(path.join(siteDir, bundleFolder, indexEntryFile)))
    .digest("hex")
    .slice(0, 12);
}
