/**
 * An item's own files: its lead image, the images in its body and its attached documents, found
 * beside its Markdown file (a page bundle, `news/2023/<slug>/index.md` with its files beside it,
 * as Hugo has them) and checked while the content is read. Processing them (images resized and
 * stripped of metadata, PDFs' text extracted) is the media phase's (scripts/lib/phases/media.ts).
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { DocumentFrontMatter, ImageFrontMatter } from "./schema.ts";
import type { BodyFiles } from "./markdown.ts";
import type { Problem } from "./problems.ts";
import { formatBytes } from "../util/format.ts";
import { displayPath, isInside, urlPathOf } from "../util/paths.ts";

/** Image types the media phase turns into AVIF, WebP and JPEG. SVG is not one: it can carry script. */
export const imageTypes: Readonly<Record<string, string>> = {
  ".jpg": "JPEG",
  ".jpeg": "JPEG",
  ".png": "PNG",
  ".webp": "WebP",
  ".avif": "AVIF",
  ".gif": "GIF",
  ".tif": "TIFF",
  ".tiff": "TIFF",
};

/** Document types published as they are, with the name readers see beside the link. */
export const documentTypes: Readonly<Record<string, string>> = {
  ".pdf": "PDF",
  ".docx": "Word document",
  ".doc": "Word document",
  ".odt": "OpenDocument text",
  ".xlsx": "Excel spreadsheet",
  ".ods": "OpenDocument spreadsheet",
  ".pptx": "PowerPoint presentation",
  ".csv": "CSV",
  ".txt": "Text",
};

/** Where a problem with a file is in its content file: the field, or the body's line. */
export interface FileOrigin {
  field?: string;
  line?: number;
}

/**
 * A `<picture>`: a `<source>` per format but the fallback's (none: a bare `<img>`), and the
 * `<img>`'s attributes in order.
 */
export interface PictureData {
  sources: { type: string; srcset: string; sizes?: string }[];
  img: Record<string, string | number>;
}

/**
 * A `<figure>`: its picture, caption, credit line ("Photo: IAP") and the original's download link,
 * worded in the item's language.
 */
export interface FigureData {
  picture: PictureData;
  caption?: string;
  credit?: string;
  original?: { href: string; label: string };
}

export interface ItemImage {
  /** The file, absolute. */
  source: string;
  alt: string;
  caption?: string;
  credit?: string;
  origin: FileOrigin;
  /** In a line of text, not a paragraph of its own: a bare picture, not a figure. */
  inline?: true;
  /**
   * Set by the media phase on the item it returns: the picture's files, a figure's (a lead image's,
   * or a body image alone in its paragraph), written by _includes/partials/media.njk, and the
   * fallback JPEG's file name and size.
   */
  picture?: PictureData;
  figure?: FigureData;
  jpeg?: { name: string; width: number; height: number };
  /** A small picture for list cards, linking root-relatively. */
  thumbnail?: PictureData;
  /**
   * The lead image's small WebP for search results, named relative to the item's page: the search
   * page resolves it against the result's URL, so it works under a base path and from disk.
   */
  searchThumbnail?: { name: string; width: number; height: number };
}

export interface ItemDocument {
  source: string;
  title: string;
  language?: string;
  /** Its path under the item's URL: the name in a single-file item, the path in its bundle otherwise. */
  name: string;
  /** "PDF", "Word document", … */
  type: string;
  bytes: number;
  origin: FileOrigin;
  /** Set by the media phase, on the item it returns, for a PDF it could read. */
  pages?: number;
  text?: string[];
}

export interface ItemVideo {
  url: string;
  title: string;
  /** The host's name shown on the link card, e.g. youtube.com. */
  host: string;
}

export interface ItemFiles {
  image?: ItemImage;
  /** The body's images, in order: the body's HTML holds `bodyImagePlaceholder(i)` for each. */
  bodyImages: ItemImage[];
  /** Attached documents (front matter), listed on the page and indexed with the item. */
  documents: ItemDocument[];
  /** Files the body links to that are not attached: published, not listed. */
  linked: ItemDocument[];
  video?: ItemVideo;
}

export interface FileLimits {
  maxImageBytes: number;
  maxDocumentBytes: number;
}

/** HTML comments cannot come from Markdown (raw HTML is off), so only the renderer writes these. */
export function bodyImagePlaceholder(index: number): string {
  return `<!--body-image:${index}-->`;
}
export const bodyImagePlaceholders = /<!--body-image:(\d+)-->/g;

/** A bundle is a folder whose text is its index.md; its files are its own. */
export function isBundleIndex(file: string): boolean {
  return path.basename(file).toLowerCase() === "index.md";
}

/**
 * Finds and checks the files one content file names. `root` is the folder they must stay in: the
 * bundle's folder, or the content folder for a single-file item.
 */
export function itemFileResolver(
  contentFile: string,
  contentDir: string,
  limits: FileLimits,
  report: (problem: Omit<Problem, "file">) => void,
) {
  const here = path.dirname(contentFile);
  const root = path.resolve(isBundleIndex(contentFile) ? here : contentDir);
  const published = new Map<string, string>();

  function locate(
    src: string,
    kind: "image" | "document",
    origin: FileOrigin,
  ): { source: string; name: string; type: string; bytes: number } | undefined {
    const fail = (message: string) => {
      report({ ...origin, message });
      return undefined;
    };
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) {
      return fail(
        `${JSON.stringify(src)} is an address: only the archive's own files are published; ` +
          "save the file beside the content file and write its name",
      );
    }
    let decoded: string;
    try {
      decoded = decodeURI(src);
    } catch {
      return fail(`${JSON.stringify(src)} is not a usable file name`);
    }
    const source = path.resolve(here, decoded);
    const inRoot = path.relative(root, source);
    if (!isInside(source, root)) {
      return fail(
        `${JSON.stringify(src)} is outside the ${isBundleIndex(contentFile) ? "item's folder" : "content folder"}: ` +
          "keep the item's files beside its Markdown file",
      );
    }
    const extension = path.extname(source).toLowerCase();
    const types = kind === "image" ? imageTypes : documentTypes;
    const type = types[extension];
    if (!type) {
      const allowed = [...new Set(Object.keys(types))].join(", ");
      if (kind === "document" && imageTypes[extension])
        return fail(`${JSON.stringify(src)} is an image: show it with ![description](${src}) or as the lead image`);
      return fail(`${JSON.stringify(src)} is not a supported ${kind} type (allowed: ${allowed})`);
    }
    let bytes: number;
    try {
      const stat = statSync(source);
      if (!stat.isFile()) return fail(`${JSON.stringify(src)} is not a file`);
      bytes = stat.size;
    } catch {
      return fail(`${JSON.stringify(src)} does not exist: no file ${displayPath(source)}`);
    }
    const limit = kind === "image" ? limits.maxImageBytes : limits.maxDocumentBytes;
    if (bytes > limit)
      return fail(
        `${JSON.stringify(src)} is ${formatBytes(bytes)}, over the limit of ${formatBytes(limit)} ` +
          `for ${kind === "image" ? "an image" : "a document"} (media in _data/site.ts)`,
      );
    const name = isBundleIndex(contentFile) ? inRoot.split(path.sep).join("/") : path.basename(source);
    const other = published.get(name.toLowerCase());
    if (other !== undefined && other !== source)
      return fail(
        `${JSON.stringify(src)} would be published as ${name}, as another file of this item is: rename one of them`,
      );
    published.set(name.toLowerCase(), source);
    return { source, name, type, bytes };
  }

  return {
    image(image: ImageFrontMatter, origin: FileOrigin): ItemImage | undefined {
      const found = locate(image.src, "image", origin);
      return (
        found && {
          source: found.source,
          alt: image.alt,
          ...(image.caption ? { caption: image.caption } : {}),
          ...(image.credit ? { credit: image.credit } : {}),
          origin,
        }
      );
    },
    document(document: DocumentFrontMatter, origin: FileOrigin): ItemDocument | undefined {
      const found = locate(document.src, "document", origin);
      return (
        found && {
          ...found,
          title: document.title,
          ...(document.language ? { language: document.language } : {}),
          origin,
        }
      );
    },
    /** The body's images and links, collected into `files` as markdown-it meets them. */
    body(files: ItemFiles, bodyLine: number): BodyFiles {
      return {
        image: ({ src, alt, title, line, alone }) => {
          const origin = { line: bodyLine + line };
          const image = locate(src, "image", origin);
          if (!image) return "";
          files.bodyImages.push({
            source: image.source,
            alt,
            ...(alone && title ? { caption: title } : {}),
            ...(alone ? {} : { inline: true as const }),
            origin,
          });
          return bodyImagePlaceholder(files.bodyImages.length - 1);
        },
        link: (href, line) => {
          const [file = "", fragment] = href.split("#", 2);
          // Links to pages (../other-item/) are the check phase's; only a file's type makes it the item's own.
          const extension = path.extname(safeDecode(file)).toLowerCase();
          if (!documentTypes[extension] && !imageTypes[extension]) return href;
          const attached = files.documents.find(
            (document) =>
              document.name === safeDecode(file) || path.resolve(here, safeDecode(file)) === document.source,
          );
          if (attached) return publishedHref(attached.name) + (fragment === undefined ? "" : `#${fragment}`);
          const found = locate(file, "document", { line: bodyLine + line });
          if (!found) return href;
          if (!files.linked.some((linked) => linked.source === found.source))
            files.linked.push({ ...found, title: found.name, origin: { line: bodyLine + line } });
          return publishedHref(found.name) + (fragment === undefined ? "" : `#${fragment}`);
        },
      };
    },
  };
}

/** The lead image's largest JPEG, root-relative, for cards, feeds and JSON-LD; once the media phase has run. */
export function leadImagePath(item: { url: string; files?: ItemFiles }): string | undefined {
  const jpeg = item.files?.image?.jpeg;
  return jpeg && item.url + publishedHref(jpeg.name);
}

/**
 * Size and modification time of every file an item uses: the preview re-reads an item whose photo
 * or document changed though its Markdown did not.
 */
export function itemFilesSignature(files: ItemFiles | undefined): string {
  if (!files) return "";
  const sources = [...(files.image ? [files.image] : []), ...files.bodyImages, ...files.documents, ...files.linked].map(
    (file) => file.source,
  );
  return sources
    .map((source) => {
      try {
        const stat = statSync(source);
        return `${source}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return `${source}:gone`;
      }
    })
    .join("\n");
}

/** A video's link card names its host: "youtube.com", not "www.youtube.com". */
export function videoHost(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}

/** A published file's href relative to its item's page: the URL its web archive record has too (urlPathOf). */
export function publishedHref(name: string): string {
  return urlPathOf(name);
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
