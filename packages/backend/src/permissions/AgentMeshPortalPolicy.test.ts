import {
  agentMeshActionCreatePermission,
  agentMeshActionReadPermission,
  agentMeshInsightsReadPermission,
} from '@agent-mesh/plugin-agent-mesh-common';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { AgentMeshPortalPolicy } from './AgentMeshPortalPolicy';

const user = (ref: string, groups: string[]): PolicyQueryUser => ({
  info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  credentials: {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: ref },
  },
});

const catalogRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const catalogDelete = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});

describe('AgentMeshPortalPolicy', () => {
  const policy = new AgentMeshPortalPolicy(['group:default/Platform']);
  const admin = user('user:default/ada', ['group:default/platform']);
  const brandA = user('user:default/bo', ['group:default/brand-a']);

  it('lets admins do everything', async () => {
    for (const permission of [
      agentMeshActionReadPermission,
      catalogDelete,
      catalogRead,
    ]) {
      expect(await policy.handle({ permission }, admin)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it("gives everyone else their own teams' actions, sub-teams included", async () => {
    expect(
      await policy.handle(
        { permission: agentMeshActionReadPermission },
        brandA,
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'agent-mesh',
      resourceType: 'agent-mesh-action',
      conditions: {
        rule: 'IS_OWNED_BY',
        resourceType: 'agent-mesh-action',
        params: {
          owners: ['user:default/bo', 'group:default/brand-a'],
          includeSubTeams: true,
        },
      },
    });
  });

  it('lets signed-in users browse and read insights, but not delete', async () => {
    for (const permission of [
      catalogRead,
      agentMeshInsightsReadPermission,
      agentMeshActionCreatePermission,
    ]) {
      expect((await policy.handle({ permission }, brandA)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
    expect(
      (await policy.handle({ permission: catalogDelete }, brandA)).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('gives a request without a user nothing of the action log', async () => {
    expect(
      await policy.handle({ permission: agentMeshActionReadPermission }),
    ).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { params: { owners: [] } },
    });
  });
});
