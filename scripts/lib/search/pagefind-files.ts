/**
 * The build's file work on Pagefind's private output: the search page's facet files, made from a
 * bundle's metadata and filter files (their layout and formats: src/assets/shared/pagefind-internals.ts),
 * written only for a Pagefind version this build was tested with (`untestedPagefind` there). With
 * another version the build writes none and the search page counts facets with Pagefind's public
 * API (`filters()` and each search's `filters`), slower but correct.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  FacetIndexError,
  encodeFacetFile,
  facetFilePath,
  facetFileSignature,
  inflate,
  readFacetFile,
  readFilter,
  readMeta,
  filterChunkPath,
  metaSuffix,
  type FilterPages,
} from "../../../src/assets/shared/pagefind-internals.ts";

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

export interface FacetFileReport {
  /** Files written, one per language's metadata. */
  files: number;
  bytes: number;
}

/**
 * Writes the search page's facet file (src/assets/shared/pagefind-internals.ts, `readFacetFile`)
 * for each metadata file in `bundleDir`: Pagefind's filters re-encoded compactly
 * (docs/benchmarks.md), so that the facets' counts cost a cold query one small download. Made
 * from what Pagefind wrote, not from the content: its page numbers are Pagefind's own.
 */
export async function writeFacetFiles(bundleDir: string): Promise<FacetFileReport> {
  const report: FacetFileReport = { files: 0, bytes: 0 };
  for (const metaFile of readdirSync(bundleDir)
    .filter((name) => name.endsWith(metaSuffix))
    .sort()) {
    const target = facetFilePath(metaFile);
    if (!target) continue;
    const meta = readMeta(await inflate(new Uint8Array(readFileSync(path.join(bundleDir, metaFile)))));
    const filters: FilterPages[] = [];
    for (const hash of meta.filterFiles.values()) {
      filters.push(
        readFilter(
          await inflate(new Uint8Array(readFileSync(path.join(bundleDir, filterChunkPath(hash))))),
          meta.pages.length,
        ),
      );
    }
    const bytes = gzipSync(
      Buffer.concat([Buffer.from(facetFileSignature), encodeFacetFile(meta.pages.length, filters)]),
      { level: 9 },
    );
    const unreadable = await facetFileProblem(bytes, meta.pages.length, filters);
    if (unreadable)
      throw new Error(
        `the search page's facet file ${target} would not read back as written (${unreadable}); it is not published`,
      );
    // Pagefind writes no filter folder for an index without filters.
    mkdirSync(path.dirname(path.join(bundleDir, target)), { recursive: true });
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
export async function facetFileProblem(
  bytes: Uint8Array,
  pageCount: number,
  filters: readonly FilterPages[],
): Promise<string | undefined> {
  let read: FilterPages[];
  try {
    read = readFacetFile(await inflate(new Uint8Array(bytes), facetFileSignature), pageCount);
  } catch (error) {
    return error instanceof FacetIndexError ? error.message : String(error);
  }
  const shape = (list: readonly FilterPages[]) =>
    JSON.stringify(
      list.map(({ name, values }) => [name, values.map(([value, pages]) => [value, [...pages].sort((a, b) => a - b)])]),
    );
  return shape(read) === shape(filters) ? undefined : "its filters, values or pages differ from Pagefind's";
}
