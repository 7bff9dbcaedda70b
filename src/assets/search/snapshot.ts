/**
 * The search page's script in a snapshot. It is loaded as a classic script, because Chromium runs
 * no module script from a page opened from disk (file://). Opened from disk it searches the
 * snapshot's own index (`search-index.js`, see disk-search.ts), which also holds the spelling
 * dictionary; served by a web server, it searches Pagefind's index like the site.
 */
import { createDiskSearch, diskIndexGlobal, isDiskIndex, type DiskIndex } from "./disk-search.ts";
import { startSearchPage } from "./page.ts";
import { loadSitePagefind } from "./pagefind.ts";

declare global {
  interface Window {
    [diskIndexGlobal]?: unknown;
  }
}

/** Loads `search-index.js` as a classic script (a fetch of a file:// URL is refused). */
function loadDiskIndex(indexUrl: string): Promise<DiskIndex> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = indexUrl;
    script.addEventListener("load", () => {
      const index = window[diskIndexGlobal];
      if (isDiskIndex(index)) resolve(index);
      else reject(new Error(`${indexUrl} did not define a search index`));
    });
    script.addEventListener("error", () => reject(new Error(`${indexUrl} could not be loaded`)));
    document.head.append(script);
  });
}

// Only a classic script knows its own URL, and only while it first runs: /<snapshot>/assets/search.js.
const scriptUrl = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : location.href;

if (location.protocol === "file:") {
  const indexUrl = new URL("../search-index.js", scriptUrl).href;
  const index = loadDiskIndex(indexUrl);
  // The spelling dictionary comes with the index: the site's files cannot be fetched from disk.
  void startSearchPage(
    index.then((loaded) => createDiskSearch(loaded, new URL(".", indexUrl).href)),
    (bucket) => index.then((loaded) => loaded.words?.[bucket] ?? ""),
  );
} else void startSearchPage(loadSitePagefind(scriptUrl));
