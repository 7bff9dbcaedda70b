/**
 * The search page's facet file, encoded: Pagefind's filters, values and pages, compactly (its
 * format: src/assets/shared/facet-index.ts, `readFacetFile`, which the page and the build share).
 * It is made from Pagefind's own files, and read back before it is published, in
 * scripts/lib/search/pagefind-files.ts.
 */
import type { FilterPages } from "../../../src/assets/shared/facet-index.ts";

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
