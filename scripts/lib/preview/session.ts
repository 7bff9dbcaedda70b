/**
 * The preview's edit loop (`npm start`), in one process. It keeps a content cache (every file's
 * result; scripts/lib/content/cache.ts) and the last good archive in memory. On a change it asks
 * the build for the changed articles' own pages only (`build()` with `changedOnly`), written into
 * the served folder at once, without waiting for the whole archive. Then the whole build (as
 * `--preview`) rebuilds the preview, lists, feeds and search included, in its staging folder and
 * swaps it in whole.
 *
 * An edit saved while that build runs is rendered at once too and brings one more build. The swap
 * replaces the folder those pages were written into, so the pages changed since the build read the
 * content are rendered again into the new one.
 *
 * Content that does not validate renders nothing: the build's own errors are printed (every
 * problem of every file) and the last good preview stays served until a save fixes them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ContentCache } from "../content/cache.ts";
import { dayAsNow } from "../content/dates.ts";
import type { Archive } from "../model/archive.ts";
import { writeAssets, type AssetUrls } from "../build/assets.ts";
import { build, BuildError } from "../phases/build.ts";
import type { ChangedPagesReport } from "../build/changed-pages.ts";
import { errorMessage } from "../util/error-message.ts";
import { formatMs } from "../util/format.ts";

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
  /**
   * Called when served files changed: "pages" once an edit's own pages are written, "site" once a
   * whole build was swapped in.
   */
  onUpdated?: (what: "pages" | "site") => void;
}

export type UpdateResult =
  /** No content file changed (a save without changes, an editor's temporary file). */
  | { status: "unchanged" }
  /** The URLs of the pages written and removed; a whole build follows. */
  | { status: "updated"; rendered: string[]; removed: string[] }
  /** The content does not validate, or Eleventy failed: the message; nothing was written. */
  | { status: "failed"; message: string };

export class PreviewSession {
  readonly #options: PreviewSessionOptions;
  readonly #log: (line: string) => void;
  #assets: AssetUrls;
  readonly #cache = new ContentCache();
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
  }

  /** Reads every content file into the session and starts the first whole build; `idle()` resolves when it is done. */
  static async start(options: PreviewSessionOptions): Promise<PreviewSession> {
    const session = new PreviewSession(options, await pageAssets(options.repoRoot));
    try {
      const first = await session.#changedPages(undefined);
      if (first.status === "updated") session.#archive = first.archive;
    } catch (error) {
      // The first build prints the errors.
      if (!(error instanceof BuildError)) throw error;
      session.#refusal = error.message;
    }
    session.rebuild();
    return session;
  }

  /**
   * Brings the preview up to date with the content folder: the changed articles' own pages at once,
   * then a whole build.
   */
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
        await build({
          contentDir,
          outDir,
          preview: true,
          ...(now ? { now: dayAsNow(now) } : {}),
          ...(editor ? { editor } : {}),
          log: this.#log,
        });
      } catch (error) {
        this.#log(
          error instanceof BuildError
            ? `build failed in ${error.phase}; the preview was left as it was.\n${error.message}`
            : `the build failed: ${errorMessage(error)}`,
        );
        this.#log(
          "background pass failed: the edited pages are served, the rest of the preview is not updated; " +
            "see the errors above",
        );
        continue;
      }
      const to = this.#archive;
      if (from && to && to !== from) {
        // The pages changed since the build read the content were written into the folder it replaced.
        await this.#enqueue(() => this.#changedPages(from)).catch((error: unknown) => this.#log(errorMessage(error)));
      }
      this.#log(
        "background pass done: the whole preview, its lists, feeds and search, is up to date " +
          `(${formatMs(performance.now() - started)})`,
      );
      this.#options.onUpdated?.("site");
    }
  }

  async #update(): Promise<UpdateResult> {
    let report: ChangedPagesReport;
    try {
      report = await this.#changedPages(this.#archive);
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      if (error.phase === "validate") {
        this.#log(`${error.message}\npreview not updated: fix the errors above and save again`);
        this.#refusal = error.message;
      } else {
        // The whole build reports the same failure with the rest of its output.
        this.#log(`${error.message}\npreview not updated; the whole build follows`);
        this.rebuild();
      }
      return { status: "failed", message: error.message };
    }
    // Valid again, even when saved back as it was in the last good preview (which is then "unchanged").
    this.#refusal = undefined;
    if (report.status === "unchanged") return report;
    const previous = this.#archive;
    this.#archive = report.archive;
    this.rebuild();
    if (!previous) {
      this.#log("content valid again: building the whole preview");
      return { status: "updated", rendered: [], removed: [] };
    }
    this.#options.onUpdated?.("pages");
    const total = report.phases.reduce((sum, phase) => sum + phase.ms, 0);
    this.#log(
      `${describe(report.rendered, report.removed)} in ${formatMs(total)} ` +
        `(${report.phases.map((phase) => `${phase.name} ${formatMs(phase.ms)}`).join(", ")}); ` +
        "search, lists and feeds follow in the background",
    );
    return { status: "updated", rendered: report.rendered, removed: report.removed };
  }

  /** The build's quick path: the pages of the items changed since `since`, written into the served folder. */
  #changedPages(since: Archive | undefined): Promise<ChangedPagesReport> {
    const { contentDir, outDir, now } = this.#options;
    return build({
      contentDir,
      outDir,
      preview: true,
      ...(now ? { now: dayAsNow(now) } : {}),
      changedOnly: { cache: this.#cache, since, assets: this.#assets },
    });
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
  const parts = [
    ...(rendered.length > 0 ? [`updated ${list(rendered)}`] : []),
    ...(removed.length > 0 ? [`removed ${list(removed)}`] : []),
  ];
  return parts.join(", ") || "no article page changed";
}
