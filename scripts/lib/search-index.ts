/**
 * The build's search phase: Pagefind's Node API indexes the article pages the render phase wrote
 * and writes the bundle (index chunks, fragments, filters, pagefind.js, its worker and wasm) to
 * `<site>/pagefind/`, where the search page loads it.
 *
 * What a page contributes is marked up in its template, not decided here: `data-pagefind-body`
 * on the article of src/pages/news-item.njk and abstract.njk (so lists, navigation and footers
 * are never indexed), and `data-pagefind-meta` / `-filter` / `-sort` on the elements holding the
 * title, date, type, summary, conference, speakers, year and topics.
 * Pagefind's calls return `{ errors }` instead of throwing: every one is collected and reported.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { writeFacetFiles } from "./search-facets.ts";

/** Where the bundle goes inside the site; the search page imports `/pagefind/pagefind.js`. */
export const bundleDir = "pagefind";

/**
 * How pages reach Pagefind. `directory` (the default) lets Pagefind read the article pages itself
 * with `addDirectory` and a glob; `files` reads each page in Node and sends it with `addHTMLFile`.
 * Both give the same index, but on the 10k corpus `files` took 9–12 s to add pages against
 * 4 s for `directory` (reading them in Node takes 0.25 s: the cost is sending 100 MB of HTML to
 * Pagefind's process), so holding the rendered HTML in memory would not pay. Kept for benchmarks.
 */
export type IndexSource = "files" | "directory";

export interface SearchIndexOptions {
  /** The built site (the staging folder). */
  siteDir: string;
  /** URLs of the article pages (`/news/2023/slug/`): exactly these must end up in the index. */
  articleUrls: readonly string[];
  source?: IndexSource;
}

export interface SearchIndexReport {
  /** Pages in the written index, as Pagefind counted them. */
  pages: number;
  /** Bytes of index data (index chunks, fragments, filters, metadata), without Pagefind's scripts. */
  indexBytes: number;
  /** Every error Pagefind returned, each naming the call (and page) it came from; empty on success. */
  errors: string[];
  /** Milliseconds spent adding pages and writing files, for benchmarks. */
  timings: { add: number; write: number };
}

/**
 * The glob `addDirectory` walks: the article pages' depth. The few list pages it also matches
 * (/news/page/2/) have no data-pagefind-body, so Pagefind leaves them out.
 */
export const articleGlob = "{news,abstracts}/*/*/index.html";

export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexReport> {
  const errors: string[] = [];
  const timings = { add: 0, write: 0 };
  const outputPath = path.join(options.siteDir, bundleDir);
  try {
    const created = await pagefind.createIndex();
    errors.push(...labelled("createIndex", created.errors));
    const index = created.index;
    if (!index) return { pages: 0, indexBytes: 0, errors, timings };

    let started = performance.now();
    if (options.articleUrls.length === 0) {
      // Nothing to add: an empty index still gives the search page a working pagefind.js.
    } else if (options.source === "files") {
      errors.push(...(await addArticleFiles(index, options.siteDir, options.articleUrls)));
    } else {
      const added = await index.addDirectory({ path: options.siteDir, glob: articleGlob });
      errors.push(...labelled("addDirectory", added.errors));
    }
    timings.add = performance.now() - started;

    started = performance.now();
    const written = await index.writeFiles({ outputPath });
    errors.push(...labelled("writeFiles", written.errors));
    // The search page's compact copy of the filters (scripts/lib/search-facets.ts).
    if (written.errors.length === 0) await writeFacetFiles(outputPath);
    timings.write = performance.now() - started;
  } finally {
    // The service is a child process: left running it would keep the build (and tests) alive.
    await pagefind.close();
  }
  const pages = indexedPageCount(readFileSync(path.join(outputPath, "pagefind-entry.json"), "utf8"));
  const missing = missingPagesError(options.articleUrls.length, pages);
  if (missing) errors.push(missing);
  return { pages, indexBytes: indexDataBytes(outputPath), errors, timings };
}

/**
 * Sends the article pages one by one. Requests are issued together and answered by Pagefind in
 * order, so the service never waits for Node between two pages.
 */
async function addArticleFiles(index: pagefind.PagefindIndex, siteDir: string, urls: readonly string[]): Promise<string[]> {
  const responses = await Promise.all(
    urls.map((url) =>
      index
        .addHTMLFile({ url, content: readFileSync(path.join(siteDir, url, "index.html"), "utf8") })
        .then((response) => labelled(`addHTMLFile ${url}`, response.errors)),
    ),
  );
  return responses.flat();
}

/** "addHTMLFile /news/2023/x/: <message>", so that a failure names the call and page. */
export function labelled(call: string, errors: readonly string[]): string[] {
  return errors.map((error) => `${call}: ${error}`);
}

/** Pages in a written index: the sum over its languages in `pagefind-entry.json`. */
export function indexedPageCount(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/**
 * A page whose template lost `data-pagefind-body` is silently left out by Pagefind (and if no
 * page had it, Pagefind would index whole pages instead): compare the count with the archive's.
 */
export function missingPagesError(expected: number, indexed: number): string | undefined {
  if (expected === indexed) return undefined;
  return `${expected} article pages were written, ${indexed} indexed: every news and abstract page needs data-pagefind-body on its article`;
}

/** Pagefind's data files, as opposed to its scripts, wasm and UI files. */
export function isIndexData(file: string): boolean {
  return /\.pf_(meta|index|fragment|filter)$/.test(file);
}

function indexDataBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && isIndexData(entry.name))
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/** "1.2 MB", "830 kB": decimal units, as hosts and browsers report transfer sizes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}
