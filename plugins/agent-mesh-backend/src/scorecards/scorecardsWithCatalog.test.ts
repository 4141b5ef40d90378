import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
// The kinds module makes the catalog accept Agents and AiArtifacts as in a real portal; the
// plugin itself only talks to the catalog.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import catalogModuleAgentMesh from '@agent-mesh/plugin-catalog-backend-module-agent-mesh';
import { notificationService } from '@backstage/plugin-notifications-node';
import { resolve as resolvePath } from 'node:path';
import request from 'supertest';
import { agentMeshPlugin } from '../plugin';
import { OVERLAP_RECONCILE_TASK_ID } from '../overlap/schedule';
import { capturingScheduler } from '../__testUtils__/capturingScheduler';

jest.setTimeout(180_000);

// eslint-disable-next-line no-restricted-syntax
const HELD_OUT = resolvePath(__dirname, '__fixtures__/held-out.yaml');
const BASE = '/api/agent-mesh/scorecards';
const DOCUMENTED = 'aiartifact:default/invoice-reconciler';
const BARE = 'aiartifact:default/lunch-poll-scraper';

type Check = { id: string; title: string; status: string; detail: string };

describe('scorecards with the real catalog', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: TestBackend;
    let runTask: (id: string) => Promise<void>;

    beforeAll(async () => {
      const { scheduler, run } = capturingScheduler();
      runTask = run;
      backend = await startTestBackend({
        features: [
          agentMeshPlugin,
          catalogPlugin,
          catalogModuleAgentMesh,
          scheduler.factory,
          // A database per plugin, as in a real backend (each runs its own migrations).
          createServiceFactory({
            service: coreServices.database,
            deps: {},
            async factory() {
              const knex = await databases.init(databaseId as TestDatabaseId);
              return { getClient: async () => knex };
            },
          }),
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({ send: jest.fn() }),
          }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component',
                      'Group',
                      'User',
                      'Location',
                      'Agent',
                      'AiArtifact',
                    ],
                  },
                ],
                locations: [{ type: 'file', target: HELD_OUT }],
              },
            },
          }),
        ],
      });

      // Wait until the catalog has processed every held-out entity.
      for (let attempt = 0; ; attempt++) {
        const res = await request(backend.server).get(
          '/api/catalog/entities/by-query?filter=kind=aiartifact,kind=agent,kind=component&limit=100',
        );
        if (res.body.items?.length === 4) break;
        if (attempt > 240) {
          throw new Error(`The catalog has ${res.body.items?.length} entities`);
        }
        await new Promise(r => setTimeout(r, 250));
      }

      // The documented artifact's agent worked on it an hour ago.
      const logged = await request(backend.server)
        .post('/api/agent-mesh/actions')
        .send({
          actions: [
            {
              id: 'held-out-1',
              occurredAt: new Date(Date.now() - 3600_000).toISOString(),
              agent: 'agent:default/ingest-bot',
              type: 'repo.commit',
              target: DOCUMENTED,
              summary: 'Matched the new bank statement format',
            },
          ],
        });
      if (logged.status !== 200) {
        throw new Error(`POST /actions answered ${logged.status}`);
      }
      await runTask(OVERLAP_RECONCILE_TASK_ID);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    async function scorecard(entityRef: string) {
      const res = await request(backend.server).get(
        `${BASE}?entityRef=${encodeURIComponent(entityRef)}`,
      );
      expect(res.status).toBe(200);
      return res.body as {
        entityRef: string;
        score: number;
        level: string | null;
        checks: Check[];
      };
    }

    const statuses = (checks: Check[]) =>
      Object.fromEntries(checks.map(c => [c.id, c.status]));

    it('scores the documented, reviewed artifact above the bare one', async () => {
      const documented = await scorecard(DOCUMENTED);
      expect(documented).toMatchObject({
        entityRef: DOCUMENTED,
        score: 100,
        level: 'Gold',
      });
      expect(statuses(documented.checks)).toEqual({
        'owner-team': 'pass',
        'built-by-agents': 'pass',
        'agent-sponsor': 'pass',
        'description-purpose': 'pass',
        lifecycle: 'pass',
        'production-review': 'pass',
        'no-unacknowledged-overlap': 'pass',
        'recent-activity': 'pass',
        'source-or-docs': 'pass',
      });

      const bare = await scorecard(BARE);
      expect(bare.score).toBeLessThan(documented.score);
      expect(bare.level).toBeNull();
      expect(statuses(bare.checks)).toEqual({
        'owner-team': 'fail',
        'built-by-agents': 'warn',
        'agent-sponsor': 'na',
        'description-purpose': 'fail',
        lifecycle: 'pass',
        'production-review': 'fail',
        'no-unacknowledged-overlap': 'pass',
        'recent-activity': 'warn',
        'source-or-docs': 'fail',
      });
      const detail = (id: string) => bare.checks.find(c => c.id === id)!.detail;
      expect(detail('owner-team')).toContain(
        'group:default/night-shift has no members',
      );
      expect(detail('production-review')).toContain('spec.reviewers');
      expect(detail('recent-activity')).toContain('No action in the log');
    });

    it('scores agents and built-by annotated components too', async () => {
      const agent = await scorecard('agent:default/ingest-bot');
      expect(statuses(agent.checks)).toMatchObject({
        'owner-team': 'pass',
        'agent-sponsor': 'pass',
        'recent-activity': 'pass',
      });
      const board = await scorecard('component:default/ingest-status-board');
      expect(statuses(board.checks)).toMatchObject({
        'owner-team': 'pass',
        'built-by-agents': 'pass',
        'source-or-docs': 'pass',
        'production-review': 'na',
      });
    });

    it('rolls up a team with its sub-teams, and the organisation, from the scheduled job', async () => {
      await runTask('agent-mesh-scorecards');

      const team = await request(backend.server).get(
        `${BASE}/rollup?owner=group:default/data-platform`,
      );
      expect(team.status).toBe(200);
      expect(team.body.owners).toEqual([
        'group:default/data-platform',
        'group:default/data-ingest',
      ]);
      expect(
        team.body.entities.map((e: { entityRef: string }) => e.entityRef),
      ).toEqual([
        'agent:default/ingest-bot',
        DOCUMENTED,
        'component:default/ingest-status-board',
      ]);
      expect(team.body.entityCount).toBe(3);
      expect(team.body.levels.Gold).toBeGreaterThanOrEqual(1);

      const org = await request(backend.server).get(`${BASE}/rollup`);
      expect(org.status).toBe(200);
      expect(org.body.owner).toBeNull();
      expect(org.body.entityCount).toBe(4);
      expect(org.body.teams.map((t: { owner: string }) => t.owner)).toEqual([
        'group:default/data-ingest',
        'group:default/data-platform',
        'group:default/night-shift',
      ]);
      expect(org.body.failingChecks.map((c: { id: string }) => c.id)).toEqual(
        expect.arrayContaining([
          'owner-team',
          'description-purpose',
          'production-review',
          'source-or-docs',
        ]),
      );

      const history = await request(backend.server).get(
        `${BASE}/history?entityRef=${DOCUMENTED}`,
      );
      expect(history.status).toBe(200);
      expect(history.body.items).toEqual([
        expect.objectContaining({ score: 100, level: 'Gold' }),
      ]);
    });

    it('answers 404 for an unknown entity or team, 400 for a malformed ref, 401 without credentials', async () => {
      const api = request(backend.server);
      const unknown = await api.get(
        `${BASE}?entityRef=aiartifact:default/not-in-the-catalog`,
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.name).toBe('NotFoundError');
      expect(
        (await api.get(`${BASE}/rollup?owner=group:default/no-such-team`))
          .status,
      ).toBe(404);
      expect(
        (await api.get(`${BASE}/history?entityRef=aiartifact:default/nope`))
          .status,
      ).toBe(404);

      for (const path of [
        `${BASE}?entityRef=invoice%20reconciler`,
        `${BASE}?entityRef=aiartifact:default/`,
        `${BASE}/rollup?owner=a:b:c/d`,
      ]) {
        const res = await api.get(path);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(/'(entityRef|owner)'/);
      }

      for (const path of [
        `${BASE}?entityRef=${DOCUMENTED}`,
        `${BASE}/rollup?owner=group:default/data-platform`,
        `${BASE}/history?entityRef=${DOCUMENTED}`,
      ]) {
        const res = await api
          .get(path)
          .set('Authorization', mockCredentials.none.header());
        expect(res.status).toBe(401);
      }
    });
  });
});
