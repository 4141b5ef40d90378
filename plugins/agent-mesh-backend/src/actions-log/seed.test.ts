import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { agentMeshPlugin } from '../plugin';
import { AgentResolver } from './AgentResolver';
import { DatabaseActionStore } from './DatabaseActionStore';
import { prepareSeed, readSeedFile, seedActions, waitForAgents } from './seed';

jest.setTimeout(60_000);

const examples = resolve(__dirname, '../../../../examples/actions.ndjson');
const dir = mkdtempSync(join(tmpdir(), 'agent-mesh-seed-'));

function file(name: string, lines: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    lines.map(l => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'),
  );
  return path;
}

function action(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    occurredAt: '2026-11-20T09:00:00Z',
    agent: 'agent:default/coder',
    type: 'repo.commit',
    summary: `commit ${id}`,
    ...overrides,
  };
}

const coder = {
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'Agent',
  metadata: { name: 'coder', namespace: 'default' },
  spec: { type: 'coding-agent', owner: 'platform', lifecycle: 'production' },
};

describe('readSeedFile', () => {
  it('reads the examples', () => {
    expect(readSeedFile(examples).length).toBeGreaterThan(400);
  });

  it.each([
    [
      'a missing file',
      join(dir, 'nope.ndjson'),
      /Cannot read the action seed file .*nope\.ndjson/,
    ],
    [
      'a line that is not JSON',
      file('bad-json.ndjson', [action('a'), '', '{"id": ']),
      /bad-json\.ndjson:3: not valid JSON/,
    ],
    [
      'an invalid action',
      file('bad-action.ndjson', [
        action('a'),
        action('b', { occurredAt: 'soon' }),
      ]),
      /bad-action\.ndjson:2: occurredAt must be an ISO 8601 date-time/,
    ],
    [
      'a repeated id',
      file('repeat.ndjson', [action('a'), action('b'), action('a')]),
      /repeat\.ndjson:3: id 'a' repeats the id on line 1/,
    ],
  ])('names the file and line for %s', (_name, path, message) => {
    expect(() => readSeedFile(path)).toThrow(message);
  });

  it('waits for the agents named by ref, and gives up after a while', async () => {
    const inputs = readSeedFile(
      file('wait.ndjson', [action('a'), action('b', { agent: 'some-bot' })]),
    );
    const auth = mockServices.auth();
    const options = { timeoutMs: 50, intervalMs: 10 };
    await expect(
      waitForAgents(
        inputs,
        { catalog: catalogServiceMock({ entities: [coder] }), auth },
        options,
      ),
    ).resolves.toBe(true);
    await expect(
      waitForAgents(
        inputs,
        { catalog: catalogServiceMock({ entities: [] }), auth },
        options,
      ),
    ).resolves.toBe(false);
    // A catalog that does not answer yet is asked again.
    const starting = catalogServiceMock({ entities: [coder] });
    const real = starting.getEntitiesByRefs.bind(starting);
    let calls = 0;
    starting.getEntitiesByRefs = async (...args) => {
      calls += 1;
      if (calls === 1) {
        throw new Error('catalog not ready');
      }
      return real(...args);
    };
    await expect(
      waitForAgents(inputs, { catalog: starting, auth }, options),
    ).resolves.toBe(true);
    expect(calls).toBe(2);
  });
});

describe('seeding', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'loads the examples once, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: { getClient: async () => knex },
      });
      const resolver = new AgentResolver({
        catalog: catalogServiceMock({ entities: [] }),
        auth: mockServices.auth(),
      });
      const inputs = readSeedFile(examples);
      expect(await seedActions(inputs, { store, resolver })).toEqual({
        accepted: inputs.length,
        duplicates: 0,
      });
      expect(await seedActions(inputs, { store, resolver })).toEqual({
        accepted: 0,
        duplicates: inputs.length,
      });
      expect(await store.verify()).toEqual({
        ok: true,
        checked: inputs.length,
      });
    },
  );

  it('seeds at start from agentMesh.actions.seedFile, and not twice', async () => {
    const knex = await databases.init('SQLITE_3');
    const seedFile = file('start.ndjson', [action('s1'), action('s2')]);
    async function startBackend() {
      return (
        await startTestBackend({
          features: [
            agentMeshPlugin,
            mockServices.database.factory({ knex }),
            catalogServiceMock.factory({ entities: [coder] }),
            mockServices.rootConfig.factory({
              data: { agentMesh: { actions: { seedFile } } },
            }),
          ],
        })
      ).server;
    }
    async function waitForItems(server: any, count: number) {
      for (let i = 0; i < 100; i += 1) {
        const res = await request(server).get('/api/agent-mesh/actions');
        if (res.body.items?.length === count) {
          return res.body.items;
        }
        await new Promise(r => setTimeout(r, 50));
      }
      throw new Error(`never saw ${count} actions`);
    }
    const items = await waitForItems(await startBackend(), 2);
    expect(items[0]).toMatchObject({
      id: 's2',
      agentKnown: true,
      ownerRef: 'group:default/platform',
    });
    const second = await startBackend();
    await new Promise(r => setTimeout(r, 300));
    await waitForItems(second, 2);
    expect(
      (await request(second).get('/api/agent-mesh/actions/verify')).body,
    ).toEqual({ ok: true, checked: 2 });
  });

  it('refuses a bad seed file before the backend starts', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseActionStore.create({
      database: { getClient: async () => knex },
    });
    const catalog = catalogServiceMock({ entities: [] });
    const auth = mockServices.auth();
    expect(() =>
      prepareSeed({
        file: file('broken.ndjson', ['nope']),
        store,
        resolver: new AgentResolver({ catalog, auth }),
        catalog,
        auth,
        logger: mockServices.logger.mock(),
      }),
    ).toThrow(/broken\.ndjson:1: not valid JSON/);
  });
});
