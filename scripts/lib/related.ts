/** "Related news": items sharing the most topics first, then the nearest in time. */

export interface Relatable {
  url: string;
  date: string;
  topics: readonly { id: string }[];
}

interface Candidate {
  index: number;
  shared: number;
  distance: number;
}

/** a ranks before b: more shared topics, then nearer in time, then URL order for stable output. */
function ranksBefore<T extends Relatable>(a: Candidate, b: Candidate, items: readonly T[]): boolean {
  if (a.shared !== b.shared) return a.shared > b.shared;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return (items[a.index] as T).url < (items[b.index] as T).url;
}

/**
 * For every item, up to `limit` others. Candidates come from an index by topic (not every pair),
 * padded with the nearest items in date order so that an item without shared topics still gets
 * neighbours in time; the best `limit` are kept with a linear scan. `items` must be sorted by date.
 */
export function relatedItems<T extends Relatable>(items: readonly T[], limit = 3): Map<string, T[]> {
  const days = items.map((item) => Date.parse(`${item.date}T00:00:00Z`) / 86_400_000);
  const byTopic = new Map<string, number[]>();
  items.forEach((item, index) => {
    for (const topic of item.topics) {
      const list = byTopic.get(topic.id) ?? [];
      list.push(index);
      byTopic.set(topic.id, list);
    }
  });
  const related = new Map<string, T[]>();
  // Shared-topic counts per candidate, in a typed array reset through the list of touched slots:
  // with thousands of items per topic this is the hot loop of the whole build's validate phase.
  const shared = new Int32Array(items.length);
  const touched: number[] = [];
  const touch = (other: number, by: number) => {
    if (shared[other] === 0) touched.push(other);
    shared[other] = (shared[other] ?? 0) + by;
  };
  items.forEach((item, index) => {
    touched.length = 0;
    for (const topic of item.topics) {
      for (const other of byTopic.get(topic.id) ?? []) if (other !== index) touch(other, 2);
    }
    // Neighbours in time join with a count that means "no shared topic" (1), so they rank after any sharer.
    for (let step = 1; step <= limit; step++) {
      for (const other of [index - step, index + step]) if (other >= 0 && other < items.length && shared[other] === 0) touch(other, 1);
    }
    const best: Candidate[] = [];
    for (const other of touched) {
      const count = (shared[other] ?? 0) >> 1;
      shared[other] = 0;
      const candidate = { index: other, shared: count, distance: Math.abs((days[other] ?? 0) - (days[index] ?? 0)) };
      let at = best.length;
      while (at > 0 && ranksBefore(candidate, best[at - 1] as Candidate, items)) at--;
      if (at < limit) {
        best.splice(at, 0, candidate);
        if (best.length > limit) best.pop();
      }
    }
    related.set(
      item.url,
      best.map((candidate) => items[candidate.index] as T),
    );
  });
  return related;
}
