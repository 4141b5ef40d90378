import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { builtInChecks } from './checks';
import { parseScorecardsConfig } from './config';
import { ScorecardJob } from './ScorecardJob';
import { ScorecardStore } from './ScorecardStore';
import { EXAMPLES_NOW, loadExampleEntities } from './__testUtils__/examples';

describe('ScorecardJob', () => {
  function setUp() {
    const store = {
      recordRun: jest.fn(async () => undefined),
      pruneHistory: jest.fn(async () => 0),
    } as unknown as ScorecardStore;
    const job = new ScorecardJob({
      catalog: catalogServiceMock({ entities: loadExampleEntities() }),
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
      checks: builtInChecks,
      config: parseScorecardsConfig({}),
      now: () => EXAMPLES_NOW,
    });
    return { job, store };
  }

  it('evaluates and records the catalog', async () => {
    const { job, store } = setUp();
    const result = await job.run(new AbortController().signal);
    expect(result.evaluated).toBeGreaterThan(10);
    expect(store.recordRun).toHaveBeenCalledTimes(1);
  });

  it('stops, recording nothing, once the scheduler aborts the run', async () => {
    const { job, store } = setUp();
    const controller = new AbortController();
    controller.abort(new Error('the task timed out'));
    await expect(job.run(controller.signal)).rejects.toThrow(
      'the task timed out',
    );
    expect(store.recordRun).not.toHaveBeenCalled();
  });
});
