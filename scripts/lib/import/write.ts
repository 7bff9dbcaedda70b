/**
 * Writing what the import made: each item's Markdown and files are staged in a folder inside the
 * content folder, checked by the build's own content check (scripts/lib/content/load.ts, the
 * archive's alias checks), and moved into place only when the whole import got that far. A small
 * manifest beside the content (`import-manifest.json`) keeps a hash of every file the import wrote,
 * so that a file staff have edited since is never overwritten (unless --overwrite), and a second
 * import of the same crawl writes nothing.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import YAML from "yaml";
import {
  assembleContent,
  contentReader,
  listContent,
  type ContentFile,
  type FileResult,
  type LoadOptions,
} from "../content/load.ts";
import { formatProblem } from "../content/problems.ts";
import { Archive } from "../model/archive.ts";
import { displayPath, isInside } from "../util/paths.ts";

export const manifestName = "import-manifest.json";
export const reportName = "import-report.md";

export interface Manifest {
  /**
   * Which folder (news/2023/slug) each old page (by its key, merge.ts) was imported into: its slug
   * stays on later imports.
   */
  items: Record<string, string>;
  /** The SHA-256 of every file as the import last wrote it, by path in the content folder. */
  files: Record<string, string>;
}

/** The content folder cannot take the import: the message names the file and what to do. */
export class ContentFolderError extends Error {
  override name = "ContentFolderError";
}

export function readManifest(contentDir: string): Manifest {
  const file = path.join(contentDir, manifestName);
  if (!existsSync(file)) return { items: {}, files: {} };
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<Manifest>;
    return { items: { ...data.items }, files: { ...data.files } };
  } catch (error) {
    throw new ContentFolderError(
      `${displayPath(file)}: is not the import's manifest (${(error as Error).message}): move it away to import afresh`,
    );
  }
}

export function hashOf(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** What happens to one file of an item, compared with the content folder and the manifest. */
export type FileFate = "new" | "updated" | "unchanged" | "kept";

/**
 * A file is new where nothing is; unchanged where the same bytes are; updated where the import's
 * own earlier version is; kept (not written) where someone has changed it since, unless `overwrite`.
 */
export function fateOf(
  contentDir: string,
  relative: string,
  hash: string,
  manifest: Manifest,
  overwrite: boolean,
): FileFate {
  const target = path.join(contentDir, relative);
  if (!existsSync(target)) return "new";
  const current = hashOf(readFileSync(target));
  if (current === hash) return "unchanged";
  return overwrite || manifest.files[relative] === current ? "updated" : "kept";
}

/** Writes a file under `root`, refusing any path that would leave it. */
export function writeInside(root: string, relative: string, bytes: Uint8Array | string): void {
  const target = path.resolve(root, relative);
  if (!isInside(target, path.resolve(root)))
    throw new ContentFolderError(`${relative}: would be written outside ${displayPath(root)}: refused`);
  makeFolder(path.dirname(target));
  writeFileSync(target, bytes);
}

// Folders made by this process: a crawl of 10,000 items would otherwise ask for each folder several times.
const madeFolders = new Set<string>();
function makeFolder(folder: string): void {
  if (madeFolders.has(folder)) return;
  mkdirSync(folder, { recursive: true });
  madeFolders.add(folder);
}

/** A staging folder inside the content folder (a dot-folder the build does not read), or in `scratch` for a dry run. */
export function makeStaging(contentDir: string, scratch?: string): string {
  mkdirSync(contentDir, { recursive: true });
  return mkdtempSync(path.join(scratch ?? contentDir, ".import-staging-"));
}

/**
 * Moves the staged files into the content folder (the same file system, so renames): a new item's
 * whole folder at once, the files of an item already there one by one.
 */
export function moveIntoContent(staging: string, contentDir: string, relatives: readonly string[]): void {
  const root = path.resolve(contentDir);
  const byFolder = new Map<string, string[]>();
  for (const relative of relatives) {
    const target = path.resolve(root, relative);
    if (!isInside(target, root))
      throw new ContentFolderError(`${relative}: would be written outside ${displayPath(contentDir)}: refused`);
    const folder = path.dirname(relative);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), relative]);
  }
  for (const [folder, files] of byFolder) {
    const target = path.join(root, folder);
    const staged = path.join(staging, folder);
    if (!existsSync(target) && readdirSync(staged).length === files.length) {
      makeFolder(path.dirname(target));
      renameSync(staged, target);
      continue;
    }
    makeFolder(target);
    for (const relative of files) renameSync(path.join(staging, relative), path.join(root, relative));
  }
}

export function removeStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/** Front matter fields in the order staff read them; `draftReason` becomes a comment on the draft line. */
export function itemText(fields: Record<string, unknown>, body: string, draftReason?: string): string {
  const yaml = YAML.stringify(fields, { lineWidth: 0, defaultKeyType: "PLAIN", defaultStringType: "PLAIN" });
  const withReason = draftReason
    ? yaml.replace(/^draft: true$/m, `draft: true # ${draftReason.replace(/\s+/g, " ")}`)
    : yaml;
  return `---\n${withReason}---\n${body}`;
}

export interface CheckedItems {
  /** The build's messages for each staged item it refuses, by the item's path in the content folder. */
  refused: Map<string, string[]>;
  /** Problems of content files the import did not write: reported, not the import's to fix. */
  existing: string[];
}

/**
 * The build's content check over the content folder as it would be after the import: its files,
 * with the staged items in place of those they replace. Each staged item's own problems (front
 * matter, body, files) and the archive's (aliases over pages or over each other, URL clashes) are
 * given back by the item's final path, in the build's words.
 */
export function checkStaged(
  staging: string,
  contentDir: string,
  stagedItems: readonly ContentFile[],
  options: Omit<LoadOptions, "contentDir">,
): CheckedItems {
  const stagedRelatives = new Set(stagedItems.map((item) => path.relative(staging, item.file)));
  const listed = existsSync(contentDir) ? listContent(contentDir) : undefined;
  const existingFiles = listed?.ok
    ? listed.files.filter((file) => !stagedRelatives.has(path.relative(contentDir, file.file)))
    : [];
  const readExisting = contentReader({ ...options, contentDir, preview: true });
  const readStaged = contentReader({ ...options, contentDir: staging, preview: true });
  const files = [...existingFiles, ...stagedItems];
  const results: FileResult[] = [
    ...existingFiles.map((file) => readExisting(file)),
    ...stagedItems.map((file) => readStaged(file)),
  ];
  const { content, problems } = assembleContent({ ...options, contentDir, preview: true }, files, [], results);
  const archive = new Archive({ ...options, content, preview: true });
  // Messages name staged files where they will be: a message may name another staged item too.
  const stagedShown = displayPath(staging) + path.sep;
  const contentShown = displayPath(contentDir);
  const finalPaths = (message: string) =>
    message.replaceAll(stagedShown, contentShown === "." ? "" : contentShown + path.sep);
  const refused = new Map<string, string[]>();
  const existing: string[] = [];
  for (const problem of [...problems, ...archive.problems]) {
    const message = finalPaths(formatProblem(problem));
    if (!problem.file.startsWith(stagedShown)) {
      existing.push(message);
      continue;
    }
    const relative = problem.file.slice(stagedShown.length);
    refused.set(relative, [...(refused.get(relative) ?? []), message]);
  }
  return { refused, existing };
}
