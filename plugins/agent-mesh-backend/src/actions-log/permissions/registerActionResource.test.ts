import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TeamHierarchy } from '../../catalog';
import { newAction } from '../__testUtils__/newAction';
import { ActionStore } from '../types';
import { registerActionResource } from './registerActionResource';
import { isActionOwnedBy } from './rules';

describe('registerActionResource', () => {
  it('registers the resource type whose getResources lets the rules judge single actions', async () => {
    const permissionsRegistry = mockServices.permissionsRegistry.mock();
    const stored = {
      ...newAction('emea-1', { ownerRef: 'group:default/brand-b-emea' }),
      seq: 1,
      receivedAt: '2026-11-24T10:00:00.000Z',
      prevHash: '0',
      hash: '1',
    };
    const store = {
      getByIds: async (ids: string[]) =>
        ids.includes(stored.id) ? [stored] : [],
    } as unknown as ActionStore;
    const teams = new TeamHierarchy({
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'brand-b', namespace: 'default' },
            spec: { type: 'team', children: ['brand-b-emea'] },
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'brand-b-emea', namespace: 'default' },
            spec: { type: 'team', parent: 'brand-b', children: [] },
          },
        ],
      }),
      auth: mockServices.auth(),
    });

    registerActionResource({ permissionsRegistry, store, teams });

    const options = permissionsRegistry.addResourceType.mock.calls[0][0];
    expect(options.resourceRef.resourceType).toBe('agent-mesh-action');
    expect(options.permissions?.map(p => p.name)).toEqual([
      'agent-mesh.action.read',
    ]);
    expect(options.rules.map(r => r.name)).toEqual(['IS_OWNED_BY']);

    const [found, missing] = await options.getResources!(['emea-1', 'nope']);
    expect(missing).toBeUndefined();
    expect(found).toMatchObject({
      action: { id: 'emea-1' },
      ownerAndParents: ['group:default/brand-b-emea', 'group:default/brand-b'],
    });
    const owners = ['group:default/brand-b'];
    expect(isActionOwnedBy.apply(found as any, { owners })).toBe(false);
    expect(
      isActionOwnedBy.apply(found as any, { owners, includeSubTeams: true }),
    ).toBe(true);
  });
});
