/**
 * A folder saved by `wget --mirror --adjust-extension`, read back as the responses it saved. wget
 * saves the host as the first folder, each path segment with its percent-escapes decoded (a real
 * "–" in the name), the query after a "?", `index.html` for a folder URL, and `.html` after a page's
 * name; a redirect or an error leaves no file. So a file's URL is found by undoing each step:
 *
 *   www.x.org/News.html                   → https://www.x.org/News
 *   www.x.org/News?page=2.html            → https://www.x.org/News?page=2
 *   www.x.org/News/index.html             → https://www.x.org/News/
 *   www.x.org/News/A – B.html             → https://www.x.org/News/A%20%E2%80%93%20B
 *
 * What the folder cannot say is guessed: every URL is https (wget drops the scheme), a page saved as
 * `about.html` is read as `/about` (whether the site served `/about` or `/about.html`: a site whose
 * addresses end in `.html` is better crawled into a WARC), a `%` followed by two hex digits is an
 * escape wget kept (it keeps `%2F`), and the Content-Type comes from the name, with the charset a
 * browser would guess for a page that declares none.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from "node:fs";
import type { Capture, ReadState } from "./capture-types.ts";
import { contentTypeOf } from "../util/content-type.ts";
import { displayPath, isInside } from "../util/paths.ts";
import { ImportSourceError } from "./source-error.ts";

interface MirrorFile {
  /** The path's segments as the file system has them (bytes: wget writes a URL's bytes, which need not be UTF-8). */
  segments: Buffer[];
  full: Buffer;
  size: number;
  mtime: Date;
}

const slash = Buffer.from("/");

function shown(file: Buffer): string {
  return displayPath(file.toString("utf8"));
}

/** RFC 3986's pchar, and in a query also "/" and "?": bytes kept as they are in a URL. */
function isUrlByte(byte: number, inQuery: boolean): boolean {
  const char = String.fromCharCode(byte);
  return /[A-Za-z0-9\-._~!$&'()*+,;=:@]/.test(char) || (inQuery && (char === "/" || char === "?"));
}

/**
 * A file name's bytes as they are in a URL: escapes wget kept stay, every other byte outside the
 * URL's set is percent-encoded.
 */
export function urlPart(bytes: Buffer, inQuery = false): string {
  let part = "";
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    const escapeKept = byte === 0x25 && /^[0-9A-Fa-f]{2}$/.test(bytes.subarray(i + 1, i + 3).toString("latin1"));
    part +=
      escapeKept || isUrlByte(byte, inQuery)
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return part;
}

/** Whether a URL path segment is "." or ".." once decoded, which a URL parser would resolve. */
function isDotSegment(segment: string): boolean {
  return /^(\.|%2e){1,2}$/i.test(segment);
}

/**
 * The URL a mirror file was saved from, and whether it is a page (saved with .html).
 * `segments` start with the host folder. Throws for a name whose URL would climb out of its folder.
 */
export function mirrorUrlOf(
  segments: readonly Buffer[],
  where: string,
): { url: string; isHtml: boolean; name: string } {
  const [host, ...rest] = segments;
  const hostName = host?.toString("latin1") ?? "";
  const last = rest.pop() ?? Buffer.alloc(0);
  const isHtml = /\.html?$/i.test(last.toString("latin1"));
  // --adjust-extension added ".html" to a page whose name did not end in .html or .htm.
  const unadjusted = last.toString("latin1").endsWith(".html") ? last.subarray(0, last.length - 5) : last;
  const question = unadjusted.indexOf(0x3f);
  let name = question < 0 ? unadjusted : unadjusted.subarray(0, question);
  const query = question < 0 ? undefined : unadjusted.subarray(question + 1);
  const nameText = name.toString("latin1");
  // A folder URL was saved as its index.html; ".html" is gone from it unless the URL had a query.
  if ((nameText === "index" && query === undefined) || nameText === "index.html") name = Buffer.alloc(0);
  const pathSegments = [...rest, name].map((segment) => urlPart(segment));
  if (pathSegments.some(isDotSegment))
    throw new ImportSourceError(
      `${where}: its address would have a "." or ".." segment, which climbs out of its folder`,
    );
  const url = `https://${hostName}/${pathSegments.join("/")}${query === undefined ? "" : `?${urlPart(query, true)}`}`;
  return { url, isHtml, name: name.toString("utf8") };
}

/** Whether a folder name is a host name as wget writes it ("www.x.org", "www.x.org:8080"). */
function isHostFolder(name: string): boolean {
  try {
    return /^[a-z0-9.-]+(:\d+)?$/i.test(name) && new URL(`https://${name}/`).host === name.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Every file under the mirror folder, in byte order. A symbolic link to a file inside the folder is
 * read as that file; any other link (to a folder, or out of the mirror) and anything that is not a
 * regular file (a pipe would never end) is refused. Files beside the host folders (a wget log) are
 * not part of the crawl.
 */
function listMirror(root: string): MirrorFile[] {
  const realRoot = realpathSync(root);
  const files: MirrorFile[] = [];
  const walk = (dir: Buffer, segments: Buffer[]) => {
    const entries = (readdirSync(dir, { withFileTypes: true, encoding: "buffer" }) as Dirent<Buffer>[]).sort((a, b) =>
      Buffer.compare(a.name, b.name),
    );
    for (const entry of entries) {
      const full = Buffer.concat([dir, slash, entry.name]);
      const inside = [...segments, entry.name];
      if (segments.length === 0) {
        if (entry.isDirectory() && isHostFolder(entry.name.toString("latin1"))) walk(full, inside);
        else if (entry.isDirectory() || entry.isSymbolicLink())
          throw new ImportSourceError(
            `${shown(full)}: not a host name: wget --mirror saves each host as a folder (www.example.org)`,
          );
        continue;
      }
      if (entry.isDirectory()) {
        walk(full, inside);
        continue;
      }
      let stats = lstatSync(full);
      if (stats.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(full).toString();
        } catch {
          throw new ImportSourceError(`${shown(full)}: a symbolic link to nothing`);
        }
        if (!isInside(target, realRoot))
          throw new ImportSourceError(`${shown(full)}: a symbolic link to ${target}, outside the mirror folder`);
        stats = statSync(full);
        if (!stats.isFile())
          throw new ImportSourceError(
            `${shown(full)}: a symbolic link to a folder (wget writes none: copy the folder instead)`,
          );
      } else if (!stats.isFile()) throw new ImportSourceError(`${shown(full)}: not a regular file`);
      files.push({ segments: inside, full, size: stats.size, mtime: stats.mtime });
    }
  };
  walk(Buffer.from(root), []);
  return files;
}

/**
 * Whether a page names its encoding itself (a byte order mark, or a charset in its first 1024
 * bytes, as browsers look).
 */
function declaresCharset(body: Uint8Array): boolean {
  const head = Buffer.from(body.subarray(0, 1024));
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return true;
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) return true;
  return /<meta[^>]+charset\s*=/i.test(head.toString("latin1"));
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A page's Content-Type: the charset a browser would guess (UTF-8 if the bytes are, else
 * windows-1252) unless the page declares one.
 */
function pageContentType(body: Uint8Array): string {
  if (declaresCharset(body)) return "text/html";
  try {
    utf8.decode(body);
    return "text/html; charset=utf-8";
  } catch {
    return "text/html; charset=windows-1252";
  }
}

/** Every file of a wget mirror as a 200 response. */
export async function* mirrorCaptures(root: string, state: ReadState): AsyncGenerator<Capture> {
  const files = listMirror(root);
  if (files.length === 0)
    throw new ImportSourceError(
      `${displayPath(root)}: holds no saved pages ` +
        "(wget --mirror saves the site under a folder named after its host, www.example.org)",
    );
  const { progress, options, maxBodyBytes } = state;
  progress.totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  options.onProgress?.({ ...progress });
  for (const file of files) {
    const where = shown(file.full);
    const { url, isHtml, name } = mirrorUrlOf(file.segments, where);
    const tooLarge = () =>
      new ImportSourceError(
        `${where}: its body is ${file.size.toLocaleString("en")} bytes, ` +
          `more than the ${maxBodyBytes.toLocaleString("en")} bytes allowed`,
      );
    let body: Uint8Array | undefined;
    let contentType = contentTypeOf(name);
    // A page is read before `wanted` is asked: its Content-Type depends on its bytes.
    if (isHtml) {
      if (file.size > maxBodyBytes) throw tooLarge();
      body = readFileSync(file.full);
      contentType = pageContentType(body);
    }
    const headers = { "content-type": contentType };
    if (!options.wanted || options.wanted(url, 200, headers)) {
      if (file.size > maxBodyBytes) throw tooLarge();
      body ??= readFileSync(file.full);
    } else body = undefined;
    progress.records++;
    progress.bytes += file.size;
    options.onProgress?.({ ...progress });
    if (body) yield { url, status: 200, headers, body, origin: where, capturedAt: file.mtime.toISOString() };
  }
}
