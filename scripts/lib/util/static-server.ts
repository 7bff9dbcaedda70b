/**
 * The one static file server of the project: `npm run serve` (a built site or a snapshot, as a host
 * serves it), the bench and the browser tests. Files are served by sirv (index pages, byte ranges
 * for a WACZ's replay, no caching, so a rebuilt file is served fresh) with their types from
 * mime-types. Text is gzipped as hosts do (GitHub Pages, Netlify, Cloudflare), once per file and
 * version, so that the bench measures what a visitor downloads; Pagefind's own data files are
 * gzipped by Pagefind already and are sent as they are. Every response's body bytes are counted as
 * sent, so the browser's figures can be checked against them. `extraPages` serves pages that are
 * not in the site folder (the comparison page for Pagefind's default UI), so the site is never
 * written to.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import sirv from "sirv";
import { contentTypeOf } from "./content-type.ts";
import { errorMessage } from "./error-message.ts";
import { loopback, serverUrl } from "./listen-address.ts";
import { isInside } from "./paths.ts";
import { decodeRequestPath } from "./request-path.ts";

/** What hosts compress: text formats. Images, PDFs, wasm and Pagefind's gzipped chunks are sent as they are. */
const compressed = new Set([".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".webmanifest"]);

export interface ServedTotals {
  requests: number;
  /** Response bodies as sent (gzipped where the server gzipped). */
  bytes: number;
}

export interface StaticServer {
  /** The server's address, without the base path: http://127.0.0.1:port */
  url: string;
  /** Totals since the last reset: the server's own count of what it sent. */
  totals(): ServedTotals;
  /** The path of every request, in the order they came, for tests that count them. */
  requested: string[];
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
  /** The address to listen on (default 127.0.0.1, this computer only). */
  host?: string;
}

export async function serveSite(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const { extraPages = new Map<string, string>(), basePath = "/", host = loopback } = options;
  const files = sirv(root, {
    dev: true,
    dotfiles: true,
    setHeaders: (response, pathname) => {
      response.setHeader("cache-control", "no-store");
      // A path without an extension is a folder's index.html, typed by sirv from the file it found.
      if (path.extname(pathname)) response.setHeader("content-type", contentTypeOf(pathname));
    },
  });
  let totals: ServedTotals = { requests: 0, bytes: 0 };
  const requested: string[] = [];
  const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();
  /** The regular file a site path names inside the site, with its size and time; undefined for anything else. */
  const siteFile = (pathname: string) => {
    const file = path.join(root, path.normalize(pathname));
    if (!isInside(file, root)) return undefined;
    try {
      const stats = statSync(file);
      return stats.isFile() ? { file, size: stats.size, mtimeMs: stats.mtimeMs } : undefined;
    } catch {
      return undefined; // Missing, or under a file ("/feed.xml/x"): sirv answers 404.
    }
  };
  /** The gzipped text file a path names (a folder's index.html included), compressed once per version. */
  const gzippedFile = (pathname: string): { file: string; body: Buffer } | undefined => {
    const named = pathname.endsWith("/") ? `${pathname}index.html` : pathname;
    const found = compressed.has(path.extname(named)) ? siteFile(named) : undefined;
    if (!found) return undefined;
    const { file, mtimeMs } = found;
    let cached = gzipped.get(file);
    if (cached?.mtimeMs !== mtimeMs)
      gzipped.set(file, (cached = { mtimeMs, body: gzipSync(readFileSync(file), { level: 6 }) }));
    return { file, body: cached.body };
  };
  const send = (response: ServerResponse, status: number, type: string, body: Buffer, gzip = false) => {
    totals.bytes += body.length;
    response
      .writeHead(status, {
        "content-type": type,
        "content-length": String(body.length),
        "cache-control": "no-store",
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      })
      .end(body);
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const target = decodeRequestPath(request.url ?? "/");
    if ("refused" in target)
      return send(response, 400, "text/plain; charset=utf-8", Buffer.from(`bad request: ${target.refused}\n`));
    const pathname = target.path;
    requested.push(pathname);
    totals.requests++;
    const notFound = () => {
      const page = options.notFoundPage ? path.join(root, options.notFoundPage) : undefined;
      if (page && existsSync(page)) send(response, 404, contentTypeOf(page), readFileSync(page));
      else send(response, 404, "text/plain; charset=utf-8", Buffer.from("not found"));
    };
    const extra = extraPages.get(pathname);
    if (extra !== undefined) return send(response, 200, contentTypeOf("index.html"), Buffer.from(extra, "utf8"));
    // The site's folder named without its slash: hosts redirect to the folder, as for any folder.
    if (pathname === basePath.slice(0, -1) && basePath !== "/") {
      const query = /\?.*$/.exec(request.url ?? "")?.[0] ?? "";
      response
        .writeHead(301, {
          location: `${encodeURI(basePath)}${query}`,
          "content-length": "0",
          "cache-control": "no-store",
        })
        .end();
      return;
    }
    if (!pathname.startsWith(basePath)) return notFound();
    const inSite = pathname.slice(basePath.length - 1);
    const text = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? "")) ? gzippedFile(inSite) : undefined;
    if (text) return send(response, 200, contentTypeOf(text.file), text.body, true);
    request.url = encodeURI(inSite);
    // sirv reads a suffix range, "bytes=-N" (the last N bytes: a WACZ replay reads a zip's
    // directory so), as "bytes=0-N" (lukeed/sirv#155): it is given the explicit range instead.
    const suffix = /^bytes=-(\d+)$/.exec(request.headers.range ?? "");
    const ranged = suffix ? siteFile(inSite) : undefined;
    if (suffix && ranged) {
      const { size } = ranged;
      request.headers.range = `bytes=${Math.max(0, size - Number(suffix[1]))}-${size - 1}`;
    }
    // sirv's headers join those set above with setHeader, so its length is read back when sent.
    response.on(
      "finish",
      () => (totals.bytes += response.statusCode < 300 ? Number(response.getHeader("content-length") ?? 0) : 0),
    );
    // sirv pipes a file it could stat but not read (unreadable, or gone since) without an error
    // handler: the response is cut instead.
    response.once("pipe", (source) => source.once("error", () => response.destroy()));
    files(request, response, notFound);
  };
  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      // A request never ends the server: it is answered 500 and the server goes on.
      if (response.headersSent) response.destroy();
      else send(response, 500, "text/plain; charset=utf-8", Buffer.from(`server error: ${errorMessage(error)}\n`));
    }
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: serverUrl(host, port),
    totals: () => ({ ...totals }),
    requested,
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
