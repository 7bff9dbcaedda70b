/**
 * Writes the search page's facet file beside Pagefind's filter files: the same filters, values and
 * pages, re-encoded compactly (15 kB gzipped on the 10k archive instead of Pagefind's 81 kB), so
 * that the facets' counts cost a cold query one small download. The format and why it is read this
 * way: src/assets/shared/facet-index.ts (readFacetFile), which the page and this module share.
 *
 * It is made from what Pagefind wrote, not from the content: its page numbers are Pagefind's own.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
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

export interface FacetFileReport {
  /** Files written, one per language's metadata. */
  files: number;
  bytes: number;
}

/** Writes a facet file for each metadata file (`pagefind.<language>_<hash>.pf_meta`) in `bundleDir`. */
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

/** `[pageCount, [[filter, [[value, gaps]]]]]` in CBOR (RFC 8949), pages as LEB128 gaps. */
export function encodeFacetFile(pageCount: number, filters: readonly FilterPages[]): Buffer {
  const out: number[] = [];
  const head = (major: number, value: number) => {
    if (value < 24) out.push((major << 5) | value);
    else if (value < 0x100) out.push((major << 5) | 24, value);
    else if (value < 0x10000) out.push((major << 5) | 25, value >> 8, value & 0xff);
    else out.push((major << 5) | 26, (value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
  };
  const bytes = (data: readonly number[]) => {
    head(2, data.length);
    for (const byte of data) out.push(byte);
  };
  const text = (value: string) => {
    const encoded = Buffer.from(value, "utf8");
    head(3, encoded.length);
    for (const byte of encoded) out.push(byte);
  };
  head(4, 2);
  head(0, pageCount);
  head(4, filters.length);
  for (const { name, values } of filters) {
    head(4, 2);
    text(name);
    head(4, values.length);
    for (const [value, pages] of values) {
      head(4, 2);
      text(value);
      bytes(gaps(pages));
    }
  }
  return Buffer.from(out);
}

/** Ascending page numbers as LEB128 gaps (page − previous − 1, the first from −1). */
function gaps(pages: readonly number[]): number[] {
  const out: number[] = [];
  let previous = -1;
  for (const page of [...pages].sort((a, b) => a - b)) {
    let gap = page - previous - 1;
    previous = page;
    while (gap >= 0x80) {
      out.push((gap & 0x7f) | 0x80);
      gap = Math.floor(gap / 0x80);
    }
    out.push(gap);
  }
  return out;
}
