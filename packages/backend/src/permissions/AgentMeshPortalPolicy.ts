import { Config } from '@backstage/config';
import {
  agentMeshActionConditions,
  createAgentMeshActionConditionalDecision,
} from '@agent-mesh/plugin-agent-mesh-backend';
import { agentMeshActionReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/** Permissions that only the portal's admins hold: they remove or change what others rely on. */
const ADMIN_ONLY = new Set([
  'catalog.entity.delete',
  'catalog.location.delete',
  'catalog.entity.refresh',
  'scaffolder.task.cancel',
]);

/**
 * The demo portal's permission policy (`permission.agentMesh.admins` in config):
 *
 * - admins (members of one of the listed groups) may do everything;
 * - everyone else reads the agent action log of their own teams and the teams below them, and
 *   may not delete catalog entities or locations;
 * - every signed-in user may browse the catalog, use templates and read Agent Mesh's overlaps,
 *   scorecards and overview, and may log actions (MCP clients signed in as their user).
 *
 * Service callers never reach a policy: Backstage allows them, narrowed by the access
 * restrictions of their external-access entry (see app-config.production.yaml).
 */
export class AgentMeshPortalPolicy implements PermissionPolicy {
  static fromConfig(config: Config): AgentMeshPortalPolicy {
    return new AgentMeshPortalPolicy(
      config.getOptionalStringArray('permission.agentMesh.admins') ?? [],
    );
  }

  readonly #admins: Set<string>;

  constructor(admins: string[]) {
    this.#admins = new Set(admins.map(ref => ref.toLocaleLowerCase('en-US')));
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const ownership = (user?.info.ownershipEntityRefs ?? []).map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    if (ownership.some(ref => this.#admins.has(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isPermission(request.permission, agentMeshActionReadPermission)) {
      return createAgentMeshActionConditionalDecision(
        request.permission,
        agentMeshActionConditions.isActionOwnedBy({
          owners: ownership,
          includeSubTeams: true,
        }),
      );
    }
    if (ADMIN_ONLY.has(request.permission.name)) {
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
