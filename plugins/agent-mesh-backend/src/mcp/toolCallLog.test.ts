import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { loadExampleEntities } from '../scorecards/__testUtils__/examples';
import { externalIdCatalog } from '../__testUtils__/externalIdCatalog';
import { startAgentMeshPlugin } from '../__testUtils__/startAgentMeshPlugin';

jest.setTimeout(120_000);

const BASE = '/api/agent-mesh';
const TRIAGE = 'aiartifact:default/support-ticket-triage';

/** Jane signed in to an MCP client: the MCP actions backend passes her token on as its own actor. */
const janeThroughMcp = `Bearer ${mockCredentials.user.token(
  'user:default/jane',
  {
    actor: { subject: 'plugin:mcp-actions' },
  },
)}`;
/** A static external-access token whose subject is one of an Agent's external ids. */
const copilot = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('mkt-copilot'),
  targetPluginId: 'agent-mesh',
});
/** Reads the log with full access. */
const reader = mockCredentials.service.header();

describe('tool calls in the action log, through the actions registry invoke route', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;
    const logger = mockServices.logger.mock();
    const decision: { result: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {
      result: AuthorizeResult.ALLOW,
    };

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const permissions = createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => ({
          authorize: async (requests: unknown[]) =>
            requests.map(() => ({ result: decision.result })),
          authorizeConditional: async (requests: unknown[]) =>
            requests.map(() => ({ result: decision.result })),
        }),
      });
      ({ server } = await startAgentMeshPlugin({
        knex,
        catalog: externalIdCatalog(loadExampleEntities()),
        extra: [permissions, actionsRegistryServiceFactory, logger.factory],
      }));
    });

    beforeEach(async () => {
      decision.result = AuthorizeResult.ALLOW;
      await knex('agent_mesh_actions').delete();
    });

    const invoke = (auth: string, name: string, input: object) =>
      request(server)
        .post(`${BASE}/.backstage/actions/v1/actions/agent-mesh:${name}/invoke`)
        .set('Authorization', auth)
        .send(input);
    const toolCalls = async () => {
      const res = await request(server)
        .get(`${BASE}/actions`)
        .query({ type: 'tool.call' })
        .set('Authorization', reader);
      expect(res.status).toBe(200);
      return res.body.items as any[];
    };

    it('records a successful call with caller, the user it was for, outcome and duration', async () => {
      const res = await invoke(janeThroughMcp, 'get-entity-scorecard', {
        entityRef: TRIAGE,
      });
      expect(res.status).toBe(200);
      expect(res.body.output).toMatchObject({
        entityRef: TRIAGE,
        score: expect.any(Number),
      });

      const [call, ...more] = await toolCalls();
      expect(more).toEqual([]);
      expect(call).toMatchObject({
        id: expect.stringMatching(/^tool-call:[0-9a-f-]{36}$/),
        type: 'tool.call',
        agent: 'plugin:mcp-actions',
        agentKnown: false,
        onBehalfOf: 'user:default/jane',
        status: 'success',
        summary: expect.stringMatching(
          /^Called the tool agent-mesh:get-entity-scorecard \(\d+(\.\d)? ms\)$/,
        ),
        writer: 'service:plugin:agent-mesh',
        attributes: {
          tool: 'agent-mesh:get-entity-scorecard',
          durationMs: expect.any(Number),
          caller: 'user:default/jane',
        },
      });
      expect(call.attributes.durationMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(call.occurredAt)).toBeLessThanOrEqual(
        Date.parse(call.receivedAt),
      );
    });

    it('records failing calls with the error, and answers them as before', async () => {
      const missing = await invoke(janeThroughMcp, 'get-entity-scorecard', {
        entityRef: 'aiartifact:default/no-such-thing',
      });
      expect(missing.status).toBe(404);
      expect(missing.body.error).toMatchObject({
        name: 'NotFoundError',
        message: expect.stringContaining('aiartifact:default/no-such-thing'),
      });

      decision.result = AuthorizeResult.DENY;
      const denied = await invoke(copilot, 'find-similar-artifacts', {
        description: 'A weekly sales roll-up from Shopify and Salesforce',
      });
      expect(denied.status).toBe(403);
      decision.result = AuthorizeResult.ALLOW;

      const [deniedCall, missingCall] = await toolCalls();
      expect(missingCall).toMatchObject({
        status: 'failure',
        onBehalfOf: 'user:default/jane',
        summary: expect.stringMatching(
          /^Called the tool agent-mesh:get-entity-scorecard, which failed after \d+(\.\d)? ms: NotFoundError: /,
        ),
        attributes: {
          tool: 'agent-mesh:get-entity-scorecard',
          durationMs: expect.any(Number),
          error: {
            name: 'NotFoundError',
            message: missing.body.error.message,
          },
        },
      });
      // A service caller is the agent, resolved through the Agent that lists its subject.
      expect(deniedCall).toMatchObject({
        status: 'failure',
        agent: 'mkt-copilot',
        agentRef: 'agent:default/marketing-assistant',
        ownerRef: 'group:default/marketing',
        attributes: {
          tool: 'agent-mesh:find-similar-artifacts',
          caller: 'service:mkt-copilot',
          error: {
            name: 'NotAllowedError',
            message: denied.body.error.message,
          },
        },
      });
      expect(deniedCall.onBehalfOf).toBeUndefined();
    });

    it('does not record log-agent-action, whose call is itself an entry', async () => {
      const res = await invoke(copilot, 'log-agent-action', {
        id: 'logged-1',
        occurredAt: '2026-11-20T10:00:00Z',
        agent: 'mkt-copilot',
        type: 'artifact.created',
        summary: 'Drafted the campaign brief',
      });
      expect(res.status).toBe(200);
      const all = await request(server)
        .get(`${BASE}/actions`)
        .set('Authorization', reader);
      expect(all.body.items.map((a: any) => a.id)).toEqual(['logged-1']);
    });

    it('answers the call as usual when its record cannot be written, and warns', async () => {
      // (a tool that does not read the action log itself)
      const similar = {
        description: 'A weekly sales roll-up from Shopify and Salesforce',
      };
      const expected = await invoke(copilot, 'find-similar-artifacts', similar);
      expect(expected.status).toBe(200);
      await knex.schema.renameTable('agent_mesh_actions', 'actions_away');
      try {
        const res = await invoke(copilot, 'find-similar-artifacts', similar);
        expect(res.status).toBe(200);
        expect(res.body).toEqual(expected.body);
      } finally {
        await knex.schema.renameTable('actions_away', 'agent_mesh_actions');
      }
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Could not record the call of agent-mesh:find-similar-artifacts by service:mkt-copilot in the action log: /,
        ),
      );
    });
  });
});
