/**
 * The build's media phase: every item's images become AVIF, WebP and JPEG at a few widths
 * (`@11ty/eleventy-img` on sharp), its documents are copied beside its page, and the text of its
 * PDFs is read (content/pdf-text.ts, bounded in time and memory) so that search finds the item by
 * a word only in its PDF.
 *
 * No image metadata is ever published: sharp writes none unless told to (EXIF, XMP, IPTC, GPS),
 * and the orientation is applied to the pixels first. Processed images and PDF texts are kept in a
 * cache folder outside the output, named by a hash of the file's bytes and the processing options
 * (eleventy-img's own file names), so a build re-encodes only new or changed images. A damaged
 * cache entry is a warning: it is discarded and recomputed (util/cache-entry.ts).
 */
import { createHash } from "node:crypto";
import { constants, copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Image, { generateObject } from "@11ty/eleventy-img";
import sharp from "sharp";
import { z } from "zod";
import type { Item } from "../content/load.ts";
import {
  bodyImagePlaceholders,
  publishedHref,
  type FigureData,
  type FileOrigin,
  type ItemDocument,
  type ItemImage,
  type PictureData,
} from "../content/item-files.ts";
import { site } from "../content/data.ts";
import { PdfTextReader } from "../content/pdf-text.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { BuildError, type Phase, type StagedBuild } from "../build/phase.ts";
import { repoRoot } from "../util/repo-root.ts";
import { pluralise } from "../util/format.ts";
import { printable } from "../util/error-message.ts";
import { cacheWarning, discardCacheEntry, readCacheEntry, writeCacheEntry } from "../util/cache-entry.ts";
import { fillWords, wordsFor, type Words } from "../content/words.ts";
import { mediaMarkup } from "../eleventy/media-markup.ts";

/** Widths written for every image; 240 is the list cards' thumbnail. Never wider than the original. */
export const imageWidths = [240, 480, 800, 1280];
export const imageFormats = ["avif", "webp", "jpeg"];

/**
 * The article column is 42rem (src/assets/site.css, --measure), the full width less 2rem on a
 * phone: the browser picks from `imageWidths` by this and the screen's density.
 */
export const articleImageSizes = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";
/** The column's width in CSS pixels: an image narrower than this cannot fill it (a warning). */
export const minimumImageWidth = 672;
const thumbnailWidth = 240;

/** Kept between builds and out of the output; CI keeps it by caching this folder. */
export const defaultMediaCacheDir = path.join(repoRoot, ".cache/media");

export interface MediaOptions {
  /** The site being built (the staging folder): each item's files go beside its page. */
  siteDir: string;
  /** The cache folder kept between builds (default `.cache/media` of the repository). */
  cacheDir: string;
  /** Publish each image's original too (_data/site.ts `media.publishOriginals`), its metadata removed. */
  publishOriginals?: boolean;
}

export interface MediaReport {
  /** Distinct image files, and of them those encoded in this build or taken from the cache. */
  images: number;
  processed: number;
  reused: number;
  documents: number;
  /** Milliseconds spent on images (reading, encoding or reusing, copying). */
  imageMs: number;
  /** What a writer should know but that does not stop the build: a narrow image, an unreadable PDF. */
  warnings: string[];
}

/** Thrown with every problem of the phase: an image that cannot be decoded names its file and field. */
export class MediaError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length === 1 ? "1 media error" : `${problems.length} media errors`}`);
  }
}

/** A file in the cache: its size as written tells a file cut short from a whole one. */
const cachedFile = { filename: z.string(), outputPath: z.string(), size: z.number().int().nonnegative() };

/** What processing an image gave, kept in the cache as its record. */
const processedImageSchema = z.object({
  /** eleventy-img's metadata (kept whole): each format's files, smallest first. */
  formats: z.record(
    z.string(),
    z.array(z.looseObject({ ...cachedFile, width: z.number(), height: z.number(), sourceType: z.string() })).min(1),
  ),
  width: z.number(),
  original: z.object({ ...cachedFile, format: z.string() }).optional(),
});
type ProcessedImage = z.infer<typeof processedImageSchema>;

/** What the media phase made: its report, and each item with files as the pages show it, by URL. */
export interface MediaResult {
  report: MediaReport;
  /** New items, with their pictures, thumbnails and documents' text; the items given are left as they are. */
  items: Map<string, Item>;
}

/**
 * Processes the media of `items` into `options.siteDir` and returns each item that has files with
 * its picture HTML, thumbnails and document facts filled in. Items without files are not returned.
 */
export async function processMedia(items: readonly Item[], options: MediaOptions): Promise<MediaResult> {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const imageCache = path.join(options.cacheDir, "images");
  const started = performance.now();
  const uses = new Map<string, { item: Item; image: ItemImage }[]>();
  for (const item of items) {
    for (const image of [...(item.files?.image ? [item.files.image] : []), ...(item.files?.bodyImages ?? [])]) {
      const list = uses.get(image.source) ?? [];
      list.push({ item, image });
      uses.set(image.source, list);
    }
  }
  let processed = 0;
  const results = new Map<string, ProcessedImage>();
  await Promise.all(
    [...uses].map(async ([source, used]) => {
      try {
        const result = await processImage(source, imageCache, options.publishOriginals ?? false, (warning) =>
          warnings.push(warning),
        );
        if (result.encoded) processed++;
        results.set(source, result.image);
        if (result.image.width < minimumImageWidth) {
          for (const { item, image } of used) {
            warnings.push(
              `${where(item, image.origin)}: image ${path.basename(source)} is ${result.image.width} px wide, ` +
                `narrower than the ${minimumImageWidth} px of the article column: it will look blurred or small`,
            );
          }
        }
      } catch (error) {
        for (const { item, image } of used) {
          problems.push({
            file: item.file,
            ...image.origin,
            message:
              `${JSON.stringify(path.basename(source))} cannot be read as an image (${reason(error)}): ` +
              "save it again as JPEG, PNG or WebP",
          });
        }
      }
    }),
  );
  if (problems.length > 0) throw new MediaError(problems);

  const published = new Map<string, Item>();
  const pdfText = new PdfTextReader();
  try {
    for (const item of items) {
      const files = item.files;
      if (!files) continue;
      const itemDir = path.join(options.siteDir, item.url);
      const publish = (image: ItemImage, lead: boolean, alone: boolean): ItemImage => {
        const processedImage = results.get(image.source) as ProcessedImage;
        mkdirSync(itemDir, { recursive: true });
        for (const entry of Object.values(processedImage.formats).flat())
          placeCachedFile(entry.outputPath, path.join(itemDir, entry.filename));
        if (processedImage.original)
          placeCachedFile(processedImage.original.outputPath, path.join(itemDir, processedImage.original.filename));
        // Root-relative, as every link of the site: the base path, snapshots and feeds rewrite them.
        const picture = pictureData(
          processedImage,
          item.url,
          image.alt,
          lead ? { fetchpriority: "high", decoding: "async" } : { loading: "lazy", decoding: "async" },
        );
        const jpeg = processedImage.formats.jpeg?.at(-1);
        // One WebP, not a <picture>: a result's thumbnail is built by script from three metadata values.
        const webp =
          processedImage.formats.webp?.find((entry) => entry.width >= thumbnailWidth) ??
          processedImage.formats.webp?.at(-1);
        return {
          ...image,
          ...(jpeg ? { jpeg: { name: jpeg.filename, width: jpeg.width, height: jpeg.height } } : {}),
          ...(lead
            ? {
                thumbnail: pictureData(
                  processedImage,
                  item.url,
                  "",
                  { loading: "lazy", decoding: "async", class: "thumbnail" },
                  thumbnailWidth,
                ),
              }
            : {}),
          ...(lead && webp ? { searchThumbnail: { name: webp.filename, width: webp.width, height: webp.height } } : {}),
          picture,
          ...(alone || lead
            ? { figure: figureData(picture, image, item.url, processedImage.original, wordsFor(item.lang)) }
            : {}),
        };
      };
      const image = files.image && publish(files.image, true, true);
      const bodyImages = files.bodyImages.map((image) => publish(image, false, !image.inline));
      for (const document of [...files.documents, ...files.linked]) {
        const target = path.join(itemDir, ...document.name.split("/"));
        mkdirSync(path.dirname(target), { recursive: true });
        copyFileSync(document.source, target, constants.COPYFILE_FICLONE);
      }
      const documents: ItemDocument[] = [];
      for (const document of files.documents) {
        const read =
          document.type === "PDF"
            ? await pdfText.read(document.source, path.join(options.cacheDir, "documents"), (warning) =>
                warnings.push(warning),
              )
            : undefined;
        if (read && !("pages" in read)) {
          warnings.push(
            `${where(item, document.origin)}: ${document.name} cannot be read (${read.unreadable}): ` +
              "it is listed on the page but its text is not searchable",
          );
        }
        documents.push(read && "pages" in read ? { ...document, pages: read.pages, text: read.text } : document);
      }
      const bodyMarkup = await Promise.all(
        bodyImages.map((image) =>
          image.figure ? mediaMarkup({ figure: image.figure }) : mediaMarkup({ picture: image.picture! }),
        ),
      );
      published.set(item.url, {
        ...item,
        html: item.html.replace(bodyImagePlaceholders, (_, index: string) => bodyMarkup[Number(index)] ?? ""),
        files: { ...files, ...(image ? { image } : {}), bodyImages, documents },
      });
    }
  } finally {
    await pdfText.close();
  }
  const report = {
    images: uses.size,
    processed,
    reused: uses.size - processed,
    documents: items.reduce(
      (sum, item) => sum + (item.files ? item.files.documents.length + item.files.linked.length : 0),
      0,
    ),
    imageMs: performance.now() - started,
    warnings,
  };
  return { report, items: published };
}

/**
 * A processed image put beside its page: a hard link to the cache's file, so a build that reuses
 * the cache copies no bytes; a copy where the two folders are on different file systems. The
 * cache's files are named by their content, so neither side is ever changed in place.
 */
function placeCachedFile(cached: string, target: string): void {
  rmSync(target, { force: true });
  try {
    linkSync(cached, target);
  } catch {
    copyFileSync(cached, target, constants.COPYFILE_FICLONE);
  }
}

function imageOptions(cacheDir: string) {
  return {
    widths: imageWidths,
    formats: imageFormats,
    outputDir: cacheDir,
    urlPath: "",
    // The pixels are turned upright, so the orientation tag, like all metadata, can go.
    fixOrientation: true,
    // AVIF at effort 2 rather than sharp's default 4: far less encoding time for files a little larger.
    sharpAvifOptions: { effort: 2 },
  };
}

/** What a processed image's files depend on besides its bytes: a change to any of these encodes it again. */
const processingVersion = JSON.stringify([
  imageOptions(""),
  createRequire(import.meta.url)("@11ty/eleventy-img/package.json").version,
]);

/**
 * One image's files in the cache, encoded unless its record is there whole. What a processing gave
 * is kept beside its files (`records/<hash of bytes and options>.json`): a build that finds it,
 * and every file it names at its recorded size, asks neither sharp nor eleventy-img anything,
 * which keeps the cached build cheap with thousands of photos. A damaged record is reported
 * through `warn` and the image encoded again.
 */
async function processImage(
  source: string,
  cacheDir: string,
  withOriginal: boolean,
  warn: (warning: string) => void,
): Promise<{ image: ProcessedImage; encoded: boolean }> {
  const key = createHash("sha256")
    .update(readFileSync(source))
    .update(processingVersion)
    .update(String(withOriginal))
    .digest("hex");
  const record = path.join(cacheDir, "records", `${key}.json`);
  const recorded = readRecord(record, cacheDir);
  if (recorded && "image" in recorded) return { image: recorded.image, encoded: false };
  if (recorded) warn(cacheWarning(source, record, recorded.discarded));
  const image = await encodeImage(source, cacheDir, withOriginal);
  writeCacheEntry(record, image);
  return { image, encoded: true };
}

/**
 * A record of the cache whose files are all there whole, with their paths in this cache folder; why
 * not; or undefined.
 */
function readRecord(record: string, cacheDir: string): { image: ProcessedImage } | { discarded: string } | undefined {
  const read = readCacheEntry(record, processedImageSchema);
  if (!read || "discarded" in read) return read;
  const image = read.value;
  const inCache = <T extends { outputPath: string }>(entry: T): T => ({
    ...entry,
    outputPath: path.join(cacheDir, path.basename(entry.outputPath)),
  });
  image.formats = Object.fromEntries(
    Object.entries(image.formats).map(([format, entries]) => [format, entries.map(inCache)]),
  );
  if (image.original) image.original = inCache(image.original);
  for (const entry of [...Object.values(image.formats).flat(), ...(image.original ? [image.original] : [])]) {
    const name = path.basename(entry.outputPath);
    const size = fileSize(entry.outputPath);
    if (size === undefined) return { discarded: discardCacheEntry(record, `its file ${name} is missing`) };
    if (size !== entry.size)
      return { discarded: discardCacheEntry(record, `its file ${name} is ${size} bytes, not ${entry.size}`) };
  }
  return { image };
}

/**
 * Encodes an image into the cache. Files already there are neither trusted (an interrupted build
 * leaves some cut short) nor written over in place: a published site may link to them.
 */
async function encodeImage(source: string, cacheDir: string, withOriginal: boolean): Promise<ProcessedImage> {
  // Reading the header first gives a clear error for a file that is no image, and its upright width.
  const header = await sharp(source).metadata();
  const width = header.autoOrient?.width ?? header.width;
  const options = { ...imageOptions(cacheDir), useCache: false };
  const originalOptions = { ...options, widths: ["auto"], formats: ["auto"] };
  const planned = [
    await Image(source, { ...options, statsOnly: true }),
    ...(withOriginal ? [await Image(source, { ...originalOptions, statsOnly: true })] : []),
  ] as ProcessedImage["formats"][];
  for (const entry of planned.flatMap((formats) => Object.values(formats).flat()))
    rmSync(entry.outputPath, { force: true });
  const formats = (await Image(source, options)) as ProcessedImage["formats"];
  const image: ProcessedImage = { formats, width };
  if (withOriginal) {
    const originals = (await Image(source, originalOptions)) as ProcessedImage["formats"];
    const [format, entries] = Object.entries(originals)[0] ?? [];
    const entry = entries?.[0];
    if (format && entry)
      image.original = {
        outputPath: entry.outputPath,
        filename: `original-${entry.filename}`,
        format,
        size: entry.size,
      };
  }
  // The sizes as they are on disk: an original may have the name, and so the file, of a resized copy.
  const onDisk = <T extends { outputPath: string; size: number }>(entry: T): T => ({
    ...entry,
    size: fileSize(entry.outputPath) ?? entry.size,
  });
  image.formats = Object.fromEntries(
    Object.entries(image.formats).map(([format, entries]) => [format, entries.map(onDisk)]),
  );
  if (image.original) image.original = onDisk(image.original);
  return image;
}

function fileSize(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/** The picture of a processed image, its files linked as `prefix` + file name; only widths up to `maxWidth`. */
function pictureData(
  image: ProcessedImage,
  prefix: string,
  alt: string,
  attributes: Record<string, string>,
  maxWidth?: number,
): PictureData {
  const metadata = Object.fromEntries(
    Object.entries(image.formats).map(([format, entries]) => {
      const kept = maxWidth ? [entries.find((entry) => entry.width >= maxWidth) ?? entries.at(-1)] : entries;
      return [
        format,
        kept
          .filter((entry) => entry !== undefined)
          .map((entry) => ({
            ...entry,
            url: prefix + entry.filename,
            srcset: `${prefix}${entry.filename} ${entry.width}w`,
          })),
      ];
    }),
  );
  // eleventy-img's choice of fallback, sources and attributes, as data: `{ img }`, or
  // `{ picture: { "@children": [{ source }…, { img }] } }`.
  const made = generateObject(metadata, {
    alt,
    sizes: maxWidth ? `${maxWidth / 2}px` : articleImageSizes,
    ...attributes,
  }) as GeneratedPicture;
  if (made.img) return { sources: [], img: made.img };
  const children = made.picture?.["@children"] ?? [];
  return {
    sources: children.flatMap((child) => (child.source ? [child.source] : [])),
    img: children.find((child) => child.img)?.img ?? {},
  };
}

interface GeneratedPicture {
  img?: Record<string, string | number>;
  picture?: {
    "@children": { source?: { type: string; srcset: string; sizes?: string }; img?: Record<string, string | number> }[];
  };
}

/** A figure's caption, credit and original, labelled in the item's language (`words`). */
function figureData(
  picture: PictureData,
  image: ItemImage,
  itemUrl: string,
  original: ProcessedImage["original"],
  words: Words,
): FigureData {
  return {
    picture,
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { credit: fillWords(words.photo, { credit: image.credit }) } : {}),
    ...(original
      ? {
          original: {
            href: `${itemUrl}${publishedHref(original.filename)}`,
            label: fillWords(words.originalImage, { format: original.format.toUpperCase() }),
          },
        }
      : {}),
  };
}

function where(item: Item, origin: FileOrigin): string {
  const at = origin.line ? `${item.file}:${origin.line}` : item.file;
  return origin.field ? `${at}: ${origin.field}` : at;
}

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * The media of `items` published into `siteDir`; bad files fail as the build's media phase, worded
 * as content errors.
 */
export async function publishMedia(
  items: readonly Item[],
  siteDir: string,
  cacheDir = defaultMediaCacheDir,
): Promise<MediaResult> {
  try {
    return await processMedia(items, { siteDir, cacheDir, publishOriginals: site.media?.publishOriginals ?? false });
  } catch (error) {
    if (error instanceof MediaError) throw new BuildError("media", new ContentError(error.problems).message);
    throw error;
  }
}

export const mediaPhase: Phase<StagedBuild, MediaResult> = {
  name: "media",
  async run({ archive, siteDir, options, log }) {
    const result = await publishMedia(archive.items, siteDir, options.mediaCacheDir);
    for (const warning of result.report.warnings) log(`warning: ${printable(warning)}`);
    return result;
  },
  describe: ({ report }) =>
    `${pluralise(report.images, "image")}: ${report.processed} processed, ${report.reused} reused; ` +
    pluralise(report.documents, "document"),
};
