import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { agentMeshActionReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import {
  agentMeshActionConditions,
  createAgentMeshActionConditionalDecision,
} from '../actions-log/permissions';
import { GetOverviewResponse } from '@agent-mesh/plugin-agent-mesh-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { startAgentMeshPlugin } from '../__testUtils__/startAgentMeshPlugin';
import { mutableCatalog } from '../__testUtils__/mutableCatalog';
import { OVERLAP_RECONCILE_TASK_ID } from '../overlap/schedule';
import {
  loadExampleEntities,
  withMembershipRelations,
} from '../scorecards/__testUtils__/examples';
import { FIRST_SEEN_TASK_ID } from './recordFirstSeen';
import { OVERVIEW_PAIRS_TASK_ID } from './refreshOverlapPairs';
import { OVERVIEW_SNAPSHOT_TASK_ID } from './setupOverview';

jest.setTimeout(120_000);

const art = (name: string) => `aiartifact:default/${name}`;
const group = (name: string) => `group:default/${name}`;
const ACTIONS = join(__dirname, '../../../../examples/actions.ndjson');
/** The six weeks of examples/README.md. */
const DEMO = { since: '2026-10-09', until: '2026-11-20' };

async function startPlugin(options: {
  databaseId: any;
  databases: TestDatabases;
  entities: Entity[];
  extra?: any[];
}) {
  const knex = await options.databases.init(options.databaseId);
  const catalog = mutableCatalog(options.entities);
  const { server, run } = await startAgentMeshPlugin({
    knex,
    catalog,
    extra: options.extra,
  });
  return { server, run, catalog };
}

async function postExampleActions(server: any) {
  const actions = readFileSync(ACTIONS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line));
  const res = await request(server)
    .post('/api/agent-mesh/actions')
    .send({ actions });
  expect(res.status).toBe(200);
  expect(res.body.accepted).toBe(actions.length);
}

const getOverview = (server: any, query: Record<string, string> = {}) =>
  request(server).get('/api/agent-mesh/overview').query(query);

/** examples/ai-resources.yaml: an AiResource agent and two teams' GitHub MCP servers. */
function loadAiResourceExamples(): Entity[] {
  const text = readFileSync(
    join(__dirname, '../../../../examples/ai-resources.yaml'),
    'utf8',
  );
  return parseAllDocuments(text)
    .map(doc => doc.toJS() as Entity | null)
    .filter((e): e is Entity => Boolean(e?.kind));
}

describe('GET /overview with the AI model module kinds', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const entities = withMembershipRelations([
    ...loadExampleEntities(),
    ...loadAiResourceExamples(),
  ]);

  it.each(databases.eachSupportedId())(
    "shows two teams' MCP servers for the same system as a cluster, and the AiResource agent, on %p",
    async databaseId => {
      const plugin = await startPlugin({ databaseId, databases, entities });
      await plugin.run(OVERLAP_RECONCILE_TASK_ID);
      await plugin.run(OVERVIEW_SNAPSHOT_TASK_ID);
      await plugin.run(OVERVIEW_PAIRS_TASK_ID);
      const res = await getOverview(plugin.server, DEMO);
      expect(res.status).toBe(200);
      const body: GetOverviewResponse = res.body;
      const mcp = body.overlapClusters.find(c =>
        c.members.some(m => m.entityRef === 'api:default/github-mcp-server'),
      );
      expect(mcp?.members.map(m => m.entityRef).sort()).toEqual([
        'api:default/github-mcp-server',
        'api:default/ops-github-tools',
      ]);
      expect(mcp?.owners).toEqual(
        expect.arrayContaining([group('marketing'), group('operations')]),
      );
      expect(body.agents.map(a => a.agentRef)).toContain(
        'airesource:default/ops-helpdesk-agent',
      );
      // Both servers count as what their teams ship: 13 AI-built entities and 2 MCP servers.
      expect(body.totals).toMatchObject({ agents: 9, artifacts: 15 });
    },
  );
});

describe('GET /overview', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const entities = withMembershipRelations(loadExampleEntities());

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let plugin: Awaited<ReturnType<typeof startPlugin>>;

    beforeAll(async () => {
      plugin = await startPlugin({ databaseId, databases, entities });
      // The first recording finds the catalog as it was before Agent Mesh: the baseline.
      await plugin.run(FIRST_SEEN_TASK_ID);
      await plugin.run(OVERLAP_RECONCILE_TASK_ID);
      await plugin.run('agent-mesh-scorecards');
      await postExampleActions(plugin.server);
      // The read model: this replica's snapshot, and the overlap pairs.
      await plugin.run(OVERVIEW_SNAPSHOT_TASK_ID);
      await plugin.run(OVERVIEW_PAIRS_TASK_ID);
    });

    it('answers from a read model that says it is complete', async () => {
      const res = await getOverview(plugin.server, DEMO);
      expect(res.status).toBe(200);
      expect(res.body.indexReady).toBe(true);
      expect(res.body.message).toBeUndefined();
    });

    it('shows the three brand teams’ sales aggregators as one cluster', async () => {
      const res = await getOverview(plugin.server, DEMO);
      expect(res.status).toBe(200);
      const body: GetOverviewResponse = res.body;
      const sales = body.overlapClusters.find(c =>
        c.members.some(m => m.entityRef === art('brand-a-sales-aggregator')),
      )!;
      expect(sales.members.map(m => m.entityRef)).toEqual(
        expect.arrayContaining([
          art('brand-a-sales-aggregator'),
          art('brand-b-sales-rollup'),
          art('brand-c-revenue-dashboard-sync'),
        ]),
      );
      expect(sales.owners).toEqual(
        expect.arrayContaining([
          group('brand-a'),
          group('brand-b'),
          group('brand-c'),
        ]),
      );
      // With marketing's proposed fourth aggregator and brand-b's sales API, e.g. "5 sales aggregators".
      expect(sales.members.map(m => m.entityRef)).toContain(
        art('weekly-sales-digest'),
      );
      expect(sales.label).toMatch(new RegExp(`^${sales.members.length} \\w`));
      expect(sales.reasons).toContainEqual(
        expect.stringMatching(/^both integrate/),
      );
      // Marketing's tool and operations' integration overlap each other, apart from sales.
      const orders = body.overlapClusters.find(c =>
        c.members.some(m => m.entityRef === art('campaign-attribution-tool')),
      )!;
      expect(orders.members.map(m => m.entityRef)).toContain(
        art('order-sync-integration'),
      );
      // The acknowledged copy writers and the unrelated summarizer are in no cluster.
      const clustered = body.overlapClusters.flatMap(c =>
        c.members.map(m => m.entityRef),
      );
      expect(clustered).not.toContain(art('campaign-copy-studio'));
      expect(clustered).not.toContain(art('incident-postmortem-summarizer'));
      expect(body.totals.overlapClusters).toBe(body.overlapClusters.length);
    });

    it('counts per team with sub-teams, and per team on its own', async () => {
      const res = await getOverview(plugin.server, DEMO);
      const body: GetOverviewResponse = res.body;
      const team = (name: string) =>
        body.teams.find(t => t.teamRef === group(name))!;
      // brand-a: an aggregator and its coder; brand-b adds the annotated sales API.
      expect(team('brand-a')).toMatchObject({
        title: expect.any(String),
        parentRef: group('brands'),
        artifacts: 1,
        agents: 1,
        direct: { artifacts: 1, agents: 1 },
      });
      expect(team('brand-b').artifacts).toBe(2);
      const brands = team('brands');
      expect(brands.direct.artifacts).toBe(0);
      expect(brands.artifacts).toBe(
        team('brand-a').artifacts +
          team('brand-b').artifacts +
          team('brand-c').artifacts,
      );
      expect(brands.agents).toBe(3);
      expect(brands.actions).toBe(
        brands.direct.actions +
          team('brand-a').actions +
          team('brand-b').actions +
          team('brand-c').actions,
      );
      expect(team('brand-a').actions).toBeGreaterThan(0);
      expect(team('brand-a').crossTeamOverlaps).toBeGreaterThan(0);
      // The overlap between brand-a and brand-b counts once for brands, not twice.
      expect(brands.crossTeamOverlaps).toBeLessThan(
        team('brand-a').crossTeamOverlaps +
          team('brand-b').crossTeamOverlaps +
          team('brand-c').crossTeamOverlaps,
      );
      expect(team('acme').artifacts).toBe(body.totals.artifacts);
      expect(typeof team('operations').averageScore).toBe('number');
      expect(team('empty-team')).toMatchObject({
        title: 'Pricing Guild',
        artifacts: 1,
        agents: 0,
      });
      expect(body.totals).toMatchObject({ teams: 9, agents: 8, artifacts: 13 });
    });

    it('lists agents with what they built and did', async () => {
      const body: GetOverviewResponse = (await getOverview(plugin.server, DEMO))
        .body;
      expect(body.agents).toHaveLength(8);
      const coder = body.agents.find(
        a => a.agentRef === 'agent:default/platform-coder',
      )!;
      expect(coder).toMatchObject({
        owner: group('platform'),
        artifactsBuilt: 2,
        lastActivityAt: expect.stringMatching(/^2026-1[01]-/),
      });
      expect(coder.actions).toBeGreaterThan(0);
      const counts = body.agents.map(a => a.actions);
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
      // Every example action is inside the six weeks; those sent with the agent's ref count for it.
      expect(body.totals.actions).toBe(452);
      const byRef = readFileSync(ACTIONS, 'utf8')
        .split('\n')
        .filter(line =>
          line.includes('"agent":"agent:default/hackweek-agent"'),
        );
      expect(
        body.agents.find(a => a.agentRef === 'agent:default/hackweek-agent')!
          .actions,
      ).toBeGreaterThanOrEqual(byRef.length);
      expect(counts.reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(452);
    });

    it('says what is new from the log’s artifact.created actions for the baseline', async () => {
      const thirtyDays = await getOverview(plugin.server, {
        since: '2026-10-21T12:00:00Z',
        until: '2026-11-20T12:00:00Z',
      });
      const body: GetOverviewResponse = thirtyDays.body;
      expect(body.newThisPeriod.map(n => n.entityRef)).toEqual([
        art('weekly-sales-digest'),
        'component:default/brand-b-sales-api',
        art('brand-c-revenue-dashboard-sync'),
      ]);
      expect(body.newThisPeriod[1]).toMatchObject({
        kind: 'Component',
        owner: group('brand-b'),
        firstSeenAt: '2026-10-26T09:09:08.000Z',
        builtBy: ['agent:default/brand-b-coder'],
      });
      expect(body.totals.newThisPeriod).toBe(3);
      const brandB = body.teams.find(t => t.teamRef === group('brand-b'))!;
      expect(brandB.newThisPeriod).toBe(1);
    });

    it('summarises scores and activity', async () => {
      const body: GetOverviewResponse = (await getOverview(plugin.server, DEMO))
        .body;
      const { byLevel, buckets } = body.scoreDistribution;
      expect(byLevel.map(l => l.level)).toEqual([
        'Gold',
        'Silver',
        'Bronze',
        'none',
      ]);
      const total = body.totals.scoredEntities;
      expect(total).toBe(21);
      expect(byLevel.reduce((s, l) => s + l.count, 0)).toBe(total);
      expect(buckets).toHaveLength(10);
      expect(buckets[9]).toMatchObject({ from: 90, to: 100 });
      expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(total);

      expect(body.activity.byDay).toHaveLength(42);
      expect(body.activity.byDay[0].day).toBe('2026-10-09');
      expect(body.activity.byDay.reduce((s, d) => s + d.count, 0)).toBe(452);
      expect(body.activity.byType[0]).toEqual({ type: 'test.run', count: 95 });
      expect(body.activity.byType).toContainEqual({
        type: 'artifact.created',
        count: 9,
      });
    });

    it('restricts to a team and its sub-teams, keeping whole clusters', async () => {
      const res = await getOverview(plugin.server, {
        ...DEMO,
        owner: 'brands',
      });
      expect(res.status).toBe(200);
      const body: GetOverviewResponse = res.body;
      expect(body.owner).toBe(group('brands'));
      expect(body.teams.map(t => t.teamRef).sort()).toEqual(
        ['brand-a', 'brand-b', 'brand-c', 'brands'].map(group),
      );
      expect(body.agents.map(a => a.agentRef).sort()).toEqual([
        'agent:default/brand-a-coder',
        'agent:default/brand-b-coder',
        'agent:default/brand-c-coder',
      ]);
      expect(body.totals.agents).toBe(3);
      expect(body.totals.actions).toBe(
        body.teams.find(t => t.teamRef === group('brands'))!.actions,
      );
      const clustered = body.overlapClusters.flatMap(c =>
        c.members.map(m => m.entityRef),
      );
      expect(clustered).toContain(art('brand-a-sales-aggregator'));
      const brandTeams = ['brands', 'brand-a', 'brand-b', 'brand-c'].map(group);
      for (const cluster of body.overlapClusters) {
        expect(cluster.owners.some(o => brandTeams.includes(o))).toBe(true);
      }

      const brandA = (
        await getOverview(plugin.server, { ...DEMO, owner: group('brand-a') })
      ).body as GetOverviewResponse;
      expect(brandA.teams.map(t => t.teamRef)).toEqual([group('brand-a')]);
      // The cluster of brand-a's aggregator still shows the other brands' work.
      expect(brandA.overlapClusters[0].owners).toEqual(
        expect.arrayContaining([group('brand-b'), group('brand-c')]),
      );
    });

    it('answers 400 naming the bad parameter and 404 for an unknown team', async () => {
      const bad: [Record<string, string>, string][] = [
        [{ period: 'week' }, "'period'"],
        [{ period: '0d' }, "'period'"],
        [{ period: '400d' }, "'period'"],
        [{ since: 'yesterday' }, "'since'"],
        [{ since: '2026-11-01', until: '2026-13-01' }, "'until'"],
        [{ since: '2026-11-02', until: '2026-11-01' }, "'since'"],
        [{ period: '7d', since: '2026-11-01' }, "'period'"],
        [{ owner: 'component:default/x' }, "'owner'"],
        [{ owner: 'a:b:c' }, "'owner'"],
        [{ team: 'brand-a' }, 'team'],
      ];
      for (const [query, name] of bad) {
        const res = await getOverview(plugin.server, query);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toContain(name);
      }
      const unknown = await getOverview(plugin.server, {
        owner: 'group:default/nope',
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain('group:default/nope');
    });

    it('defaults to the last 30 days', async () => {
      const before = Date.now();
      const body: GetOverviewResponse = (await getOverview(plugin.server)).body;
      const until = new Date(body.period.until).getTime();
      const since = new Date(body.period.since).getTime();
      expect(until).toBeGreaterThanOrEqual(before - 1000);
      expect(until - since).toBe(30 * 24 * 60 * 60 * 1000);
      expect(body.activity.byDay.length).toBeGreaterThanOrEqual(30);
    });

    it('counts an entity as new from the time it was first seen after the baseline', async () => {
      const fresh: Entity = {
        apiVersion: 'agent-mesh.io/v1alpha1',
        kind: 'AiArtifact',
        metadata: {
          name: 'brand-a-stock-forecaster',
          title: 'Stock forecaster',
        },
        spec: {
          type: 'internal-tool',
          owner: 'group:default/brand-a',
          lifecycle: 'experimental',
          builtBy: ['agent:default/brand-a-coder'],
        },
      };
      plugin.catalog.set([...entities, fresh]);
      const before = new Date().toISOString();
      await plugin.run(FIRST_SEEN_TASK_ID);
      const after = new Date().toISOString();
      // Not before the replica's snapshot is read again.
      const stale: GetOverviewResponse = (
        await getOverview(plugin.server, { period: '7d' })
      ).body;
      expect(stale.newThisPeriod.map(n => n.entityRef)).not.toContain(
        art('brand-a-stock-forecaster'),
      );
      await plugin.run(OVERVIEW_SNAPSHOT_TASK_ID);

      const body: GetOverviewResponse = (
        await getOverview(plugin.server, { period: '7d' })
      ).body;
      const item = body.newThisPeriod.find(
        n => n.entityRef === art('brand-a-stock-forecaster'),
      );
      expect(item).toMatchObject({
        title: 'Stock forecaster',
        owner: group('brand-a'),
        builtBy: ['agent:default/brand-a-coder'],
      });
      expect(item!.firstSeenAt >= before && item!.firstSeenAt <= after).toBe(
        true,
      );
      // The baseline entities without a recent artifact.created are not new.
      expect(body.newThisPeriod.map(n => n.entityRef)).not.toContain(
        art('support-ticket-triage'),
      );
      plugin.catalog.set(entities);
      await plugin.run(OVERVIEW_SNAPSHOT_TASK_ID);
    });
  });

  it("counts only the actions the caller may read: its own team's, or none", async () => {
    const decide = (credentials: BackstageCredentials): PolicyDecision => {
      const user = (credentials.principal as Partial<BackstageUserPrincipal>)
        .userEntityRef;
      if (user === 'user:default/brand-a-lead') {
        return createAgentMeshActionConditionalDecision(
          agentMeshActionReadPermission,
          agentMeshActionConditions.isActionOwnedBy({
            owners: [group('brand-a')],
            includeSubTeams: true,
          }),
        );
      }
      if (user === 'user:default/outsider') {
        return { result: AuthorizeResult.DENY };
      }
      return { result: AuthorizeResult.ALLOW };
    };
    const plugin = await startPlugin({
      databaseId: 'SQLITE_3',
      databases,
      entities,
      extra: [
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })),
          // Everyone may read the whole catalog; the action log decides per user.
          authorizeConditional: async (requests, options) =>
            requests.map(r =>
              r.permission.name === agentMeshActionReadPermission.name
                ? decide(options.credentials)
                : { result: AuthorizeResult.ALLOW },
            ),
        }).factory,
      ],
    });
    await postExampleActions(plugin.server);
    await plugin.run(OVERVIEW_SNAPSHOT_TASK_ID);
    const activityOf = async (user: string) => {
      const res = await getOverview(plugin.server, DEMO).set(
        'Authorization',
        mockCredentials.user.header(user),
      );
      expect(res.status).toBe(200);
      const body = res.body as GetOverviewResponse;
      return {
        total: body.activity.byDay.reduce((s, d) => s + d.count, 0),
        // Each team's own actions, without its sub-teams'.
        teamsWithActions: body.teams
          .filter(t => t.direct.actions > 0)
          .map(t => t.teamRef)
          .sort(),
      };
    };
    const all = await activityOf('user:default/admin');
    const lead = await activityOf('user:default/brand-a-lead');
    const outsider = await activityOf('user:default/outsider');
    expect(all.total).toBe(452);
    expect(lead.total).toBeGreaterThan(0);
    expect(lead.total).toBeLessThan(all.total);
    expect(lead.teamsWithActions.every(t => t === group('brand-a'))).toBe(true);
    expect(outsider).toEqual({ total: 0, teamsWithActions: [] });
  });

  it('answers 401 without credentials and 403 when the policy says no', async () => {
    const denied = await startPlugin({
      databaseId: 'SQLITE_3',
      databases,
      entities,
      extra: [
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.DENY })),
        }).factory,
      ],
    });
    const none = await getOverview(denied.server).set(
      'Authorization',
      mockCredentials.none.header(),
    );
    expect(none.status).toBe(401);
    const forbidden = await getOverview(denied.server);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.name).toBe('NotAllowedError');
  });
});
