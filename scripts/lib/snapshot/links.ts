/**
 * Makes a built page readable from disk (file://), where there is no web server to turn `/news/`
 * into `/news/index.html` and `/` means the root of the disk: every URL to a file of the snapshot
 * becomes relative and names the file (`../../news/index.html`). A link to a page that is not in
 * the snapshot (outside its period) goes to that page on the live site instead, marked as leaving
 * the snapshot the way _includes/partials/live-link.njk marks it.
 *
 * The page is parsed with htmlparser2 and only the tags that change are written anew; every other
 * byte is kept. URLs are read from `href`, `src`, `srcset`, `action`, `formaction`, `poster`,
 * `data`, `xlink:href` and a meta refresh's `url=` (`pageUrls` lists them, for checking a web archive).
 */
import path from "node:path";
import { Parser } from "htmlparser2";
import { absoluteUrl } from "../model/urls.ts";

export interface PageContext {
  /** The page's output file as a site path: "/news/2023/x/index.html", "/404.html". */
  file: string;
  /** The folder the pages' root-relative URLs assume: "/" or "/archive/". */
  basePath: string;
  /** The live site's root, for links to pages that are not in the snapshot. */
  siteRoot: string;
  /** Whether the snapshot has this file (a site path, "/news/index.html"). */
  exists(file: string): boolean;
}

export interface RewrittenPage {
  html: string;
  /** URLs made relative. */
  relative: number;
  /** Links sent to the live site. */
  live: number;
}

/** What a URL becomes in the snapshot. */
export interface UrlChange {
  url: string;
  /** It goes to the live site: the page is not in the snapshot. */
  leaves: boolean;
}

const urlAttributes = new Set(["href", "src", "action", "formaction", "poster", "data", "xlink:href"]);
const origin = "https://snapshot.invalid";
/** Marks a link as leaving the snapshot, inside it before `</a>`: an arrow for the eye, words for screen readers. */
export const liveSiteMark =
  '<span class="leaves-snapshot-icon" aria-hidden="true">↗</span><span class="visually-hidden"> (live site)</span>';

/** A URL of `page` as it is in the snapshot; undefined when it stays as it is (external, fragment only, empty). */
export function rewriteUrl(value: string, page: PageContext): UrlChange | undefined {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//"))
    return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, `${origin}${page.basePath}${page.file.slice(1)}`);
  } catch {
    return undefined;
  }
  const suffix = `${url.search}${url.hash}`;
  if (!url.pathname.startsWith(page.basePath)) {
    // Outside the archive's folder on its host (the build's check refuses these; kept for safety).
    return { url: new URL(`${url.pathname}${suffix}`, page.siteRoot).href, leaves: true };
  }
  const sitePath = `/${url.pathname.slice(page.basePath.length)}`;
  const target = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
  if (!page.exists(safeDecode(target)))
    return { url: absoluteUrl(`${sitePath}${suffix}`, page.siteRoot), leaves: true };
  return { url: `${relativePath(page.file, target)}${suffix}`, leaves: false };
}

/**
 * From the page's file to another file of the site, both site paths with their URL encoding:
 * "../../news/index.html".
 */
export function relativePath(fromFile: string, toFile: string): string {
  const folder = path.posix.relative(path.posix.dirname(fromFile), path.posix.dirname(toFile));
  return folder ? `${folder}/${path.posix.basename(toFile)}` : path.posix.basename(toFile);
}

function safeDecode(sitePath: string): string {
  try {
    return decodeURIComponent(sitePath);
  } catch {
    return sitePath;
  }
}

/** `srcset` candidates ("/a.png 1x, /b.png 2x"), each URL changed by `change`. */
export function rewriteSrcset(srcset: string, change: (url: string) => string): string {
  const candidates: string[] = [];
  let rest = srcset;
  while ((rest = rest.replace(/^[\s,]+/, "")) !== "") {
    const url = /^\S+/.exec(rest)?.[0] ?? "";
    rest = rest.slice(url.length);
    // A URL ending in a comma ends its candidate (HTML's srcset parsing); otherwise descriptors run to the next comma.
    const bare = url.replace(/,+$/, "");
    let descriptors = "";
    if (bare === url) {
      descriptors = /^[^,]*/.exec(rest)?.[0].trim() ?? "";
      rest = rest.replace(/^[^,]*/, "");
    }
    candidates.push(descriptors ? `${change(bare)} ${descriptors}` : change(bare));
  }
  return candidates.join(", ");
}

/** A meta refresh's content ("0; url=/news/") with its URL changed by `change`. */
export function rewriteRefresh(content: string, change: (url: string) => string): string {
  const match = /^(\s*\d[\d.]*\s*[;,]\s*(?:url\s*=\s*)?)(["']?)(.*?)\2(\s*)$/is.exec(content);
  if (!match) return content;
  const [, lead = "", quote = "", url = "", trail = ""] = match;
  return `${lead}${quote}${change(url)}${quote}${trail}`;
}

interface Attribute {
  name: string;
  value: string;
  /** Written without a value (`hidden`). */
  bare: boolean;
}

function isRefresh(tag: string, attributes: readonly Attribute[]): boolean {
  return tag === "meta" && attributes.some((a) => a.name === "http-equiv" && a.value.toLowerCase() === "refresh");
}

/** Every URL a page names, as written (entities decoded), in the attributes `rewritePage` changes. */
export function pageUrls(html: string): string[] {
  const urls: string[] = [];
  const keep = (url: string) => {
    urls.push(url);
    return url;
  };
  let attributes: Attribute[] = [];
  const parser = new Parser(
    {
      onattribute(name, value, quote) {
        attributes.push({ name, value, bare: quote === undefined });
      },
      onopentag(name) {
        const refresh = isRefresh(name, attributes);
        for (const attribute of attributes) {
          if (urlAttributes.has(attribute.name)) keep(attribute.value);
          else if (attribute.name === "srcset") rewriteSrcset(attribute.value, keep);
          else if (refresh && attribute.name === "content") rewriteRefresh(attribute.value, keep);
        }
        attributes = [];
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return urls;
}

function serialiseTag(name: string, attributes: readonly Attribute[], selfClosing: boolean): string {
  const written = attributes.map((attribute) =>
    attribute.bare
      ? ` ${attribute.name}`
      : ` ${attribute.name}="${attribute.value.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}"`,
  );
  return `<${name}${written.join("")}${selfClosing ? " /" : ""}>`;
}

function addToken(attributes: Attribute[], name: string, token: string): void {
  const existing = attributes.find((attribute) => attribute.name === name);
  if (!existing) attributes.push({ name, value: token, bare: false });
  else if (!existing.value.split(/\s+/).includes(token))
    Object.assign(existing, { value: `${existing.value} ${token}`.trim(), bare: false });
}

/** The page with every URL rewritten for reading from disk, and links out of the snapshot sent to the live site. */
export function rewritePage(html: string, page: PageContext): RewrittenPage {
  const edits: { start: number; end: number; text: string }[] = [];
  let attributes: Attribute[] = [];
  let relative = 0;
  let live = 0;
  let leavingLink = false;
  const change = (value: string): UrlChange => {
    const changed = rewriteUrl(value, page);
    if (!changed) return { url: value, leaves: false };
    if (changed.leaves) live++;
    else relative++;
    return changed;
  };
  const parser: Parser = new Parser(
    {
      onattribute(name, value, quote) {
        attributes.push({ name, value, bare: quote === undefined });
      },
      onopentag(name) {
        const tag = { start: parser.startIndex, end: parser.endIndex + 1 };
        const own = attributes;
        attributes = [];
        let changed = false;
        let leaves = false;
        const refresh = isRefresh(name, own);
        for (const attribute of own) {
          let value = attribute.value;
          if (urlAttributes.has(attribute.name)) {
            const result = change(value);
            value = result.url;
            leaves ||= result.leaves && attribute.name === "href";
          } else if (attribute.name === "srcset") {
            value = rewriteSrcset(value, (url) => change(url).url);
          } else if (refresh && attribute.name === "content") {
            value = rewriteRefresh(value, (url) => change(url).url);
          }
          if (value !== attribute.value) {
            attribute.value = value;
            changed = true;
          }
        }
        leavingLink = leaves && name === "a";
        if (leavingLink) {
          addToken(own, "class", "leaves-snapshot");
          addToken(own, "rel", "external");
          changed = true;
        }
        if (changed) {
          const selfClosing = html.slice(tag.start, tag.end).endsWith("/>");
          edits.push({ ...tag, text: serialiseTag(name, own, selfClosing) });
        }
      },
      onclosetag(name) {
        if (name === "a" && leavingLink) {
          // At the start of `</a>` (or of the end tag that closes it implicitly).
          const at = parser.startIndex;
          edits.push({ start: at, end: at, text: liveSiteMark });
          leavingLink = false;
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  let out = "";
  let position = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += html.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  out += html.slice(position);
  return { html: out, relative, live };
}
