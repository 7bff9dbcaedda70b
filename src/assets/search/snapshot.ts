/**
 * The search page's script in a snapshot. It is loaded as a classic script, because Chromium runs
 * no module script from a page opened from disk (file://). Opened from disk it searches the
 * snapshot's own index (`search-index.js`, see disk-search.ts); served by a web server, it searches
 * Pagefind's index like the site.
 */
import { createDiskSearch, diskIndexGlobal, isDiskIndex } from "./disk-search.ts";
import { startSearchPage } from "./page.ts";
import { loadSitePagefind, type Pagefind } from "./pagefind.ts";

declare global {
  interface Window {
    [diskIndexGlobal]?: unknown;
  }
}

/** Loads `search-index.js` as a classic script (a fetch of a file:// URL is refused) and searches it. */
function loadDiskSearch(indexUrl: string): Promise<Pagefind> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = indexUrl;
    script.addEventListener("load", () => {
      const index = window[diskIndexGlobal];
      if (isDiskIndex(index)) resolve(createDiskSearch(index, new URL(".", indexUrl).href));
      else reject(new Error(`${indexUrl} did not define a search index`));
    });
    script.addEventListener("error", () => reject(new Error(`${indexUrl} could not be loaded`)));
    document.head.append(script);
  });
}

// Only a classic script knows its own URL, and only while it first runs: /<snapshot>/assets/search.js.
const scriptUrl = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : location.href;

void startSearchPage(
  location.protocol === "file:"
    ? loadDiskSearch(new URL("../search-index.js", scriptUrl).href)
    : loadSitePagefind(scriptUrl),
);
