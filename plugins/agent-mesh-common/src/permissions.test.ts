import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  AGENT_MESH_ACTION_RESOURCE_TYPE,
  agentMeshActionCreatePermission,
  agentMeshActionReadPermission,
  agentMeshPermissions,
} from './permissions';

describe('permissions', () => {
  it('names every permission under agent-mesh. and keeps the names unique', () => {
    const names = agentMeshPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every(n => n.startsWith('agent-mesh.'))).toBe(true);
  });

  it('makes reading actions a resource permission so policies can filter by team', () => {
    expect(
      isResourcePermission(
        agentMeshActionReadPermission,
        AGENT_MESH_ACTION_RESOURCE_TYPE,
      ),
    ).toBe(true);
    expect(isResourcePermission(agentMeshActionCreatePermission)).toBe(false);
  });
});
