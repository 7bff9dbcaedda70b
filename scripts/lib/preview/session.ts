/**
 * The preview's edit loop (`npm start`). A session keeps every content file's result (its item and
 * problems, keyed by path, checked by modification time and size, then by content hash) and the
 * last good archive in memory. On a change it re-reads only the files that changed, rebuilds the
 * archive from the kept results, and renders just the changed articles' own pages into the preview
 * in place: a few hundred milliseconds at 10k articles, where a whole build takes twenty seconds.
 * Then the background pass (./background.ts) brings the search index up to date, and then rebuilds
 * the whole preview, which updates lists, feeds and other pages; a newer edit cancels it and starts
 * its own.
 *
 * A change that leaves the content invalid renders nothing: its errors are the build's own
 * (every problem of every file, as `npm run build` prints them), and the last good preview stays
 * served until a save fixes them.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { conferences } from "../../../_data/conferences.ts";
import { site } from "../../../_data/site.ts";
import { topics } from "../../../_data/topics.ts";
import { formatMs } from "../../build.ts";
import { Archive, type ArchiveOptions } from "../archive.ts";
import { writeAssets, type AssetUrls } from "../assets.ts";
import { assembleContent, contentReader, listContent, type ContentFile, type FileResult } from "../content.ts";
import { readAhead } from "../read-ahead.ts";
import { dayAsNow, todayIn } from "../dates.ts";
import { ContentError, formatProblem } from "../problems.ts";
import { renderSite } from "../render.ts";
import { itemFilesSignature } from "../item-files.ts";
import { defaultMediaCacheDir, processMedia } from "../media.ts";
import { maxIndexPages } from "../search-index.ts";
import { BackgroundPass } from "./background.ts";

export interface PreviewSessionOptions {
  /** The repository: templates, data and scripts/build.ts. Eleventy renders from it as working directory. */
  repoRoot: string;
  contentDir: string;
  /** The preview folder the server serves (`_preview/`). */
  outDir: string;
  /** The build's "now" (YYYY-MM-DD), as `npm run build -- --now`; today when absent. */
  now?: string;
  log?: (line: string) => void;
  /**
   * Called when served files changed: "pages" once an edit's own pages are written, "site" once a
   * background pass published the whole preview. `npm start` reloads the browser.
   */
  onUpdated?: (what: "pages" | "site") => void;
}

export type UpdateResult =
  /** No content file changed (a save without changes, an editor's temporary file). */
  | { status: "unchanged" }
  /** The URLs of the pages written and removed; the background pass has started. */
  | { status: "updated"; rendered: string[]; removed: string[] }
  /** The content does not validate: the build's message; nothing was written. */
  | { status: "failed"; message: string };

/** What a scan of the content folder found, and whether it differs from the one before. */
type Scan = { changed: boolean; ok: true; loaded: ReturnType<typeof assembleContent> } | { changed: boolean; ok: false; problems: ContentError["problems"] };

interface CachedFile {
  mtimeMs: number;
  size: number;
  hash: string;
  /** The item's photos and documents as they were read (`itemFilesSignature`). */
  files: string;
  result: FileResult;
}

export class PreviewSession {
  readonly #options: PreviewSessionOptions;
  readonly #archiveOptions: ArchiveOptions;
  readonly #log: (line: string) => void;
  readonly #assets: AssetUrls;
  readonly #cache = new Map<string, CachedFile>();
  /** The day the cached results were read on: whether an item is "scheduled" depends on it. */
  #today: string;
  /** What the last update saw, to tell a change from a save that changed nothing. */
  #seen: { results: FileResult[]; listing: string } | undefined;
  /** The archive the preview's pages were last rendered from. */
  #archive: Archive | undefined;
  #background: BackgroundPass | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(options: PreviewSessionOptions, assets: AssetUrls) {
    this.#options = options;
    this.#log = options.log ?? (() => {});
    this.#assets = assets;
    const now = options.now ? dayAsNow(options.now) : undefined;
    this.#archiveOptions = { contentDir: options.contentDir, site, topics, conferences, preview: true, ...(now ? { now } : {}) };
    this.#today = todayIn(site.timeZone, now);
  }

  /**
   * Reads every content file into the session and starts the first background pass, the whole
   * preview build; `idle()` resolves when it is done.
   */
  static async start(options: PreviewSessionOptions): Promise<PreviewSession> {
    // The pages the session renders link the build's fingerprinted assets: the same names, from the same files.
    const scratch = mkdtempSync(path.join(tmpdir(), "preview-assets-"));
    let assets: AssetUrls;
    try {
      assets = (await writeAssets(options.repoRoot, scratch, { serviceWorker: false })).urls;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const session = new PreviewSession(options, assets);
    session.#startBackground(false);
    const scanned = session.#scan();
    if (scanned.ok) {
      try {
        session.#archive = new Archive({ ...session.#archiveOptions, loaded: scanned.loaded });
      } catch (error) {
        // The first build, running in the background, prints the errors.
        if (!(error instanceof ContentError)) throw error;
      }
    }
    return session;
  }

  /**
   * Brings the preview up to date with the content folder: the changed articles' own pages at once,
   * the rest in a new background pass. Calls are handled one after the other.
   */
  update(): Promise<UpdateResult> {
    const run = this.#queue.then(() => this.#update());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once no update is running and no background pass is (the preview is complete). */
  async idle(): Promise<void> {
    await this.#queue;
    for (let background = this.#background; background; background = this.#background) {
      await background.done;
      if (this.#background === background) this.#background = undefined;
    }
  }

  /** Ends the background pass, if any. */
  async close(): Promise<void> {
    await this.#queue;
    await this.#background?.cancel();
  }

  async #update(): Promise<UpdateResult> {
    const started = performance.now();
    // The running pass has both cores; the edit comes first.
    this.#background?.pause();
    let scanned: Scan;
    try {
      scanned = this.#scan();
    } catch (error) {
      // A file gone between listing and reading, say: the pass must not stay stopped.
      this.#background?.resume();
      throw error;
    }
    if (!scanned.changed) {
      this.#background?.resume();
      return { status: "unchanged" };
    }
    const scannedMs = performance.now() - started;
    let archive: Archive;
    try {
      if (!scanned.ok) throw new ContentError(scanned.problems);
      archive = new Archive({ ...this.#archiveOptions, loaded: scanned.loaded });
    } catch (error) {
      // The last good preview stays, and so does a pass bringing it up to date.
      this.#background?.resume();
      if (!(error instanceof ContentError)) throw error;
      this.#log(`${error.message}\npreview not updated: fix the errors above and save again`);
      return { status: "failed", message: error.message };
    }
    const archivedMs = performance.now() - started - scannedMs;
    await this.#background?.cancel();
    this.#background = undefined;

    const previous = this.#archive;
    this.#archive = archive;
    if (!previous) {
      // No page was ever rendered from valid content: the background pass builds every page.
      this.#startBackground(false);
      this.#log("content valid again: building the whole preview");
      return { status: "updated", rendered: [], removed: [] };
    }
    const before = new Set(previous.items);
    const changed = new Set(archive.items.filter((item) => !before.has(item)));
    const urls = new Set(archive.items.map((item) => item.url));
    const removed = previous.items.map((item) => item.url).filter((url) => !urls.has(url));
    const renderStarted = performance.now();
    if (changed.size > 0) {
      try {
        // The edited items' images and documents first (from the cache unless they changed): their pages show them.
        await processMedia([...changed], { siteDir: this.#options.outDir, cacheDir: defaultMediaCacheDir, publishOriginals: site.media?.publishOriginals ?? false });
        await renderSite(archive, this.#assets, this.#options.outDir, { part: { lists: archive.itemPageLists(changed) } });
      } catch (error) {
        // The whole build reports the same failure with the rest of its output.
        const message = `Eleventy failed: ${error instanceof Error ? error.message : String(error)}`;
        this.#log(`${message}\npreview not updated; the whole build follows`);
        this.#startBackground(false);
        return { status: "failed", message };
      }
    }
    for (const url of removed) this.#removePage(url);
    const renderMs = performance.now() - renderStarted;
    this.#options.onUpdated?.("pages");
    const rendered = [...changed].map((item) => item.url);
    this.#log(
      `${describe(rendered, removed)} in ${formatMs(performance.now() - started)} ` +
        `(read ${formatMs(scannedMs)}, archive ${formatMs(archivedMs)}, render ${formatMs(renderMs)}); ` +
        "search, lists and feeds follow in the background",
    );
    // Pagefind's command line refuses an empty site, and a parted index is the build's to write.
    this.#startBackground(archive.items.length > 0 && archive.items.length <= maxIndexPages);
    return { status: "updated", rendered, removed };
  }

  /**
   * Lists the content folder and re-reads the files that are new or changed since the last scan;
   * the others' results come from the cache.
   */
  #scan(): Scan {
    const today = todayIn(site.timeZone, this.#archiveOptions.now);
    if (today !== this.#today) {
      // A new day: items that were scheduled may be due now.
      this.#cache.clear();
      this.#today = today;
    }
    const listed = listContent(this.#options.contentDir);
    if (!listed.ok) {
      const listing = listed.result.problems.map(formatProblem).join("\n");
      const changed = this.#seen?.listing !== listing;
      this.#seen = { results: [], listing };
      return { changed, ok: false, problems: listed.result.problems };
    }
    const read = contentReader(this.#archiveOptions);
    // The first scan reads every file: ahead on a small thread, as the build does (scripts/lib/read-ahead.ts).
    const reading = this.#cache.size === 0 ? readAhead(listed.files.map(({ file }) => file)) : undefined;
    const results = listed.files.map((file) => this.#result(file, read));
    void reading?.stop();
    const listing = listed.problems.map(formatProblem).join("\n");
    const names = new Set(listed.files.map((file) => file.file));
    for (const file of this.#cache.keys()) if (!names.has(file)) this.#cache.delete(file);
    const seen = this.#seen;
    const changed = !seen || seen.listing !== listing || seen.results.length !== results.length || results.some((result, at) => result !== seen.results[at]);
    this.#seen = { results, listing };
    return { changed, ok: true, loaded: assembleContent(this.#archiveOptions, listed.files, listed.problems, results) };
  }

  /** One file's result: the cached one unless its size, time or bytes changed. */
  #result(file: ContentFile, read: (file: ContentFile) => FileResult): FileResult {
    const cached = this.#cache.get(file.file);
    let stats;
    try {
      stats = statSync(file.file);
    } catch {
      // Deleted since it was listed: reading it reports that as the build would.
      return read(file);
    }
    const filesUnchanged = cached !== undefined && cached.files === itemFilesSignature(cached.result.item?.files);
    if (cached && filesUnchanged && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.result;
    const hash = createHash("sha256").update(readFileSync(file.file)).digest("hex");
    const result = cached?.hash === hash && filesUnchanged ? cached.result : read(file);
    this.#cache.set(file.file, { mtimeMs: stats.mtimeMs, size: stats.size, hash, result, files: itemFilesSignature(result.item?.files) });
    return result;
  }

  /** Removes the page of an article that is gone (deleted, renamed, moved to another year), so that it is not served. */
  #removePage(url: string): void {
    const dir = path.join(this.#options.outDir, url);
    rmSync(path.join(dir, "index.html"), { force: true });
    try {
      rmdirSync(dir);
    } catch {
      // Not empty (a redirect written inside it) or already gone: the background pass tidies it.
    }
  }

  /** Starts the whole preview build; with `quickIndex`, the preview's search index is brought up to date first. */
  #startBackground(quickIndex: boolean): void {
    const { repoRoot, contentDir, outDir, now } = this.#options;
    const first = this.#background === undefined && this.#seen === undefined;
    const background = new BackgroundPass({ repoRoot, contentDir, outDir, quickIndex, ...(now ? { now } : {}), log: this.#log });
    const started = performance.now();
    this.#background = background;
    void background.done.then((published) => {
      if (this.#background !== background) return;
      this.#background = undefined;
      if (published) {
        this.#log(`background pass done: the whole preview, its lists, feeds and search, is up to date (${formatMs(performance.now() - started)})`);
        this.#options.onUpdated?.("site");
      } else if (first) this.#log("the first build failed: serving what the preview folder holds; fix the errors above and save");
      else this.#log("background pass failed: the edited pages are served, the rest of the preview is not updated; see the errors above");
    });
  }
}

/** "updated /news/2023/a/", "updated 2 pages, removed /news/2023/b/" */
function describe(rendered: readonly string[], removed: readonly string[]): string {
  const list = (urls: readonly string[]) => (urls.length === 1 ? (urls[0] as string) : `${urls.length} pages`);
  const parts = [...(rendered.length > 0 ? [`updated ${list(rendered)}`] : []), ...(removed.length > 0 ? [`removed ${list(removed)}`] : [])];
  return parts.join(", ") || "no article page changed";
}
