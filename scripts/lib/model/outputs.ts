/**
 * The files and folders the build writes besides the archive's pages, each named once: the phase
 * that writes it reads its name here, and the content check refuses an alias on any of them
 * (scripts/lib/model/archive.ts). A path ending in / is a folder and everything in it.
 */
import { bundleFolder } from "../../../src/assets/shared/pagefind-internals.ts";
import { offlineManifestPath, suggestionWordsPath } from "../../../src/assets/shared/offline-files.ts";

/** The editor (scripts/lib/phases/editor.ts). */
export const editorFolder = "admin";
/** The service worker (scripts/lib/phases/offline.ts). */
export const serviceWorkerPath = "/sw.js";
/** The site's fingerprinted styles, scripts and icons (scripts/lib/build/assets.ts). */
export const assetsFolder = "assets";
/** The feeds, and the files for search engines and hosts (scripts/lib/phases/feeds.ts). */
export const feedsFolder = "/feeds/";
export const sitemapPath = "/sitemap.xml";
export const robotsPath = "/robots.txt";
export const headersPath = "/_headers";
/** The index for searching a snapshot from disk, beside its index.html (scripts/lib/phases/snapshot.ts). */
export const diskIndexFile = "search-index.js";
/**
 * The folder of the staging site where the render phase writes each article page's search source
 * for Pagefind (scripts/lib/search/pagefind.ts); removed once the index is written.
 */
export const searchSourceFolder = ".search-source";

/**
 * The file every published build holds: a folder with it is one a build wrote, and the next build
 * may replace it (scripts/lib/build/output-folder.ts).
 */
export const outputMarker = ".iap-archive-output";

/** What the build writes besides pages, with what each is, for people. */
export const generatedOutputs: readonly { path: string; what: string }[] = [
  // The permalink of src/pages/not-found.njk.
  { path: "/404.html", what: "the page for addresses that do not exist" },
  { path: `/${editorFolder}/`, what: "the editor" },
  { path: serviceWorkerPath, what: "the service worker" },
  { path: offlineManifestPath, what: "the list of files saved for reading offline" },
  { path: `/${assetsFolder}/`, what: "the site's styles and scripts" },
  { path: feedsFolder, what: "the feeds" },
  { path: sitemapPath, what: "the sitemap" },
  { path: robotsPath, what: "the rules for search engines" },
  { path: headersPath, what: "the hosts' headers file" },
  { path: `/${bundleFolder}/`, what: "Pagefind's search index" },
  { path: suggestionWordsPath, what: "the search page's dictionary of words" },
  { path: `/${searchSourceFolder}/`, what: "the pages Pagefind reads" },
  { path: `/${outputMarker}`, what: "the mark of a folder a build wrote" },
  // Written by snapshots only (scripts/lib/snapshot/), but an alias there would break every snapshot.
  // The permalink of src/pages/snapshot.njk.
  { path: "/snapshot/", what: "a snapshot's own page" },
  { path: `/${diskIndexFile}`, what: "a snapshot's search index" },
];
