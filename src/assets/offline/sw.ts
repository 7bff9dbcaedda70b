/// <reference lib="webworker" />
/**
 * The archive's service worker, bundled by esbuild and given its precache list by workbox-build
 * (`injectManifest`, scripts/lib/phases/offline.ts). Workbox's runtime is bundled in: nothing loads from a CDN.
 *
 * - Precached on install: the site shell (stylesheet, scripts, favicon), the search page, the
 *   offline page and Pagefind's core files (pagefind.js, the wasm of its language, the entry file and
 *   the metadata), all from one build.
 * - Pages a reader opens are kept (network first, so online readers always get the live page).
 * - Photos a page shows are kept; "Save the archive" keeps one size of every photo, which stands in
 *   offline for the others.
 * - Pagefind's index chunks and fragments have content hashes in their names: cache first.
 * - A page never visited, while offline, gets the offline page, which lists what is available; any
 *   other file neither downloadable nor saved gets a 504 marked "not saved" (shared.ts).
 * - A page downloaded from the network triggers a check for a new deploy. Its new worker waits; the
 *   page offers a reload, which activates it.
 */
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import {
  cacheNames,
  imageGroupOf,
  notSavedHeader,
  notSavedValue,
  offlinePagePath,
  suggestionWordsPath,
} from "../shared/offline-files.ts";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

const scope = new URL(self.registration.scope);
const inScope = (path: string) => new URL(path.replace(/^\//, ""), scope).pathname;

// Query strings never change a precached file: /search/?q=… is the search page, and Pagefind asks
// for pagefind-entry.json?ts=<now>; the precached entry belongs to the same build as everything else.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
// The first worker takes charge of the page that installed it, so pages opened next are kept at once.
// (A new version waits instead: see the SKIP_WAITING message.)
clientsClaim();

registerRoute(
  ({ request, url }) => request.mode === "navigate" && url.pathname.startsWith(scope.pathname),
  new NetworkFirst({
    cacheName: cacheNames.pages,
    networkTimeoutSeconds: 4,
    // A page that came from the network means the site is reachable: look for a new deploy now, not
    // within a day. Asked here, not by the page, so that an offline visit never tries (and logs a failure).
    plugins: [
      {
        fetchDidSucceed: async ({ response }) => {
          void self.registration.update().catch(() => {});
          return response;
        },
      },
    ],
  }),
);
registerRoute(
  ({ url }) => url.pathname.startsWith(inScope("/pagefind/")),
  new CacheFirst({ cacheName: cacheNames.search }),
);
registerRoute(
  ({ url }) => url.pathname.startsWith(inScope("/assets/")),
  new CacheFirst({ cacheName: cacheNames.assets }),
);
// Photos have content hashes in their names: kept as pages show them, cache first.
registerRoute(
  ({ request, url }) => request.destination === "image" && url.pathname.startsWith(scope.pathname),
  new CacheFirst({ cacheName: cacheNames.media }),
);
// The spelling suggestions' dictionary (scripts/lib/search/suggestion-words.ts): same names in every build, so
// network first; offline, as saved with the archive.
registerRoute(
  ({ url }) => url.pathname.startsWith(inScope(suggestionWordsPath)),
  new NetworkFirst({ cacheName: cacheNames.search, networkTimeoutSeconds: 4 }),
);

// Not downloadable and not cached: a page gets the offline page; anything else a 504 that says why.
setCatchHandler(async ({ request }) => {
  if (request.mode === "navigate") {
    // Precache keys are file URLs: the offline page is …/offline/index.html there.
    const offline = await matchPrecache(`${inScope(offlinePagePath)}index.html`);
    if (offline) return offline;
  }
  // An image size or format not kept: the one "Save the archive" kept of the same image stands in.
  const group = request.destination === "image" ? imageGroupOf(new URL(request.url).pathname) : undefined;
  if (group) {
    const media = await caches.open(cacheNames.media);
    const standIn = (await media.keys()).find((saved) => new URL(saved.url).pathname.startsWith(group));
    const response = standIn && (await media.match(standIn));
    if (response) return response;
  }
  // Offline without the dictionary saved: no suggestion, rather than a failed request on the search page.
  if (new URL(request.url).pathname.startsWith(inScope(suggestionWordsPath)))
    return new Response("", { headers: { "content-type": "text/plain" } });
  return new Response("", {
    status: 504,
    statusText: "Not saved for offline reading",
    headers: { [notSavedHeader]: notSavedValue },
  });
});

self.addEventListener("message", (event: ExtendableMessageEvent) => {
  const message = event.data as { type?: string; url?: string } | null;
  if (message?.type === "SKIP_WAITING") void self.skipWaiting();
  // The page that was open before the worker existed asks to be kept too.
  if (message?.type === "KEEP_PAGE" && message.url && new URL(message.url).pathname.startsWith(scope.pathname)) {
    event.waitUntil(
      caches
        .open(cacheNames.pages)
        .then((cache) => cache.add(message.url as string))
        .catch(() => {}),
    );
  }
});

// Caches of an older scheme (names not in use any more) are removed when a new worker takes over.
self.addEventListener("activate", (event) => {
  const known = new Set<string>(Object.values(cacheNames));
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith("archive-") && !known.has(name)).map((name) => caches.delete(name)),
        ),
      ),
  );
});
