import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { agentMeshPlugin } from '../plugin';
import { loadExampleEntities } from '../overlap/engine/__testUtils__/examples';
import { OVERLAP_RECONCILE_TASK_ID } from '../overlap/schedule';
import { capturingScheduler } from '../__testUtils__/capturingScheduler';

jest.setTimeout(60_000);

const art = (name: string) => `aiartifact:default/${name}`;
const aggregators = [
  art('brand-a-sales-aggregator'),
  art('brand-b-sales-rollup'),
  art('brand-c-revenue-dashboard-sync'),
];
const weeklySales = {
  description:
    'A weekly sales roll-up that pulls orders from Shopify and deals from Salesforce and totals sales per brand every Monday.',
  integrations: ['shopify', 'salesforce'],
  type: 'aggregator',
  owner: 'group:default/marketing',
};
const user = mockCredentials.user('user:default/guest');

describe('MCP actions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  /** The plugin on SQLite with the example catalog, its actions in a mock registry. */
  async function setup() {
    const registry = actionsRegistryServiceMock();
    const permission: { result: AuthorizeResult.ALLOW | AuthorizeResult.DENY } =
      { result: AuthorizeResult.ALLOW };
    const { scheduler, run } = capturingScheduler();
    const { server } = await startTestBackend({
      features: [
        agentMeshPlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' } },
        }),
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () =>
            catalogServiceMock({ entities: loadExampleEntities() }),
        }),
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () => registry,
        }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => ({
            authorize: async (requests: unknown[]) =>
              requests.map(() => ({ result: permission.result })),
            authorizeConditional: async (requests: unknown[]) =>
              requests.map(() => ({ result: permission.result })),
          }),
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: jest.fn() }),
        }),
        scheduler.factory,
      ],
    });
    await run(OVERLAP_RECONCILE_TASK_ID);
    const invoke = (name: string, input: any) =>
      registry.invoke({
        id: `test:${name}`,
        input,
        credentials: user,
      }) as Promise<{ output: any }>;
    return { registry, server, invoke, run, permission };
  }

  it('registers five actions with agent-facing descriptions and truthful attributes', async () => {
    const { registry } = await setup();
    const { actions } = await registry.list();
    const byName = Object.fromEntries(actions.map(a => [a.name, a]));
    expect(Object.keys(byName).sort()).toEqual([
      'find-similar-artifacts',
      'get-build-context',
      'get-entity-scorecard',
      'list-failing-checks',
      'log-agent-action',
    ]);
    for (const name of [
      'find-similar-artifacts',
      'get-build-context',
      'get-entity-scorecard',
      'list-failing-checks',
    ]) {
      expect(byName[name].attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
    }
    expect(byName['log-agent-action'].attributes).toEqual({
      readOnly: false,
      idempotent: true,
      destructive: false,
    });
    for (const action of actions) {
      expect(action.description).toMatch(/^Call this/);
      expect(action.description.length).toBeGreaterThan(300);
    }
    expect(byName['find-similar-artifacts'].schema.input).toMatchObject({
      required: ['description'],
    });
  });

  it('find-similar-artifacts: a weekly Shopify and Salesforce sales roll-up finds the three aggregators and their owners', async () => {
    const { invoke } = await setup();
    const { output } = await invoke('find-similar-artifacts', weeklySales);
    const found = output.items.map((i: any) => i.entityRef);
    expect(found).toEqual(expect.arrayContaining(aggregators));
    expect(found).not.toContain(art('incident-postmortem-summarizer'));
    const a = output.items.find(
      (i: any) => i.entityRef === art('brand-a-sales-aggregator'),
    );
    expect(a).toEqual({
      entityRef: art('brand-a-sales-aggregator'),
      title: 'Brand A Sales Aggregator',
      owner: 'group:default/brand-a',
      score: expect.any(Number),
      kind: 'duplicate',
      reasons: expect.arrayContaining([expect.stringMatching(/shopify/)]),
      link: 'http://localhost:3000/catalog/default/aiartifact/brand-a-sales-aggregator',
    });
    expect(a.score).toBeGreaterThanOrEqual(0.5);
    // Other teams' work first: marketing's own proposed digest comes after the brands' aggregators
    const digest = found.indexOf(art('weekly-sales-digest'));
    expect(digest).toBeGreaterThan(0);
    for (const ref of aggregators) {
      expect(found.indexOf(ref)).toBeLessThan(digest);
    }
  });

  it('find-similar-artifacts: refuses an empty description and respects the limit', async () => {
    const { invoke } = await setup();
    await expect(
      invoke('find-similar-artifacts', { description: '' }),
    ).rejects.toThrow(/Invalid input/);
    const { output } = await invoke('find-similar-artifacts', {
      ...weeklySales,
      limit: 2,
    });
    expect(output.items).toHaveLength(2);
  });

  it('get-build-context: the "start from the first team\'s work" pack', async () => {
    const { invoke } = await setup();
    const { output } = await invoke('get-build-context', {
      ...weeklySales,
      limit: 10,
    });
    const refs = output.artifacts.map((a: any) => a.entityRef);
    expect(refs).toEqual(expect.arrayContaining(aggregators));
    expect(output.summary).toMatch(/already do this job/);
    expect(output.summary).toMatch(/Start from/);
    const a = output.artifacts.find(
      (x: any) => x.entityRef === art('brand-a-sales-aggregator'),
    );
    expect(a).toMatchObject({
      kind: 'AiArtifact',
      type: 'aggregator',
      lifecycle: 'production',
      owner: 'group:default/brand-a',
      integrations: ['shopify', 'salesforce', 'slack', 'snowflake'],
      builtBy: ['agent:default/brand-a-coder'],
      system: 'system:default/sales-analytics',
      sourceLocation:
        'https://github.example/acme/brand-a-sales-aggregator/tree/main/',
      links: [
        {
          title: 'Repository',
          url: 'https://github.example/acme/brand-a-sales-aggregator',
        },
      ],
      link: 'http://localhost:3000/catalog/default/aiartifact/brand-a-sales-aggregator',
    });
    expect(a.purpose).toMatch(/weekly sales roll-up/);
    expect(a.howToReuse).toMatch(/owned by .*group:default\/brand-a/);
    expect(a.howToReuse).toMatch(/already integrates shopify, salesforce/);
    expect(a.howToReuse).toMatch(
      /Read the source at https:\/\/github.example\/acme\/brand-a-sales-aggregator/,
    );
    expect(a.howToReuse).toMatch(/acknowledgedOverlaps/);
    const digest = output.artifacts.find(
      (x: any) => x.entityRef === art('weekly-sales-digest'),
    );
    expect(digest.howToReuse).toMatch(/your own team/);
    expect(digest.howToReuse).toMatch(/only proposed/);
  });

  it('get-build-context: says to build when nothing is similar', async () => {
    const { invoke } = await setup();
    const { output } = await invoke('get-build-context', {
      description:
        'A quantum annealing scheduler for satellite ground stations orbiting Jupiter',
    });
    expect(output.artifacts.filter((a: any) => a.score >= 0.5)).toEqual([]);
  });

  it('log-agent-action: writes through the POST /actions path, idempotent on the id, readable through GET /actions', async () => {
    const { invoke, server } = await setup();
    const input = {
      id: 'mcp-test-1',
      occurredAt: '2026-11-20T10:15:00Z',
      agent: 'agent:default/brand-a-coder',
      type: 'artifact.created',
      target: art('brand-a-sales-aggregator'),
      summary: 'Added a Brand A channel split to the weekly roll-up',
      onBehalfOf: 'user:default/alice-nguyen',
      attributes: { tool: 'mcp' },
    };
    const first = await invoke('log-agent-action', input);
    expect(first.output).toEqual({
      id: 'mcp-test-1',
      recorded: true,
      duplicate: false,
      agentKnown: true,
      agentRef: 'agent:default/brand-a-coder',
      ownerRef: 'group:default/brand-a',
    });
    const again = await invoke('log-agent-action', input);
    expect(again.output).toMatchObject({ recorded: false, duplicate: true });
    await expect(
      invoke('log-agent-action', { ...input, summary: 'Something else' }),
    ).rejects.toThrow(/mcp-test-1/);

    const res = await request(server)
      .get('/api/agent-mesh/actions')
      .query({ agent: 'agent:default/brand-a-coder' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        id: 'mcp-test-1',
        type: 'artifact.created',
        ownerRef: 'group:default/brand-a',
        targetRef: art('brand-a-sales-aggregator'),
        attributes: { tool: 'mcp' },
      }),
    ]);
  });

  it('log-agent-action: names the bad field like POST /actions', async () => {
    const { invoke } = await setup();
    await expect(
      invoke('log-agent-action', {
        id: 'mcp-bad',
        occurredAt: 'yesterday',
        agent: 'brand-a-bot',
        type: 'deploy',
        summary: 'x',
      }),
    ).rejects.toThrow(/occurredAt must be an ISO 8601 date-time/);
  });

  it('get-entity-scorecard: a governed artifact passes, a bare one fails named checks, unknown entities are not found', async () => {
    const { invoke } = await setup();
    const good = await invoke('get-entity-scorecard', {
      entityRef: 'support-ticket-triage',
    });
    expect(good.output).toMatchObject({
      entityRef: art('support-ticket-triage'),
      link: 'http://localhost:3000/catalog/default/aiartifact/support-ticket-triage',
    });
    // (The mock catalog has no memberOf relations, so only the owner-team check can fail here.)
    expect(good.output.failing).not.toContain('Description and purpose');
    const bare = await invoke('get-entity-scorecard', {
      entityRef: art('competitor-price-scraper'),
    });
    expect(bare.output.score).toBeLessThan(good.output.score);
    expect(bare.output.failing.length).toBeGreaterThanOrEqual(3);
    expect(bare.output.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'owner-team', status: 'fail' }),
      ]),
    );
    await expect(
      invoke('get-entity-scorecard', { entityRef: art('no-such-thing') }),
    ).rejects.toThrow(/No entity aiartifact:default\/no-such-thing/);
    await expect(
      invoke('get-entity-scorecard', { entityRef: 'group:default/brand-a' }),
    ).rejects.toThrow(/has no scorecard/);
  });

  it('list-failing-checks: follows sub-teams, from the stored scorecards', async () => {
    const { invoke, run } = await setup();
    const before = await invoke('list-failing-checks', {
      team: 'group:default/brands',
    });
    expect(before.output.entityCount).toBe(0);
    expect(before.output.summary).toMatch(/not run/);

    await run('agent-mesh-scorecards');
    const { output } = await invoke('list-failing-checks', { team: 'brands' });
    expect(output.team).toBe('group:default/brands');
    expect(output.teams).toEqual(
      expect.arrayContaining([
        'group:default/brands',
        'group:default/brand-a',
        'group:default/brand-b',
        'group:default/brand-c',
      ]),
    );
    const owners = new Set(output.entities.map((e: any) => e.owner));
    expect(owners.has('group:default/marketing')).toBe(false);
    const c = output.entities.find(
      (e: any) => e.entityRef === art('brand-c-revenue-dashboard-sync'),
    );
    expect(c.checks.length).toBeGreaterThan(0);
    expect(c.checks.every((x: any) => x.status === 'fail')).toBe(true);
    expect(c.link).toBe(
      'http://localhost:3000/catalog/default/aiartifact/brand-c-revenue-dashboard-sync',
    );

    const empty = await invoke('list-failing-checks', {
      team: 'empty-team',
      includeWarnings: true,
    });
    expect(empty.output.entities).toEqual([
      expect.objectContaining({
        entityRef: art('competitor-price-scraper'),
        checks: expect.arrayContaining([
          expect.objectContaining({ id: 'owner-team', status: 'fail' }),
        ]),
      }),
    ]);
    await expect(
      invoke('list-failing-checks', { team: 'no-such-team' }),
    ).rejects.toThrow(/No team group:default\/no-such-team/);
  });

  it('denies every action when the permission policy says no', async () => {
    const { invoke, permission } = await setup();
    permission.result = AuthorizeResult.DENY;
    const calls: [string, any][] = [
      ['find-similar-artifacts', weeklySales],
      ['get-build-context', weeklySales],
      [
        'log-agent-action',
        {
          id: 'denied-1',
          occurredAt: '2026-11-20T10:15:00Z',
          agent: 'brand-a-bot',
          type: 'deploy',
          summary: 'x',
        },
      ],
      ['get-entity-scorecard', { entityRef: art('support-ticket-triage') }],
      ['list-failing-checks', { team: 'brand-a' }],
    ];
    for (const [name, input] of calls) {
      await expect(invoke(name, input)).rejects.toMatchObject({
        name: 'NotAllowedError',
      });
    }
  });
});
