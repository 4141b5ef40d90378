import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import {
  EXAMPLES_NOW,
  fakeActivity,
  fakeOverlaps,
  loadExampleEntities,
  withMembershipRelations,
} from './__testUtils__/examples';
import { setupScorecards } from './setupScorecards';
import { hidingCatalog } from '../__testUtils__/hidingCatalog';

jest.setTimeout(60_000);

const entities = withMembershipRelations(loadExampleEntities());

/** A test-only plugin that sets up scorecards as plugin.ts will, and runs the job once. */
const scorecardsTestPlugin = createBackendPlugin({
  pluginId: 'agent-mesh-test',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(services) {
        const { job } = await setupScorecards(services, {
          overlaps: fakeOverlaps(),
          activity: fakeActivity(),
          now: () => EXAMPLES_NOW,
        });
        await job.run();
      },
    });
  },
});

const BASE = '/api/agent-mesh-test/scorecards';

describe('scorecards API', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function start(knex: Knex, extra: any[] = []) {
    const { server } = await startTestBackend({
      features: [
        scorecardsTestPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        ...extra,
      ],
    });
    return server;
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: Awaited<ReturnType<typeof start>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      server = await start(knex);
    });

    it('evaluates one entity live', async () => {
      const res = await request(server).get(
        `${BASE}?entityRef=aiartifact:default/support-ticket-triage`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        entityRef: 'aiartifact:default/support-ticket-triage',
        score: 100,
        level: 'Gold',
        checks: expect.arrayContaining([
          {
            id: 'owner-team',
            title: 'Owned by a team with members',
            status: 'pass',
            detail: expect.any(String),
          },
        ]),
      });
      expect(res.body.checks).toHaveLength(9);

      const bare = await request(server).get(
        `${BASE}?entityRef=aiartifact:default/competitor-price-scraper`,
      );
      expect(bare.status).toBe(200);
      expect(bare.body.score).toBeLessThan(res.body.score);
      const statusOf = (id: string) =>
        bare.body.checks.find((c: { id: string }) => c.id === id).status;
      expect(statusOf('owner-team')).toBe('fail');
      expect(statusOf('agent-sponsor')).toBe('fail');
      expect(statusOf('recent-activity')).toBe('warn');
    });

    it('answers 400 for a malformed ref and 404 for an unknown entity', async () => {
      for (const query of [
        '',
        '?entityRef=',
        '?entityRef=not%20a%20ref',
        '?entityRef=no-kind',
      ]) {
        const res = await request(server).get(`${BASE}${query}`);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toContain('entityRef');
      }
      const unknown = await request(server).get(
        `${BASE}?entityRef=aiartifact:default/nope`,
      );
      expect(unknown.status).toBe(404);
      const noScorecard = await request(server).get(
        `${BASE}?entityRef=group:default/brands`,
      );
      expect(noScorecard.status).toBe(404);
      expect(noScorecard.body.error.message).toContain('has no scorecard');
    });

    it('answers 401 without credentials', async () => {
      for (const path of [
        `${BASE}?entityRef=aiartifact:default/support-ticket-triage`,
        `${BASE}/rollup`,
        `${BASE}/history?entityRef=aiartifact:default/support-ticket-triage`,
      ]) {
        const res = await request(server)
          .get(path)
          .set('Authorization', mockCredentials.none.header());
        expect(res.status).toBe(401);
      }
      const dry = await request(server)
        .post(`${BASE}/dry-run`)
        .set('Authorization', mockCredentials.none.header())
        .send({ config: {} });
      expect(dry.status).toBe(401);
    });

    it('keeps history from the scheduled job', async () => {
      const res = await request(server).get(
        `${BASE}/history?entityRef=aiartifact:default/competitor-price-scraper`,
      );
      expect(res.status).toBe(200);
      expect(res.body.entityRef).toBe(
        'aiartifact:default/competitor-price-scraper',
      );
      expect(res.body.items.length).toBeGreaterThanOrEqual(1);
      expect(res.body.items[0]).toMatchObject({
        evaluatedAt: EXAMPLES_NOW.toISOString(),
        level: null,
      });
      const unknown = await request(server).get(
        `${BASE}/history?entityRef=aiartifact:default/nope`,
      );
      expect(unknown.status).toBe(404);
    });

    it('rolls up a team with its sub-teams, and the whole organisation', async () => {
      const res = await request(server).get(
        `${BASE}/rollup?owner=group:default/brands`,
      );
      expect(res.status).toBe(200);
      expect(res.body.owners).toEqual([
        'group:default/brands',
        'group:default/brand-a',
        'group:default/brand-b',
        'group:default/brand-c',
      ]);
      const refs = res.body.entities.map(
        (e: { entityRef: string }) => e.entityRef,
      );
      expect(refs).toEqual(
        expect.arrayContaining([
          'aiartifact:default/brand-a-sales-aggregator',
          'aiartifact:default/brand-b-sales-rollup',
          'aiartifact:default/brand-c-revenue-dashboard-sync',
          'aiartifact:default/brand-c-product-copy-writer',
          'component:default/brand-b-sales-api',
          'agent:default/brand-a-coder',
        ]),
      );
      expect(refs).not.toContain('aiartifact:default/support-ticket-triage');
      expect(res.body.failingChecks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'no-unacknowledged-overlap' }),
        ]),
      );
      expect(typeof res.body.averageScore).toBe('number');

      // A short ref means a group.
      const short = await request(server).get(`${BASE}/rollup?owner=brand-a`);
      expect(short.status).toBe(200);
      expect(short.body.owners).toEqual(['group:default/brand-a']);

      const all = await request(server).get(`${BASE}/rollup`);
      expect(all.status).toBe(200);
      expect(all.body.owner).toBeNull();
      expect(all.body.entityCount).toBe(21);
      expect(
        Object.values(all.body.levels as Record<string, number>).reduce(
          (s, n) => s + n,
          0,
        ),
      ).toBe(21);

      expect(
        (await request(server).get(`${BASE}/rollup?owner=group:default/nope`))
          .status,
      ).toBe(404);
      expect(
        (await request(server).get(`${BASE}/rollup?owner=a:b:c/d`)).status,
      ).toBe(400);
    });

    it('dry-runs a changed config without storing it', async () => {
      const res = await request(server)
        .post(`${BASE}/dry-run`)
        .send({
          config: {
            levels: [{ name: 'Pass', minScore: 40 }],
            checks: { 'agent-sponsor': { enabled: false } },
          },
        });
      expect(res.status).toBe(200);
      expect(res.body.summary.entityCount).toBe(21);
      expect(Object.keys(res.body.summary.levels)).toEqual(['Pass', 'none']);
      expect(res.body.changes.length).toBeGreaterThan(0);
      expect(
        res.body.results[0].checks.map((c: { id: string }) => c.id),
      ).not.toContain('agent-sponsor');

      const some = await request(server)
        .post(`${BASE}/dry-run`)
        .send({
          config: {},
          entityRefs: ['aiartifact:default/support-ticket-triage'],
        });
      expect(some.status).toBe(200);
      expect(some.body.results).toHaveLength(1);
      expect(some.body.changes).toEqual([]);

      // The stored results are unchanged.
      const history = await request(server).get(
        `${BASE}/history?entityRef=aiartifact:default/support-ticket-triage`,
      );
      expect(history.body.items[0].level).toBe('Gold');

      const bad = await request(server)
        .post(`${BASE}/dry-run`)
        .send({ config: { levels: [{ name: 'X', minScore: 101 }] } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('config.levels.0.minScore');
      const typo = await request(server)
        .post(`${BASE}/dry-run`)
        .send({ config: { checks: { 'no-such': {} } } });
      expect(typo.status).toBe(400);
      expect(typo.body.error.message).toContain('config.checks.no-such');
      const notJson = await request(server)
        .post(`${BASE}/dry-run`)
        .set('Content-Type', 'application/json')
        .send('{');
      expect(notJson.status).toBe(400);
    });
  });

  it('runs one dry run at a time and shares one copy of the catalog between them', async () => {
    const knex = await databases.init('SQLITE_3');
    const inMemory = catalogServiceMock({ entities });
    let pagesRead = 0;
    let release: () => void = () => {};
    // Filled in after start-up, whose scorecard run reads the catalog freely.
    const gate: { held?: Promise<void> } = {};
    const catalog = catalogServiceMock.mock({
      getEntityByRef: (ref, o) => inMemory.getEntityByRef(ref, o),
      getEntities: (r, o) => inMemory.getEntities(r, o),
      // Which of the results the caller may see.
      getEntitiesByRefs: (r, o) => inMemory.getEntitiesByRefs(r, o),
      queryEntities: async (r, o) => {
        pagesRead += 1;
        await gate.held;
        return inMemory.queryEntities(r, o);
      },
    });
    const { server } = await startTestBackend({
      features: [
        scorecardsTestPlugin,
        mockServices.database.factory({ knex }),
        catalog.factory,
      ],
    });
    gate.held = new Promise<void>(resolve => {
      release = resolve;
    });
    const pagesBefore = pagesRead;

    const first = request(server).post(`${BASE}/dry-run`).send({ config: {} });
    const firstDone = first.then(r => r);
    // The first run is waiting on the catalog; a second one is refused, not queued.
    while (pagesRead === pagesBefore) {
      await new Promise(r => setTimeout(r, 10));
    }
    const second = await request(server)
      .post(`${BASE}/dry-run`)
      .send({ config: {} });
    expect(second.status).toBe(429);
    expect(second.body.error).toMatchObject({
      name: 'TooManyRequestsError',
      message:
        'A scorecard dry run: 1 already running on this backend; retry in a few seconds',
    });
    release();
    expect((await firstDone).status).toBe(200);

    // The next run within 30 s reads no page of the catalog again.
    const pagesAfterFirst = pagesRead;
    const third = await request(server)
      .post(`${BASE}/dry-run`)
      .send({ config: {} });
    expect(third.status).toBe(200);
    expect(third.body.summary.entityCount).toBe(21);
    expect(pagesRead).toBe(pagesAfterFirst);

    const tooMany = await request(server)
      .post(`${BASE}/dry-run`)
      .send({
        config: {},
        entityRefs: Array.from({ length: 1001 }, (_, i) => `component:x${i}`),
      });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe(
      'entityRefs must have at most 1000 entries, got 1001',
    );
  });

  it('shows a user only the scorecards of what the catalog lets that user read', async () => {
    const knex = await databases.init('SQLITE_3');
    const hidden = 'aiartifact:default/support-ticket-triage';
    const catalog = hidingCatalog({
      entities,
      hidden,
      from: 'user:default/outsider',
    });
    const { server } = await startTestBackend({
      features: [
        scorecardsTestPlugin,
        mockServices.database.factory({ knex }),
        catalog.factory,
      ],
    });
    const as = (user: string) => mockCredentials.user.header(user);
    const history = (user: string) =>
      request(server)
        .get(`${BASE}/history?entityRef=${hidden}`)
        .set('Authorization', as(user));
    expect((await history('user:default/jane')).status).toBe(200);
    expect((await history('user:default/outsider')).status).toBe(404);

    const rollup = async (user: string) =>
      (
        await request(server)
          .get(`${BASE}/rollup`)
          .set('Authorization', as(user))
      ).body;
    const everyone = await rollup('user:default/jane');
    const restricted = await rollup('user:default/outsider');
    expect(everyone.entities.map((e: any) => e.entityRef)).toContain(hidden);
    expect(restricted.entities.map((e: any) => e.entityRef)).not.toContain(
      hidden,
    );
    expect(restricted.entityCount).toBe(everyone.entityCount - 1);

    // A dry run evaluates the whole catalog, but shows and sums up only what the caller may read.
    const dryRun = await request(server)
      .post(`${BASE}/dry-run`)
      .set('Authorization', as('user:default/outsider'))
      .send({ config: {} });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.results.map((r: any) => r.entityRef)).not.toContain(
      hidden,
    );
    expect(dryRun.body.summary.entityCount).toBe(everyone.entityCount - 1);
  });

  it('answers 403 when the permission policy says no', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await start(knex, [
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const res = await request(server).get(
      `${BASE}?entityRef=aiartifact:default/support-ticket-triage`,
    );
    expect(res.status).toBe(403);
    expect((await request(server).get(`${BASE}/rollup`)).status).toBe(403);
  });
});
