import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { httpRouterServiceFactory } from '@backstage/backend-defaults/httpRouter';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { resolve as resolvePath } from 'node:path';
import { AddressInfo } from 'node:net';
import { agentMeshPlugin } from '../plugin';
import { OVERLAP_RECONCILE_TASK_ID } from '../overlap/schedule';
import { capturingScheduler } from '../__testUtils__/capturingScheduler';

jest.setTimeout(120_000);

const TOKEN = 'e2e-static-token-for-mcp-clients';
// Tests run from the source tree, where the repository's examples/ folder sits above.
// eslint-disable-next-line no-restricted-syntax
const EXAMPLES = resolvePath(__dirname, '../../../../examples/all.yaml');

/**
 * The catalog accepts the Agent Mesh kinds through the catalog module in the demo portal; this
 * test stands in a minimal processor so that the backend plugin does not depend on that module.
 */
const acceptAgentMeshKinds = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'agent-mesh-kinds-for-test',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor({
          getProcessorName: () => 'AgentMeshKindsForTest',
          async validateEntityKind(entity) {
            return (
              entity.apiVersion === 'agent-mesh.io/v1alpha1' &&
              ['Agent', 'AiArtifact'].includes(entity.kind)
            );
          },
        });
      },
    });
  },
});

describe('MCP end to end: a real MCP client over Streamable HTTP with a static token', () => {
  // One SQLite database per plugin, closed after the tests (the default in-memory ones stay open).
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const databasePerPlugin = createServiceFactory({
    service: coreServices.database,
    deps: {},
    async factory() {
      const knex = await databases.init('SQLITE_3');
      return { getClient: async () => knex };
    },
  });

  it('lists the agent-mesh tools, finds the sales aggregators, logs an action that GET /actions returns', async () => {
    const { scheduler, run } = capturingScheduler();
    const backend = await startTestBackend({
      features: [
        agentMeshPlugin,
        catalogPlugin,
        acceptAgentMeshKinds,
        mcpActionsPlugin,
        // Real auth, so that a static external-access token works end to end
        authServiceFactory,
        httpAuthServiceFactory,
        httpRouterServiceFactory,
        scheduler.factory,
        databasePerPlugin,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: jest.fn() }),
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: {
              actions: { pluginSources: ['agent-mesh'] },
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: { token: TOKEN, subject: 'demo-mcp-client' },
                  },
                ],
              },
            },
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Location',
                    'Group',
                    'User',
                    'Agent',
                    'AiArtifact',
                  ],
                },
              ],
              locations: [{ type: 'file', target: EXAMPLES }],
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    const base = `http://localhost:${port}`;
    const headers = { Authorization: `Bearer ${TOKEN}` };

    // Wait for the catalog to take in the demo organisation, then index it for overlaps.
    for (let i = 0; ; i++) {
      const res = await fetch(
        `${base}/api/catalog/entities/by-query?filter=kind=aiartifact&limit=100`,
        { headers },
      );
      expect(res.status).toBe(200);
      const { items } = await res.json();
      if (items.length >= 11) break;
      if (i > 200) throw new Error(`Catalog has ${items.length} AiArtifacts`);
      await new Promise(r => setTimeout(r, 250));
    }
    await run(OVERLAP_RECONCILE_TASK_ID);

    const client = new Client({ name: 'agent-mesh-e2e', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${base}/api/mcp-actions/v1`), {
        requestInit: { headers },
      }),
    );
    try {
      const { tools } = await client.listTools();
      const names = tools.map(t => t.name).sort();
      expect(names).toEqual([
        'agent-mesh.find-similar-artifacts',
        'agent-mesh.get-build-context',
        'agent-mesh.get-entity-scorecard',
        'agent-mesh.list-failing-checks',
        'agent-mesh.log-agent-action',
      ]);
      const similarTool = tools.find(
        t => t.name === 'agent-mesh.find-similar-artifacts',
      )!;
      expect(similarTool.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
      });
      expect(similarTool.inputSchema.required).toEqual(['description']);

      const similar = await client.callTool({
        name: 'agent-mesh.find-similar-artifacts',
        arguments: {
          description:
            'A weekly sales roll-up: pull last week’s orders from Shopify and closed deals from Salesforce and aggregate them into one sales report per brand.',
          integrations: ['shopify', 'salesforce'],
          owner: 'group:default/marketing',
        },
      });
      expect(similar.isError).toBeFalsy();
      const items = (similar.structuredContent as any).items;
      expect(items.map((i: any) => i.entityRef)).toEqual(
        expect.arrayContaining([
          'aiartifact:default/brand-a-sales-aggregator',
          'aiartifact:default/brand-b-sales-rollup',
          'aiartifact:default/brand-c-revenue-dashboard-sync',
        ]),
      );
      expect(items[0]).toMatchObject({
        owner: expect.stringMatching(/^group:default\/brand-[abc]$/),
        link: expect.stringMatching(
          /^http:\/\/localhost:3000\/catalog\/default\/aiartifact\//,
        ),
      });

      const logged = await client.callTool({
        name: 'agent-mesh.log-agent-action',
        arguments: {
          id: 'e2e-mcp-1',
          occurredAt: '2026-11-20T09:00:00Z',
          agent: 'agent:default/marketing-assistant',
          type: 'tool.call',
          target: 'aiartifact:default/weekly-sales-digest',
          summary:
            'Checked for similar work before building the weekly sales digest; found the three brand aggregators',
        },
      });
      expect(logged.isError).toBeFalsy();
      expect(logged.structuredContent).toMatchObject({
        id: 'e2e-mcp-1',
        recorded: true,
        agentKnown: true,
        agentRef: 'agent:default/marketing-assistant',
        ownerRef: 'group:default/marketing',
      });

      // A bad call comes back as a tool error that names the field
      const bad = await client.callTool({
        name: 'agent-mesh.log-agent-action',
        arguments: {
          id: 'e2e-mcp-2',
          occurredAt: 'last tuesday',
          agent: 'agent:default/marketing-assistant',
          type: 'tool.call',
          summary: 'x',
        },
      });
      expect(bad.isError).toBe(true);
      expect((bad.content as any)[0].text).toMatch(/InputError: occurredAt/);
    } finally {
      await client.close();
    }

    const res = await fetch(
      `${base}/api/agent-mesh/actions?agent=agent:default/marketing-assistant`,
      { headers },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items).toEqual([
      expect.objectContaining({
        id: 'e2e-mcp-1',
        type: 'tool.call',
        ownerRef: 'group:default/marketing',
        targetRef: 'aiartifact:default/weekly-sales-digest',
      }),
    ]);

    // Each tool call is in the log too (log-agent-action's call is its own entry). The MCP
    // actions backend calls the plugin with its own service token for a service caller, so
    // the static token's subject does not reach the plugin: the caller is the MCP backend.
    const calls = await fetch(
      `${base}/api/agent-mesh/actions?type=tool.call&agent=plugin:mcp-actions`,
      { headers },
    );
    expect(calls.status).toBe(200);
    expect((await calls.json()).items).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^tool-call:/),
        agent: 'plugin:mcp-actions',
        status: 'success',
        writer: 'service:plugin:agent-mesh',
        attributes: expect.objectContaining({
          tool: 'agent-mesh:find-similar-artifacts',
          caller: 'service:plugin:mcp-actions',
          durationMs: expect.any(Number),
        }),
      }),
    ]);

    // Without the token, nothing
    const anonymous = await fetch(`${base}/api/mcp-actions/v1`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(anonymous.status).toBe(401);
    await backend.stop();
  });
});
