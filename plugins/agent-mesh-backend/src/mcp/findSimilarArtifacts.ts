import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { agentMeshInsightsReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { OverlapService, readiness } from '../overlap';
import { plannedWorkShape, requirePermission } from './shared';

/** `agent-mesh:find-similar-artifacts`: the "does this exist already?" check for agents. */
export function registerFindSimilarArtifactsAction(
  actionsRegistry: ActionsRegistryService,
  deps: {
    overlap: OverlapService;
    permissions: PermissionsService;
    entityLink: (entityRef: string) => string;
  },
) {
  const { overlap, permissions, entityLink } = deps;
  actionsRegistry.register({
    name: 'find-similar-artifacts',
    title: 'Find existing work similar to what you plan to build',
    description: `Call this before you start building a tool, integration, aggregator, dashboard, workflow or service: describe what you are about to build and learn whether a team in the organisation has already built something that does the same job.

Returns the AI-built artifacts of the Backstage catalog that overlap with the description, other teams' work first and then by score, each with its entityRef, title, owning team, a score from 0 to 1 (0.5 and above is a strong overlap), its kind ("duplicate": the same product or the same job, so building it again is duplicate work; "alternative": the same job done with a different product), the reasons for the match (shared integrations, shared terms, same type; for an alternative, the job and the products on each side) and a link to its catalog page. An empty list means nothing similar is known.

When a strong duplicate belongs to another team, do not build it again: tell the user who owns it, and call get-build-context for its purpose, docs, source and how to reuse it. For a strong alternative, tell the user that another team does this job with another product, so that they can choose to standardise. Read-only.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object(plannedWorkShape(z, 10)),
      output: z =>
        z.object({
          items: z
            .array(
              z.object({
                entityRef: z.string(),
                title: z.string(),
                owner: z.string().optional(),
                score: z.number().describe('0..1; 0.5 and above is strong'),
                kind: z
                  .enum(['duplicate', 'alternative'])
                  .describe(
                    'duplicate: the same work; alternative: the same job with another product',
                  ),
                reasons: z.array(z.string()),
                link: z.string().describe('The catalog page of the artifact'),
              }),
            )
            .describe('Similar existing artifacts, best match first'),
          indexReady: z
            .boolean()
            .describe(
              'False right after the portal started, while the index is still being built: an empty list then does not mean that nothing similar exists; ask again in a few seconds',
            ),
          message: z
            .string()
            .optional()
            .describe(
              'What an incomplete answer means, when indexReady is false',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        agentMeshInsightsReadPermission,
        'read overlaps',
      );
      const items = await overlap.similar(input, credentials);
      return {
        output: {
          items: items.map(item => ({
            ...item,
            link: entityLink(item.entityRef),
          })),
          ...readiness(overlap.indexReady()),
        },
      };
    },
  });
}
