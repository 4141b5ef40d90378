// Figures on the overview's overlap clusters: the cluster-size distribution of average linkage
// (what `GET /overview` shows), the same for the connected components of the same pairs (the
// single-linkage clusters the overview showed before), and how long the clustering takes.
import {
  OverlapPair,
  overlapClusters,
} from '../../plugins/agent-mesh-backend/src/overview/clusters';
import { BenchFigure } from '../lib/report';

/** Sizes of the connected components of the pairs, largest first. */
function componentSizes(pairs: OverlapPair[]): number[] {
  const parent = new Map<string, string>();
  const find = (ref: string): string => {
    let root = ref;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root)!;
    parent.set(ref, root);
    return root;
  };
  for (const { a, b } of pairs) {
    const [ra, rb] = [find(a.ref), find(b.ref)];
    if (ra !== rb) parent.set(ra, rb);
  }
  const sizes = new Map<string, number>();
  for (const ref of parent.keys()) {
    const root = find(ref);
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
  }
  return [...sizes.values()].sort((x, y) => y - x);
}

const BUCKETS: [string, number, number][] = [
  ['2 members', 2, 2],
  ['3 to 5 members', 3, 5],
  ['6 to 10 members', 6, 10],
  ['11 to 50 members', 11, 50],
  ['more than 50 members', 51, Infinity],
];

function distribution(label: string, sizes: number[]): BenchFigure[] {
  const median = sizes.length
    ? [...sizes].sort((x, y) => x - y)[Math.floor(sizes.length / 2)]
    : 0;
  return [
    { name: `${label}: clusters`, value: sizes.length, unit: 'clusters' },
    { name: `${label}: largest`, value: sizes[0] ?? 0, unit: 'entities' },
    { name: `${label}: median size`, value: median, unit: 'entities' },
    {
      name: `${label}: entities in a cluster`,
      value: sizes.reduce((s, n) => s + n, 0),
      unit: 'entities',
    },
    ...BUCKETS.map(([bucket, min, max]) => ({
      name: `${label}: clusters of ${bucket}`,
      value: sizes.filter(n => n >= min && n <= max).length,
      unit: 'clusters',
    })),
  ];
}

export function clusterFigures(
  pairs: OverlapPair[],
  threshold: number,
  runs: number,
): BenchFigure[] {
  const ms: number[] = [];
  let clusters = overlapClusters(pairs, threshold);
  for (let r = 0; r < Math.max(runs, 5); r++) {
    const started = performance.now();
    clusters = overlapClusters(pairs, threshold);
    ms.push(performance.now() - started);
  }
  ms.sort((x, y) => x - y);
  // Of the member pairs inside the clusters, the share that overlap: 1 for cliques.
  const clusterOf = new Map<string, number>();
  clusters.forEach((c, i) =>
    c.members.forEach(m => clusterOf.set(m.entityRef, i)),
  );
  const memberPairs = clusters.reduce(
    (sum, c) => sum + (c.members.length * (c.members.length - 1)) / 2,
    0,
  );
  const overlapping = pairs.filter(
    p =>
      clusterOf.has(p.a.ref) &&
      clusterOf.get(p.a.ref) === clusterOf.get(p.b.ref),
  ).length;
  return [
    {
      name: 'overlap pairs (mutual, cross-team)',
      value: pairs.length,
      unit: 'pairs',
    },
    {
      name: 'clustering the pairs (average linkage), median',
      value: Math.round(ms[Math.floor(ms.length / 2)] * 10) / 10,
      unit: 'ms',
    },
    ...distribution(
      'average linkage',
      clusters.map(c => c.members.length),
    ),
    {
      name: 'average linkage: share of member pairs that overlap',
      value: memberPairs
        ? Math.round((overlapping / memberPairs) * 1000) / 1000
        : 0,
      unit: 'share',
    },
    ...distribution('connected components (before)', componentSizes(pairs)),
  ];
}
