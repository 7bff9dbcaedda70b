/**
 * The build's search phase: Pagefind's Node API indexes the article pages the render phase wrote
 * and writes the bundle (index chunks, fragments, filters, pagefind.js, its worker and wasm) to
 * `<site>/pagefind/`, where the search page loads it.
 *
 * What a page contributes is marked up in its template, not decided here: `data-pagefind-body`
 * on the article of src/pages/news-item.njk and abstract.njk (so lists, navigation and footers
 * are never indexed), and `data-pagefind-meta` / `-filter` / `-sort` on the elements holding the
 * title, date, type, summary, conference, speakers, year and topics.
 * Pagefind's binary runs as its command-line indexer; for an archive with no articles, which the
 * command line refuses to index, its Node API writes an empty index. Every error either returns is
 * collected and reported.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch } from "node:os";
import path from "node:path";
import {
  bundleFolder,
  indexedPageCount,
  indexEntryFile,
  isIndexData,
  partFolder,
} from "../../../src/assets/shared/pagefind-internals.ts";
import { writeFacetFiles } from "./pagefind-files.ts";
import { systemErrnoMessage } from "../util/error-message.ts";

/**
 * What the build indexes, and how: made once (phases/build.ts, `planSearch`), and followed by the
 * render phase (the search page's list of parts, the search sources) and the search phase.
 */
export interface SearchPlan {
  /** URLs of the article pages (`/news/2023/slug/`): exactly these must end up in the index. */
  articleUrls: readonly string[];
  /** The Pagefind bundles the articles are indexed in: one, below `maxIndexPages` articles. */
  parts: readonly IndexPart[];
  /**
   * Write the search page's facet file into each bundle. Off when the installed Pagefind was not
   * tested with it (src/assets/shared/pagefind-internals.ts, `untestedPagefind`).
   */
  facetFiles: boolean;
  /**
   * Set when Pagefind's command line reads the articles' `searchSource` copies, at the pages' paths
   * in `dir` (written by the render phase), instead of the pages.
   */
  sources?: { dir: string; urls: ReadonlySet<string> };
}

export interface SearchPlanOptions {
  /** Each article's year, by URL, for the parts (`planIndexParts`); news URLs carry theirs. */
  years?: ReadonlyMap<string, number>;
  /** Articles per index part (default `maxIndexPages`). */
  maxIndexPages?: number;
  /** Default: true. */
  facetFiles?: boolean;
  /**
   * Where the search sources go (`searchSourceFolder` of the site, scripts/lib/model/outputs.ts), if
   * Pagefind should read them.
   */
  sourceDir?: string;
}

export function planSearch(articleUrls: readonly string[], options: SearchPlanOptions = {}): SearchPlan {
  const parts = planIndexParts(articleUrls, options.maxIndexPages, options.years);
  // The sources are half the pages' bytes, so Pagefind reads less. An index in parts (a 100k
  // archive) reads the pages instead: the sources of all its render runs cost too much memory.
  const sourced = options.sourceDir !== undefined && articleUrls.length > 0 && parts.length === 1;
  return {
    articleUrls,
    parts,
    facetFiles: options.facetFiles ?? true,
    ...(sourced ? { sources: { dir: options.sourceDir as string, urls: new Set(articleUrls) } } : {}),
  };
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
  /** Pagefind bundles the index is in (see `maxIndexPages`). */
  parts: number;
  /** Distinct words Pagefind indexed, as its command line reports them (summed over the parts). */
  words?: number;
}

/**
 * The glob Pagefind walks: the article pages' depth. The few list pages it also matches
 * (/news/page/2/) have no data-pagefind-body, so Pagefind leaves them out.
 */
export const articleGlob = "{news,abstracts}/*/*/index.html";

/**
 * What Pagefind needs of an article page: the element marked `data-pagefind-body` (which holds
 * every `data-pagefind-meta`, `-filter` and `-sort` of our templates) in a document of the page's
 * language: half the page's bytes, so Pagefind reads less, and writes the same index byte for byte.
 * Anything this cannot be sure of gets the whole page back, which is always right: a page with no
 * body, or more than one, or a `data-pagefind-` attribute outside it (Pagefind reads those
 * anywhere on the page).
 */
export function searchSource(html: string): string {
  const attribute = " data-pagefind-body";
  const marker = html.indexOf(attribute);
  if (marker < 0 || html.includes(attribute, marker + attribute.length)) return html;
  const start = html.lastIndexOf("<", marker);
  const name = /^<([a-z][a-z0-9-]*)[\s>]/i.exec(html.slice(start, marker + 1))?.[1]?.toLowerCase();
  if (!name || html.slice(start, marker).includes(">")) return html;
  // Its end: the close tag that balances it. Text and attribute values cannot hold a "<" here
  // (Markdown is rendered with html: false, Nunjucks escapes), so no parser is needed; one gives the
  // same sources, more slowly (docs/benchmarks.md).
  const tags = new RegExp(`<(/?)${name}[\\s>]`, "gi");
  tags.lastIndex = marker;
  let depth = 1;
  let end = -1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      end = html.indexOf(">", match.index) + 1;
      break;
    }
  }
  if (end <= 0 || html.lastIndexOf("data-pagefind-", start) >= 0 || html.includes("data-pagefind-", end)) return html;
  const lang = /<html\b[^>]*?\slang="([^"]*)"/i.exec(html)?.[1];
  const langAttribute = lang === undefined ? "" : ` lang="${lang}"`;
  const head = `<head><meta charset="utf-8"></head>`;
  return `<!doctype html><html${langAttribute}>${head}<body>${html.slice(start, end)}</body></html>`;
}

/**
 * Articles one Pagefind index holds at most. Pagefind's process holds its whole index in memory
 * while it builds it, growing with the articles (docs/benchmarks.md). A larger archive is indexed
 * in parts of at most this many articles, one Pagefind process after the other, so memory stays
 * that of one part whatever the archive's size. Each part is a complete Pagefind bundle; the
 * search page searches them all and merges their results (see `IndexPart`).
 */
export const maxIndexPages = 12_000;

/**
 * One Pagefind bundle of a parted index. The first part is always `pagefind/`, the bundle the
 * search page loads; with more than one, `pagefind/parts.json` lists the others (`partsFile`).
 * Parts hold whole years, newest first, so that the search page can sort across them by
 * taking each part's sorted results in turn (src/assets/search/pagefind.ts).
 */
export interface IndexPart {
  /** The bundle's folder in the site: "pagefind", "pagefind/part-2", … */
  bundle: string;
  /** The article folders it indexes: "news/2023", "abstracts/annual-27". */
  folders: string[];
  /** Articles in those folders. */
  pages: number;
  /** The years of its articles, inclusive. */
  years: { from: number; to: number };
}

/**
 * The list of a parted index's bundles, for the search page:
 * `{ parts: [{ bundle: "pagefind/part-2/", folders, pages, years }] }`.
 */
export const partsFile = "parts.json";

/**
 * An article's year: `years` (the archive's, by URL) or, for news, the year in its URL
 * (/news/2023/slug/). Abstracts are filed by conference, so they need `years`.
 */
function yearOfArticle(url: string, years?: ReadonlyMap<string, number>): number | undefined {
  const year = years?.get(url) ?? Number(/^\/news\/(\d{4})\//.exec(url)?.[1]);
  return Number.isInteger(year) ? year : undefined;
}

/** An article's folder in the site: "news/2023", "abstracts/annual-27". */
function folderOf(url: string): string {
  return url.split("/").slice(1, 3).join("/");
}

/**
 * Splits the articles into parts of at most `max` articles, by year, newest first: each part
 * is a run of whole years (a year is never split, so a year of more than `max` articles is a
 * part of its own), and each folder (a year of news, a conference's abstracts) is in the part of
 * its articles' year.
 */
export function planIndexParts(
  articleUrls: readonly string[],
  max = maxIndexPages,
  years?: ReadonlyMap<string, number>,
): IndexPart[] {
  if (articleUrls.length <= max) {
    // One part: nothing to order, so the years are only reported, where known.
    const known = articleUrls.map((url) => yearOfArticle(url, years)).filter((year) => year !== undefined);
    const span =
      known.length > 0
        ? { from: known.reduce((a, b) => Math.min(a, b)), to: known.reduce((a, b) => Math.max(a, b)) }
        : { from: 0, to: 0 };
    return [
      {
        bundle: bundleFolder,
        folders: [...new Set(articleUrls.map(folderOf))],
        pages: articleUrls.length,
        years: span,
      },
    ];
  }
  const folders = new Map<string, { pages: number; year: number }>();
  for (const url of articleUrls) {
    const folder = folderOf(url);
    const year = yearOfArticle(url, years);
    if (year === undefined) throw new Error(`the year of ${url} is not known`);
    const known = folders.get(folder);
    folders.set(folder, { pages: (known?.pages ?? 0) + 1, year: Math.max(known?.year ?? year, year) });
  }
  const byYear = new Map<number, { folders: string[]; pages: number }>();
  for (const [folder, { pages, year }] of folders) {
    const entry = byYear.get(year) ?? { folders: [], pages: 0 };
    entry.folders.push(folder);
    entry.pages += pages;
    byYear.set(year, entry);
  }
  const parts: Omit<IndexPart, "bundle">[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => b - a)) {
    const { folders: yearFolders, pages } = byYear.get(year) as { folders: string[]; pages: number };
    const last = parts.at(-1);
    if (last && last.pages + pages <= max) {
      last.folders.push(...yearFolders);
      last.pages += pages;
      last.years.from = year;
    } else parts.push({ folders: [...yearFolders], pages, years: { from: year, to: year } });
  }
  return parts.map((part, index) => ({ ...part, bundle: index === 0 ? bundleFolder : partFolder(index + 1) }));
}

/** Pagefind's glob for a part's folders: "{news/{2023,2022},abstracts/{annual-27}}/*\/index.html". */
export function partGlob(folders: readonly string[]): string {
  const byKind = new Map<string, string[]>();
  for (const folder of folders) {
    const [kind = "", name = ""] = folder.split("/");
    byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  }
  return `{${[...byKind].map(([kind, names]) => `${kind}/{${names.join(",")}}`).join(",")}}/*/index.html`;
}

/** Writes the planned index into the site (`siteDir`, the staging folder) and reports it. */
export async function writeSearchIndex(
  siteDir: string,
  plan: SearchPlan,
  parsed: () => void = () => {},
): Promise<SearchIndexReport> {
  const outputPath = path.join(siteDir, bundleFolder);
  if (plan.articleUrls.length === 0) {
    const written = await writeEmptyIndex(outputPath, plan.facetFiles);
    return report(siteDir, plan, outputPath, written);
  }
  const { parts } = plan;
  const errors: string[] = [];
  const timings = { add: 0, write: 0 };
  let words = 0;
  for (const [index, part] of parts.entries()) {
    // One part at a time: the memory of one Pagefind process is the point of parts.
    const glob = parts.length === 1 ? articleGlob : partGlob(part.folders);
    // An index in parts is read after all of them: the check's reading beside a part's write would
    // add its memory to Pagefind's at the largest archives.
    const whenParsed = parts.length === 1 ? parsed : undefined;
    const site = plan.sources?.dir ?? siteDir;
    const written = await runPagefindCli(site, glob, path.join(siteDir, part.bundle), whenParsed);
    timings.add += written.timings.add;
    timings.write += written.timings.write;
    words += written.words ?? 0;
    errors.push(...written.errors.map((error) => (parts.length === 1 ? error : `${part.bundle}: ${error}`)));
    if (written.failed) return { pages: 0, indexBytes: 0, errors, timings, parts: parts.length };
    // The search page's compact copy of the filters (scripts/lib/search/pagefind-files.ts).
    const started = performance.now();
    if (plan.facetFiles) await writeFacetFiles(path.join(siteDir, part.bundle));
    if (index > 0) {
      const shared = dropSharedEngine(path.join(siteDir, part.bundle), outputPath);
      if (shared) errors.push(`${part.bundle}: ${shared}`);
    }
    timings.write += performance.now() - started;
  }
  if (parts.length > 1) {
    const list = parts
      .slice(1)
      .map((part) => ({ bundle: `${part.bundle}/`, folders: part.folders, pages: part.pages, years: part.years }));
    writeFileSync(path.join(outputPath, partsFile), `${JSON.stringify({ parts: list }, null, 2)}\n`);
  }
  return report(siteDir, plan, outputPath, { errors, timings, failed: false, words });
}

/**
 * Pagefind's engine and UIs in a bundle, as opposed to its index: `pagefind.js`, its worker, wasm,
 * the UIs' scripts and styles. One Pagefind binary writes the same bytes into every bundle.
 */
const engineFile = /^(pagefind(-[a-z]+)*\.(js|css)|wasm\.[^/]+\.pagefind)$/;

/**
 * Removes a part's copy of Pagefind's engine, after checking that it is the first bundle's byte for
 * byte: the search page runs every part on the first bundle's `pagefind.js` and wasm
 * (src/assets/search/pagefind.ts), so that a search over nine parts downloads them once, not nine
 * times (73 kB each). Returns a problem if the copies differ, and then removes nothing.
 */
function dropSharedEngine(partDir: string, firstDir: string): string | undefined {
  const files = readdirSync(partDir).filter((name) => engineFile.test(name));
  for (const name of files) {
    let first: Buffer;
    try {
      first = readFileSync(path.join(firstDir, name));
    } catch {
      return `${name} is not in the first bundle, which every part runs on`;
    }
    if (!first.equals(readFileSync(path.join(partDir, name))))
      return `${name} differs from the first bundle's, which every part runs on`;
  }
  for (const name of files) rmSync(path.join(partDir, name));
  return undefined;
}

function report(siteDir: string, plan: SearchPlan, outputPath: string, written: PagefindRun): SearchIndexReport {
  const { parts } = plan;
  const { errors, timings, words } = written;
  if (errors.length > 0 && written.failed) return { pages: 0, indexBytes: 0, errors, timings, parts: parts.length };
  let pages = 0;
  for (const part of parts) {
    const indexed = indexedPageCount(readFileSync(path.join(siteDir, part.bundle, indexEntryFile), "utf8"));
    pages += indexed;
    // A part's folders hold exactly its articles: a shortfall is an article Pagefind left out.
    const missing = parts.length > 1 && missingPagesError(part.pages, indexed);
    if (missing) errors.push(`${part.bundle}: ${missing}`);
  }
  const missing = missingPagesError(plan.articleUrls.length, pages);
  if (missing && parts.length === 1) errors.push(missing);
  return {
    pages,
    indexBytes: indexDataBytes(outputPath),
    errors,
    timings,
    parts: parts.length,
    ...(words === undefined ? {} : { words }),
  };
}

interface PagefindRun {
  errors: string[];
  timings: { add: number; write: number };
  words?: number;
  /** Nothing usable was written (Pagefind could not start, or exited with an error). */
  failed: boolean;
}

/** An index with no pages, through Pagefind's Node API: the search page still gets a working pagefind.js. */
async function writeEmptyIndex(outputPath: string, facetFiles: boolean): Promise<PagefindRun> {
  const started = performance.now();
  const errors: string[] = [];
  // Loaded only for an empty archive.
  const pagefind = await import("pagefind");
  try {
    const created = await pagefind.createIndex();
    errors.push(...labelled("createIndex", created.errors));
    if (!created.index) return { errors, timings: { add: 0, write: 0 }, failed: true };
    const written = await created.index.writeFiles({ outputPath });
    errors.push(...labelled("writeFiles", written.errors));
    // The search page's compact copy of the filters (scripts/lib/search/pagefind-files.ts).
    if (written.errors.length === 0 && facetFiles) await writeFacetFiles(outputPath);
  } finally {
    // The service is a child process: left running it would keep the build (and tests) alive.
    await pagefind.close();
  }
  return { errors, timings: { add: 0, write: performance.now() - started }, failed: false };
}

/** The Pagefind binary the `pagefind` package installed for this platform (as its own wrapper finds it). */
export function pagefindBinary(): string {
  const fromEnvironment = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (fromEnvironment) return fromEnvironment;
  const require = createRequire(import.meta.url);
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const cpu = process.env.npm_config_arch ?? arch();
  const suffix = platform === "windows" ? ".exe" : "";
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${platform}-${cpu}/bin/${name}${suffix}`);
    } catch {
      // Try the next name, as Pagefind's own wrapper does.
    }
  }
  throw new Error(`no Pagefind binary is installed for ${platform}-${cpu} (@pagefind/${platform}-${cpu})`);
}

/**
 * Runs `pagefind --site <site> --glob <articles> --output-path <bundle>`. It runs in the site
 * folder, which holds no Pagefind configuration file, so only these arguments apply. Its
 * progress lines give the timings: reading and parsing the pages ("add") until it reports
 * "[Reading languages]", then building and writing the index ("write").
 */
function runPagefindCli(
  siteDir: string,
  glob: string,
  outputPath: string,
  parsedAll: () => void = () => {},
): Promise<PagefindRun> {
  const started = performance.now();
  let parsed: number | undefined;
  return new Promise((resolve) => {
    let output = "";
    let child;
    try {
      child = spawn(pagefindBinary(), ["--site", ".", "--glob", glob, "--output-path", path.resolve(outputPath)], {
        cwd: siteDir,
        stdio: ["ignore", "pipe", "pipe"],
        windowsHide: true,
      });
    } catch (error) {
      resolve({ errors: [`pagefind: ${(error as Error).message}`], timings: { add: 0, write: 0 }, failed: true });
      return;
    }
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (parsed === undefined && output.includes("[Reading languages]")) {
        parsed = performance.now();
        parsedAll();
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("error", (error) => {
      resolve({ errors: [`pagefind: ${error.message}`], timings: { add: 0, write: 0 }, failed: true });
    });
    child.on("close", (code, signal) => {
      const ended = performance.now();
      const timings = { add: (parsed ?? ended) - started, write: ended - (parsed ?? ended) };
      if (code === 0) {
        // Pagefind prints problems it did not stop for (a page without lang, say) as warnings.
        const words = /Indexed ([\d,]+) words?/.exec(output)?.[1];
        resolve({ errors: [], timings, failed: false, ...(words ? { words: Number(words.replace(/,/g, "")) } : {}) });
        return;
      }
      const exit = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      // A full disk or a read-only folder ends Pagefind with a Rust panic naming the errno: said as
      // every command says it.
      const errno = /Os \{ code: (\d+)|\(os error (\d+)\)/.exec(output);
      if (errno) {
        resolve({
          errors: [`pagefind ${exit}: ${systemErrnoMessage(Number(errno[1] ?? errno[2]), outputPath)}`],
          timings,
          failed: true,
        });
        return;
      }
      const lines = output.split("\n").filter((line) => /error|warn|panic|failed/i.test(line));
      resolve({ errors: [`pagefind ${exit}${lines.length > 0 ? `: ${lines.join(" ")}` : ""}`], timings, failed: true });
    });
  });
}

/** "writeFiles: <message>", so that a failure names the call. */
export function labelled(call: string, errors: readonly string[]): string[] {
  return errors.map((error) => `${call}: ${error}`);
}

/**
 * A page whose template lost `data-pagefind-body` is silently left out by Pagefind (and if no
 * page had it, Pagefind would index whole pages instead): compare the count with the archive's.
 */
export function missingPagesError(expected: number, indexed: number): string | undefined {
  if (expected === indexed) return undefined;
  return (
    `${expected} article pages were written, ${indexed} indexed: ` +
    "every news and abstract page needs data-pagefind-body on its article"
  );
}

function indexDataBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && isIndexData(entry.name))
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}
