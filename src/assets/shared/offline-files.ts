/** Names shared by the service worker and the pages that talk to it. */

/** Runtime caches. Changing a name retires the old cache on the next deploy. */
export const cacheNames = {
  pages: "archive-pages-v1",
  search: "archive-search-v1",
  assets: "archive-assets-v1",
  media: "archive-media-v1",
} as const;

/** The offline page, relative to the site root. */
export const offlinePagePath = "/offline/";

/** Everything "Save the archive" downloads, written by the build (scripts/lib/phases/offline.ts). */
export const offlineManifestPath = "/offline/files.json";

export interface OfflineManifest {
  /** The build the list belongs to. */
  build: string;
  files: { url: string; bytes: number; cache: "pages" | "search" | "media" }[];
  bytes: number;
}

/**
 * The widths and formats of one processed image (scripts/lib/phases/media.ts names them
 * `<hash>-<width>.<format>`) share the part before the width: "Save the archive" keeps one of them,
 * which stands in offline for any other.
 */
export function imageGroupOf(pathname: string): string | undefined {
  return /^(.+-)\d+\.(?:avif|webp|jpeg|jpg|png|gif)$/.exec(pathname)?.[1];
}

/** The search page's spelling dictionary (scripts/lib/search/suggestion-words.ts), saved with the search index. */
export const suggestionWordsPath = "/search/words/";

/**
 * The service worker's answer to a request it could neither download nor find saved: a 504 with
 * this header, so the page can tell "not saved on this device" from any other failure.
 */
export const notSavedHeader = "X-Archive-Offline";
export const notSavedValue = "not-saved";

export const isNotSaved = (response: Response): boolean => response.headers.get(notSavedHeader) === notSavedValue;
