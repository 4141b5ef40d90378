import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';

/**
 * A scheduler mock that keeps the scheduled tasks instead of running them, so that a test runs
 * a task (the overlap reconcile, the scorecards job) exactly when it wants to.
 */
export function capturingScheduler() {
  const tasks = new Map<string, SchedulerServiceTaskFunction>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, task.fn);
    },
  });
  /** Runs the task with this id once; fails the test when no such task was scheduled. */
  const run = async (id: string) => {
    const fn = tasks.get(id);
    if (!fn) throw new Error(`No task '${id}' was scheduled`);
    await fn(new AbortController().signal);
  };
  return { scheduler, run };
}
