/**
 * Every build-time read of Pagefind's private output, in one place: a bundle's entry
 * (`pagefind-entry.json`), metadata (`pagefind.<hash>.pf_meta`) and filter files
 * (`filter/<hash>.pf_filter`). They are Pagefind's internals, not its API, so the search page's
 * facet file, made from them, is written only for a Pagefind version this build was tested with
 * (`untestedPagefind`). With another version the build writes none and the search page counts
 * facets with Pagefind's public API (`filters()` and each search's `filters`), slower but correct.
 * The decoder of the same formats, which the page runs too, is src/assets/shared/facet-index.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  FacetIndexError,
  facetFilePath,
  facetFileSignature,
  inflate,
  readFacetFile,
  readFilter,
  readMeta,
  type FilterPages,
} from "../../../src/assets/shared/facet-index.ts";
import { encodeFacetFile } from "./facet-file.ts";

/** Pagefind versions whose private files this module and facet-index.ts were tested with. */
export const testedPagefindVersions = ["1.6.0"];

/**
 * Tests set this to pretend another Pagefind is installed, to build a site on the public API only.
 * Nothing else reads it.
 */
export const pretendedPagefindVersion = "ARCHIVE_TEST_PAGEFIND_VERSION";

/** The installed `pagefind` package's version, from its package.json; undefined if it cannot be read. */
export function installedPagefindVersion(): string | undefined {
  const pretended = process.env[pretendedPagefindVersion];
  if (pretended) return pretended;
  // The package exports no package.json: walk up from its entry point.
  let dir = path.dirname(fileURLToPath(import.meta.resolve("pagefind")));
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (manifest.name === "pagefind") return manifest.version;
  }
  return undefined;
}

/** The build's warning when Pagefind's private files cannot be trusted: the installed version was not tested here. */
export function untestedPagefind(version: string | undefined): string | undefined {
  if (version !== undefined && testedPagefindVersions.includes(version)) return undefined;
  return (
    `Pagefind ${version ?? "of an unknown version"} is not one this build was tested with (${testedPagefindVersions.join(", ")}): ` +
    "the search page counts facets with Pagefind's own filters"
  );
}

/** Pagefind's entry file in each bundle: its languages, each with its page count and wasm. */
export const indexEntryFile = "pagefind-entry.json";

interface IndexEntry {
  languages?: Record<string, { page_count?: number; wasm?: string }>;
}

/** Pages in a written index: the sum over its languages in `pagefind-entry.json`. */
export function indexedPageCount(entryJson: string): number {
  const entry = JSON.parse(entryJson) as IndexEntry;
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/**
 * The wasm files a search on this index loads: one per language in `pagefind-entry.json`
 * ("wasm.en.pagefind"). Pagefind also writes `wasm.unknown.pagefind`, which an English index never asks for.
 */
export function indexWasmFiles(entryJson: string): string[] {
  const entry = JSON.parse(entryJson) as IndexEntry;
  return Object.values(entry.languages ?? {}).map((language) => `wasm.${language.wasm ?? "unknown"}.pagefind`);
}

export interface FacetFileReport {
  /** Files written, one per language's metadata. */
  files: number;
  bytes: number;
}

/**
 * Writes the search page's facet file (src/assets/shared/facet-index.ts, `readFacetFile`) for each
 * metadata file in `bundleDir`: Pagefind's filters re-encoded compactly (15 kB gzipped on the 10k
 * archive instead of Pagefind's 81 kB), so that the facets' counts cost a cold query one small
 * download. Made from what Pagefind wrote, not from the content: its page numbers are Pagefind's own.
 */
export async function writeFacetFiles(bundleDir: string): Promise<FacetFileReport> {
  const report: FacetFileReport = { files: 0, bytes: 0 };
  for (const metaFile of readdirSync(bundleDir).filter((name) => name.endsWith(".pf_meta")).sort()) {
    const target = facetFilePath(metaFile);
    if (!target) continue;
    const meta = readMeta(await inflate(new Uint8Array(readFileSync(path.join(bundleDir, metaFile)))));
    const filters: FilterPages[] = [];
    for (const hash of meta.filterFiles.values()) {
      filters.push(readFilter(await inflate(new Uint8Array(readFileSync(path.join(bundleDir, "filter", `${hash}.pf_filter`)))), meta.pages.length));
    }
    const bytes = gzipSync(Buffer.concat([Buffer.from(facetFileSignature), encodeFacetFile(meta.pages.length, filters)]), { level: 9 });
    const unreadable = await facetFileProblem(bytes, meta.pages.length, filters);
    if (unreadable) throw new Error(`the search page's facet file ${target} would not read back as written (${unreadable}); it is not published`);
    // Pagefind writes no filter folder for an index without filters.
    mkdirSync(path.join(bundleDir, "filter"), { recursive: true });
    writeFileSync(path.join(bundleDir, target), bytes);
    report.files++;
    report.bytes += bytes.length;
  }
  return report;
}

/**
 * Reads a facet file back as the search page does (`readFacetFile`) and compares it with what it
 * was made from: a file the page cannot read, or reads differently, is never published.
 */
export async function facetFileProblem(bytes: Uint8Array, pageCount: number, filters: readonly FilterPages[]): Promise<string | undefined> {
  let read: FilterPages[];
  try {
    read = readFacetFile(await inflate(new Uint8Array(bytes), facetFileSignature), pageCount);
  } catch (error) {
    return error instanceof FacetIndexError ? error.message : String(error);
  }
  const shape = (list: readonly FilterPages[]) => JSON.stringify(list.map(({ name, values }) => [name, values.map(([value, pages]) => [value, [...pages].sort((a, b) => a - b)])]));
  return shape(read) === shape(filters) ? undefined : "its filters, values or pages differ from Pagefind's";
}
