import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { validateAgentMeshEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { CardServer, fixtureCard } from '../__testUtils__/cardServer';
import { A2aAgentCardProvider } from './A2aAgentCardProvider';
import { A2aCardSource, A2aProviderConfig } from './config';

const PROBLEM = 'agent-mesh.io/a2a-card-problem';

describe('A2aAgentCardProvider against a real card server', () => {
  const server = new CardServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => server.routes.clear());

  const source = (
    path: string,
    extra: Partial<A2aCardSource> = {},
  ): A2aCardSource => ({
    cardUrl: server.url(path),
    owner: 'group:default/finance',
    lifecycle: 'production',
    type: 'a2a-agent',
    namespace: 'default',
    listedBy: 'config',
    ...extra,
  });

  /** Runs the provider once and returns the entities of its full mutation. */
  async function run(
    config: Partial<A2aProviderConfig>,
    catalogEntities: Entity[] = [],
  ): Promise<Entity[]> {
    const mutations: EntityProviderMutation[] = [];
    const connection: EntityProviderConnection = {
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    };
    const provider = new A2aAgentCardProvider({
      config: {
        cards: [],
        schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
        limits: { timeoutMs: 1000, maxBytes: 64 * 1024 },
        ...config,
      },
      catalog: catalogServiceMock({ entities: catalogEntities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      taskRunner: { run: async () => {} },
    });
    await provider.connect(connection);
    await provider.refresh();
    expect(mutations).toHaveLength(1);
    const [mutation] = mutations;
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    return mutation.entities.map(e => e.entity);
  }

  it('makes a valid Agent of a card: skills, tags, provider, version, interfaces, links', async () => {
    server.routes.set('/invoices/.well-known/agent-card.json', {
      body: fixtureCard('invoice-reconciler.agent-card.json'),
    });
    const cardUrl = server.url('/invoices/.well-known/agent-card.json');
    const [agent, ...rest] = await run({
      cards: [
        source('/invoices/.well-known/agent-card.json', {
          sponsor: 'user:default/lena-fischer',
          system: 'system:default/finance-ops',
        }),
      ],
    });
    expect(rest).toEqual([]);
    expect(agent).toEqual({
      apiVersion: 'agent-mesh.io/v1alpha1',
      kind: 'Agent',
      metadata: {
        name: 'invoice-reconciler',
        namespace: 'default',
        title: 'Invoice Reconciler',
        description:
          'Matches supplier invoices against purchase orders and flags the ones that do not add up.',
        tags: ['invoices', 'purchase-orders', 'audit'],
        links: [
          {
            url: 'https://docs.acme.example/agents/invoice-reconciler',
            title: 'Documentation',
            icon: 'docs',
            type: 'documentation',
          },
          {
            url: 'https://finance.acme.example',
            title: 'Acme Finance Engineering',
            type: 'provider',
          },
          { url: cardUrl, title: 'A2A agent card', type: 'a2a-agent-card' },
        ],
        annotations: {
          'backstage.io/managed-by-location': `url:${cardUrl}`,
          'backstage.io/managed-by-origin-location': `url:${cardUrl}`,
          'agent-mesh.io/a2a-card-url': cardUrl,
        },
      },
      spec: {
        type: 'a2a-agent',
        owner: 'group:default/finance',
        lifecycle: 'production',
        externalIds: [`a2a:${cardUrl}`],
        sponsor: 'user:default/lena-fischer',
        system: 'system:default/finance-ops',
        provider: 'Acme Finance Engineering',
        version: '2.3.0',
        skills: [
          {
            id: 'match-invoice',
            name: 'Match invoice',
            description: 'Finds the purchase order that an invoice belongs to.',
            tags: ['invoices', 'Purchase Orders'],
            examples: ['Which purchase order is invoice 4711 for?'],
          },
          {
            id: 'flag-mismatch',
            name: 'Flag mismatches',
            description:
              'Lists invoices whose amounts differ from their purchase order.',
            tags: ['invoices', 'audit'],
          },
        ],
        interfaces: [
          {
            url: 'https://agents.acme.example/invoices/a2a/v1',
            protocolBinding: 'JSONRPC',
            protocolVersion: '1.0',
          },
          {
            url: 'https://agents.acme.example/invoices/rest',
            protocolBinding: 'HTTP+JSON',
            protocolVersion: '1.0',
          },
        ],
      },
    });
    // What the catalog module's kinds processor will check.
    expect(validateAgentMeshEntity(agent)).toEqual([]);
  });

  it('reads a card of A2A 0.3 (url, preferredTransport, additionalInterfaces)', async () => {
    server.routes.set('/stock.json', {
      body: fixtureCard('stock-checker-0.3.agent-card.json'),
    });
    const [agent] = await run({ cards: [source('/stock.json')] });
    expect(agent.metadata.name).toBe('stock-checker');
    expect(agent.spec?.interfaces).toEqual([
      {
        url: 'https://agents.acme.example/stock/a2a',
        protocolBinding: 'JSONRPC',
        protocolVersion: '0.3.0',
      },
      {
        url: 'https://agents.acme.example/stock/grpc',
        protocolBinding: 'GRPC',
        protocolVersion: '0.3.0',
      },
    ]);
    expect(agent.metadata.annotations?.[PROBLEM]).toBeUndefined();
  });

  it('carries the problem of an invalid, missing, slow, oversized or non-JSON card, naming the field', async () => {
    server.routes.set('/invalid.json', {
      body: fixtureCard('invalid.agent-card.json'),
    });
    server.routes.set('/slow.json', {
      body: fixtureCard('invoice-reconciler.agent-card.json'),
      delayMs: 3000,
    });
    server.routes.set('/huge.json', {
      body: {
        ...fixtureCard('invoice-reconciler.agent-card.json'),
        padding: 'x'.repeat(70_000),
      },
    });
    server.routes.set('/huge-chunked.json', {
      body: {
        ...fixtureCard('invoice-reconciler.agent-card.json'),
        padding: 'x'.repeat(70_000),
      },
      chunked: true,
    });
    server.routes.set('/html.json', { body: '<html>Sign in</html>' });
    server.routes.set('/broken.json', { status: 500, body: 'oops' });
    const entities = await run({
      cards: [
        source('/invalid.json'),
        source('/missing/.well-known/agent-card.json', {
          owner: 'group:default/operations',
        }),
        source('/slow.json', { name: 'slow-agent' }),
        source('/huge.json', { name: 'huge-agent' }),
        source('/huge-chunked.json', { name: 'huge-chunked-agent' }),
        source('/html.json', { name: 'html-agent' }),
        source('/broken.json', { name: 'broken-agent' }),
      ],
    });
    const missingName = `127.0.0.1-${new URL(server.url('/')).port}-missing`;
    const problems = Object.fromEntries(
      entities.map(e => [e.metadata.name, e.metadata.annotations?.[PROBLEM]]),
    );
    expect(problems).toEqual({
      'invoice-reconciler': `A2A agent card ${server.url(
        '/invalid.json',
      )} is not valid: skills[0].tags is required`,
      [missingName]: `A2A agent card ${server.url(
        '/missing/.well-known/agent-card.json',
      )} could not be read: HTTP 404 Not Found`,
      'slow-agent': `A2A agent card ${server.url(
        '/slow.json',
      )} could not be read: no answer within 1 s`,
      'huge-agent': `A2A agent card ${server.url(
        '/huge.json',
      )} could not be read: it is larger than 65536 bytes`,
      'huge-chunked-agent': `A2A agent card ${server.url(
        '/huge-chunked.json',
      )} could not be read: it is larger than 65536 bytes`,
      'html-agent': expect.stringMatching(
        /could not be read: it is not valid JSON \(Unexpected token/,
      ),
      'broken-agent': expect.stringContaining(
        'could not be read: HTTP 500 Internal Server Error',
      ),
    });
    // Only what the config says: the processor's error keeps the last valid version.
    const missing = entities.find(e => e.metadata.name === missingName)!;
    expect(missing.spec).toEqual({
      type: 'a2a-agent',
      owner: 'group:default/operations',
      lifecycle: 'production',
      externalIds: [
        `a2a:${server.url('/missing/.well-known/agent-card.json')}`,
      ],
    });
    for (const entity of entities) {
      expect(validateAgentMeshEntity(entity)).toEqual([]);
    }
  });

  it('keeps the name of the Agent made from the card before when the card breaks', async () => {
    const cardUrl = server.url('/renamed.json');
    const before: Entity = {
      apiVersion: 'agent-mesh.io/v1alpha1',
      kind: 'Agent',
      metadata: {
        name: 'payments-helper',
        namespace: 'finance',
        annotations: { 'agent-mesh.io/a2a-card-url': cardUrl },
      },
      spec: { type: 'a2a-agent', owner: 'finance', lifecycle: 'production' },
    };
    const [agent] = await run({ cards: [source('/renamed.json')] }, [before]);
    expect(agent.metadata).toMatchObject({
      name: 'payments-helper',
      namespace: 'finance',
    });
    expect(agent.metadata.annotations?.[PROBLEM]).toContain('HTTP 404');
  });

  it('discovers cards from annotated API entities, owned by the API owner unless annotated otherwise', async () => {
    server.routes.set('/.well-known/agent-card.json', {
      body: fixtureCard('invoice-reconciler.agent-card.json'),
    });
    server.routes.set('/stock.json', {
      body: fixtureCard('stock-checker-0.3.agent-card.json'),
    });
    const api = (
      name: string,
      annotations: Record<string, string>,
      spec: Record<string, unknown> = {},
    ): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name, namespace: 'ops', annotations },
      spec: {
        type: 'a2a',
        lifecycle: 'experimental',
        owner: 'operations',
        definition: '{}',
        ...spec,
      },
    });
    const entities = await run(
      {
        discovery: { annotation: 'agent-mesh.io/a2a-card-url' },
        cards: [source('/stock.json', { owner: 'group:default/warehouse' })],
      },
      [
        api(
          'invoices-a2a',
          {
            // the agent's host: the card is at the well-known path
            'agent-mesh.io/a2a-card-url': server.url(''),
            'agent-mesh.io/a2a-sponsor': 'lena-fischer',
          },
          { system: 'finance-ops' },
        ),
        api(
          'stock-a2a',
          { 'agent-mesh.io/a2a-card-url': server.url('/stock.json') },
          { lifecycle: 'beta' },
        ),
        api('not-an-agent', {}),
      ],
    );
    // The stock card is configured already: config wins.
    expect(
      entities.map(e => [
        `${e.metadata.namespace}/${e.metadata.name}`,
        e.spec?.owner,
        e.spec?.sponsor,
        e.spec?.lifecycle,
        e.spec?.system,
      ]),
    ).toEqual([
      [
        'default/stock-checker',
        'group:default/warehouse',
        undefined,
        'production',
        undefined,
      ],
      [
        'ops/invoice-reconciler',
        'group:ops/operations',
        'user:ops/lena-fischer',
        'experimental',
        'system:ops/finance-ops',
      ],
    ]);
    expect(server.requests).toContain('/.well-known/agent-card.json');
  });

  it('emits one Agent when two cards would make the same entity', async () => {
    server.routes.set('/a.json', {
      body: fixtureCard('invoice-reconciler.agent-card.json'),
    });
    server.routes.set('/b.json', {
      body: fixtureCard('invoice-reconciler.agent-card.json'),
    });
    const entities = await run({
      cards: [source('/a.json'), source('/b.json')],
    });
    expect(
      entities.map(e => e.metadata.annotations?.['agent-mesh.io/a2a-card-url']),
    ).toEqual([server.url('/a.json')]);
  });
});
