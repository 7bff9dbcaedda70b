/**
 * The preview's edit loop (`npm start`), in one process. It keeps every content file's result
 * (keyed by path, checked by modification time and size, then by content hash) and the last good
 * archive in memory. On a change it re-reads only the changed files and renders the changed
 * articles' own pages into the served folder at once: a few hundred milliseconds at 10k articles.
 * Then the build itself (scripts/build.ts, as `--preview`) rebuilds the whole preview, lists,
 * feeds and search included, in its staging folder and swaps it in whole.
 *
 * An edit saved while that build runs is rendered at once too and brings one more build. The swap
 * replaces the folder those pages were written into, so the pages changed since the build read the
 * content are rendered again into the new one.
 *
 * Content that does not validate renders nothing: the build's own errors are printed (every
 * problem of every file) and the last good preview stays served until a save fixes them.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { conferences, site, topics } from "../content/data.ts";
import { build, BuildError } from "../phases/build.ts";
import type { Archive } from "../model/archive.ts";
import { writeAssets, type AssetUrls } from "../phases/assets.ts";
import { assembleContent, contentReader, listContent, type ContentFile, type FileResult, type LoadOptions } from "../content/load.ts";
import { dayAsNow, todayIn } from "../content/dates.ts";
import { ContentError, formatProblem } from "../content/problems.ts";
import { renderSite } from "../phases/render.ts";
import { formatMs } from "../util/format.ts";
import { itemFilesSignature } from "../content/item-files.ts";
import { defaultMediaCacheDir, processMedia } from "../phases/media.ts";
import { checkedArchive } from "../phases/validate.ts";
import { errorMessage } from "../util/error-message.ts";

export interface PreviewSessionOptions {
  /** The repository: templates, data and assets. Eleventy renders from it as working directory. */
  repoRoot: string;
  contentDir: string;
  /** The preview folder the server serves (`_preview/`). */
  outDir: string;
  /** The build's "now" (YYYY-MM-DD), as `npm run build -- --now`; today when absent. */
  now?: string;
  /** The editor's local backend (decap-server on loopback): each build writes the editor to /admin/ with it. */
  editor?: { localBackend: string };
  log?: (line: string) => void;
  /** Called when served files changed: "pages" once an edit's own pages are written, "site" once a whole build was swapped in. */
  onUpdated?: (what: "pages" | "site") => void;
}

export type UpdateResult =
  /** No content file changed (a save without changes, an editor's temporary file). */
  | { status: "unchanged" }
  /** The URLs of the pages written and removed; a whole build follows. */
  | { status: "updated"; rendered: string[]; removed: string[] }
  /** The content does not validate, or Eleventy failed: the message; nothing was written. */
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
  readonly #archiveOptions: LoadOptions;
  readonly #log: (line: string) => void;
  #assets: AssetUrls;
  readonly #cache = new Map<string, CachedFile>();
  /** The day the cached results were read on: whether an item is "scheduled" depends on it. */
  #today: string;
  /** What the last scan saw, to tell a change from a save that changed nothing. */
  #seen: { results: FileResult[]; listing: string } | undefined;
  /** The last archive that validated: the served pages are rendered from it. */
  #archive: Archive | undefined;
  /** Page updates, one after the other. */
  #queue: Promise<unknown> = Promise.resolve();
  /** The running whole build, and whether another one is wanted after it. */
  #building: Promise<void> | undefined;
  #buildAgain = false;
  #closed = false;
  /** Why the content as last read does not validate: the build's own message; undefined while it does. */
  #refusal: string | undefined;

  private constructor(options: PreviewSessionOptions, assets: AssetUrls) {
    this.#options = options;
    this.#log = options.log ?? (() => {});
    this.#assets = assets;
    const now = options.now ? dayAsNow(options.now) : undefined;
    this.#archiveOptions = { contentDir: options.contentDir, site, topics, conferences, preview: true, ...(now ? { now } : {}) };
    this.#today = todayIn(site.timeZone, now);
  }

  /** Reads every content file into the session and starts the first whole build; `idle()` resolves when it is done. */
  static async start(options: PreviewSessionOptions): Promise<PreviewSession> {
    const session = new PreviewSession(options, await pageAssets(options.repoRoot));
    const scanned = session.#scan();
    try {
      if (!scanned.ok) throw new ContentError(scanned.problems);
      session.#archive = checkedArchive(session.#archiveOptions, scanned.loaded);
    } catch (error) {
      // The first build prints the errors.
      if (!(error instanceof ContentError)) throw error;
      session.#refusal = error.message;
    }
    session.rebuild();
    return session;
  }

  /** Brings the preview up to date with the content folder: the changed articles' own pages at once, then a whole build. */
  update(): Promise<UpdateResult> {
    return this.#enqueue(() => this.#update());
  }

  /** The build's message while the content folder as last read does not validate (the editor shows it after a save). */
  get refusal(): string | undefined {
    return this.#refusal;
  }

  /** Templates or assets changed: every page may differ, so the whole preview is built again. */
  async siteChanged(): Promise<void> {
    await this.#enqueue(async () => {
      this.#assets = await pageAssets(this.#options.repoRoot);
    });
    this.rebuild();
  }

  /** Starts a whole build, or asks for one more after the running one. */
  rebuild(): void {
    this.#buildAgain = true;
    if (this.#building || this.#closed) return;
    this.#building = this.#buildWhileWanted().finally(() => {
      this.#building = undefined;
      if (this.#buildAgain) this.rebuild();
    });
  }

  /** Resolves once no update and no build is running or wanted: the preview is complete. */
  async idle(): Promise<void> {
    for (;;) {
      await this.#queue;
      if (!this.#building) return;
      await this.#building;
    }
  }

  /** Starts no more builds; resolves when the running one is done. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#buildAgain = false;
    await this.idle();
  }

  #enqueue<T>(run: () => Promise<T>): Promise<T> {
    const done = this.#queue.then(run);
    this.#queue = done.catch(() => undefined);
    return done;
  }

  async #buildWhileWanted(): Promise<void> {
    while (this.#buildAgain && !this.#closed) {
      this.#buildAgain = false;
      // An edit's own pages come first.
      await this.#queue;
      const from = this.#archive;
      const started = performance.now();
      const { contentDir, outDir, now, editor } = this.#options;
      try {
        await build({ contentDir, outDir, preview: true, ...(now ? { now: dayAsNow(now) } : {}), ...(editor ? { editor } : {}), log: this.#log });
      } catch (error) {
        this.#log(error instanceof BuildError ? `build failed in ${error.phase}; the preview was left as it was.\n${error.message}` : `the build failed: ${errorMessage(error)}`);
        this.#log("background pass failed: the edited pages are served, the rest of the preview is not updated; see the errors above");
        continue;
      }
      const to = this.#archive;
      if (from && to && to !== from) {
        await this.#enqueue(() => this.#renderChanges(from, to)).catch((error: unknown) => this.#log(`Eleventy failed: ${errorMessage(error)}`));
      }
      this.#log(`background pass done: the whole preview, its lists, feeds and search, is up to date (${formatMs(performance.now() - started)})`);
      this.#options.onUpdated?.("site");
    }
  }

  async #update(): Promise<UpdateResult> {
    const started = performance.now();
    const scanned = this.#scan();
    if (!scanned.changed) return { status: "unchanged" };
    const scannedMs = performance.now() - started;
    let archive: Archive;
    try {
      if (!scanned.ok) throw new ContentError(scanned.problems);
      archive = checkedArchive(this.#archiveOptions, scanned.loaded);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      this.#log(`${error.message}\npreview not updated: fix the errors above and save again`);
      this.#refusal = error.message;
      return { status: "failed", message: error.message };
    }
    const archivedMs = performance.now() - started - scannedMs;
    const previous = this.#archive;
    this.#archive = archive;
    this.#refusal = undefined;
    this.rebuild();
    if (!previous) {
      this.#log("content valid again: building the whole preview");
      return { status: "updated", rendered: [], removed: [] };
    }
    const renderStarted = performance.now();
    let changes: { rendered: string[]; removed: string[] };
    try {
      changes = await this.#renderChanges(previous, archive);
    } catch (error) {
      // The whole build reports the same failure with the rest of its output.
      const message = `Eleventy failed: ${errorMessage(error)}`;
      this.#log(`${message}\npreview not updated; the whole build follows`);
      return { status: "failed", message };
    }
    const renderMs = performance.now() - renderStarted;
    this.#options.onUpdated?.("pages");
    this.#log(
      `${describe(changes.rendered, changes.removed)} in ${formatMs(performance.now() - started)} ` +
        `(read ${formatMs(scannedMs)}, archive ${formatMs(archivedMs)}, render ${formatMs(renderMs)}); ` +
        "search, lists and feeds follow in the background",
    );
    return { status: "updated", ...changes };
  }

  /** Renders the pages of the items new or changed in `to` since `from`, and removes the pages of those gone. */
  async #renderChanges(from: Archive, to: Archive): Promise<{ rendered: string[]; removed: string[] }> {
    const before = new Set(from.items);
    const changed = new Set(to.items.filter((item) => !before.has(item)));
    const urls = new Set(to.items.map((item) => item.url));
    const removed = from.items.map((item) => item.url).filter((url) => !urls.has(url));
    if (changed.size > 0) {
      // The edited items' images and documents first (from the cache unless they changed): their pages show them.
      const media = await processMedia([...changed], { siteDir: this.#options.outDir, cacheDir: defaultMediaCacheDir, publishOriginals: site.media?.publishOriginals ?? false });
      const shown = to.withItems(media.items);
      await renderSite(shown, this.#assets, this.#options.outDir, { part: { lists: shown.itemPageLists(new Set([...changed].map((item) => item.url))) } });
    }
    for (const url of removed) this.#removePage(url);
    return { rendered: [...changed].map((item) => item.url), removed };
  }

  /** Lists the content folder and re-reads the files that are new or changed since the last scan; the others' results come from the cache. */
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
    const results = listed.files.map((file) => this.#result(file, read));
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
      // Not empty (a redirect written inside it) or already gone: the whole build tidies it.
    }
  }
}

/** The fingerprinted asset names the build gives the pages: the same names, from the same files. */
async function pageAssets(repoRoot: string): Promise<AssetUrls> {
  const scratch = mkdtempSync(path.join(tmpdir(), "preview-assets-"));
  try {
    return (await writeAssets(repoRoot, scratch, { serviceWorker: false })).urls;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** "updated /news/2023/a/", "updated 2 pages, removed /news/2023/b/" */
function describe(rendered: readonly string[], removed: readonly string[]): string {
  const list = (urls: readonly string[]) => (urls.length === 1 ? (urls[0] as string) : `${urls.length} pages`);
  const parts = [...(rendered.length > 0 ? [`updated ${list(rendered)}`] : []), ...(removed.length > 0 ? [`removed ${list(removed)}`] : [])];
  return parts.join(", ") || "no article page changed";
}
