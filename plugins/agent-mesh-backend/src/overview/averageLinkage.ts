/** A scored link between two items; a pair that is not given scores 0. */
export interface ScoredLink {
  a: string;
  b: string;
  score: number;
}

interface Group {
  items: string[];
  /**
   * Sort position of the group's smallest item: what ties are broken by, so that the result does
   * not depend on the order of the links.
   */
  rank: number;
  /** Sum of the link scores between this group and each neighbouring group. */
  links: Map<number, number>;
}

interface Candidate {
  average: number;
  x: number;
  y: number;
  /** The two groups' ranks, lower first. */
  low: number;
  high: number;
}

/** Higher average first, then by ranks: a total order on live groups, so merging is deterministic. */
const before = (p: Candidate, q: Candidate) =>
  p.average > q.average ||
  (p.average === q.average &&
    (p.low < q.low || (p.low === q.low && p.high < q.high)));

/** A binary heap of merge candidates, best first. */
class CandidateHeap {
  private readonly items: Candidate[] = [];

  get size() {
    return this.items.length;
  }

  push(candidate: Candidate) {
    const items = this.items;
    let i = items.length;
    items.push(candidate);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(candidate, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = candidate;
  }

  pop(): Candidate {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    const n = items.length;
    if (n) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && before(items[child + 1], items[child])) child++;
        if (!before(items[child], last)) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}

/**
 * Average-linkage agglomerative clustering over sparse links: starting from single items, it
 * merges the two groups whose average pairwise score (missing pairs count as 0) is highest, as
 * long as that average is at or above `threshold`. Unlike connected components, a chain
 * A-B, B-C, C-D does not become one group: once A and B are together, C is only as close to
 * them as half its score to B. Groups of one item are left out; each group's items are sorted,
 * and the groups by their first item. Each merge costs the smaller
 * group's neighbours, so sparse links of thousands of items take milliseconds.
 */
export function averageLinkage(
  links: ScoredLink[],
  threshold: number,
): string[][] {
  const groups = new Map<number, Group>();
  const idOf = new Map<string, number>();
  const groupOf = (item: string) => {
    let id = idOf.get(item);
    if (id === undefined) {
      id = groups.size;
      idOf.set(item, id);
      groups.set(id, { items: [item], rank: 0, links: new Map() });
    }
    return id;
  };
  for (const { a, b, score } of links) {
    if (a === b) continue;
    const [x, y] = [groupOf(a), groupOf(b)];
    const gx = groups.get(x)!;
    const gy = groups.get(y)!;
    // The same pair given twice counts once, with its higher score.
    const sum = Math.max(gx.links.get(y) ?? 0, score);
    gx.links.set(y, sum);
    gy.links.set(x, sum);
  }

  [...idOf.keys()].sort().forEach((item, rank) => {
    groups.get(idOf.get(item)!)!.rank = rank;
  });

  const heap = new CandidateHeap();
  let nextId = groups.size;
  const offer = (x: number, y: number, sum: number) => {
    const [gx, gy] = [groups.get(x)!, groups.get(y)!];
    const average = sum / (gx.items.length * gy.items.length);
    if (average < threshold) return;
    const [low, high] =
      gx.rank < gy.rank ? [gx.rank, gy.rank] : [gy.rank, gx.rank];
    heap.push({ average, x, y, low, high });
  };
  for (const [x, group] of groups) {
    for (const [y, sum] of group.links) if (x < y) offer(x, y, sum);
  }

  while (heap.size) {
    const { x, y } = heap.pop();
    // A candidate of a group that has merged since is stale.
    if (!groups.has(x) || !groups.has(y)) continue;
    const [gx, gy] = [groups.get(x)!, groups.get(y)!];
    const [big, small] = gx.links.size >= gy.links.size ? [gx, gy] : [gy, gx];
    const merged = big.links;
    merged.delete(x);
    merged.delete(y);
    for (const [k, sum] of small.links) {
      if (k !== x && k !== y) merged.set(k, (merged.get(k) ?? 0) + sum);
    }
    groups.delete(x);
    groups.delete(y);
    const z = nextId++;
    groups.set(z, {
      items: [...gx.items, ...gy.items],
      rank: Math.min(gx.rank, gy.rank),
      links: merged,
    });
    for (const [k, sum] of merged) {
      const neighbour = groups.get(k)!.links;
      neighbour.delete(x);
      neighbour.delete(y);
      neighbour.set(z, sum);
      offer(z, k, sum);
    }
  }

  return [...groups.values()]
    .filter(g => g.items.length > 1)
    .map(g => [...g.items].sort())
    .sort((x, y) => (x[0] < y[0] ? -1 : 1));
}
