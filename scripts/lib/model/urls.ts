/**
 * Where the archive lives. Pages link to each other root-relatively ("/news/"); Eleventy's HTML
 * base plugin prefixes those links with the base path when the site is served from a subfolder
 * ("/archive/news/"). Absolute URLs (canonical links, feeds, sitemap, JSON-LD, citations) are made
 * from the site root: the live site's URL with the base path.
 */

/** "/archive" or "archive/" → "/archive/"; "" or "/" → "/". Rejects anything that is not a plain path. */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim();
  if (!/^\/?(?:[A-Za-z0-9._~-]+\/?)*$/.test(trimmed) || /(^|\/)\.\.?(\/|$)/.test(trimmed)) {
    throw new RangeError(
      `base path ${JSON.stringify(basePath)} must be a plain path such as /archive/ (letters, digits, . _ ~ -)`,
    );
  }
  const inner = trimmed.replace(/^\/+|\/+$/g, "");
  return inner ? `/${inner}/` : "/";
}

/** The absolute URL of the archive's root: the site URL's origin with the base path. */
export function siteRoot(siteUrl: string, basePath: string): string {
  return new URL(normaliseBasePath(basePath), siteUrl).href;
}

/** "/news/2023/x/" on the site root "https://example.org/archive/" → "https://example.org/archive/news/2023/x/". */
export function absoluteUrl(path: string, root: string): string {
  return new URL(path.replace(/^\/+/, ""), root).href;
}

/** The base path a site URL implies: "https://example.org/archive/" → "/archive/". */
export function basePathOf(siteUrl: string): string {
  return normaliseBasePath(new URL(siteUrl).pathname);
}
