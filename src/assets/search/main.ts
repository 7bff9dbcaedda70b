/**
 * The search page's script on the site: the page (page.ts) on Pagefind's index. Snapshots load
 * snapshot.ts instead, which also searches when opened from disk.
 */
import { startSearchPage } from "./page.ts";
import { loadSitePagefind } from "./pagefind.ts";

// Pagefind is most of the first query's wait: start fetching it before anything else.
void startSearchPage(loadSitePagefind(import.meta.url));
