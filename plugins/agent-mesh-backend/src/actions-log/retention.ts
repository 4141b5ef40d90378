import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { DateTime } from 'luxon';
import { ActionStore } from './types';

export const RETENTION_TASK_ID = 'agent-mesh-actions-retention';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 1 },
};

/**
 * The shortest retention: the EU AI Act asks providers (Art. 19) and deployers (Art. 26(6)) of
 * high-risk AI systems to keep its automatically generated logs (Art. 12) for at least six
 * months, unless other law says otherwise.
 */
export const MINIMUM_RETENTION: HumanDuration = { months: 6 };

export interface RetentionOptions {
  maxAge: HumanDuration;
  /** Allow a `maxAge` under six months (for logs the AI Act's record-keeping does not cover). */
  allowUnderSixMonths?: boolean;
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
  const allowUnderSixMonths =
    retention.getOptionalBoolean('allowUnderSixMonths') ?? false;
  if (
    !allowUnderSixMonths &&
    durationToMilliseconds(maxAge) < durationToMilliseconds(MINIMUM_RETENTION)
  ) {
    throw new Error(
      'agentMesh.actions.retention.maxAge must be at least six months ({ months: 6 }): the EU AI Act asks for the logs of high-risk AI systems to be kept that long (Art. 19 and 26(6)). Where that does not apply, set agentMesh.actions.retention.allowUnderSixMonths: true',
    );
  }
  const schedule = retention.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        retention.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;
  return { maxAge, allowUnderSixMonths, schedule };
}

/**
 * The cut of a run at `now`: `maxAge` before it on the calendar (six months before 31 August is
 * 28 or 29 February), and never less than six months before unless allowed.
 */
export function retentionCut(
  now: Date,
  options: { maxAge: HumanDuration; allowUnderSixMonths?: boolean },
): string {
  const at = DateTime.fromJSDate(now, { zone: 'utc' });
  let cut = at.minus(options.maxAge);
  if (!options.allowUnderSixMonths) {
    cut = DateTime.min(cut, at.minus(MINIMUM_RETENTION));
  }
  return cut.toJSDate().toISOString();
}

/** One retention run: removes the actions older than `maxAge` before `now` (`retentionCut`). */
export async function runRetention(options: {
  store: ActionStore;
  maxAge: HumanDuration;
  allowUnderSixMonths?: boolean;
  logger: LoggerService;
  now?: Date;
  /** The scheduler's signal: the run stops between batches once it is aborted. */
  signal?: AbortSignal;
}) {
  const cut = retentionCut(options.now ?? new Date(), options);
  const result = await options.store.removeOlderThan(cut, {
    signal: options.signal,
  });
  if (result.removed > 0) {
    options.logger.info(
      `Action log retention removed ${
        result.removed
      } action(s) that occurred before ${cut}; the chain now starts after seq ${
        result.checkpoint?.seq
      }, vouched for by a ${
        result.checkpoint?.signature
          ? `checkpoint signed with key ${result.checkpoint.keyId}`
          : 'checkpoint that is not signed'
      }`,
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
      await runRetention({
        store,
        maxAge: retention.maxAge,
        allowUnderSixMonths: retention.allowUnderSixMonths,
        logger,
        signal,
      });
    },
  });
}
