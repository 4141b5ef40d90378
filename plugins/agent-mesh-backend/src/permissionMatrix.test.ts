import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import {
  agentMeshActionReadPermission,
  agentMeshInsightsReadPermission,
} from '@agent-mesh/plugin-agent-mesh-common';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import {
  agentMeshActionConditions,
  createAgentMeshActionConditionalDecision,
} from './actions-log/permissions';
import { OVERLAP_RECONCILE_TASK_ID } from './overlap/schedule';
import { FIRST_SEEN_TASK_ID } from './overview/recordFirstSeen';
import {
  loadExampleEntities,
  withMembershipRelations,
} from './scorecards/__testUtils__/examples';
import {
  documentedRoutes,
  loadOpenApiDocument,
} from './schema/__testUtils__/openApiDocument';
import { registeredRoutes } from './schema/__testUtils__/registeredRoutes';
import { OVERVIEW_PAIRS_TASK_ID } from './overview/refreshOverlapPairs';
import { OVERVIEW_SNAPSHOT_TASK_ID } from './overview/setupOverview';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { policyCatalog } from './__testUtils__/policyCatalog';
import { startAgentMeshPlugin } from './__testUtils__/startAgentMeshPlugin';

jest.setTimeout(300_000);

/**
 * Every route of the plugin (and every action it registers in the actions registry) called as
 * each principal, with the status each must get. The conditional user, a member of brand-a,
 * reads the action log of its own team only and, in the catalog, only the groups, the users and
 * what its team owns. Rows that a route serves differently for the caller's own team's entity
 * and for one that it may not see have a case each.
 */
const EXPECTED = `
| route                                    | case   | none | denied | conditional | allowed | service |
| GET /health                              |        | 200  | 200    | 200         | 200     | 200     |
| GET /overlaps                            | own    | 401  | 403    | 200         | 200     | 200     |
| GET /overlaps                            | hidden | 401  | 403    | 404         | 200     | 200     |
| POST /similar                            |        | 401  | 403    | 200         | 200     | 200     |
| GET /actions                             |        | 401  | 403    | 200         | 200     | 200     |
| GET /actions/export                      |        | 401  | 403    | 200         | 200     | 200     |
| GET /actions/verify                      |        | 401  | 403    | 403         | 200     | 200     |
| GET /actions/signing-keys                |        | 401  | 403    | 200         | 200     | 200     |
| GET /scorecards                          | own    | 401  | 403    | 200         | 200     | 200     |
| GET /scorecards                          | hidden | 401  | 403    | 404         | 200     | 200     |
| GET /scorecards/history                  | own    | 401  | 403    | 200         | 200     | 200     |
| GET /scorecards/history                  | hidden | 401  | 403    | 404         | 200     | 200     |
| GET /scorecards/rollup                   |        | 401  | 403    | 200         | 200     | 200     |
| POST /scorecards/dry-run                 |        | 401  | 403    | 200         | 200     | 200     |
| GET /overview                            |        | 401  | 403    | 200         | 200     | 200     |
| ACTION agent-mesh:find-similar-artifacts |        | 401  | 403    | 200         | 200     | 200     |
| ACTION agent-mesh:get-build-context      |        | 401  | 403    | 200         | 200     | 200     |
| ACTION agent-mesh:get-entity-scorecard   | own    | 401  | 403    | 200         | 200     | 200     |
| ACTION agent-mesh:get-entity-scorecard   | hidden | 401  | 403    | 404         | 200     | 200     |
| ACTION agent-mesh:list-failing-checks    |        | 401  | 403    | 200         | 200     | 200     |
| POST /actions                            |        | 401  | 403    | 403         | 200     | 200     |
| POST /v1/traces                          |        | 401  | 403    | 403         | 200     | 200     |
| ACTION agent-mesh:log-agent-action       |        | 401  | 403    | 403         | 200     | 200     |
`;

const PRINCIPALS = [
  'none',
  'denied',
  'conditional',
  'allowed',
  'service',
] as const;
type Principal = (typeof PRINCIPALS)[number];

const BASE = '/api/agent-mesh';
const TEAM = 'group:default/brand-a';
const USERS = {
  denied: 'user:default/dan',
  conditional: 'user:default/alice-nguyen', // a member of brand-a
  allowed: 'user:default/admin',
};
const art = (name: string) => `aiartifact:default/${name}`;
const OWN = art('brand-a-sales-aggregator');
const HIDDEN = art('brand-b-sales-rollup');
const DEMO = { since: '2026-10-09', until: '2026-11-20' };
// Another team's agent acts on brand-a's aggregator last: its time is not brand-a's to read.
const FOREIGN_ACTION = {
  id: 'matrix-brand-b-reads-brand-a',
  occurredAt: '2026-11-19T23:00:00.000Z',
  agent: 'agent:default/brand-b-coder',
  type: 'tool.call',
  target: OWN,
  summary: 'Compared the Brand B roll-up with the Brand A aggregator',
};
const PLANNED_WORK = {
  description:
    'A weekly sales roll-up that pulls orders from Shopify and deals from Salesforce and totals sales per brand.',
  integrations: ['shopify', 'salesforce'],
  type: 'aggregator',
};

const userOf = (credentials?: BackstageCredentials) =>
  (credentials?.principal as Partial<BackstageUserPrincipal> | undefined)
    ?.userEntityRef;

/**
 * The permission policy: a member of one team may read that team's actions (CONDITIONAL, as a
 * policy would write it with the user's ownership refs), one user may do anything, others
 * nothing.
 */
function decide(
  permission: Permission,
  credentials: BackstageCredentials,
): PolicyDecision {
  // Backstage's permission framework lets services do what their access restrictions allow.
  if ((credentials.principal as { type?: string }).type === 'service') {
    return { result: AuthorizeResult.ALLOW };
  }
  const user = userOf(credentials);
  if (user === USERS.allowed) return { result: AuthorizeResult.ALLOW };
  if (user === USERS.conditional) {
    if (permission.name === agentMeshInsightsReadPermission.name) {
      return { result: AuthorizeResult.ALLOW };
    }
    // The catalog's own conditions, which the catalog applies (here: policyCatalog's canRead).
    if (permission.name === catalogEntityReadPermission.name) {
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: [TEAM] },
        },
      };
    }
    if (permission.name === agentMeshActionReadPermission.name) {
      return createAgentMeshActionConditionalDecision(
        agentMeshActionReadPermission,
        agentMeshActionConditions.isActionOwnedBy({
          owners: [TEAM],
          includeSubTeams: true,
        }),
      );
    }
  }
  return { result: AuthorizeResult.DENY };
}

const permissions = mockServices.permissions.mock({
  authorize: async (requests, options) =>
    requests.map(r => {
      const decision = decide(r.permission, options.credentials);
      // A conditional decision is for authorizeConditional; authorize sees it as no.
      return decision.result === AuthorizeResult.ALLOW
        ? { result: AuthorizeResult.ALLOW }
        : { result: AuthorizeResult.DENY };
    }),
  authorizeConditional: async (requests, options) =>
    requests.map(r => decide(r.permission, options.credentials)),
});

const refOf = (entity: Entity) =>
  stringifyEntityRef(entity).toLocaleLowerCase('en-US');

function ownerOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string') return undefined;
  return stringifyEntityRef(
    parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

/** The catalog's policy: the conditional user reads groups, users and what its team owns. */
function canRead(entity: Entity, credentials?: BackstageCredentials) {
  if (userOf(credentials) !== USERS.conditional) return true;
  return ['Group', 'User'].includes(entity.kind) || ownerOf(entity) === TEAM;
}

const entities = withMembershipRelations(loadExampleEntities());
const visibleToConditional = new Set(
  entities
    .filter(e => canRead(e, mockCredentials.user(USERS.conditional)))
    .map(refOf),
);

function authorization(principal: Principal): string {
  switch (principal) {
    case 'none':
      return mockCredentials.none.header();
    case 'service':
      return mockCredentials.service.header();
    default:
      return mockCredentials.user.header(USERS[principal]);
  }
}

/** What an answer shows that the permissions govern. */
interface Revealed {
  /** Entities it names or describes. */
  entities: string[];
  /** The owning teams of the actions it lists. */
  actionOwners: (string | null)[];
  /** Times of actions it shows, with the entity they are the activity of. */
  activity: { entityRef: string; at: string }[];
  /** How many actions it counts. */
  actionCount?: number;
}

const none = (): Revealed => ({ entities: [], actionOwners: [], activity: [] });

const REF = /\b[a-z][a-z0-9-]*:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*/gi;
const LAST_ACTION = /Last action (\d{4}-\d\d-\d\dT[\d:.]+Z)/g;

/** What scorecards show: the entities, the entities their check details name, activity times. */
function scorecardReveals(
  results: { entityRef: string; checks: { id: string; detail: string }[] }[],
): Revealed {
  const revealed = none();
  for (const result of results) {
    revealed.entities.push(result.entityRef);
    for (const check of result.checks) {
      if (check.id === 'no-unacknowledged-overlap') {
        revealed.entities.push(
          ...[...check.detail.matchAll(REF)].map(m =>
            m[0].toLocaleLowerCase('en-US'),
          ),
        );
      }
      for (const [, at] of check.detail.matchAll(LAST_ACTION)) {
        revealed.activity.push({ entityRef: result.entityRef, at });
      }
    }
  }
  return revealed;
}

type Call = (auth: string, principal: Principal) => request.Test;

interface Probe {
  call: Call;
  /** What a 200 answer shows; without it only the status is checked. */
  reveals?: (res: request.Response) => Revealed;
}

function invoke(server: Server, id: string, input: object): Call {
  return auth =>
    request(server)
      .post(`${BASE}/.backstage/actions/v1/actions/${id}/invoke`)
      .set('Authorization', auth)
      .send(input);
}

function probes(server: Server): Record<string, Probe> {
  const get =
    (path: string, query: Record<string, string> = {}): Call =>
    auth =>
      request(server)
        .get(`${BASE}${path}`)
        .query(query)
        .set('Authorization', auth);
  const post =
    (path: string, body: (p: Principal) => object): Call =>
    (auth, principal) =>
      request(server)
        .post(`${BASE}${path}`)
        .set('Authorization', auth)
        .send(body(principal));
  const overlaps = (body: any): Revealed => ({
    ...none(),
    entities: [body.entityRef, ...body.items.map((i: any) => i.entityRef)],
  });
  const actionList = (items: any[]): Revealed => ({
    ...none(),
    actionOwners: items.map(i => i.ownerRef ?? null),
  });
  const newAction = (p: Principal) => ({
    id: `matrix-${p}`,
    occurredAt: '2026-11-19T08:00:00.000Z',
    agent: 'agent:default/brand-a-coder',
    type: 'tool.call',
    summary: `Written as ${p}`,
  });

  return {
    'GET /health': { call: get('/health') },
    'GET /overlaps own': {
      call: get('/overlaps', { entityRef: OWN }),
      reveals: ({ body }) => overlaps(body),
    },
    'GET /overlaps hidden': {
      call: get('/overlaps', { entityRef: HIDDEN }),
      reveals: ({ body }) => overlaps(body),
    },
    'POST /similar': {
      call: post('/similar', () => PLANNED_WORK),
      reveals: ({ body }) => ({
        ...none(),
        entities: body.items.map((i: any) => i.entityRef),
      }),
    },
    'GET /actions': {
      call: get('/actions', { limit: '500' }),
      reveals: ({ body }) => actionList(body.items),
    },
    'GET /actions/export': {
      call: get('/actions/export', { format: 'ndjson' }),
      reveals: ({ text }) =>
        actionList(
          text
            .trim()
            .split('\n')
            .filter(Boolean)
            .map(line => JSON.parse(line)),
        ),
    },
    'GET /actions/verify': { call: get('/actions/verify') },
    // Public keys only: a reader of some actions may check their signatures.
    'GET /actions/signing-keys': { call: get('/actions/signing-keys') },
    'GET /scorecards own': {
      call: get('/scorecards', { entityRef: OWN }),
      reveals: ({ body }) => scorecardReveals([body]),
    },
    'GET /scorecards hidden': {
      call: get('/scorecards', { entityRef: HIDDEN }),
      reveals: ({ body }) => scorecardReveals([body]),
    },
    'GET /scorecards/history own': {
      call: get('/scorecards/history', { entityRef: OWN }),
      reveals: ({ body }) =>
        scorecardReveals(
          body.items.map((i: any) => ({ ...i, entityRef: body.entityRef })),
        ),
    },
    'GET /scorecards/history hidden': {
      call: get('/scorecards/history', { entityRef: HIDDEN }),
      reveals: ({ body }) =>
        scorecardReveals(
          body.items.map((i: any) => ({ ...i, entityRef: body.entityRef })),
        ),
    },
    'GET /scorecards/rollup': {
      call: get('/scorecards/rollup'),
      reveals: ({ body }) => ({
        ...none(),
        entities: body.entities.map((e: any) => e.entityRef),
      }),
    },
    'POST /scorecards/dry-run': {
      call: post('/scorecards/dry-run', () => ({ config: {} })),
      reveals: ({ body }) => {
        const revealed = scorecardReveals(body.results);
        revealed.entities.push(
          ...body.changes.map((c: any) => c.entityRef),
          ...body.summary.entities.map((e: any) => e.entityRef),
        );
        return revealed;
      },
    },
    'GET /overview': {
      call: get('/overview', DEMO),
      reveals: ({ body }) => ({
        entities: [
          ...body.agents.map((a: any) => a.agentRef),
          ...body.newThisPeriod.map((n: any) => n.entityRef),
          ...body.overlapClusters.flatMap((c: any) =>
            c.members.map((m: any) => m.entityRef),
          ),
        ],
        actionOwners: [],
        activity: body.agents
          .filter((a: any) => a.lastActivityAt)
          .map((a: any) => ({ entityRef: a.agentRef, at: a.lastActivityAt })),
        actionCount: body.totals.actions,
      }),
    },
    'ACTION agent-mesh:find-similar-artifacts': {
      call: invoke(server, 'agent-mesh:find-similar-artifacts', PLANNED_WORK),
      reveals: ({ body }) => ({
        ...none(),
        entities: body.output.items.map((i: any) => i.entityRef),
      }),
    },
    'ACTION agent-mesh:get-build-context': {
      call: invoke(server, 'agent-mesh:get-build-context', PLANNED_WORK),
      reveals: ({ body }) => ({
        ...none(),
        entities: body.output.artifacts.map((a: any) => a.entityRef),
      }),
    },
    'ACTION agent-mesh:get-entity-scorecard own': {
      call: invoke(server, 'agent-mesh:get-entity-scorecard', {
        entityRef: OWN,
      }),
      reveals: ({ body }) => scorecardReveals([body.output]),
    },
    'ACTION agent-mesh:get-entity-scorecard hidden': {
      call: invoke(server, 'agent-mesh:get-entity-scorecard', {
        entityRef: HIDDEN,
      }),
      reveals: ({ body }) => scorecardReveals([body.output]),
    },
    'ACTION agent-mesh:list-failing-checks': {
      call: invoke(server, 'agent-mesh:list-failing-checks', {
        team: 'group:default/brands',
        includeWarnings: true,
      }),
      reveals: ({ body }) => scorecardReveals(body.output.entities),
    },
    // Writes last, so that the reads above see the seeded log only.
    'POST /actions': {
      call: post('/actions', p => ({ actions: [newAction(p)] })),
    },
    'POST /v1/traces': {
      call: post('/v1/traces', () => ({ resourceSpans: [] })),
    },
    'ACTION agent-mesh:log-agent-action': {
      call: (auth, p) =>
        invoke(server, 'agent-mesh:log-agent-action', {
          ...newAction(p),
          id: `matrix-mcp-${p}`,
        })(auth, p),
    },
  };
}

/** The expected table as { 'GET /overlaps own': { none: 401, ... } }. */
function parseExpected(): Record<string, Record<Principal, number>> {
  const rows = EXPECTED.trim()
    .split('\n')
    .map(line =>
      line
        .split('|')
        .slice(1, -1)
        .map(cell => cell.trim()),
    );
  const [header, ...body] = rows;
  if (header.slice(2).join() !== PRINCIPALS.join()) {
    throw new Error(`The table's columns are not ${PRINCIPALS.join(', ')}`);
  }
  return Object.fromEntries(
    body.map(([route, kase, ...statuses]) => [
      kase ? `${route} ${kase}` : route,
      Object.fromEntries(
        PRINCIPALS.map((p, i) => [p, Number(statuses[i])]),
      ) as Record<Principal, number>,
    ]),
  );
}

describe('permission matrix', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const expected = parseExpected();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;
    /** Every action as stored, read with full access. */
    let stored: any[];

    beforeAll(async () => {
      const plugin = await startAgentMeshPlugin({
        knex: await databases.init(databaseId),
        catalog: policyCatalog({ entities, canRead }),
        extra: [permissions.factory, actionsRegistryServiceFactory],
      });
      server = plugin.server as unknown as Server;
      const seed = readFileSync(
        join(__dirname, '../../../examples/actions.ndjson'),
        'utf8',
      )
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line));
      const posted = await request(server)
        .post(`${BASE}/actions`)
        .set('Authorization', authorization('allowed'))
        .send({ actions: [...seed, FOREIGN_ACTION] });
      if (posted.status !== 200) {
        throw new Error(`Seeding failed: ${posted.status} ${posted.text}`);
      }
      await plugin.run(FIRST_SEEN_TASK_ID);
      await plugin.run(OVERLAP_RECONCILE_TASK_ID);
      await plugin.run('agent-mesh-scorecards');
      // The overview's read model: this replica's snapshot, and the overlap pairs.
      await plugin.run(OVERVIEW_SNAPSHOT_TASK_ID);
      await plugin.run(OVERVIEW_PAIRS_TASK_ID);
      stored = (
        await request(server)
          .get(`${BASE}/actions`)
          .query({ limit: '500' })
          .set('Authorization', authorization('service'))
      ).body.items;
      if (stored.length !== seed.length + 1) {
        throw new Error(`Read back ${stored.length} actions`);
      }
    });

    it('lists every route the plugin registers and every action it offers', async () => {
      const routes = new Set(
        Object.keys(expected).map(key => key.split(' ').slice(0, 2).join(' ')),
      );
      const http = [...routes].filter(r => !r.startsWith('ACTION ')).sort();
      expect(http).toEqual(registeredRoutes(server, 'agent-mesh'));
      expect(http).toEqual(documentedRoutes(loadOpenApiDocument()));
      const listed = await request(server)
        .get(`${BASE}/.backstage/actions/v1/actions`)
        .set('Authorization', authorization('service'));
      expect([...routes].filter(r => r.startsWith('ACTION ')).sort()).toEqual(
        listed.body.actions.map((a: any) => `ACTION ${a.id}`).sort(),
      );
      expect(Object.keys(probes(server)).sort()).toEqual(
        Object.keys(expected).sort(),
      );
    });

    it("keeps a scorecard's statuses and withholds only what the caller may not read", async () => {
      const scorecard = async (principal: Principal, entityRef: string) => {
        const res = await request(server)
          .get(`${BASE}/scorecards`)
          .query({ entityRef })
          .set('Authorization', authorization(principal));
        expect(res.status).toBe(200);
        return res.body as { score: number; checks: any[] };
      };
      const check = (card: { checks: any[] }, id: string) =>
        card.checks.find(c => c.id === id);

      const full = await scorecard('allowed', OWN);
      const own = await scorecard('conditional', OWN);
      expect(own.score).toBe(full.score);
      expect(own.checks.map(c => c.status)).toEqual(
        full.checks.map(c => c.status),
      );
      // The last action on the aggregator is Brand B's agent's.
      expect(check(full, 'recent-activity').detail).toContain(
        `Last action ${FOREIGN_ACTION.occurredAt}`,
      );
      expect(check(own, 'recent-activity').detail).toMatch(
        /^Last action \(time withheld: you may not read that action in the action log\)/,
      );
      // Brand B's roll-up is named to those who may see it, its score to everyone.
      const overlap = (card: { checks: any[] }) =>
        check(card, 'no-unacknowledged-overlap').detail as string;
      expect(overlap(full)).toMatch(
        /aiartifact:default\/brand-b-sales-rollup \(\d\.\d\d\)/,
      );
      expect(overlap(own)).not.toContain('brand-b-sales-rollup');
      expect(overlap(own)).toMatch(/an entity you may not see \(\d\.\d\d\)/);

      // The team's own agent acted last on its own: the time is the team's to read.
      const coder = await scorecard(
        'conditional',
        'agent:default/brand-a-coder',
      );
      const last = stored.find(
        a => a.agentRef === 'agent:default/brand-a-coder',
      );
      expect(check(coder, 'recent-activity').detail).toContain(
        `Last action ${last.occurredAt}`,
      );
    });

    it('answers each principal with the expected status and no data beyond what it may read', async () => {
      const readable = stored.filter(a => a.ownerRef === TEAM);
      const readableActivity = new Set(
        readable.flatMap(a =>
          [a.agentRef, a.targetRef, a.ownerRef]
            .filter(Boolean)
            .map((ref: string) => `${ref} ${a.occurredAt}`),
        ),
      );
      const inDemo = (a: any) =>
        a.occurredAt >= DEMO.since && a.occurredAt < DEMO.until;
      /** What the conditional user may not see in what an answer reveals. */
      const beyondConditional = (r: Revealed) => [
        ...r.entities
          .filter(ref => !visibleToConditional.has(ref))
          .map(ref => `entity ${ref}`),
        ...r.actionOwners
          .filter(owner => owner !== TEAM)
          .map(owner => `an action of ${owner}`),
        ...r.activity
          .filter(
            ({ entityRef, at }) => !readableActivity.has(`${entityRef} ${at}`),
          )
          .map(({ entityRef, at }) => `the action at ${at} of ${entityRef}`),
        ...(r.actionCount !== undefined &&
        r.actionCount !== readable.filter(inDemo).length
          ? [
              `${r.actionCount} actions (it may read ${
                readable.filter(inDemo).length
              })`,
            ]
          : []),
      ];
      const size = (r: Revealed) =>
        r.entities.length + r.actionOwners.length + r.activity.length;

      const actual: Record<string, Record<Principal, number>> = {};
      const problems: string[] = [];
      for (const [key, probe] of Object.entries(probes(server))) {
        actual[key] = {} as Record<Principal, number>;
        for (const principal of PRINCIPALS) {
          const res = await probe.call(authorization(principal), principal);
          actual[key][principal] = res.status;
          if (res.status !== 200 || !probe.reveals) continue;
          const revealed = probe.reveals(res);
          const beyond = beyondConditional(revealed);
          if (principal === 'conditional') {
            if (beyond.length) {
              problems.push(
                `${key} shows the conditional user ${beyond.join(', ')}`,
              );
            }
            if (size(revealed) === 0) {
              problems.push(`${key} shows the conditional user nothing at all`);
            }
          } else if (beyond.length === 0) {
            // Else the probe would not show whether the conditional answer is filtered.
            problems.push(
              `${key} shows ${principal} nothing that the conditional user may not see`,
            );
          }
        }
      }
      expect(actual).toEqual(expected);
      expect(problems).toEqual([]);
    });
  });
});
