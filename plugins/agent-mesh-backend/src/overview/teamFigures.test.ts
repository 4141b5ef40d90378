import { OverviewEntity, OverviewGroup } from './catalogEntities';
import { computeTeamFigures } from './teamFigures';
import { TeamTree } from './teamTree';

const g = (name: string, parent?: string, children: string[] = []) =>
  ({
    ref: `group:default/${name}`,
    title: name.toUpperCase(),
    parentRef: parent ? `group:default/${parent}` : undefined,
    childRefs: children.map(c => `group:default/${c}`),
  } as OverviewGroup);

const e = (
  name: string,
  owner: string,
  kind = 'AiArtifact',
): OverviewEntity => ({
  ref: `${kind.toLocaleLowerCase('en-US')}:default/${name}`,
  indexRef: `${kind.toLocaleLowerCase('en-US')}:default/${name}`,
  kind,
  title: name,
  owner: `group:default/${owner}`,
  builtBy: [],
});

// brands lists brand-a as a child; brand-b names brands as its parent.
const tree = new TeamTree([
  g('acme', undefined, ['brands']),
  g('brands', undefined, ['brand-a']),
  g('brand-a'),
  g('brand-b', 'brands'),
  g('solo'),
]);

describe('TeamTree', () => {
  it('follows spec.children and spec.parent', () => {
    expect(tree.subtreeOf('group:default/acme').sort()).toEqual(
      ['acme', 'brand-a', 'brand-b', 'brands'].map(n => `group:default/${n}`),
    );
    expect(tree.ancestorsOf('group:default/brand-b')).toEqual([
      'group:default/brand-b',
      'group:default/brands',
      'group:default/acme',
    ]);
  });

  it('cuts cycles', () => {
    const cyclic = new TeamTree([g('x', 'y'), g('y', 'x')]);
    expect(cyclic.subtreeOf('group:default/x')).toContain('group:default/x');
    expect(cyclic.ancestorsOf('group:default/x').length).toBeLessThanOrEqual(2);
  });
});

describe('computeTeamFigures', () => {
  const artA = e('a-sales', 'brand-a');
  const artB = e('b-sales', 'brand-b');
  const agentA = e('a-coder', 'brand-a', 'Agent');
  const teams = computeTeamFigures(
    {
      tree,
      agents: [agentA],
      artifacts: [artA, artB, e('solo-tool', 'solo')],
      newRefs: new Set([artB.ref]),
      actionsByOwner: new Map([
        ['group:default/brand-a', 10],
        ['group:default/brands', 2],
        ['group:default/unknown', 99],
      ]),
      scores: new Map([
        [artA.ref, 50],
        [artB.ref, 80],
        [agentA.ref, 95],
      ]),
      overlapPairs: [
        { a: artA, b: artB, score: 0.7, kind: 'duplicate', reasons: [] },
      ],
    },
    tree.subtreeOf('group:default/brands'),
  );
  const team = (name: string) =>
    teams.find(t => t.teamRef === `group:default/${name}`)!;

  it('rolls figures up to parent teams and keeps each team’s own', () => {
    expect(team('brands')).toEqual({
      teamRef: 'group:default/brands',
      title: 'BRANDS',
      parentRef: 'group:default/acme',
      artifacts: 2,
      agents: 1,
      newThisPeriod: 1,
      actions: 12,
      averageScore: 75,
      crossTeamOverlaps: 1,
      direct: {
        artifacts: 0,
        agents: 0,
        newThisPeriod: 0,
        actions: 2,
        averageScore: null,
        crossTeamOverlaps: 0,
      },
    });
    expect(team('brand-a')).toMatchObject({
      artifacts: 1,
      agents: 1,
      actions: 10,
      averageScore: 72.5,
      crossTeamOverlaps: 1,
    });
  });

  it('lists only the teams asked for, largest first', () => {
    expect(teams.map(t => t.teamRef)).toEqual(
      ['brands', 'brand-a', 'brand-b'].map(n => `group:default/${n}`),
    );
  });
});
