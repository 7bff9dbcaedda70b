/**
 * The images and documents an imported page uses, brought into its page bundle
 * (`news/<year>/<slug>/index.md` with its files beside it, as scripts/lib/content/item-files.ts
 * reads them). A file is the archive's own only if the crawl holds it and it is what its name says
 * (a JPEG that is a JPEG, a PDF that is a PDF); otherwise the link keeps its old address and the
 * report says so. Images are never linked from the old site.
 */
import path from "node:path";
import slugify from "@sindresorhus/slugify";
import { documentTypes, imageTypes } from "../content/item-files.ts";
import { alternation } from "../util/regex.ts";

/** A file type by its first bytes, as the build's media phase will need it to be. */
const signatures: { extension: string; test(bytes: Uint8Array): boolean }[] = [
  { extension: ".jpg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { extension: ".png", test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { extension: ".gif", test: (b) => ascii(b, 0, 4) === "GIF8" },
  { extension: ".webp", test: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP" },
  { extension: ".avif", test: (b) => ascii(b, 4, 8) === "ftyp" && /^avi[fs]$/.test(ascii(b, 8, 12)) },
  { extension: ".tif", test: (b) => ascii(b, 0, 4) === "II*\u0000" || ascii(b, 0, 4) === "MM\u0000*" },
  { extension: ".pdf", test: (b) => ascii(b, 0, 5) === "%PDF-" },
];

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The extension the bytes say the file has, for the types whose bytes say it; undefined otherwise. */
export function sniffedExtension(bytes: Uint8Array): string | undefined {
  return signatures.find((signature) => signature.test(bytes))?.extension;
}

/** Whether an address names a document the build publishes (by its extension): .pdf, .docx, … */
export function isDocumentAddress(url: string): boolean {
  return documentTypes[extensionOf(url)] !== undefined;
}

export function extensionOf(url: string): string {
  let name: string;
  try {
    name = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
  } catch {
    name = new URL(url).pathname.split("/").pop() ?? "";
  }
  return path.extname(name).toLowerCase();
}

/**
 * A file name for the bundle from an old address's last segment: "Good%20Practices_Guide.PDF" →
 * "good-practices-guide.pdf". Only letters, digits and hyphens remain, so no name can climb out of
 * its folder; `taken` names in the bundle get "-2", "-3".
 */
export function bundleFileName(url: string, taken: ReadonlySet<string>, fallbackExtension = ""): string {
  const extension = extensionOf(url);
  const known = imageTypes[extension] !== undefined || documentTypes[extension] !== undefined;
  let segment = new URL(url).pathname.split("/").pop() ?? "";
  try {
    segment = decodeURIComponent(segment);
  } catch {
    // Kept as written: slugify folds the % signs away.
  }
  const stem =
    slugify(known ? segment.slice(0, -extension.length) : segment, { decamelize: false }).slice(0, 80) || "file";
  const ending = known ? (extension === ".jpeg" ? ".jpeg" : extension) : fallbackExtension;
  let name = `${stem}${ending}`;
  for (let count = 2; taken.has(name) || name === "index.md"; count++) name = `${stem}-${count}${ending}`;
  return name;
}

/** Link texts that say nothing of the document: its name is a better title. */
const vagueLinkTexts = alternation([
  /here|click here|this|this link|link|download|pdf|read more|more|the full text|full text/,
  /aquí|ici|descargar|télécharger/,
]);
const vagueLinkText = new RegExp(`^(?:${vagueLinkTexts})$`, "i");

/** A document's title: the link's text, or its file name in words when the text says nothing ("here"). */
export function documentTitle(linkText: string, url: string): { title: string; fromName: boolean } {
  const text = linkText.replace(/\s+/g, " ").trim();
  if (text && !vagueLinkText.test(text)) return { title: text, fromName: false };
  let name = new URL(url).pathname.split("/").pop() ?? "";
  try {
    name = decodeURIComponent(name);
  } catch {
    // Kept as written.
  }
  const words = name
    .replace(/\.[a-z0-9]+$/i, "")
    .replace(/[-_+.]+/g, " ")
    .trim();
  return { title: words || "Document", fromName: true };
}
