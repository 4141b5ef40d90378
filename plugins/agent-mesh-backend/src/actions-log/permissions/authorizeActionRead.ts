import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { agentMeshActionReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import { TeamHierarchy } from '../../catalog';
import { expandSubTeams } from './accessQuery';
import {
  ActionAccessFilter,
  agentMeshActionResourceRef,
} from './actionResource';

/** What a caller may read: everything, or the actions that match `access`. */
export interface ActionReadAccess {
  access?: PermissionCriteria<ActionAccessFilter>;
}

/**
 * Authorizes `agent-mesh.action.read` for a caller: ALLOW reads everything, DENY is a
 * NotAllowedError, CONDITIONAL becomes criteria for the database query (sub-teams resolved).
 */
export function createActionReadAuthorizer(deps: {
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  teams: TeamHierarchy;
}) {
  const { permissions, permissionsRegistry, teams } = deps;
  let transform: ReturnType<
    typeof createConditionTransformer<ActionAccessFilter>
  >;

  return async function authorizeActionRead(
    credentials: BackstageCredentials,
    what: string = 'read the action log',
  ): Promise<ActionReadAccess> {
    const [decision] = await permissions.authorizeConditional(
      [{ permission: agentMeshActionReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return {};
    }
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      throw new NotAllowedError(`Not allowed to ${what}`);
    }
    // Built on first use: rules may be added by modules until the plugin has started.
    transform ??= createConditionTransformer(
      permissionsRegistry.getPermissionRuleset(agentMeshActionResourceRef),
    );
    return {
      access: await expandSubTeams(transform(decision.conditions), teams),
    };
  };
}

export type ActionReadAuthorizer = ReturnType<
  typeof createActionReadAuthorizer
>;
