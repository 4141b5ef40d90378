import { mockServices } from '@backstage/backend-test-utils';
import { AgentMeshClient } from '@agent-mesh/plugin-agent-mesh-common/client';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startSimilarBackend as startBackend } from '../__testUtils__/similarBackend';
import { createCheckOverlapAction } from './checkOverlap';

const aggregators = [
  {
    entityRef: 'aiartifact:default/brand-a-sales-aggregator',
    title: 'Brand A Sales Aggregator',
    owner: 'group:default/brand-a',
    score: 0.72,
    kind: 'duplicate',
    reasons: ['both integrate shopify and salesforce', 'same type aggregator'],
  },
  {
    entityRef: 'aiartifact:default/brand-b-sales-rollup',
    title: 'Brand B Weekly Revenue Roll-up',
    owner: 'group:default/brand-b',
    score: 0.61,
    kind: 'duplicate',
    reasons: ['both integrate shopify and salesforce'],
  },
  {
    entityRef: 'aiartifact:default/order-sync-integration',
    title: 'Order Sync Integration',
    owner: 'group:default/operations',
    score: 0.34,
    kind: 'duplicate',
    reasons: ['both integrate shopify'],
  },
];

describe('agent-mesh:check-overlap', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  afterEach(async () => {
    await backend?.close();
  });

  function createAction() {
    return createCheckOverlapAction({
      // as the agent-mesh client service does it, with a fixed token
      agentMesh: new AgentMeshClient({
        discoveryApi: { getBaseUrl: async () => backend.baseUrl },
        fetchApi: {
          fetch: (url, init) =>
            fetch(url, {
              ...init,
              headers: { ...init?.headers, Authorization: 'Bearer scaffolder' },
            }),
        },
      }),
      config: mockServices.rootConfig({
        data: { app: { baseUrl: 'http://localhost:3000' } },
      }),
    });
  }

  const input = {
    name: 'Weekly Sales Digest',
    description:
      'A weekly digest of Shopify orders and Salesforce deals across all brands',
    type: 'aggregator',
    integrations: ['shopify', 'salesforce'],
    owner: 'group:default/marketing',
  };

  it('fails the step above the threshold and lists the matches with owners and links', async () => {
    backend = await startBackend(() => ({
      status: 200,
      body: { items: aggregators },
    }));
    const ctx = createMockActionContext({ input });
    await expect(createAction().handler(ctx)).rejects.toThrow(
      /2 existing artifact\(s\) already do this job \(score at least 0.5\):\n- duplicate: Brand A Sales Aggregator \(aiartifact:default\/brand-a-sales-aggregator\), owned by group:default\/brand-a, score 0.72: both integrate shopify and salesforce; same type aggregator. http:\/\/localhost:3000\/catalog\/default\/aiartifact\/brand-a-sales-aggregator\n- duplicate: Brand B Weekly Revenue Roll-up/,
    );
    expect(ctx.output).toHaveBeenCalledWith('blocked', true);
    expect(ctx.output).toHaveBeenCalledWith(
      'matches',
      expect.arrayContaining([
        expect.objectContaining({
          entityRef: 'aiartifact:default/order-sync-integration',
          link: 'http://localhost:3000/catalog/default/aiartifact/order-sync-integration',
        }),
      ]),
    );

    // What the backend was asked, through the agent-mesh client
    expect(backend.requests).toEqual([
      {
        url: '/api/agent-mesh/similar',
        authorization: 'Bearer scaffolder',
        body: {
          title: 'Weekly Sales Digest',
          description: input.description,
          type: 'aggregator',
          integrations: ['shopify', 'salesforce'],
          owner: 'group:default/marketing',
          limit: 10,
        },
      },
    ]);
  });

  it('succeeds with an acknowledgement and outputs acknowledgedOverlaps for the new entity', async () => {
    backend = await startBackend(() => ({
      status: 200,
      body: { items: aggregators },
    }));
    const ctx = createMockActionContext({
      input: {
        ...input,
        acknowledgement: 'Leadership digest by e-mail, not a per-brand report',
      },
    });
    await createAction().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('blocked', false);
    expect(ctx.output).toHaveBeenCalledWith('acknowledgedOverlaps', [
      {
        entityRef: 'aiartifact:default/brand-a-sales-aggregator',
        reason: 'Leadership digest by e-mail, not a per-brand report',
      },
      {
        entityRef: 'aiartifact:default/brand-b-sales-rollup',
        reason: 'Leadership digest by e-mail, not a per-brand report',
      },
    ]);
  });

  it('does not block on alternatives, and warns about them', async () => {
    backend = await startBackend(() => ({
      status: 200,
      body: {
        items: [
          {
            entityRef: 'aiartifact:default/hubspot-sales-digest',
            title: 'HubSpot Sales Digest',
            owner: 'group:default/brand-b',
            score: 0.66,
            kind: 'alternative',
            reasons: ['both do crm: salesforce here, hubspot there'],
          },
        ],
      },
    }));
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({ input, logger });
    await createAction().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('blocked', false);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^1 existing artifact\(s\) do the same job with other products \(score at least 0.5\); consider standardising on one:\n- alternative: HubSpot Sales Digest/,
      ),
    );
  });

  it('passes below the threshold, and takes a custom threshold', async () => {
    backend = await startBackend(() => ({
      status: 200,
      body: { items: aggregators },
    }));
    const ctx = createMockActionContext({
      input: { ...input, threshold: 0.8 },
    });
    await createAction().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('blocked', false);
    expect(ctx.output).toHaveBeenCalledWith('acknowledgedOverlaps', []);
    expect(ctx.output).toHaveBeenCalledWith(
      'matches',
      expect.arrayContaining([expect.objectContaining({ score: 0.72 })]),
    );

    const strict = createMockActionContext({
      input: { ...input, threshold: 0.3 },
    });
    await expect(createAction().handler(strict)).rejects.toThrow(
      /3 existing artifact\(s\)/,
    );
  });

  it('passes when nothing is similar, sending only the fields given', async () => {
    backend = await startBackend(() => ({ status: 200, body: { items: [] } }));
    const ctx = createMockActionContext({
      input: { name: 'Pager', description: 'Rotates the on-call pager' },
    });
    await createAction().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('matches', []);
    expect(ctx.output).toHaveBeenCalledWith('blocked', false);
    expect(backend.requests[0].body).toEqual({
      title: 'Pager',
      description: 'Rotates the on-call pager',
      limit: 10,
    });
  });

  it('fails with the backend error when the backend refuses', async () => {
    backend = await startBackend(() => ({
      status: 403,
      body: {
        error: {
          name: 'NotAllowedError',
          message: 'Not allowed to read overlaps',
        },
        response: { statusCode: 403 },
      },
    }));
    const ctx = createMockActionContext({ input });
    await expect(createAction().handler(ctx)).rejects.toThrow(
      /Not allowed to read overlaps/,
    );
  });
});
