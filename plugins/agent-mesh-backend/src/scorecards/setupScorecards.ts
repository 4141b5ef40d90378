import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { agentMeshInsightsReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { ScorecardCheck } from '@agent-mesh/plugin-agent-mesh-node';
import { Entity } from '@backstage/catalog-model';
import { AgentMeshServices } from '../services';
import { builtInChecks } from './checks';
import { readScorecardsConfig, ScorecardsConfig } from './config';
import { createScorecardsRouter } from './createScorecardsRouter';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { ScorecardJob } from './ScorecardJob';
import { ScorecardStore } from './ScorecardStore';
import { createScorecardContext } from './createScorecardContext';
import { createCatalogSource } from './entitySources';
import { evaluateScorecard } from './evaluateScorecard';
import { hasScorecard } from './filters';
import { ActivityLookup, OverlapLookup, ScorecardResult } from './types';
import { ScorecardVisibility } from './ScorecardVisibility';

/** What `setupScorecards` gives the other parts of the plugin (the MCP actions). */
export interface ScorecardsSetup {
  store: ScorecardStore;
  job: ScorecardJob;
  config: ScorecardsConfig;
  /** Whether the entity gets a scorecard (an Agent, AiArtifact or built-by-annotated entity). */
  hasScorecard(entity: Entity): boolean;
  /** Evaluates one entity now, as `GET /scorecards` does (not stored). */
  evaluate(entity: Entity): Promise<ScorecardResult>;
  /** What a caller may see of scorecards: apply it to every answer. */
  visibility: ScorecardVisibility;
}

/** Default schedule of the evaluation job; `agentMesh.scorecards.schedule` overrides it. */
export const DEFAULT_SCORECARDS_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
  };

/** The built-in checks followed by the custom ones; ids must be unique. */
export function allChecks(custom: ScorecardCheck[]): ScorecardCheck[] {
  const checks: ScorecardCheck[] = [...builtInChecks];
  for (const check of custom) {
    if (checks.some(c => c.id === check.id)) {
      throw new Error(
        `Scorecard check '${check.id}' is added twice (a custom check may not reuse a built-in id)`,
      );
    }
    checks.push(check);
  }
  return checks;
}

/**
 * Sets up scorecards: the store, the scheduled evaluation job (`agent-mesh-scorecards`, once
 * across replicas) and the `/scorecards` routes.
 */
export async function setupScorecards(
  services: Pick<
    AgentMeshServices,
    | 'config'
    | 'logger'
    | 'database'
    | 'scheduler'
    | 'httpRouter'
    | 'httpAuth'
    | 'auth'
    | 'permissions'
    | 'permissionsRegistry'
    | 'catalog'
  >,
  options: {
    /** Custom checks from the `agent-mesh.scorecard-checks` extension point. */
    checks?: ScorecardCheck[];
    /** The overlap index; without it the overlap check is `na`. */
    overlaps?: OverlapLookup;
    /** The action log; without it the activity check is `na`. */
    activity?: ActivityLookup;
    /** The evaluation time (tests); default the current time. */
    now?: () => Date;
  } = {},
): Promise<ScorecardsSetup> {
  const { config: rootConfig, database, scheduler, catalog, auth } = services;
  const checks = allChecks(options.checks ?? []);
  const config = readScorecardsConfig(
    rootConfig,
    checks.map(c => c.id),
  );
  services.permissionsRegistry.addPermissions([
    agentMeshInsightsReadPermission,
  ]);
  const store = await DatabaseScorecardStore.create({ database });
  const job = new ScorecardJob({
    catalog,
    auth,
    store,
    logger: services.logger,
    checks,
    config,
    overlaps: options.overlaps,
    activity: options.activity,
    now: options.now,
  });

  const scheduleConfig = rootConfig.getOptionalConfig(
    'agentMesh.scorecards.schedule',
  );
  await scheduler.scheduleTask({
    ...(scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCORECARDS_SCHEDULE),
    // After the schedule, whose reader sets `scope` (undefined unless configured).
    id: 'agent-mesh-scorecards',
    scope: 'global',
    fn: async signal => {
      await job.run(signal);
    },
  });

  const visibility = new ScorecardVisibility({
    catalog,
    auth,
    activity: options.activity,
  });
  services.httpRouter.use(
    createScorecardsRouter({
      catalog,
      auth,
      visibility,
      httpAuth: services.httpAuth,
      permissions: services.permissions,
      store,
      checks,
      config,
      overlaps: options.overlaps,
      activity: options.activity,
      now: options.now,
    }),
  );
  const now = options.now ?? (() => new Date());
  return {
    store,
    job,
    config,
    visibility,
    hasScorecard: entity => hasScorecard(entity, config),
    async evaluate(entity) {
      const context = createScorecardContext({
        source: createCatalogSource(
          catalog,
          await auth.getOwnServiceCredentials(),
        ),
        now: now(),
        activityWindowDays: config.activityWindowDays,
        overlaps: options.overlaps,
        activity: options.activity,
      });
      return evaluateScorecard(entity, { checks, config, context });
    },
  };
}
