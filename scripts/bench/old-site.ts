/**
 * The association's old CMS website as a crawler saves it, for the import's tests and bench: its two
 * page templates (a 2013 table layout with the date as text, a 2023 one with `<time>` and Open Graph)
 * and the three ways a crawl reaches the import:
 *
 *   a WARC       request/response pairs, each record its own gzip member, as `wget --warc-file` and
 *                browsertrix-crawler write them; bodies sent gzipped, brotli'd or chunked are
 *                recorded as sent, and a duplicate payload as a revisit record;
 *   a WACZ       that WARC stored in a zip with its index and datapackage (WACZ 1.1.1);
 *   a mirror     the files `wget --mirror --adjust-extension` saves: the host as first folder, path
 *                segments percent-decoded, `.html` added to pages, nothing for a redirect or an error.
 */
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { WARCRecord } from "warcio";
import { escapeHtml } from "../lib/util/html.ts";
import { cdxjLine, recordUuid, serialise, warcinfoRecord, type WrittenRecord } from "../lib/snapshot/warc.ts";
import { writeZip } from "../lib/snapshot/zip.ts";

/** One answer of the old site, as its server sent it. */
export interface OldSiteResponse {
  /** Absolute, as the crawler recorded it (percent-encoding kept). */
  url: string;
  status: number;
  /** Headers as sent, except Content-Length, Content-Encoding and Transfer-Encoding, which follow from `sent`. */
  headers: [string, string][];
  /** The body before any content or transfer encoding: what a reader of the crawl must give back. */
  body: Uint8Array;
  /** How the server sent the body. */
  sent?: { encoding?: "gzip" | "br"; chunked?: boolean };
  /** Recorded in the WARC as a revisit of this earlier URL, whose payload is identical (mirrors save it as a file). */
  revisitOf?: string;
}

// ---------------------------------------------------------------------------
// Templates

export interface OldSitePage {
  /** Site-relative path of the page itself, for its own links ("/News/A"). */
  path: string;
  title: string;
  /** HTML inside the article. */
  bodyHtml: string;
  /** The 2013 template shows the date as text ("08 September 2013"); the 2023 one takes an ISO date. */
  date?: string;
  lang?: string;
  /** `<meta charset>` or http-equiv declared in the page (the 2013 template). */
  metaCharset?: string;
}

const menu = [
  ["/", "Home"],
  ["/About-Us", "About us"],
  ["/News", "News"],
  ["/Conferences/Annual-Conferences", "Conferences"],
  ["/Spanish/News-from-the-President", "Español"],
] as const;

const menuHtml = menu.map(([href, label]) => `<li><a href="${href}">${label}</a></li>`).join("");

/** The 2013 layout: nested tables, the title in an h2 cell, the date as text under it, a "« back" link above. */
export function tableLayoutPage(page: OldSitePage): string {
  const title = escapeHtml(page.title);
  const charset = page.metaCharset
    ? `<meta http-equiv="Content-Type" content="text/html; charset=${page.metaCharset}" />`
    : "";
  const pageUrl = `https%3a%2f%2fwww.iap-association.org${encodeURI(page.path)}`;
  return [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" ' +
      '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    `<html xmlns="http://www.w3.org/1999/xhtml" lang="${page.lang ?? "en-US"}">`,
    `<head id="Head">${charset}`,
    `<title>IAP - International Association of Prosecutors &gt; News &gt; ${title}</title>`,
    '<link href="/Portals/_default/default.css" type="text/css" rel="stylesheet" />',
    "</head>",
    '<body id="Body">',
    `<form method="post" action="${escapeHtml(page.path)}" id="Form">`,
    '<table id="PageTable" width="960" cellpadding="0" cellspacing="0" border="0" align="center">',
    '<tr><td id="HeaderPane"><a href="/">' +
      '<img src="/Portals/0/Images/iap-logo.png" alt="International Association of Prosecutors" /></a>',
    '<div id="UserLinks"><a href="/Login">Login</a> | <a href="/Register">Register</a></div></td></tr>',
    `<tr><td id="MenuPane"><ul class="dnnmenu">${menuHtml}</ul></td></tr>`,
    '<tr><td id="BreadcrumbPane">You are here: <a href="/" class="breadcrumb">Home</a> &gt; ' +
      '<a href="/News" class="breadcrumb">News</a></td></tr>',
    '<tr><td><table width="100%" cellpadding="0" cellspacing="0"><tr>',
    '<td id="LeftPane" width="200" valign="top"><div class="DNNModuleContent"><h3>Quick links</h3><ul>',
    '<li><a href="/Conferences/Annual-Conferences">Annual conferences</a></li>' +
      '<li><a href="/Members">Members area</a></li><li><a href="/Contact">Contact us</a></li></ul></div></td>',
    '<td id="ContentPane" valign="top"><div class="DNNModuleContent ModDNNArticlesC">',
    '<a href="/News" class="CommandButton">« back</a>',
    `<table class="ArticleTable" width="100%"><tr><td class="Head"><h2 class="Head">${title}</h2></td></tr>`,
    page.date ? `<tr><td class="SubHead">${escapeHtml(page.date)}</td></tr>` : "",
    `<tr><td class="Normal">${page.bodyHtml}</td></tr></table>`,
    "</div>",
    `<div class="ShareBar">Share this: <a href="https://www.facebook.com/sharer.php?u=${pageUrl}">Facebook</a> | ` +
      `<a href="https://twitter.com/share?url=${pageUrl}">Twitter</a> | ` +
      `<a href="mailto:?subject=${encodeURIComponent(page.title)}">E-mail</a></div>`,
    "</td></tr></table></td></tr>",
    '<tr><td id="FooterPane">' +
      '<span class="Copyright">Copyright 2013 by International Association of Prosecutors</span> | ' +
      '<a href="/Privacy">Privacy Statement</a> | <a href="/Terms">Terms Of Use</a></td></tr>',
    "</table>",
    "</form>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** "2023-11-14" → "14 November 2023", as the 2023 template prints it beside the `<time>`. */
function writtenDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "2-digit",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/**
 * The 2023 layout: header, nav, breadcrumb, an article with h1 and `<time datetime>`, a sidebar, a
 * footer; og: and article: meta tags.
 */
export function modernLayoutPage(page: OldSitePage): string {
  const title = escapeHtml(page.title);
  const article = page.date
    ? '<meta property="og:type" content="article" />\n' +
      `<meta property="article:published_time" content="${page.date}T09:00:00+00:00" />`
    : `<meta property="og:type" content="website" />`;
  const heading = page.date
    ? `<a class="back-link" href="/News">« back</a>\n<h1>${title}</h1>\n` +
      `<p class="meta"><time datetime="${page.date}">${writtenDate(page.date)}</time></p>`
    : `<h1>${title}</h1>`;
  const pageUrl = `https://www.iap-association.org${page.path}`;
  return [
    "<!DOCTYPE html>",
    `<html lang="${page.lang ?? "en"}">`,
    "<head>",
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${title} | International Association of Prosecutors</title>`,
    `<meta property="og:title" content="${title}" />`,
    '<meta property="og:site_name" content="International Association of Prosecutors" />',
    article,
    '<link rel="stylesheet" href="/Portals/_default/skins/iap2023/skin.css" />',
    "</head>",
    '<body class="page-news">',
    '<header class="site-header"><a class="brand" href="/"><img src="/Portals/0/Images/iap-logo.png" alt="IAP" /></a>',
    `<nav class="main-nav" aria-label="Main"><ul>${menuHtml}</ul></nav>`,
    '<a class="btn-login" href="/Login">Member login</a></header>',
    '<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>' +
      `<li><a href="/News">News</a></li><li aria-current="page">${title}</li></ol></nav>`,
    '<main id="content"><div class="container"><div class="row">',
    '<article class="col-md-8 news-detail">',
    heading,
    '<div class="news-body">',
    page.bodyHtml,
    "</div>",
    '<div class="share-bar"><span>Share</span> ' +
      `<a href="https://www.facebook.com/sharer/sharer.php?u=${pageUrl}">Facebook</a> ` +
      `<a href="https://x.com/intent/post?url=${pageUrl}">X</a> ` +
      `<a href="https://www.linkedin.com/sharing/share-offsite/?url=${pageUrl}">LinkedIn</a></div>`,
    "</article>",
    '<aside class="col-md-4 sidebar"><h2>Follow the IAP</h2><ul>' +
      '<li><a href="https://www.linkedin.com/company/iap">LinkedIn</a></li>' +
      '<li><a href="https://www.youtube.com/@iap">YouTube</a></li></ul>',
    '<h2>Newsletter</h2><form action="/Newsletter" method="post">' +
      '<label>E-mail <input type="email" name="email" /></label><button>Subscribe</button></form></aside>',
    "</div></div></main>",
    '<footer class="site-footer"><p>© 2023 International Association of Prosecutors. All rights reserved.</p>',
    '<ul><li><a href="/Privacy">Privacy</a></li><li><a href="/Terms">Terms of use</a></li>' +
      '<li><a href="/Contact">Contact</a></li></ul></footer>',
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------
// Where wget saves a URL

/** A path segment's bytes with its percent-escapes decoded, except %2F, which wget keeps so as not to make a folder. */
function decodeSegment(segment: string): string {
  return segment.replace(/(%[0-9A-Fa-f]{2})+/g, (run) =>
    run
      .split(/(?=%2[Ff])/)
      .map((part) => (/^%2[Ff]/.test(part) ? `%2F${decodeURIComponent(part.slice(3))}` : decodeURIComponent(part)))
      .join(""),
  );
}

/**
 * Where `wget --mirror --adjust-extension` saves a URL, relative to the mirror folder:
 * "https://www.x.org/News?page=2" → "www.x.org/News?page=2.html"; a folder URL gets "index.html".
 */
export function mirrorFileOf(url: string, isHtml: boolean): string {
  const parsed = new URL(url);
  let file = parsed.pathname.split("/").map(decodeSegment).join("/");
  if (file.endsWith("/")) file += "index.html";
  file = `${parsed.host}${file}${parsed.search}`;
  return isHtml && !/\.html?$/i.test(file) ? `${file}.html` : file;
}

// ---------------------------------------------------------------------------
// Writing a crawl

const userAgent = "Wget/1.21.3";

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The body as it went over the wire: content-encoded, then chunked. */
function wireBody(response: OldSiteResponse): Uint8Array {
  let body: Uint8Array = response.body;
  if (response.sent?.encoding === "gzip") body = gzipSync(body);
  if (response.sent?.encoding === "br") body = brotliCompressSync(body);
  if (response.sent?.chunked) {
    const half = Math.ceil(body.byteLength / 2);
    const chunks = [body.subarray(0, half), body.subarray(half)].filter((chunk) => chunk.byteLength > 0);
    body = Buffer.concat([
      ...chunks.flatMap((chunk) => [Buffer.from(`${chunk.byteLength.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]),
      Buffer.from("0\r\n\r\n"),
    ]);
  }
  return body;
}

function statusLine(status: number): string {
  const reasons: Record<number, string> = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    404: "Not Found",
    500: "Internal Server Error",
  };
  return `HTTP/1.1 ${status} ${reasons[status] ?? "Unknown"}`;
}

function httpHeadersOf(response: OldSiteResponse, wire: Uint8Array, warcDate: string): [string, string][] {
  const headers: [string, string][] = [
    ["Date", new Date(warcDate).toUTCString()],
    ["Server", "Microsoft-IIS/8.5"],
    ...response.headers,
  ];
  if (response.sent?.encoding) headers.push(["Content-Encoding", response.sent.encoding]);
  headers.push(response.sent?.chunked ? ["Transfer-Encoding", "chunked"] : ["Content-Length", String(wire.byteLength)]);
  return headers;
}

/**
 * Writes a crawl's responses as a WARC, each record its own gzip member: a warcinfo record, then a
 * request and a response (or a revisit) for each. Records go to the file one at a time, so a crawl
 * of any size can be written from a generator. Returns the CDXJ lines of its response records.
 */
export async function writeOldSiteWarc(
  warcPath: string,
  responses: Iterable<OldSiteResponse> | AsyncIterable<OldSiteResponse>,
  options: { warcDate?: string; gzipLevel?: number } = {},
): Promise<{ cdx: string[]; bytes: number; records: number }> {
  const warcDate = options.warcDate ?? "2024-03-01T10:00:00Z";
  const filename = path.basename(warcPath);
  const fd = openSync(warcPath, "w");
  const cdx: string[] = [];
  const payloadDigests = new Map<string, string>();
  let offset = 0;
  let records = 0;
  const write = (bytes: Uint8Array) => {
    writeSync(fd, bytes);
    offset += bytes.byteLength;
    records++;
  };
  try {
    write(
      await warcinfoRecord(filename, warcDate, { software: userAgent, format: "WARC File Format 1.1", robots: "off" }),
    );
    for await (const response of responses) {
      const url = new URL(response.url);
      const request = WARCRecord.create(
        {
          url: response.url,
          date: warcDate,
          type: "request",
          warcVersion: "WARC/1.1",
          statusline: `GET ${url.pathname}${url.search} HTTP/1.1`,
          httpHeaders: [
            ["User-Agent", userAgent],
            ["Accept", "*/*"],
            ["Accept-Encoding", "gzip, br"],
            ["Host", url.host],
          ],
          warcHeaders: { "WARC-Record-ID": `<urn:uuid:${recordUuid(`request ${warcDate} ${response.url}`)}>` },
        },
        [],
      );
      write(await serialise(request, new Uint8Array(0), options.gzipLevel));
      const wire = wireBody(response);
      const httpHeaders = httpHeadersOf(response, wire, warcDate);
      const digest = sha256(wire);
      const original = response.revisitOf === undefined ? undefined : payloadDigests.get(response.revisitOf);
      if (response.revisitOf !== undefined && original !== digest)
        throw new Error(`${response.url} is not a revisit of ${response.revisitOf}: their payloads differ`);
      const record = WARCRecord.create(
        {
          url: response.url,
          date: warcDate,
          type: response.revisitOf === undefined ? "response" : "revisit",
          warcVersion: "WARC/1.1",
          statusline: statusLine(response.status),
          httpHeaders,
          refersToUrl: response.revisitOf,
          refersToDate: warcDate,
          warcHeaders: {
            "WARC-Record-ID": `<urn:uuid:${recordUuid(`${warcDate} ${response.url}`)}>`,
            ...(response.revisitOf === undefined ? {} : { "WARC-Payload-Digest": `sha256:${digest}` }),
          },
        },
        response.revisitOf === undefined ? [wire] : [],
      );
      const bytes = await serialise(record, response.revisitOf === undefined ? wire : undefined, options.gzipLevel);
      payloadDigests.set(response.url, digest);
      const mime =
        (response.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "").split(";")[0] ?? "";
      const written: WrittenRecord = {
        bytes,
        url: record.warcTargetURI ?? response.url,
        status: response.status,
        mime,
        digest,
      };
      if (response.revisitOf === undefined) cdx.push(cdxjLine(written, warcDate, offset, filename));
      write(bytes);
    }
  } finally {
    closeSync(fd);
  }
  return { cdx: cdx.sort(), bytes: offset, records };
}

/** The WARC in a WACZ 1.1.1 package: stored as it is, with its CDXJ index, a pages list and the datapackage. */
export async function writeOldSiteWacz(
  waczPath: string,
  warc: { path: string; cdx: readonly string[]; bytes: Uint8Array },
  pages: readonly { url: string; title: string }[],
): Promise<number> {
  const warcName = path.basename(warc.path);
  const files = [
    { name: `archive/${warcName}`, bytes: warc.bytes, stored: true },
    { name: "indexes/index.cdxj", bytes: Buffer.from(warc.cdx.map((line) => `${line}\n`).join("")) },
    {
      name: "pages/pages.jsonl",
      bytes: Buffer.from(
        [
          { format: "json-pages-1.0", id: "pages", title: "Crawl" },
          ...pages.map((page) => ({ url: page.url, ts: "2024-03-01T10:00:00Z", title: page.title })),
        ]
          .map((line) => `${JSON.stringify(line)}\n`)
          .join(""),
      ),
    },
  ];
  const datapackage = Buffer.from(
    JSON.stringify({
      profile: "data-package",
      wacz_version: "1.1.1",
      resources: files.map((file) => ({
        name: path.posix.basename(file.name),
        path: file.name,
        hash: `sha256:${sha256(file.bytes)}`,
        bytes: file.bytes.byteLength,
      })),
    }),
  );
  const entries = [...files, { name: "datapackage.json", bytes: datapackage, stored: false }].map((file) => ({
    name: file.name,
    size: file.bytes.byteLength,
    read: () => file.bytes,
    stored: file.stored,
  }));
  return writeZip(waczPath, entries, "2024-03-01");
}

/**
 * Saves what `wget --mirror --adjust-extension` would: every 200 response's body at its mirror file;
 * nothing for a redirect or an error.
 */
export function writeOldSiteMirror(dir: string, responses: Iterable<OldSiteResponse>): string[] {
  const written: string[] = [];
  for (const response of responses) {
    if (response.status !== 200) continue;
    const contentType = response.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "";
    const file = mirrorFileOf(response.url, contentType.startsWith("text/html"));
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), response.body);
    written.push(file);
  }
  return written;
}
