/**
 * One page crawled several times is one item. Addresses that differ only by scheme (http, https),
 * by `www.`, or by query parameters that do not change the page (`?viewmode=0`, `utm_*`) are the
 * same page; an address answered by a redirect is the page it leads to. Every old path a page was
 * served at becomes one of the item's `aliases`, exactly as the old site wrote it (%-encoding kept).
 */

/** Query parameters that never make another page, besides the rules' `ignoreQuery`. */
export const defaultIgnoredQuery = ["viewmode", "print", "utm_*", "fbclid", "gclid"];

/** The host without `www.`, lower case. */
export function siteHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, "");
}

/**
 * The key of a page: host without `www.`, the path as served, and the query without ignored
 * parameters; scheme and fragment left out. Two addresses with one key are one page.
 */
export function pageKey(url: string, ignoredQuery: readonly string[] = defaultIgnoredQuery): string {
  const parsed = new URL(url);
  const kept = [...parsed.searchParams].filter(([name]) => !isIgnored(name, ignoredQuery));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : "";
  return `${siteHost(parsed.host)}${parsed.pathname}${query}`;
}

function isIgnored(name: string, ignored: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return ignored.some((pattern) =>
    pattern.endsWith("*") ? lower.startsWith(pattern.slice(0, -1).toLowerCase()) : lower === pattern.toLowerCase(),
  );
}

/**
 * Whether an address names its page in the query string (`/index.php?id=45`), besides parameters that
 * never make another page: a static host ignores the query, so it cannot redirect such an address.
 */
export function pageInQuery(url: string, ignoredQuery: readonly string[] = defaultIgnoredQuery): boolean {
  return [...new URL(url).searchParams.keys()].some((name) => !isIgnored(name, ignoredQuery));
}

/** An old path as served: the address's path, %-encoding as the old site wrote it. */
export function oldPath(url: string): string {
  return new URL(url).pathname;
}

/**
 * Which of two captures of one page is read: without ignored parameters, https, the site's own host
 * form, then the later one.
 */
export function preferredCapture<
  A extends { url: string; capturedAt: string },
  B extends { url: string; capturedAt: string },
>(a: A, b: B, key: (url: string) => string): A | B {
  const score = (capture: { url: string }) => {
    const parsed = new URL(capture.url);
    return [
      key(capture.url) === `${siteHost(parsed.host)}${parsed.pathname}${parsed.search}` ? 1 : 0,
      parsed.protocol === "https:" ? 1 : 0,
    ];
  };
  const [aClean, aHttps] = score(a);
  const [bClean, bHttps] = score(b);
  if (aClean !== bClean) return (aClean ?? 0) > (bClean ?? 0) ? a : b;
  if (aHttps !== bHttps) return (aHttps ?? 0) > (bHttps ?? 0) ? a : b;
  return b.capturedAt > a.capturedAt ? b : a;
}

/**
 * Redirects between pages, by key: `resolve` follows them to the page they end at (a chain is
 * followed, a loop ends where it closes), and `sourcesOf` lists every key that ends at a page.
 */
export class Redirects {
  private readonly next = new Map<string, string>();

  add(fromKey: string, toKey: string): void {
    if (fromKey !== toKey) this.next.set(fromKey, toKey);
  }

  resolve(key: string): string {
    const seen = new Set<string>();
    let current = key;
    while (this.next.has(current) && !seen.has(current)) {
      seen.add(current);
      current = this.next.get(current) as string;
    }
    return current;
  }

  /** The keys that redirect, directly or through others, to `key`'s page. */
  sourcesOf(pages: ReadonlySet<string>): Map<string, string[]> {
    const sources = new Map<string, string[]>();
    for (const from of this.next.keys()) {
      const to = this.resolve(from);
      if (!pages.has(to)) continue;
      const list = sources.get(to) ?? [];
      list.push(from);
      sources.set(to, list);
    }
    return sources;
  }
}

/** Aliases from every address a page was served or redirected at: unique, sorted, never the root. */
export function aliasesOf(urls: Iterable<string>): string[] {
  const paths = new Set<string>();
  for (const url of urls) {
    const path = oldPath(url);
    if (path !== "/") paths.add(path);
  }
  return [...paths].sort();
}
