import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GetOverviewResponse } from '@agent-mesh/plugin-agent-mesh-common';
import request from 'supertest';
import { hidingCatalog } from '../__testUtils__/hidingCatalog';
import { mutableCatalog } from '../__testUtils__/mutableCatalog';
import { startAgentMeshPlugin } from '../__testUtils__/startAgentMeshPlugin';
import { OVERLAP_RECONCILE_TASK_ID } from '../overlap/schedule';
import {
  loadExampleEntities,
  withMembershipRelations,
} from '../scorecards/__testUtils__/examples';
import {
  PAIRS_NOT_READY_MESSAGE,
  SNAPSHOT_NOT_READY_MESSAGE,
} from './OverviewReadModel';
import { FIRST_SEEN_TASK_ID } from './recordFirstSeen';
import { OVERVIEW_PAIRS_TASK_ID } from './refreshOverlapPairs';
import { OVERVIEW_SNAPSHOT_TASK_ID } from './setupOverview';

jest.setTimeout(120_000);

const art = (name: string) => `aiartifact:default/${name}`;
const DEMO = { since: '2026-10-09', until: '2026-11-20' };
const SALES = art('brand-a-sales-aggregator');

const getOverview = (server: any, user?: string) => {
  const req = request(server).get('/api/agent-mesh/overview').query(DEMO);
  return user
    ? req.set('Authorization', mockCredentials.user.header(user))
    : req;
};

const clusterOf = (body: GetOverviewResponse, ref: string) =>
  body.overlapClusters.find(c => c.members.some(m => m.entityRef === ref));

/** The tasks that build everything the overview counts, on one replica. */
async function buildAll(run: (id: string) => Promise<void>) {
  await run(FIRST_SEEN_TASK_ID);
  await run(OVERLAP_RECONCILE_TASK_ID);
  await run('agent-mesh-scorecards');
  await run(OVERVIEW_SNAPSHOT_TASK_ID);
  await run(OVERVIEW_PAIRS_TASK_ID);
}

/**
 * The catalog read permission as a policy decides it: conditional for the lead (the catalog
 * applies the condition; here `hidingCatalog` plays that part), denied to an outsider, allowed
 * to everyone else; every other permission allowed.
 */
const catalogReadPolicy = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests, options) =>
    requests.map((r): PolicyDecision => {
      const user = (options.credentials.principal as { userEntityRef?: string })
        .userEntityRef;
      if (r.permission.name !== catalogEntityReadPermission.name) {
        return { result: AuthorizeResult.ALLOW };
      }
      if (user === 'user:default/outsider') {
        return { result: AuthorizeResult.DENY };
      }
      if (user === 'user:default/brand-a-lead') {
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: { claims: ['group:default/brand-a'] },
          },
        };
      }
      return { result: AuthorizeResult.ALLOW };
    }),
});

describe('the overview read model', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const entities = withMembershipRelations(loadExampleEntities());

  it.each(databases.eachSupportedId())(
    'answers at once while it is built, and says what is missing, on %p',
    async databaseId => {
      // A catalog that does not answer until the test lets it.
      let open!: () => void;
      const gate = new Promise<void>(resolve => {
        open = resolve;
      });
      const inMemory = catalogServiceMock({ entities });
      const catalog = catalogServiceMock.mock({
        getEntities: (r, o) => inMemory.getEntities(r, o),
        queryEntities: (r, o) => inMemory.queryEntities(r, o),
        getEntityByRef: (r, o) => inMemory.getEntityByRef(r, o),
        getEntitiesByRefs: (r, o) => inMemory.getEntitiesByRefs(r, o),
        streamEntities: async function* stream(r, o) {
          await gate;
          yield* inMemory.streamEntities(r, o);
        },
      });
      const { server, run } = await startAgentMeshPlugin({
        knex: await databases.init(databaseId),
        catalog,
      });

      // A snapshot read is under way (and waits for the catalog) while the request comes in.
      const building = run(OVERVIEW_SNAPSHOT_TASK_ID);
      const waiting = await getOverview(server);
      expect(waiting.status).toBe(200);
      expect(waiting.body).toMatchObject({
        indexReady: false,
        message: SNAPSHOT_NOT_READY_MESSAGE,
        totals: { teams: 0, agents: 0, artifacts: 0 },
        teams: [],
      });

      open();
      await building;
      // The figures are there; the overlap clusters wait for the overlap index.
      const figures: GetOverviewResponse = (await getOverview(server)).body;
      expect(figures).toMatchObject({
        indexReady: false,
        message: PAIRS_NOT_READY_MESSAGE,
        totals: { teams: 9, agents: 8, artifacts: 13 },
      });
      expect(figures.overlapClusters).toEqual([]);
      // Before the overlap index is built, the pairs are not computed.
      await run(OVERVIEW_PAIRS_TASK_ID);
      expect((await getOverview(server)).body.indexReady).toBe(false);

      await buildAll(run);
      const ready: GetOverviewResponse = (await getOverview(server)).body;
      expect(ready.indexReady).toBe(true);
      expect(ready.message).toBeUndefined();
      expect(clusterOf(ready, SALES)).toBeDefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'counts only what the caller may see in the catalog on %p',
    async databaseId => {
      const hidden = art('brand-b-sales-rollup');
      const { server, run } = await startAgentMeshPlugin({
        knex: await databases.init(databaseId),
        // The catalog applies the lead's conditional read permission: it hides one entity.
        catalog: hidingCatalog({
          entities,
          hidden,
          from: 'user:default/brand-a-lead',
        }),
        extra: [catalogReadPolicy.factory],
      });
      await buildAll(run);

      const everything: GetOverviewResponse = (
        await getOverview(server, 'user:default/admin')
      ).body;
      const lead: GetOverviewResponse = (
        await getOverview(server, 'user:default/brand-a-lead')
      ).body;
      const brandB = (body: GetOverviewResponse) =>
        body.teams.find(t => t.teamRef === 'group:default/brand-b')!;
      const builtByBrandBCoder = (body: GetOverviewResponse) =>
        body.agents.find(a => a.agentRef === 'agent:default/brand-b-coder')!
          .artifactsBuilt;
      const mentions = (body: GetOverviewResponse) =>
        JSON.stringify(body).includes(hidden);

      expect(mentions(everything)).toBe(true);
      expect(
        clusterOf(everything, SALES)!.members.map(m => m.entityRef),
      ).toContain(hidden);
      expect(mentions(lead)).toBe(false);
      expect(lead.totals.artifacts).toBe(everything.totals.artifacts - 1);
      expect(brandB(lead).artifacts).toBe(brandB(everything).artifacts - 1);
      expect(builtByBrandBCoder(lead)).toBe(builtByBrandBCoder(everything) - 1);
      // The cluster stays, without the hidden member, re-clustered from what the lead sees.
      expect(clusterOf(lead, SALES)).toBeDefined();
      expect(lead.indexReady).toBe(true);

      // Someone who may not read the catalog at all sees no entity, only activity counts.
      const outsider: GetOverviewResponse = (
        await getOverview(server, 'user:default/outsider')
      ).body;
      expect(outsider.totals).toMatchObject({
        teams: 0,
        agents: 0,
        artifacts: 0,
        overlapClusters: 0,
        scoredEntities: 0,
      });
      expect(outsider.newThisPeriod).toEqual([]);
      // A service sees everything.
      const service: GetOverviewResponse = (
        await getOverview(server).set(
          'Authorization',
          mockCredentials.service.header(),
        )
      ).body;
      expect(service.totals.artifacts).toBe(everything.totals.artifacts);
    },
  );

  it.each(databases.eachSupportedId())(
    'gives a second replica the overlap pairs that the first computed on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const first = await startAgentMeshPlugin({
        knex,
        catalog: mutableCatalog(entities),
      });
      const second = await startAgentMeshPlugin({
        knex,
        catalog: mutableCatalog(entities),
      });
      await buildAll(first.run);
      // The second replica never asks its overlap index about every entity.
      await second.run(OVERVIEW_SNAPSHOT_TASK_ID);

      const fromFirst: GetOverviewResponse = (await getOverview(first.server))
        .body;
      const fromSecond: GetOverviewResponse = (await getOverview(second.server))
        .body;
      expect(fromSecond.indexReady).toBe(true);
      expect(fromSecond.overlapClusters).toEqual(fromFirst.overlapClusters);
      expect(fromSecond.overlapClusters.length).toBeGreaterThan(0);
    },
  );
});
