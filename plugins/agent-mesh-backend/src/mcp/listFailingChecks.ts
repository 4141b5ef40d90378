import { AuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { agentMeshInsightsReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { loadGroups, ScorecardsSetup, teamTree } from '../scorecards';
import { parseRefInput, requirePermission } from './shared';

/**
 * `agent-mesh:list-failing-checks`: a team's failing governance checks, from the stored
 * scorecards (the scheduled evaluation), following sub-teams.
 */
export function registerListFailingChecksAction(
  actionsRegistry: ActionsRegistryService,
  deps: {
    scorecards: ScorecardsSetup;
    catalog: CatalogService;
    auth: AuthService;
    permissions: PermissionsService;
    entityLink: (entityRef: string) => string;
  },
) {
  const { scorecards, catalog, auth, permissions, entityLink } = deps;
  actionsRegistry.register({
    name: 'list-failing-checks',
    title: "List a team's failing governance checks",
    description: `Call this to find what a team has to fix in the governance of its AI-built artifacts and agents: when asked "what does my team need to fix?", when planning clean-up work, or before a review.

Give the team's Group ref (group:default/brand-a, or just brand-a). Sub-teams are included. Returns the team and sub-teams counted, and each of their entities that has failing checks, worst first, with its owner, score (0..100), level, when it was last evaluated, a link, and the failing checks with a detail that says what to do. Set includeWarnings to also list warnings (e.g. no recent activity: possibly abandoned).

Results come from the scheduled scorecard evaluation, not a live run; for one entity's live scorecard call get-entity-scorecard. Read-only.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          team: z
            .string()
            .min(1)
            .max(512)
            .describe('The Group, e.g. group:default/brand-a or brand-a'),
          includeWarnings: z
            .boolean()
            .default(false)
            .describe('Also list checks with status warn'),
        }),
      output: z =>
        z.object({
          team: z.string(),
          teams: z
            .array(z.string())
            .describe('The team and its sub-teams, as counted'),
          entityCount: z
            .number()
            .describe('Entities of these teams with a stored scorecard'),
          entities: z.array(
            z.object({
              entityRef: z.string(),
              owner: z.string().nullable(),
              score: z.number(),
              level: z.string().nullable(),
              evaluatedAt: z.string(),
              link: z.string(),
              checks: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  status: z.enum(['fail', 'warn']),
                  detail: z.string(),
                }),
              ),
            }),
          ),
          summary: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        agentMeshInsightsReadPermission,
        'read scorecards',
      );
      const team = parseRefInput(input.team, 'team', 'group');
      const teamEntity = await catalog.getEntityByRef(team, { credentials });
      if (!teamEntity) {
        throw new NotFoundError(`No team ${team} in the catalog`);
      }
      const teams =
        teamEntity.kind.toLocaleLowerCase('en-US') === 'group'
          ? teamTree(
              await loadGroups(catalog, await auth.getOwnServiceCredentials()),
              team,
            )
          : [team];
      // Only the entities that the caller may read, with details as it may see them.
      const rows = await scorecards.visibility.shown(
        await scorecards.store.latestByOwners(teams),
        credentials,
      );
      const statuses = new Set(
        input.includeWarnings ? ['fail', 'warn'] : ['fail'],
      );
      const entities = rows
        .map(row => ({
          entityRef: row.entityRef,
          owner: row.ownerRef,
          score: row.score,
          level: row.level,
          evaluatedAt: row.evaluatedAt,
          link: entityLink(row.entityRef),
          checks: row.checks
            .filter(c => statuses.has(c.status))
            .map(c => ({
              id: c.id,
              title: c.title,
              status: c.status as 'fail' | 'warn',
              detail: c.detail,
            })),
        }))
        .filter(e => e.checks.length > 0)
        .sort(
          (a, b) => a.score - b.score || a.entityRef.localeCompare(b.entityRef),
        );
      const failCount = entities.reduce(
        (n, e) => n + e.checks.filter(c => c.status === 'fail').length,
        0,
      );
      const summary =
        rows.length === 0
          ? `No stored scorecards for ${team} yet: the team owns no AI-built entities, or the scheduled evaluation has not run since they were added.`
          : `${failCount} failing check(s) on ${
              entities.filter(e => e.checks.some(c => c.status === 'fail'))
                .length
            } of ${rows.length} entit(ies) of ${team}${
              teams.length > 1 ? ` and ${teams.length - 1} sub-team(s)` : ''
            }.`;
      return {
        output: { team, teams, entityCount: rows.length, entities, summary },
      };
    },
  });
}
