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
    `Pagefind ${version ?? "of an unknown version"} is not one this build was tested with ` +
    `(${testedPagefindVersions.join(", ")}): ` +
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
/** Each further bundle of an index in parts, inside the first: `pagefind/part-2/`. */
export function partFolder(part: number): string {
  return `${bundleFolder}/${partFolderPrefix}${part}`;
}
/** The folder name of a part without its number, for patterns: `pagefind/part-*`. */
export const partFolderPrefix = "part-";
/** Folders of the chunks a search loads as it needs them, each file named by its content's hash. */
export const chunkFolders = ["fragment", "index", "filter"] as const;
/** The metadata's file name ending: `pagefind.<language>_<hash>.pf_meta`. */
export const metaSuffix = ".pf_meta";
/** A page fragment's file name ending (a result's text, loaded as the result is shown). */
export const fragmentSuffix = ".pf_fragment";
/** Pagefind's data files, as opposed to its scripts, wasm and UI files. */
export function isIndexData(file: string): boolean {
  return /\.pf_(meta|index|fragment|filter)$/.test(file);
}
/** A chunk a search loads as it needs it: word index, page fragment, filter, or the facet file. */
export function isChunk(file: string): boolean {
  return /\.(pf_index|pf_fragment|pf_filter|facets)$/.test(file);
}
/** The start of every wasm file's name, for patterns: `wasm.*`. */
export const wasmFilePrefix = "wasm.";
/** The wasm file a language's search loads. */
export function wasmFile(language: string): string {
  return `${wasmFilePrefix}${language}.pagefind`;
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
export async function inflate(
  bytes: Uint8Array<ArrayBuffer>,
  signature = pagefindSignature,
): Promise<Uint8Array<ArrayBuffer>> {
  let data = bytes;
  if (!hasSignature(data, signature)) {
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
    data = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  if (!hasSignature(data, signature))
    throw new FacetIndexError(`not the expected data file (no ${signature} signature)`);
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

/**
 * Pagefind's metadata:
 * `[version, [[page hash, word count, …]], index chunks, [[filter, file hash]], sorts, meta fields]`.
 */
export function readMeta(bytes: Uint8Array): IndexMeta {
  const meta = decodeCbor(bytes);
  if (!isArray(meta) || !isArray(meta[1]) || !isArray(meta[3]))
    throw new FacetIndexError("metadata: unexpected layout");
  const pages = meta[1].map((page: unknown) => {
    if (!isArray(page) || typeof page[0] !== "string") throw new FacetIndexError("metadata: unexpected page entry");
    return page[0];
  });
  const filterFiles = new Map<string, string>();
  for (const filter of meta[3] as unknown[]) {
    if (!isArray(filter) || typeof filter[0] !== "string" || typeof filter[1] !== "string")
      throw new FacetIndexError("metadata: unexpected filter entry");
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
  if (!isArray(filter) || typeof filter[0] !== "string" || !isArray(filter[1]))
    throw new FacetIndexError("filter: unexpected layout");
  const values = filter[1].map((entry: unknown): [string, number[]] => {
    if (!isArray(entry) || typeof entry[0] !== "string" || !isArray(entry[1]))
      throw new FacetIndexError("filter: unexpected value entry");
    const pages = entry[1] as unknown[];
    for (const page of pages) {
      if (typeof page !== "number" || !Number.isInteger(page) || page < 0 || page >= pageCount)
        throw new FacetIndexError("filter: page number out of range");
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
  if (!isArray(file) || file[0] !== pageCount || !isArray(file[1]))
    throw new FacetIndexError("facet file: not for this index");
  return file[1].map((filter: unknown): FilterPages => {
    if (!isArray(filter) || typeof filter[0] !== "string" || !isArray(filter[1]))
      throw new FacetIndexError("facet file: unexpected filter");
    const values = filter[1].map((entry: unknown): [string, number[]] => {
      if (!isArray(entry) || typeof entry[0] !== "string" || !(entry[1] instanceof Uint8Array))
        throw new FacetIndexError("facet file: unexpected value");
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

/** Pagefind's metadata as the page downloaded it: its URL and bytes. */
export interface SeenMeta {
  url: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Wraps the page's `fetch` for the files of Pagefind's bundle (`bundleUrl`, ".../pagefind/"):
 * - the wasm of every part of an index in parts is the first bundle's, downloaded once (see
 *   `loadPagefind` in src/assets/search/pagefind.ts);
 * - it keeps a copy of each bundle's metadata file (`pagefind.<hash>.pf_meta`) Pagefind downloads,
 *   which the facets need too (its list of pages and filters), instead of downloading it twice;
 * - a part of the index (`.pf_index`, `.pf_fragment`, `.pf_filter`, the facet file) that the service
 *   worker answers as not saved fails with `NotSavedError`, counted, so the page can say what is missing.
 * Every other request goes through unchanged. Returns a bundle's metadata by its URL. Pagefind 1.6
 * has no option for either (its wasm is always `<basePath>wasm.<language>.pagefind`, fetched with
 * the global `fetch`).
 */
export function watchFetch(
  bundleUrl: string,
  requireSaved: (response: Response, url: string) => Response,
): (bundle: string) => Promise<SeenMeta | undefined> {
  const original = globalThis.fetch.bind(globalThis);
  /** Each bundle's metadata, by the bundle's URL. */
  const metas = new Map<string, Promise<SeenMeta | undefined>>();
  /** Pagefind's wasm by file name: downloaded once, each part given the same bytes (see `loadPagefind`). */
  const wasm = new Map<string, Promise<ArrayBuffer>>();
  globalThis.fetch = async (input, init) => {
    const requested = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const address = new URL(requested, location.href);
    if (!address.href.startsWith(bundleUrl)) return original(input, init);
    const engine = wasmFilePattern.exec(address.pathname)?.[1];
    if (engine) {
      // Every part asks for its own folder's wasm; the build keeps only the first bundle's.
      let bytes = wasm.get(engine);
      if (!bytes) {
        // A failed download is not kept: Pagefind sees it, and the next part tries again.
        bytes = original(new URL(engine, bundleUrl).href, init).then((response) =>
          response.ok ? response.arrayBuffer() : Promise.reject(response),
        );
        wasm.set(engine, bytes);
        bytes.catch(() => wasm.delete(engine));
      }
      try {
        return new Response(await bytes);
      } catch (failure) {
        if (failure instanceof Response) return failure;
        throw failure;
      }
    }
    if (isChunk(address.pathname)) {
      return original(input, init).then((response) => requireSaved(response, address.href));
    }
    const response = original(input, init);
    const bundle = new URL(".", address).href;
    if (address.pathname.endsWith(metaSuffix) && !metas.has(bundle)) {
      // Cloned before Pagefind reads the body: this reaction was registered first.
      metas.set(
        bundle,
        response.then(
          async (answer) =>
            answer.ok ? { url: address.href, bytes: new Uint8Array(await answer.clone().arrayBuffer()) } : undefined,
          () => undefined,
        ),
      );
    }
    return response;
  };
  return (bundle) => metas.get(bundle) ?? Promise.resolve(undefined);
}
