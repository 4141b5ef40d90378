import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** The id of the scheduled reconcile of the overlap index with the catalog. */
export const OVERLAP_RECONCILE_TASK_ID = 'agent-mesh-overlap-reconcile';

/** Defaults of `agentMesh.overlap.schedule`. */
export const DEFAULT_OVERLAP_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 2 },
    timeout: { minutes: 30 },
    // No initial delay: after a start the index is built at once and the reconcile repeats
    // every few seconds until the catalog has settled (reconcileWarmUp.ts); a configured
    // initialDelay holds all of that back, since the scheduler runs nothing before it.
  };

/** How often each replica checks the store for changes made by others. */
export const STORE_POLL_INTERVAL_MS = 5_000;

/** How long tombstones of removed entities are kept for replicas that were away. */
export const TOMBSTONE_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * `agentMesh.overlap.schedule` (frequency and timeout required when the key is given, as in
 * Backstage's other schedules), or the defaults above. The task always runs with global scope.
 */
export function readOverlapSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig('agentMesh.overlap.schedule');
  if (!schedule) return DEFAULT_OVERLAP_SCHEDULE;
  return {
    ...readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule),
    scope: 'global',
  };
}

/** `agentMesh.overlap.notifications.enabled`, default true. */
export function readNotificationsEnabled(config: Config): boolean {
  return (
    config.getOptionalBoolean('agentMesh.overlap.notifications.enabled') ?? true
  );
}
