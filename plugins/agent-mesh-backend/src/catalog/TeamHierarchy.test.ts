import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TeamHierarchy } from './TeamHierarchy';

const groups = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'brands', namespace: 'default' },
    spec: { type: 'department', children: ['brand-a', 'brand-b'] },
  },
  ...['brand-a', 'brand-b', 'ops'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'team',
      children: [],
      ...(name === 'ops' ? {} : { parent: 'brands' }),
    },
  })),
];

describe('TeamHierarchy', () => {
  function setUp() {
    let now = 0;
    const catalog = catalogServiceMock.mock({
      getEntities: jest.fn(async () => ({ items: groups })),
    });
    const hierarchy = new TeamHierarchy(
      { catalog, auth: mockServices.auth() },
      { ttlMs: 1000, now: () => now },
    );
    return { catalog, hierarchy, advance: (ms: number) => (now += ms) };
  }

  it('gives a team with its sub-teams, and several teams without repeats', async () => {
    const { hierarchy } = setUp();
    await expect(
      hierarchy.teamWithSubTeams('group:default/brands'),
    ).resolves.toEqual([
      'group:default/brands',
      'group:default/brand-a',
      'group:default/brand-b',
    ]);
    await expect(
      hierarchy.teamsWithSubTeams([
        'group:default/brand-a',
        'group:default/brands',
        'group:default/ops',
      ]),
    ).resolves.toEqual([
      'group:default/brand-a',
      'group:default/brands',
      'group:default/brand-b',
      'group:default/ops',
    ]);
  });

  it('gives a team with the groups above it', async () => {
    const { hierarchy } = setUp();
    await expect(
      hierarchy.teamWithParents('group:default/brand-b'),
    ).resolves.toEqual(['group:default/brand-b', 'group:default/brands']);
    await expect(
      hierarchy.teamWithParents('group:default/ghost'),
    ).resolves.toEqual(['group:default/ghost']);
  });

  it('reads the catalog once per time to live, also for concurrent calls', async () => {
    const { hierarchy, catalog, advance } = setUp();
    await Promise.all([
      hierarchy.teamWithSubTeams('group:default/brands'),
      hierarchy.teamWithSubTeams('group:default/ops'),
    ]);
    advance(999);
    await hierarchy.teamWithSubTeams('group:default/brands');
    expect(catalog.getEntities).toHaveBeenCalledTimes(1);
    advance(1);
    await hierarchy.teamWithSubTeams('group:default/brands');
    expect(catalog.getEntities).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed read', async () => {
    const { hierarchy, catalog } = setUp();
    catalog.getEntities.mockRejectedValueOnce(new Error('catalog down'));
    await expect(
      hierarchy.teamWithSubTeams('group:default/brands'),
    ).rejects.toThrow('catalog down');
    await expect(
      hierarchy.teamWithSubTeams('group:default/brands'),
    ).resolves.toHaveLength(3);
  });
});
