import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { ActionStore } from './types';

export const RETENTION_TASK_ID = 'agent-mesh-actions-retention';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 1 },
};

export interface RetentionOptions {
  maxAge: HumanDuration;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** `agentMesh.actions.retention`, or undefined when actions are kept for ever. */
export function readRetentionConfig(
  config: Config,
): RetentionOptions | undefined {
  const retention = config.getOptionalConfig('agentMesh.actions.retention');
  if (!retention) {
    return undefined;
  }
  const maxAge = readDurationFromConfig(retention, { key: 'maxAge' });
  if (!(durationToMilliseconds(maxAge) > 0)) {
    throw new Error(
      'agentMesh.actions.retention.maxAge must be a positive duration',
    );
  }
  const schedule = retention.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        retention.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;
  return { maxAge, schedule };
}

/** One retention run: removes the actions older than `maxAge` before `now`. */
export async function runRetention(options: {
  store: ActionStore;
  maxAge: HumanDuration;
  logger: LoggerService;
  now?: Date;
  /** The scheduler's signal: the run stops between batches once it is aborted. */
  signal?: AbortSignal;
}) {
  const now = options.now ?? new Date();
  const cut = new Date(
    now.getTime() - durationToMilliseconds(options.maxAge),
  ).toISOString();
  const result = await options.store.removeOlderThan(cut, {
    signal: options.signal,
  });
  if (result.removed > 0) {
    options.logger.info(
      `Action log retention removed ${result.removed} action(s) that occurred before ${cut}; the chain now starts after seq ${result.checkpoint?.seq}`,
    );
  }
  return result;
}

/** Schedules retention as a global task: one replica runs each time. */
export async function scheduleRetention(options: {
  scheduler: SchedulerService;
  store: ActionStore;
  logger: LoggerService;
  retention: RetentionOptions;
}) {
  const { scheduler, store, logger, retention } = options;
  await scheduler.scheduleTask({
    id: RETENTION_TASK_ID,
    scope: 'global',
    ...retention.schedule,
    fn: async signal => {
      await runRetention({ store, maxAge: retention.maxAge, logger, signal });
    },
  });
}
