/**
 * The search page's script on the site: the page (page.ts) on Pagefind's index. Snapshots load
 * snapshot.ts instead, which also searches when opened from disk.
 */
import { startSearchPage } from "./page.ts";
import { loadPagefind } from "./pagefind.ts";

// Pagefind is most of the first query's wait: start fetching it before anything else. Its URL is
// resolved from this script's own (/<base>/assets/search.js), so the site works in any subfolder.
// A large archive's index is in parts (scripts/lib/search-index.ts): the other bundles, relative to the site's root.
const parts = (document.getElementById("search")?.dataset.indexParts ?? "").split(" ").filter(Boolean);
void startSearchPage(
  loadPagefind(
    new URL("../pagefind/pagefind.js", import.meta.url).href,
    parts.map((part) => new URL(`../${part}`, import.meta.url).href),
  ),
);
