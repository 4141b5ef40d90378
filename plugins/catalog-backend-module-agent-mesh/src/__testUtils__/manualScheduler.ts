import {
  coreServices,
  createServiceFactory,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';

/**
 * A scheduler for tests that runs nothing by itself: each scheduled task runs when the test
 * calls `run(id)`, and the call returns when the task has finished.
 */
export class ManualScheduler {
  private readonly tasks = new Map<
    string,
    SchedulerServiceTaskInvocationDefinition
  >();

  readonly factory = createServiceFactory({
    service: coreServices.scheduler,
    deps: {},
    factory: (): SchedulerService => ({
      scheduleTask: async task => {
        this.tasks.set(task.id, task);
      },
      createScheduledTaskRunner: () => ({
        run: async task => {
          this.tasks.set(task.id, task);
        },
      }),
      triggerTask: async id => this.run(id),
      cancelTask: async () => {},
      getScheduledTasks: async () =>
        [...this.tasks.keys()].map(id => ({
          id,
          scope: 'global' as const,
          settings: { version: 1 },
        })),
    }),
  });

  async run(id: string): Promise<void> {
    const task = this.tasks.get(id);
    if (!task) {
      throw new Error(`No task ${id}; scheduled: ${[...this.tasks.keys()]}`);
    }
    await task.fn(new AbortController().signal as any);
  }
}
