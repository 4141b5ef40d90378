import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { agentMeshActionReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { agentMeshPlugin } from '../../plugin';
import {
  agentMeshActionConditions,
  createAgentMeshActionConditionalDecision,
} from './conditions';

jest.setTimeout(60_000);

const { isActionOwnedBy } = agentMeshActionConditions;

function group(name: string, spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...spec },
  };
}

function agent(name: string, owner: string): Entity {
  return {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'Agent',
    metadata: { name, namespace: 'default' },
    spec: { type: 'assistant', owner, lifecycle: 'production' },
  };
}

// brands > brand-a, brand-b > brand-b-emea; operations on its own. rogue lists brand-b as its
// child, but brand-b does not name rogue as its parent.
const entities: Entity[] = [
  group('brands', { children: ['brand-a', 'brand-b'] }),
  group('brand-a', { parent: 'brands' }),
  group('brand-b', { parent: 'group:default/brands' }),
  group('brand-b-emea', { parent: 'brand-b' }),
  group('operations'),
  group('rogue', { children: ['brand-b', 'brand-b-emea'] }),
  agent('a-bot', 'brand-a'),
  agent('b-bot', 'brand-b'),
  agent('emea-bot', 'brand-b-emea'),
  agent('ops-bot', 'operations'),
];

/** A permission policy as a deployment would write it, keyed by the signed-in user. */
function policy(credentials: BackstageCredentials): PolicyDecision {
  const user = (credentials.principal as BackstageUserPrincipal).userEntityRef;
  const permission = agentMeshActionReadPermission;
  switch (user) {
    case 'user:default/admin':
      return { result: AuthorizeResult.ALLOW };
    case 'user:default/amy': // brand-b and everything below it
      return createAgentMeshActionConditionalDecision(
        permission,
        isActionOwnedBy({
          owners: ['group:default/brand-b'],
          includeSubTeams: true,
        }),
      );
    case 'user:default/bob': // brand-b alone
      return createAgentMeshActionConditionalDecision(
        permission,
        isActionOwnedBy({ owners: ['Group:default/Brand-B'] }),
      );
    case 'user:default/carl': // anything but operations, also actions without owner
      return createAgentMeshActionConditionalDecision(permission, {
        not: isActionOwnedBy({ owners: ['group:default/operations'] }),
      });
    case 'user:default/eve': // rogue and everything below it
      return createAgentMeshActionConditionalDecision(
        permission,
        isActionOwnedBy({
          owners: ['group:default/rogue'],
          includeSubTeams: true,
        }),
      );
    default:
      return { result: AuthorizeResult.DENY };
  }
}

const permissions = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests, options) =>
    requests.map(() => policy(options.credentials)) as any,
});

const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);

// Interleaved, so that a filter applied to a page after the query would leave pages short.
const AGENTS = ['a-bot', 'b-bot', 'ops-bot', 'emea-bot', 'unknown-bot'];
const actions = Array.from({ length: 15 }, (_, i) => ({
  id: `x${String(i).padStart(2, '0')}`,
  occurredAt: '2026-11-20T09:00:00Z',
  agent: AGENTS[i % AGENTS.length].endsWith('unknown-bot')
    ? 'unknown-bot'
    : `agent:default/${AGENTS[i % AGENTS.length]}`,
  type: 'tool.call',
  summary: `action ${i}`,
}));
const idsOf = (...agents: string[]) =>
  actions
    .filter((_, i) => agents.includes(AGENTS[i % AGENTS.length]))
    .map(a => a.id)
    .reverse();

describe('agent-mesh.action.read', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: any;

    beforeAll(async () => {
      const knex: Knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          agentMeshPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities }),
          permissions.factory,
        ],
      }));
      const post = await request(server)
        .post('/api/agent-mesh/actions')
        .set('Authorization', as('admin'))
        .send({ actions });
      if (post.status !== 200) {
        throw new Error(`Seeding failed: ${post.status} ${post.text}`);
      }
    });

    async function pagedIds(user: string, query: Record<string, string> = {}) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await request(server)
          .get('/api/agent-mesh/actions')
          .set('Authorization', as(user))
          .query({ limit: 2, ...query, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        // Full pages until the last one: the conditions are part of the query.
        if (res.body.nextCursor) expect(res.body.items).toHaveLength(2);
        seen.push(...res.body.items.map((i: any) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      return seen;
    }

    async function exportedIds(user: string) {
      const res = await request(server)
        .get('/api/agent-mesh/actions/export')
        .set('Authorization', as(user))
        .query({ format: 'ndjson' });
      expect(res.status).toBe(200);
      return res.text
        .trim()
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line).id);
    }

    it('ALLOW reads every action and may verify the chain', async () => {
      expect(await pagedIds('admin')).toEqual(actions.map(a => a.id).reverse());
      expect(await exportedIds('admin')).toHaveLength(15);
      const verify = await request(server)
        .get('/api/agent-mesh/actions/verify')
        .set('Authorization', as('admin'));
      expect(verify.body).toEqual({ ok: true, checked: 15 });
    });

    it('DENY answers 403 on the list, the export and verify', async () => {
      for (const path of [
        '/actions',
        '/actions/export?format=csv',
        '/actions/verify',
      ]) {
        const res = await request(server)
          .get(`/api/agent-mesh${path}`)
          .set('Authorization', as('dan'));
        expect(res.status).toBe(403);
        expect(res.body.error.name).toBe('NotAllowedError');
      }
    });

    it('CONDITIONAL limits pages and the export to the team and, if the rule says so, its sub-teams', async () => {
      expect(await pagedIds('amy')).toEqual(idsOf('b-bot', 'emea-bot'));
      expect(await exportedIds('amy')).toEqual(idsOf('b-bot', 'emea-bot'));
      expect(await pagedIds('bob')).toEqual(idsOf('b-bot'));
      expect(await exportedIds('bob')).toEqual(idsOf('b-bot'));
      expect(await pagedIds('carl')).toEqual(
        idsOf('a-bot', 'b-bot', 'emea-bot', 'unknown-bot'),
      );
    });

    it('CONDITIONAL sub-teams are the groups that name the team as their parent, not what a group claims as its children', async () => {
      expect(await pagedIds('eve')).toEqual([]);
      expect(await exportedIds('eve')).toEqual([]);
    });

    it('CONDITIONAL combines with the query filters and cannot be widened by them', async () => {
      expect(await pagedIds('amy', { owner: 'brands' })).toEqual(
        idsOf('b-bot', 'emea-bot'),
      );
      expect(await pagedIds('amy', { owner: 'brand-b-emea' })).toEqual(
        idsOf('emea-bot'),
      );
      expect(await pagedIds('amy', { owner: 'brand-a' })).toEqual([]);
      expect(await pagedIds('amy', { agent: 'agent:default/ops-bot' })).toEqual(
        [],
      );
    });

    it('CONDITIONAL is not enough to verify the whole chain', async () => {
      const res = await request(server)
        .get('/api/agent-mesh/actions/verify')
        .set('Authorization', as('amy'));
      expect(res.status).toBe(403);
    });
  });
});
