/**
 * A static file server that gzips text as real hosts do (GitHub Pages, Netlify, Cloudflare), for
 * measuring what a visitor downloads. Pagefind's own data files (`.pf_*`, `.pagefind`) are
 * gzipped by Pagefind already and are sent as they are. It counts every response's body bytes as
 * sent, so the browser's figures can be checked against it. `extraPages` serves pages that are
 * not in the site folder (the comparison page for Pagefind's default UI), so the site is never
 * written to. `npm run serve` (scripts/serve.ts) serves a built site with it, as a host would.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".wasm": "application/wasm",
};

/** What hosts compress: text formats. Images, wasm blobs and Pagefind's gzipped chunks are sent as they are. */
const compressed = new Set([".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"]);

export interface ServedTotals {
  requests: number;
  /** Response bodies as sent (gzipped where the server gzipped). */
  bytes: number;
}

export interface StaticServer {
  url: string;
  /** Totals since the last reset: the server's own count of what it sent. */
  totals(): ServedTotals;
  reset(): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Pages served that are not in the site folder, by URL path. */
  extraPages?: ReadonlyMap<string, string>;
  /** Default: any free port. */
  port?: number;
  /** The folder the site is served from, e.g. "/archive/" (default "/"): other paths are not found. */
  basePath?: string;
  /** A page of the site sent, with status 404, for a path that names no file (e.g. "404.html"). */
  notFoundPage?: string;
}

export async function serveGzipped(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const { extraPages = new Map<string, string>(), basePath = "/" } = options;
  // Each file is read and compressed once: the first measured query must not pay for gzip.
  const cache = new Map<string, { raw: Buffer; gzipped: Buffer | undefined; mtimeMs: number }>();
  const load = (key: string, read: () => Buffer) => {
    let entry = cache.get(key);
    // A file rebuilt since it was cached is read again.
    if (entry && !key.startsWith("extra:") && statSync(key).mtimeMs > entry.mtimeMs) entry = undefined;
    if (!entry) {
      const mtimeMs = key.startsWith("extra:") ? 0 : statSync(key).mtimeMs;
      const raw = read();
      entry = { raw, gzipped: compressed.has(path.extname(key)) ? gzipSync(raw, { level: 6 }) : undefined, mtimeMs };
      cache.set(key, entry);
    }
    return entry;
  };
  /** The file (or extra page) a URL path names, as a cache key ending in its extension. */
  const resolve = (pathname: string): { key: string; read: () => Buffer } | undefined => {
    const extra = extraPages.get(pathname);
    if (extra !== undefined) return { key: `extra:${pathname}index.html`, read: () => Buffer.from(extra, "utf8") };
    if (!pathname.startsWith(basePath)) return undefined;
    let file = path.join(root, path.normalize(pathname.slice(basePath.length - 1)));
    if (!file.startsWith(root)) return undefined;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    return existsSync(file) ? { key: file, read: () => readFileSync(file) } : undefined;
  };
  let totals: ServedTotals = { requests: 0, bytes: 0 };

  const server = createServer((request, response) => {
    const found = resolve(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
    totals.requests++;
    const notFound = !found && options.notFoundPage ? path.join(root, options.notFoundPage) : undefined;
    if (notFound && existsSync(notFound)) {
      response.writeHead(404, { "content-type": contentTypes[".html"] ?? "text/html" }).end(readFileSync(notFound));
      return;
    }
    if (!found) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const { raw, gzipped } = load(found.key, found.read);
    const useGzip = gzipped !== undefined && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    const body = useGzip ? gzipped : raw;
    const headers: Record<string, string> = {
      "content-type": contentTypes[path.extname(found.key)] ?? "application/octet-stream",
      "content-length": String(body.length),
      "cache-control": "no-cache",
    };
    if (useGzip) headers["content-encoding"] = "gzip";
    totals.bytes += body.length;
    response.writeHead(200, headers).end(body);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, "127.0.0.1", done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    totals: () => ({ ...totals }),
    reset: () => {
      totals = { requests: 0, bytes: 0 };
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
