import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ActionStore } from '../types';

export const HEAD_CHECKPOINT_TASK_ID = 'agent-mesh-actions-head-checkpoint';

/**
 * Every 10 minutes: someone who can write to the database but does not hold the key can at
 * most rewrite the actions after the newest signed checkpoint unseen.
 */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
};

/** `agentMesh.actions.signing.schedule`, or the default. */
export function readHeadCheckpointSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const key = 'agentMesh.actions.signing.schedule';
  return config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(key),
      )
    : DEFAULT_SCHEDULE;
}

/**
 * Writes a signed head checkpoint when the log has moved on since the last one, and logs it,
 * so that a copy of each stands outside the database too.
 */
export async function recordHeadCheckpoint(options: {
  store: ActionStore;
  logger: LoggerService;
}) {
  const checkpoint = await options.store.recordHead();
  if (checkpoint) {
    options.logger.info(
      `Signed a head checkpoint of the action log: seq ${checkpoint.seq}, hash ${checkpoint.hash}, key ${checkpoint.keyId}, signature ${checkpoint.signature}`,
    );
  }
  return checkpoint;
}

/** Schedules head checkpoints as a global task: one replica writes each. */
export async function scheduleHeadCheckpoints(options: {
  scheduler: SchedulerService;
  store: ActionStore;
  logger: LoggerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
}) {
  const { scheduler, store, logger, schedule } = options;
  await scheduler.scheduleTask({
    id: HEAD_CHECKPOINT_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      await recordHeadCheckpoint({ store, logger });
    },
  });
}
