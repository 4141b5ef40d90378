import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { agentMeshInsightsReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ScorecardsSetup } from '../scorecards';
import { parseRefInput, requirePermission } from './shared';

/** `agent-mesh:get-entity-scorecard`: one entity's governance scorecard, evaluated now. */
export function registerGetEntityScorecardAction(
  actionsRegistry: ActionsRegistryService,
  deps: {
    scorecards: ScorecardsSetup;
    catalog: CatalogService;
    permissions: PermissionsService;
    entityLink: (entityRef: string) => string;
  },
) {
  const { scorecards, catalog, permissions, entityLink } = deps;
  actionsRegistry.register({
    name: 'get-entity-scorecard',
    title: "Get an AI-built artifact's or agent's governance scorecard",
    description: `Call this to learn whether an AI-built artifact or an agent meets the organisation's governance rules, and what to fix: before you hand over or ship something, when asked "is this ready for production?", or when reviewing someone's work.

Give the entity ref (aiartifact:default/name, agent:default/name, or a Component with the agent-mesh.io/built-by annotation; a bare name is read as an AiArtifact). Returns the score from 0 to 100, the level reached (e.g. Bronze, Silver, Gold, or none), and every check with its status (pass, fail, warn, exempt, na) and a detail that says what to do, e.g. "name a reviewer in spec.reviewers". Fix the failing checks by editing the entity's catalog-info.yaml. Evaluated live from the catalog. Read-only.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .max(512)
            .describe(
              'The entity, e.g. aiartifact:default/support-ticket-triage',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          score: z.number().describe('0..100'),
          level: z.string().nullable().describe('The level reached, or null'),
          checks: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              status: z.enum(['pass', 'fail', 'warn', 'exempt', 'na']),
              detail: z.string(),
            }),
          ),
          failing: z
            .array(z.string())
            .describe('Titles of the failing checks, the ones to fix first'),
          link: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        agentMeshInsightsReadPermission,
        'read scorecards',
      );
      const entityRef = parseRefInput(
        input.entityRef,
        'entityRef',
        'aiartifact',
      );
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) {
        throw new NotFoundError(`No entity ${entityRef} in the catalog`);
      }
      if (!scorecards.hasScorecard(entity)) {
        throw new NotFoundError(
          `${entityRef} has no scorecard: scorecards cover Agents, AiArtifacts and entities with the agent-mesh.io/built-by annotation`,
        );
      }
      const [result] = await scorecards.visibility.shown(
        [await scorecards.evaluate(entity)],
        credentials,
      );
      if (!result) {
        throw new NotFoundError(`No entity ${entityRef} in the catalog`);
      }
      return {
        output: {
          ...result,
          failing: result.checks
            .filter(c => c.status === 'fail')
            .map(c => c.title),
          link: entityLink(result.entityRef),
        },
      };
    },
  });
}
