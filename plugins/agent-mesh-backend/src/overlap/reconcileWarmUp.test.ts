import { mockServices } from '@backstage/backend-test-utils';
import { startReconcileWarmUp } from './reconcileWarmUp';

// Fake timers: the intervals pass exactly, however busy the machine is.
const wait = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('startReconcileWarmUp', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('triggers the reconcile at once and then often, until the index stops changing', async () => {
    const triggerTask = jest.fn(async () => {});
    const scheduler = mockServices.scheduler.mock({ triggerTask });
    const state = { ready: false, size: 0, seq: 0 };
    const warmUp = startReconcileWarmUp({
      scheduler,
      taskId: 'agent-mesh-overlap-reconcile',
      logger: mockServices.logger.mock(),
      state: () => state,
      intervalMs: 20,
    });
    try {
      expect(triggerTask).toHaveBeenCalledWith('agent-mesh-overlap-reconcile');
      // The catalog fills: each reconcile writes more.
      await wait(70);
      state.ready = true;
      state.size = 10;
      state.seq = 1;
      await wait(30);
      state.size = 25;
      state.seq = 2;
      await wait(30);
      const whileFilling = triggerTask.mock.calls.length;
      expect(whileFilling).toBeGreaterThanOrEqual(4);
      // Nothing changes any more: one more trigger at most, then it stops.
      await wait(150);
      const settled = triggerTask.mock.calls.length;
      await wait(100);
      expect(triggerTask.mock.calls.length).toBe(settled);
      expect(settled - whileFilling).toBeLessThanOrEqual(2);
    } finally {
      warmUp.stop();
    }
  });

  it('gives up after maxMs when the catalog has nothing to index', async () => {
    const triggerTask = jest.fn(async () => {
      throw new Error('running');
    });
    let now = 0;
    const warmUp = startReconcileWarmUp({
      scheduler: mockServices.scheduler.mock({ triggerTask }),
      taskId: 't',
      logger: mockServices.logger.mock(),
      state: () => ({ ready: true, size: 0, seq: 3 }),
      intervalMs: 10,
      maxMs: 1000,
      now: () => now,
    });
    await wait(40);
    now = 2000;
    await wait(30);
    const calls = triggerTask.mock.calls.length;
    await wait(50);
    expect(triggerTask.mock.calls.length).toBe(calls);
    warmUp.stop();
  });
});
