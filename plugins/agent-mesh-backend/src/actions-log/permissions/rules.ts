import { createPermissionRule } from '@backstage/plugin-permission-node';
// zod/v3, not v4: the permission framework turns a v4 schema into JSON Schema through Standard
// Schema's jsonSchema, which the v4 of zod 3.25 does not have; a v3 schema works with every
// zod in the declared range.
import { z } from 'zod/v3';
import { toEntityRef } from '../refs';
import { agentMeshActionResourceRef } from './actionResource';

function teamRefs(owners: string[]): string[] {
  return owners.flatMap(owner => toEntityRef(owner, 'group') ?? []);
}

/**
 * Actions whose owning team (the agent's owner when the action was written) is one of the given
 * teams, or with `includeSubTeams`, a group below one of them in the catalog.
 *
 * @public
 */
export const isActionOwnedBy = createPermissionRule<
  typeof agentMeshActionResourceRef,
  { owners: string[]; includeSubTeams?: boolean }
>({
  name: 'IS_OWNED_BY',
  description:
    "Allow actions whose owning team (the agent's owner when the action was written) is one of the given teams, or a team below one of them with includeSubTeams",
  resourceRef: agentMeshActionResourceRef,
  paramsSchema: z.object({
    owners: z
      .array(z.string())
      .describe(
        'Teams as entity refs, e.g. group:default/brand-a; a policy usually passes the user identity ownershipEntityRefs',
      ),
    includeSubTeams: z
      .boolean()
      .optional()
      .describe('Also allow the actions of teams below the given teams'),
  }),
  apply: ({ action, ownerAndParents }, { owners, includeSubTeams }) => {
    const teams = new Set(teamRefs(owners));
    if (!action.ownerRef) {
      return false;
    }
    return includeSubTeams
      ? ownerAndParents.some(ref => teams.has(ref))
      : teams.has(action.ownerRef);
  },
  toQuery: ({ owners, includeSubTeams }) => ({
    property: 'ownerRef',
    values: teamRefs(owners),
    includeSubTeams: includeSubTeams ?? false,
  }),
});

/**
 * The rules of the `agent-mesh-action` resource.
 *
 * @public
 */
export const agentMeshActionPermissionRules = { isActionOwnedBy };
