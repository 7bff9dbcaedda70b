/**
 * The markup of an image in an item's text, written by the same Nunjucks partial that writes an
 * item's lead image (_includes/partials/media.njk): the media phase puts it into the item's HTML,
 * which feeds, search and snapshots read before any template runs.
 */
import path from "node:path";
import { RenderPlugin } from "@11ty/eleventy";
import { repoRoot } from "../util/repo-root.ts";
import type { FigureData, PictureData } from "../content/item-files.ts";

type Render = (data: { mediaFigure?: FigureData; mediaPicture?: PictureData }) => Promise<string>;

const partial = path.join(repoRoot, "_includes/partials/media.njk");
let compiled: Promise<Render> | undefined;

/** A body image's `<figure>` (an image alone in its paragraph) or bare `<picture>` (one in a line of text). */
export async function mediaMarkup(data: { figure: FigureData } | { picture: PictureData }): Promise<string> {
  compiled ??= (RenderPlugin as unknown as { File(file: string): Promise<Render> }).File(partial);
  const render = await compiled;
  // The partial's lines between its macros are not markup.
  return (await render("figure" in data ? { mediaFigure: data.figure } : { mediaPicture: data.picture })).trim();
}
