import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';

/** How long after a start the warm-up goes on at most. */
export const WARM_UP_MAX_MS = 5 * 60_000;

/**
 * After a start, the catalog fills over the first seconds to minutes while the scheduled
 * reconcile runs only every few minutes: so the reconcile is triggered every `intervalMs`
 * until the index has entries and one interval went by without any change to them (the
 * catalog holds what it will hold), or `maxMs` passed. Every replica does this; the reconcile
 * is a global task, so one of them runs each time, and a trigger while it runs is ignored.
 * The overview's snapshot task (local, on each replica) warms up the same way.
 */
export function startReconcileWarmUp(options: {
  scheduler: SchedulerService;
  taskId: string;
  logger: LoggerService;
  /** What is warming up, for the log; default the overlap index. */
  what?: string;
  /** What this replica's index reflects now. */
  state: () => { ready: boolean; size: number; seq: number };
  intervalMs?: number;
  maxMs?: number;
  now?: () => number;
}): { stop(): void } {
  const intervalMs = options.intervalMs ?? 5_000;
  const maxMs = options.maxMs ?? WARM_UP_MAX_MS;
  const now = options.now ?? Date.now;
  const started = now();
  let lastSeq: number | undefined;
  let stopped = false;

  const tick = async () => {
    const { ready, size, seq } = options.state();
    if (ready && size > 0 && seq === lastSeq) {
      options.logger.info(
        `${options.what ?? 'Overlap index'} warmed up with ${size} entities; ${
          options.taskId
        } runs on its schedule from now on`,
      );
      stop();
      return;
    }
    if (now() - started > maxMs) {
      stop();
      return;
    }
    lastSeq = ready ? seq : undefined;
    try {
      await options.scheduler.triggerTask(options.taskId);
    } catch {
      // Running already, or not registered yet: the next tick tries again.
    }
  };

  const timer = setInterval(() => {
    tick().catch(() => {});
  }, intervalMs);
  timer.unref?.();
  // The first run at once, not after the schedule's initial delay.
  tick().catch(() => {});

  function stop() {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
  }
  return { stop };
}
