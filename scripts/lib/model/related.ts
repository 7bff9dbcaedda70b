/** "Related news": items sharing the most topics first, then the nearest in time. */

export interface Relatable {
  url: string;
  date: string;
  topics: readonly { id: string }[];
}

/** Items with the same topics, in archive (date) order. */
interface TopicGroup {
  /** Topic id → how often the items of this group list it (once, unless a file lists a topic twice). */
  counts: Map<string, number>;
  /** Indexes into the items, ascending. */
  positions: number[];
  /** The other groups (and this one) by shared-topic count, highest first; groups sharing nothing are left out. */
  levels: { shared: number; groups: TopicGroup[] }[];
}

interface Candidate {
  index: number;
  shared: number;
  distance: number;
}

/**
 * For every item, up to `limit` others: the items sharing the most topics, then the nearest in
 * time, then in URL order; an item that shares too few is padded with its nearest items in date
 * order (the `limit` on either side), which rank after every item sharing a topic. `items` must be
 * sorted by date.
 *
 * Items are grouped by their set of topics (a few hundred sets, however large the archive), and
 * for each item the groups are visited from the most shared topics down: within a group every item
 * shares the same number of topics, so only its `limit` nearest (and those as near) can rank, and
 * they are found by binary search. Most items are done after the first level. Comparing each item
 * with every item that shares a topic would grow with the square of the archive's size.
 */
export function relatedItems<T extends Relatable>(items: readonly T[], limit = 3): Map<string, T[]> {
  const days = items.map((item) => Date.parse(`${item.date}T00:00:00Z`) / 86_400_000);
  const groups = new Map<string, TopicGroup>();
  const groupOf: TopicGroup[] = items.map((item, index) => {
    const ids = item.topics.map((topic) => topic.id).sort();
    const key = ids.join("\u0000");
    let group = groups.get(key);
    if (!group) {
      const counts = new Map<string, number>();
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      group = { counts, positions: [], levels: [] };
      groups.set(key, group);
    }
    group.positions.push(index);
    return group;
  });
  for (const group of groups.values()) {
    const byShared = new Map<number, TopicGroup[]>();
    for (const other of groups.values()) {
      let shared = 0;
      for (const [id, count] of group.counts) shared += count * (other.counts.get(id) ?? 0);
      if (shared > 0) byShared.set(shared, [...(byShared.get(shared) ?? []), other]);
    }
    group.levels = [...byShared].sort((a, b) => b[0] - a[0]).map(([shared, members]) => ({ shared, groups: members }));
  }

  const ranksBefore = (a: Candidate, b: Candidate): boolean =>
    a.shared !== b.shared
      ? a.shared > b.shared
      : a.distance !== b.distance
        ? a.distance < b.distance
        : (items[a.index] as T).url < (items[b.index] as T).url;
  const distance = (index: number, other: number) => Math.abs((days[other] ?? 0) - (days[index] ?? 0));

  /** The `limit` nearest positions to `index` (and any as near as the last of them), never `index` itself. */
  const nearest = (positions: readonly number[], index: number, shared: number, into: Candidate[]) => {
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((positions[middle] as number) < index) low = middle + 1;
      else high = middle;
    }
    let left = low - 1;
    let right = low < positions.length && positions[low] === index ? low + 1 : low;
    let taken = 0;
    let last = -1;
    // Positions are in date order, so on each side the distance only grows: merge the two sides.
    for (;;) {
      const fromLeft = left >= 0 ? distance(index, positions[left] as number) : Infinity;
      const fromRight = right < positions.length ? distance(index, positions[right] as number) : Infinity;
      const next = Math.min(fromLeft, fromRight);
      if (next === Infinity || (taken >= limit && next > last)) break;
      const other = fromLeft <= fromRight ? (positions[left--] as number) : (positions[right++] as number);
      into.push({ index: other, shared, distance: next });
      taken++;
      last = next;
    }
  };

  const related = new Map<string, T[]>();
  items.forEach((item, index) => {
    const group = groupOf[index] as TopicGroup;
    const best: Candidate[] = [];
    for (const level of group.levels) {
      if (best.length >= limit) break;
      const candidates: Candidate[] = [];
      for (const other of level.groups) nearest(other.positions, index, level.shared, candidates);
      candidates.sort((a, b) => (ranksBefore(a, b) ? -1 : 1));
      best.push(...candidates.slice(0, limit - best.length));
    }
    if (best.length < limit) {
      // Neighbours in time that share no topic rank after any item that shares one.
      const neighbours: Candidate[] = [];
      for (let step = 1; step <= limit; step++) {
        for (const other of [index - step, index + step]) {
          if (other < 0 || other >= items.length || best.some((candidate) => candidate.index === other)) continue;
          if (group.levels.some((level) => level.groups.includes(groupOf[other] as TopicGroup))) continue;
          neighbours.push({ index: other, shared: 0, distance: distance(index, other) });
        }
      }
      neighbours.sort((a, b) => (ranksBefore(a, b) ? -1 : 1));
      best.push(...neighbours.slice(0, limit - best.length));
    }
    related.set(
      item.url,
      best.map((candidate) => items[candidate.index] as T),
    );
  });
  return related;
}
