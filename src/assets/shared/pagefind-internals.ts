/**
 * Pagefind's internals, the one place that knows them: its bundle's file layout, its private file
 * formats (gzipped CBOR behind a `pagefind_dcd` signature, read as pagefind.js 1.6 reads them), the
 * search page's facet file made from them (encoder and decoder together), and the Pagefind versions
 * they were tested with. The build (scripts/) and the search page (bundled by esbuild) both import it.
 * Anything unexpected throws `FacetIndexError`; the page then lets Pagefind filter and count itself.
 */

/** Pagefind versions whose private files this module was tested with. */
export const testedPagefindVersions = ["1.6.0"];

/** The build's warning when Pagefind's private files cannot be trusted: the installed version was not tested here. */
export function untestedPagefind(version: string | undefined): string | undefined {
  if (version !== undefined && testedPagefindVersions.includes(version)) return undefined;
  return (
    `Pagefind ${version ?? "of an unknown version"} is not one this build was tested with (${testedPagefindVersions.join(", ")}): ` +
    "the search page counts facets with Pagefind's own filters"
  );
}

/** The bundle's folder in the site. */
export const bundleFolder = "pagefind";
/** Pagefind's script, which the page imports. */
export const scriptFile = "pagefind.js";
/** Pagefind's worker script (unused: the page runs Pagefind with `noWorker`). */
export const workerFile = "pagefind-worker.js";
/** Pagefind's entry file in each bundle: its languages, each with its page count and wasm. */
export const indexEntryFile = "pagefind-entry.json";
/** The folder of each further bundle of an index in parts: `pagefind/part-1/`. */
export const partFolderPrefix = "part-";
/** Folders of the chunks a search loads as it needs them: named by their content's hash. */
export const chunkFolders = ["fragment", "index", "filter"] as const;
/** A chunk's file name ending: word index, page fragment, filter; and the facet file's. */
export const chunkSuffixes = [".pf_index", ".pf_fragment", ".pf_filter", ".facets"] as const;
/** The metadata's file name ending: `pagefind.<language>_<hash>.pf_meta`. */
export const metaSuffix = ".pf_meta";
/** The wasm file a language's search loads. */
export function wasmFile(language: string): string {
  return `wasm.${language}.pagefind`;
}
/** A filter's chunk, by the hash the metadata lists for it. */
export function filterChunkPath(hash: string): string {
  return `filter/${hash}.pf_filter`;
}
/** A wasm file's name at the end of a path. */
export const wasmFilePattern = /\/(wasm\.[^/]+\.pagefind)$/;

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
  return Object.values(entry.languages ?? {}).map((language) => wasmFile(language.wasm ?? "unknown"));
}

export class FacetIndexError extends Error {}

const pagefindSignature = "pagefind_dcd";
/** The facet file's signature. */
export const facetFileSignature = "archive_facets";

/**
 * A gzipped data file whose content starts with `signature` (Pagefind's files, the facet file):
 * gzipped, or already inflated by the browser when a server sent it with Content-Encoding.
 * Returns what follows the signature.
 */
export async function inflate(bytes: Uint8Array<ArrayBuffer>, signature = pagefindSignature): Promise<Uint8Array<ArrayBuffer>> {
  let data = bytes;
  if (!hasSignature(data, signature)) {
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
    data = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  if (!hasSignature(data, signature)) throw new FacetIndexError(`not the expected data file (no ${signature} signature)`);
  return data.subarray(signature.length);
}

function hasSignature(data: Uint8Array, signature: string): boolean {
  if (data.length < signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (data[i] !== signature.charCodeAt(i)) return false;
  return true;
}

/** A CBOR decoder (RFC 8949) for what Pagefind writes: unsigned integers, strings, arrays, maps, simple values. */
export function decodeCbor(data: Uint8Array): unknown {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const text = new TextDecoder();
  let at = 0;
  const fail = (what: string): never => {
    throw new FacetIndexError(`unexpected CBOR at byte ${at}: ${what}`);
  };
  const length = (info: number): number => {
    if (info < 24) return info;
    let value = 0;
    if (info === 24) value = view.getUint8(at);
    else if (info === 25) value = view.getUint16(at);
    else if (info === 26) value = view.getUint32(at);
    else if (info === 27) value = Number(view.getBigUint64(at));
    else if (info === 31) return -1;
    else fail(`additional information ${info}`);
    at += 1 << (info - 24);
    return value;
  };
  const item = (): unknown => {
    if (at >= data.length) fail("end of data");
    const head = data[at++] as number;
    const major = head >> 5;
    const info = head & 31;
    if (major === 0) return length(info);
    if (major === 1) return -1 - length(info);
    if (major === 2 || major === 3) {
      const size = length(info);
      if (size < 0 || at + size > data.length) fail("string length");
      const bytes = data.subarray(at, at + size);
      at += size;
      return major === 3 ? text.decode(bytes) : bytes;
    }
    if (major === 4) {
      const size = length(info);
      const array: unknown[] = [];
      if (size < 0) {
        while (data[at] !== 0xff) array.push(item());
        at++;
      } else for (let i = 0; i < size; i++) array.push(item());
      return array;
    }
    if (major === 5) {
      const size = length(info);
      const map = new Map<unknown, unknown>();
      for (let i = 0; i < size; i++) map.set(item(), item());
      return map;
    }
    if (major === 7 && info >= 20 && info <= 22) return info === 20 ? false : info === 21 ? true : null;
    return fail(`major type ${major}`);
  };
  const value = item();
  if (at !== data.length) fail("trailing bytes");
  return value;
}

export interface IndexMeta {
  /** Page hashes (a search result's `id`) by page number. */
  pages: string[];
  /** Filter name → its file's hash. */
  filterFiles: Map<string, string>;
}

const isArray = Array.isArray;

/** Pagefind's metadata: `[version, [[page hash, word count, …]], index chunks, [[filter, file hash]], sorts, meta fields]`. */
export function readMeta(bytes: Uint8Array): IndexMeta {
  const meta = decodeCbor(bytes);
  if (!isArray(meta) || !isArray(meta[1]) || !isArray(meta[3])) throw new FacetIndexError("metadata: unexpected layout");
  const pages = meta[1].map((page: unknown) => {
    if (!isArray(page) || typeof page[0] !== "string") throw new FacetIndexError("metadata: unexpected page entry");
    return page[0];
  });
  const filterFiles = new Map<string, string>();
  for (const filter of meta[3] as unknown[]) {
    if (!isArray(filter) || typeof filter[0] !== "string" || typeof filter[1] !== "string") throw new FacetIndexError("metadata: unexpected filter entry");
    filterFiles.set(filter[0], filter[1]);
  }
  return { pages, filterFiles };
}

/** One filter: its name and each value with its page numbers. */
export interface FilterPages {
  name: string;
  values: [string, number[]][];
}

/** One filter file: `[name, [[value, [page numbers]]]]`. */
export function readFilter(bytes: Uint8Array, pageCount: number): FilterPages {
  const filter = decodeCbor(bytes);
  if (!isArray(filter) || typeof filter[0] !== "string" || !isArray(filter[1])) throw new FacetIndexError("filter: unexpected layout");
  const values = filter[1].map((entry: unknown): [string, number[]] => {
    if (!isArray(entry) || typeof entry[0] !== "string" || !isArray(entry[1])) throw new FacetIndexError("filter: unexpected value entry");
    const pages = entry[1] as unknown[];
    for (const page of pages) {
      if (typeof page !== "number" || !Number.isInteger(page) || page < 0 || page >= pageCount) throw new FacetIndexError("filter: page number out of range");
    }
    return [entry[0], pages as number[]];
  });
  return { name: filter[0], values };
}

/** The facet file's format: in its name, so that a new format is never read from an old cached file. */
const facetFileVersion = 1;

/**
 * The facet file, `filter/<language>_<metadata hash>.v1.facets` beside Pagefind's filter files,
 * named after the metadata whose page numbers it uses (`pagefind.<language>_<hash>.pf_meta`). That
 * metadata lists the hashes of the filter files the facet file is made from, so its name changes
 * with its content, as theirs do, and can be cached as long.
 */
export function facetFilePath(metaUrl: string): string | undefined {
  const stem = /pagefind\.([^/]+)\.pf_meta$/.exec(new URL(metaUrl, "http://x/").pathname)?.[1];
  return stem ? `filter/${stem}.v${facetFileVersion}.facets` : undefined;
}

/**
 * The facet file's content (after `inflate(bytes, facetFileSignature)`): Pagefind's filters, the
 * same names, values and pages in the same order, as CBOR
 * `[pageCount, [[filter, [[value, pages]]]]]`, where `pages` is a byte string of ascending page
 * numbers, each written as the gap from the one before (minus one; the first from -1) in LEB128:
 * most gaps fit in one byte, and gzip packs the rest.
 */
export function readFacetFile(bytes: Uint8Array, pageCount: number): FilterPages[] {
  const file = decodeCbor(bytes);
  if (!isArray(file) || file[0] !== pageCount || !isArray(file[1])) throw new FacetIndexError("facet file: not for this index");
  return file[1].map((filter: unknown): FilterPages => {
    if (!isArray(filter) || typeof filter[0] !== "string" || !isArray(filter[1])) throw new FacetIndexError("facet file: unexpected filter");
    const values = filter[1].map((entry: unknown): [string, number[]] => {
      if (!isArray(entry) || typeof entry[0] !== "string" || !(entry[1] instanceof Uint8Array)) throw new FacetIndexError("facet file: unexpected value");
      return [entry[0], readGaps(entry[1], pageCount)];
    });
    return { name: filter[0], values };
  });
}

function readGaps(bytes: Uint8Array, pageCount: number): number[] {
  const pages: number[] = [];
  let page = -1;
  let gap = 0;
  let shift = 0;
  for (const byte of bytes) {
    gap += (byte & 0x7f) * 2 ** shift;
    if (byte & 0x80) {
      shift += 7;
      continue;
    }
    page += gap + 1;
    if (page >= pageCount) throw new FacetIndexError("facet file: page number out of range");
    pages.push(page);
    gap = 0;
    shift = 0;
  }
  if (shift !== 0) throw new FacetIndexError("facet file: truncated page number");
  return pages;
}
/** The facet file's content, the inverse of `readFacetFile`: CBOR (RFC 8949), pages as LEB128 gaps. */
export function encodeFacetFile(pageCount: number, filters: readonly FilterPages[]): Uint8Array {
  const out: number[] = [];
  const utf8 = new TextEncoder();
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
    const encoded = utf8.encode(value);
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
      bytes(writeGaps(pages));
    }
  }
  return Uint8Array.from(out);
}

/** Ascending page numbers as LEB128 gaps (page − previous − 1, the first from −1). */
function writeGaps(pages: readonly number[]): number[] {
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
