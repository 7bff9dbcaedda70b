/**
 * The preview's quick path, `build()` with `changedOnly`: the content read through the preview's
 * cache, and only the own pages of the items new or changed since the served archive written into
 * the served folder, with their images and documents; the pages of items gone are removed. Lists,
 * feeds and search follow in the whole build (scripts/lib/preview/session.ts).
 */
import { rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { ContentCache } from "../content/cache.ts";
import type { Archive } from "../model/archive.ts";
import type { AssetUrls } from "./assets.ts";
import { publishMedia } from "../phases/media.ts";
import { failingAs, type BuildOptions } from "./phase.ts";
import { renderSite } from "../phases/render.ts";
import { archiveOptions, validArchive } from "../phases/validate.ts";

export interface ChangedOnly {
  /** The preview's content cache: each build re-reads only the files changed since the last. */
  cache: ContentCache;
  /** The archive the served pages were rendered from; undefined before the first that validated. */
  since: Archive | undefined;
  /** The fingerprinted asset names the served pages link (scripts/lib/build/assets.ts). */
  assets: AssetUrls;
}

export type ChangedPagesReport =
  /** The content is as `since` was made from: nothing was written. */
  | { status: "unchanged" }
  /** The archive as read now, and the URLs of the pages written and removed. */
  | {
      status: "updated";
      archive: Archive;
      rendered: string[];
      removed: string[];
      phases: { name: string; ms: number }[];
    };

export async function buildChangedPages(
  options: BuildOptions,
  { cache, since, assets }: ChangedOnly,
): Promise<ChangedPagesReport> {
  const { outDir } = options;
  const phases: { name: string; ms: number }[] = [];
  const timed = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    phases.push({ name, ms: performance.now() - started });
    return result;
  };
  const archive = await timed("validate", () => {
    const loadOptions = archiveOptions(options);
    const read = cache.read(loadOptions);
    // Nothing saved since: the served pages are `since`'s, or the content still fails as it did.
    if (!read.changed && (read.problems.length > 0 || read.content === since?.content)) return undefined;
    return validArchive(loadOptions, read);
  });
  if (!archive) return { status: "unchanged" };
  if (!since) return { status: "updated", archive, rendered: [], removed: [], phases };

  const before = new Set(since.items);
  const changed = archive.items.filter((item) => !before.has(item));
  const urls = new Set(archive.items.map((item) => item.url));
  const removed = since.items.map((item) => item.url).filter((url) => !urls.has(url));
  if (changed.length > 0) {
    const media = await timed("media", () => publishMedia(changed, outDir, options.mediaCacheDir));
    const shown = archive.withItems(media.items);
    const lists = shown.itemPageLists(new Set(changed.map((item) => item.url)));
    await timed("render", () =>
      failingAs("render", "Eleventy failed", () => renderSite(shown, assets, outDir, { part: { lists } }), outDir),
    );
  }
  for (const url of removed) removePage(outDir, url);
  return { status: "updated", archive, rendered: changed.map((item) => item.url), removed, phases };
}

/** Removes the page of an item that is gone (deleted, renamed, moved to another year), so that it is not served. */
function removePage(outDir: string, url: string): void {
  const dir = path.join(outDir, url);
  rmSync(path.join(dir, "index.html"), { force: true });
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (a redirect written inside it) or already gone: the whole build tidies it.
  }
}
