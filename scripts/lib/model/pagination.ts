export type PageLink = { page: number } | { gap: true };

/**
 * Which page numbers a pager shows: the first, the last, and `radius` pages either side of the
 * current one, with gaps between; so 500 pages do not mean 500 links on every page.
 * Pages are 1-based.
 */
export function pageWindow(current: number, total: number, radius = 2): PageLink[] {
  const shown = new Set<number>([1, total]);
  for (let page = current - radius; page <= current + radius; page++) if (page >= 1 && page <= total) shown.add(page);
  const links: PageLink[] = [];
  let previous = 0;
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page - previous === 2) links.push({ page: previous + 1 });
    else if (page - previous > 2) links.push({ gap: true });
    links.push({ page });
    previous = page;
  }
  return links;
}

/** One page of a list paginated at build time, shaped like Eleventy's `pagination` object. */
export interface ListPage<T> {
  items: T[];
  /** 0-based. */
  pageNumber: number;
  url: string;
  hrefs: string[];
  href: { previous?: string; next?: string };
}

/** Splits `items` into pages of `size` at `base`, `base`page/2/, … (always at least one page). */
export function paginate<T>(items: readonly T[], size: number, base: string): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const hrefs = Array.from({ length: count }, (_, index) => (index === 0 ? base : `${base}page/${index + 1}/`));
  return hrefs.map((url, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    pageNumber: index,
    url,
    hrefs,
    href: {
      ...(index > 0 ? { previous: hrefs[index - 1] } : {}),
      ...(index < count - 1 ? { next: hrefs[index + 1] } : {}),
    },
  }));
}
