import { OverviewEntity } from './catalogEntities';
import {
  clusterLabel,
  findOverlapPairs,
  OverlapPair,
  overlapClusters,
} from './clusters';

const entity = (
  name: string,
  owner: string,
  type = 'aggregator',
): OverviewEntity => ({
  ref: `aiartifact:default/${name}`,
  indexRef: `aiartifact:default/${name}`,
  kind: 'AiArtifact',
  title: name,
  owner: `group:default/${owner}`,
  builtBy: [],
  type,
});

const a = entity('brand-a-sales', 'brand-a');
const b = entity('brand-b-rollup', 'brand-b');
const c = entity('brand-c-sync', 'brand-c', 'dashboard');
const copyA = entity('copy-studio', 'marketing', 'internal-tool');
const copyB = entity('copy-writer', 'brand-c', 'internal-tool');
const sameTeam = entity('brand-a-api', 'brand-a', 'service');
const hidden = entity('secret-sales', 'finance');

const sales = 'similar purpose: sales, brand, weekly';
const item = (
  other: OverviewEntity,
  extra: Partial<{
    acknowledged: boolean;
    crossTeam: boolean;
    score: number;
  }> = {},
) => ({
  entityRef: other.indexRef,
  title: other.title,
  owner: other.owner,
  score: extra.score ?? 0.6,
  crossTeam: extra.crossTeam ?? true,
  kind: 'duplicate' as const,
  acknowledged: extra.acknowledged ?? false,
  reasons: [sales, 'both integrate shopify and salesforce'],
});

const index: Record<string, ReturnType<typeof item>[]> = {
  [a.ref]: [
    item(b),
    item(c, { score: 0.45 }),
    item(sameTeam, { crossTeam: false }),
    item(hidden),
  ],
  [b.ref]: [item(a), item(c, { score: 0.45 })],
  [c.ref]: [item(b, { score: 0.45 }), item(a, { score: 0.45 })],
  [copyA.ref]: [item(copyB, { acknowledged: true })],
  [copyB.ref]: [item(copyA, { acknowledged: true })],
};
const overlaps = { overlapsOf: async (ref: string) => index[ref] ?? [] };
const visible = new Map([a, b, c, copyA, copyB, sameTeam].map(e => [e.ref, e]));
const THRESHOLD = 0.3;

describe('findOverlapPairs and overlapClusters', () => {
  it('follows partners beyond the seeds', async () => {
    // c only reaches a through b.
    const chain = {
      overlapsOf: async (ref: string) =>
        ({
          [a.ref]: [item(b)],
          [b.ref]: [item(a), item(c)],
          [c.ref]: [item(b)],
        }[ref] ?? []),
    };
    const pairs = await findOverlapPairs({
      seeds: [c],
      visible,
      overlaps: chain,
    });
    expect(pairs.map(p => [p.a.ref, p.b.ref])).toEqual(
      expect.arrayContaining([
        [a.ref, b.ref],
        [b.ref, c.ref],
      ]),
    );
  });

  it('groups overlaps that all overlap each other into one cluster', async () => {
    const pairs = await findOverlapPairs({ seeds: [c], visible, overlaps });
    expect(pairs).toHaveLength(3);
    const clusters = overlapClusters(pairs, THRESHOLD);
    expect(clusters).toEqual([
      {
        label: '3 sales aggregators',
        kind: 'duplicate',
        members: [a, b, c].map(e => ({
          entityRef: e.ref,
          title: e.title,
          owner: e.owner,
        })),
        owners: ['brand-a', 'brand-b', 'brand-c'].map(
          t => `group:default/${t}`,
        ),
        // Equally common: alphabetical.
        reasons: ['both integrate shopify and salesforce', sales],
        maxScore: 0.6,
      },
    ]);
  });

  it('does not chain overlaps into one cluster', () => {
    const [w, x, y, z] = ['w', 'x', 'y', 'z'].map(n => entity(n, `team-${n}`));
    const pair = (p: OverviewEntity, q: OverviewEntity, score: number) => ({
      a: p,
      b: q,
      score,
      kind: 'duplicate' as const,
      reasons: [],
    });
    // w-x, x-y and y-z overlap; w-y, x-z and w-z do not.
    const chain = [pair(w, x, 0.6), pair(x, y, 0.5), pair(y, z, 0.6)];
    const members = overlapClusters(chain, THRESHOLD).map(cl =>
      cl.members.map(m => m.title),
    );
    expect(members).toEqual([
      ['w', 'x'],
      ['y', 'z'],
    ]);
    // With w-y and x-z as well, the four hold together: {w,x} and {y,z} average 0.325.
    const dense = [...chain, pair(w, y, 0.4), pair(x, z, 0.4)];
    const clusters = overlapClusters(dense, THRESHOLD);
    expect(clusters.map(cl => cl.members.map(m => m.title))).toEqual([
      ['w', 'x', 'y', 'z'],
    ]);
    expect(clusters[0].maxScore).toBe(0.6);
    expect(clusters[0].kind).toBe('duplicate');
    // The same pairs as alternatives form a cluster of their own, after the duplicates.
    const graded = overlapClusters(
      [
        ...chain,
        { ...pair(w, y, 0.6), kind: 'alternative' as const },
        { ...pair(x, z, 0.6), kind: 'alternative' as const },
      ],
      THRESHOLD,
    );
    expect(graded.map(cl => [cl.kind, cl.members.map(m => m.title)])).toEqual([
      ['duplicate', ['w', 'x']],
      ['duplicate', ['y', 'z']],
      ['alternative', ['w', 'y']],
      ['alternative', ['x', 'z']],
    ]);
  });

  it('leaves out acknowledged, same-team and invisible overlaps', async () => {
    const pairs = await findOverlapPairs({
      seeds: [a, copyA, copyB, sameTeam],
      visible,
      overlaps,
    });
    const refs = pairs.map(p => [p.a.ref, p.b.ref]);
    expect(refs).toContainEqual([a.ref, b.ref]);
    expect(refs.flat()).not.toContain(copyA.ref);
    expect(refs.flat()).not.toContain(sameTeam.ref);
    expect(refs.flat()).not.toContain(hidden.ref);
  });

  it('needs both sides to list each other', async () => {
    const broad = entity('broad-hub', 'platform', 'service');
    const oneSided = {
      overlapsOf: async (ref: string) =>
        ref === broad.ref ? [item(a)] : index[ref] ?? [],
    };
    const pairs = await findOverlapPairs({
      seeds: [broad],
      visible: new Map([...visible, [broad.ref, broad]]),
      overlaps: oneSided,
    });
    expect(pairs.flatMap(p => [p.a.ref, p.b.ref])).not.toContain(broad.ref);
  });
});

describe('clusterLabel', () => {
  const pair = (x: OverviewEntity, y: OverviewEntity, reasons: string[]) =>
    ({ a: x, b: y, score: 0.5, reasons } as OverlapPair);

  it('names the shared purpose and the common type, but not the teams', () => {
    expect(
      clusterLabel(
        [a, b, c],
        [
          pair(a, b, ['similar purpose: brand, sales']),
          pair(b, c, ['similar purpose: brand, sales, revenue']),
        ],
      ),
    ).toBe('3 sales aggregators');
  });

  it('falls back to "artifacts" without a common type and leaves out rare terms', () => {
    expect(
      clusterLabel(
        [a, c, copyA, sameTeam],
        [
          pair(a, c, ['similar purpose: orders']),
          pair(c, copyA, ['similar purpose: copy']),
          pair(copyA, sameTeam, ['both integrate slack']),
        ],
      ),
    ).toBe('4 artifacts');
    expect(
      clusterLabel(
        [copyA, copyB],
        [pair(copyA, copyB, ['similar purpose: copy'])],
      ),
    ).toBe('2 copy internal tools');
  });

  it('pluralises types', () => {
    const x = entity('x', 't1', 'registry');
    const y = entity('y', 't2', 'registry');
    expect(clusterLabel([x, y], [pair(x, y, [])])).toBe('2 registries');
  });
});
