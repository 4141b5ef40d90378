import { findExample, loadExampleEntities } from './__testUtils__/examples';
import { DEFAULT_LEVELS } from './config';
import { summarizeScorecards } from './rollup';
import { teamTree } from '../catalog';

describe('teamTree', () => {
  const groups = loadExampleEntities().filter(e => e.kind === 'Group');

  it('follows sub-teams', () => {
    expect(teamTree(groups, 'group:default/brands')).toEqual([
      'group:default/brands',
      'group:default/brand-a',
      'group:default/brand-b',
      'group:default/brand-c',
    ]);
    expect(teamTree(groups, 'group:default/acme')).toHaveLength(9);
  });

  it('uses spec.parent when the parent does not list the child, and survives cycles', () => {
    const brands = findExample(groups, 'brands');
    const trimmed = [
      ...groups.filter(g => g !== brands),
      {
        ...brands,
        spec: { ...brands.spec, children: ['group:default/brands'] },
      },
    ];
    expect(teamTree(trimmed, 'group:default/brands')).toHaveLength(4);
  });
});

describe('summarizeScorecards', () => {
  it('averages, counts levels and failing checks, per team', () => {
    const check = (id: string, status: 'pass' | 'fail') => ({
      id,
      title: id,
      status,
      detail: '',
    });
    const rollup = summarizeScorecards(
      [
        {
          entityRef: 'aiartifact:default/a',
          ownerRef: 'group:default/x',
          score: 100,
          level: 'Gold',
          checks: [check('lifecycle', 'pass')],
        },
        {
          entityRef: 'aiartifact:default/b',
          ownerRef: 'group:default/y',
          score: 40,
          level: null,
          checks: [check('lifecycle', 'fail'), check('owner-team', 'fail')],
        },
        {
          entityRef: 'aiartifact:default/c',
          ownerRef: 'group:default/y',
          score: 60,
          level: 'Bronze',
          checks: [check('owner-team', 'fail')],
        },
      ],
      { owner: null, owners: [], levels: DEFAULT_LEVELS },
    );
    expect(rollup).toMatchObject({
      entityCount: 3,
      averageScore: 66.7,
      levels: { Gold: 1, Silver: 0, Bronze: 1, none: 1 },
      failingChecks: [
        { id: 'owner-team', count: 2 },
        { id: 'lifecycle', count: 1 },
      ],
      teams: [
        { owner: 'group:default/x', entityCount: 1, averageScore: 100 },
        { owner: 'group:default/y', entityCount: 2, averageScore: 50 },
      ],
    });
    expect(
      summarizeScorecards([], {
        owner: null,
        owners: [],
        levels: DEFAULT_LEVELS,
      }).averageScore,
    ).toBeNull();
  });
});
