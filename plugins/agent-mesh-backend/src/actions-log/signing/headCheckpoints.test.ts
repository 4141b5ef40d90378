import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  HEAD_CHECKPOINT_TASK_ID,
  readHeadCheckpointSchedule,
  recordHeadCheckpoint,
  scheduleHeadCheckpoints,
} from './headCheckpoints';
import { ActionStore } from '../types';

describe('head checkpoints', () => {
  it('are written every 10 minutes unless configured otherwise', () => {
    expect(readHeadCheckpointSchedule(new ConfigReader({}))).toEqual(
      expect.objectContaining({ frequency: { minutes: 10 } }),
    );
    expect(
      readHeadCheckpointSchedule(
        new ConfigReader({
          agentMesh: {
            actions: {
              signing: {
                schedule: {
                  frequency: { minutes: 1 },
                  timeout: { minutes: 1 },
                },
              },
            },
          },
        }),
      ),
    ).toEqual({ frequency: { minutes: 1 }, timeout: { minutes: 1 } });
  });

  it('run as a global task and log each checkpoint written, so a copy stands outside the database', async () => {
    const checkpoint = {
      kind: 'head' as const,
      seq: 7,
      hash: 'a'.repeat(64),
      createdAt: '2026-11-25T00:00:00.000Z',
      keyId: '0123456789abcdef',
      signature: 'c2lnbmF0dXJl',
    };
    const recordHead = jest
      .fn()
      .mockResolvedValueOnce(checkpoint)
      .mockResolvedValueOnce(undefined);
    const store = { recordHead } as unknown as ActionStore;
    const logger = mockServices.logger.mock();
    const scheduler = mockServices.scheduler.mock();
    await scheduleHeadCheckpoints({
      scheduler,
      store,
      logger,
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 } },
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({ id: HEAD_CHECKPOINT_TASK_ID, scope: 'global' }),
    );
    await scheduler.scheduleTask.mock.calls[0][0].fn(
      new AbortController().signal,
    );
    expect(logger.info).toHaveBeenCalledWith(
      `Signed a head checkpoint of the action log: seq 7, hash ${'a'.repeat(
        64,
      )}, key 0123456789abcdef, signature c2lnbmF0dXJl`,
    );
    // Nothing new to vouch for: nothing logged.
    expect(await recordHeadCheckpoint({ store, logger })).toBeUndefined();
    expect(logger.info).toHaveBeenCalledTimes(1);
  });
});
