import { mockServices } from '@backstage/backend-test-utils';
import { Entity, LocationEntity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { McpServerJsonProcessor } from './McpServerJsonProcessor';

const fixtures = resolve(__dirname, '__fixtures__');
const holder = { type: 'file', target: resolve(fixtures, 'catalog-info.yaml') };

function location(
  targets: string[],
  annotations: Record<string, string> = {
    'agent-mesh.io/mcp-server-owner': 'group:default/operations',
  },
  extra: Partial<LocationEntity['spec']> = {},
): LocationEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: 'acme-mcp-servers', annotations },
    spec: { type: 'mcp-server-json', targets, ...extra },
  };
}

async function process(
  entity: Entity,
  options: {
    defaults?: { owner?: string; lifecycle: string };
    reader?: ReturnType<typeof mockServices.urlReader.mock>;
  } = {},
) {
  const processor = new McpServerJsonProcessor({
    reader: options.reader ?? mockServices.urlReader.mock(),
    defaults: options.defaults ?? { lifecycle: 'production' },
  });
  const results: CatalogProcessorResult[] = [];
  const returned = await processor.postProcessEntity(entity, holder, r =>
    results.push(r),
  );
  expect(returned).toBe(entity);
  const entities = results.flatMap(r => (r.type === 'entity' ? [r] : []));
  const errors = results.flatMap(r =>
    r.type === 'error' ? [`${r.error.name}: ${r.error.message}`] : [],
  );
  return { entities, errors };
}

describe('McpServerJsonProcessor', () => {
  it('claims its location type in readLocation, and only that', async () => {
    const processor = new McpServerJsonProcessor({
      reader: mockServices.urlReader.mock(),
      defaults: { lifecycle: 'production' },
    });
    await expect(
      processor.readLocation({ type: 'mcp-server-json', target: '/x.json' }),
    ).resolves.toBe(true);
    await expect(
      processor.readLocation({ type: 'url', target: 'https://x/server.json' }),
    ).resolves.toBe(false);
  });

  it('makes an mcp-server API entity of a server.json with remotes and a package', async () => {
    const { entities, errors } = await process(
      location(['./sales-warehouse.server.json'], {
        'agent-mesh.io/mcp-server-owner': 'group:default/operations',
        'agent-mesh.io/mcp-server-lifecycle': 'experimental',
        'agent-mesh.io/mcp-server-system': 'sales-analytics',
      }),
    );
    expect(errors).toEqual([]);
    const file = resolve(fixtures, 'sales-warehouse.server.json');
    expect(entities).toEqual([
      {
        type: 'entity',
        location: {
          type: 'mcp-server-json',
          target: file,
          presence: undefined,
        },
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'API',
          metadata: {
            name: 'io.github.acme-sales-warehouse',
            namespace: 'default',
            title: 'Sales warehouse',
            description:
              'Read-only SQL over the sales warehouse: orders, returns and revenue by region.',
            links: [
              {
                url: 'https://docs.acme.example/mcp/sales-warehouse',
                title: 'Website',
                type: 'website',
              },
              {
                url: 'https://github.com/acme/sales-warehouse-mcp',
                title: 'Source code',
                type: 'source',
              },
            ],
            annotations: {
              'backstage.io/source-location':
                'url:https://github.com/acme/sales-warehouse-mcp',
            },
          },
          spec: {
            type: 'mcp-server',
            lifecycle: 'experimental',
            owner: 'group:default/operations',
            system: 'sales-analytics',
            remotes: [
              { type: 'streamable-http', url: 'https://mcp.acme.example/mcp' },
              {
                type: 'sse',
                url: 'https://mcp.acme.example/sales-warehouse/sse',
              },
              { type: 'stdio', url: 'npm:@acme/sales-warehouse-mcp@1.4.0' },
            ],
            definition: `${JSON.stringify(
              JSON.parse(readFileSync(file, 'utf8')),
              null,
              2,
            )}\n`,
          },
        },
      },
    ]);
  });

  it('makes remotes of packages when the server has none, and takes the config defaults', async () => {
    const { entities, errors } = await process(
      location(['./ticket-search.server.json'], {}),
      {
        defaults: { owner: 'group:default/platform', lifecycle: 'production' },
      },
    );
    expect(errors).toEqual([]);
    const [{ entity }] = entities as any;
    expect(entity.metadata.title).toBe('io.github.acme/ticket-search');
    expect(entity.metadata.links).toBeUndefined();
    expect(entity.spec).toMatchObject({
      owner: 'group:default/platform',
      lifecycle: 'production',
      remotes: [
        { type: 'stdio', url: 'pypi:acme-ticket-search-mcp@0.3.2' },
        { type: 'streamable-http', url: 'http://localhost:8080/mcp' },
      ],
    });
    expect(entity.spec.system).toBeUndefined();
  });

  it('reports each problem of an invalid server.json as an input error naming the field', async () => {
    const file = resolve(fixtures, 'invalid.server.json');
    const { entities, errors } = await process(
      location(['./invalid.server.json']),
    );
    expect(entities).toEqual([]);
    expect(errors.sort()).toEqual(
      [
        `InputError: ${file}: server.json name must match the pattern ^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$`,
        `InputError: ${file}: server.json description is required`,
        `InputError: ${file}: server.json remotes[0].type must be one of streamable-http, sse`,
        `InputError: ${file}: server.json remotes[0].url must be an http or https URL, or start with a {variable}`,
      ].sort(),
    );
  });

  it('reports a document that is not JSON, one that is missing, and a missing owner', async () => {
    const { errors } = await process(
      location(['./not-json.txt', './gone.server.json']),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^InputError: .*not-json\.txt: server\.json is not valid JSON \(/,
      ),
      `NotFoundError: ${resolve(fixtures, 'gone.server.json')} does not exist`,
    ]);

    const optional = await process(
      location(['./gone.server.json'], undefined, { presence: 'optional' }),
    );
    expect(optional.errors).toEqual([]);

    const ownerless = await process(
      location(['./ticket-search.server.json'], {}),
    );
    expect(ownerless.entities).toEqual([]);
    expect(ownerless.errors).toEqual([
      `InputError: ${resolve(
        fixtures,
        'ticket-search.server.json',
      )}: no owner for the API entity of io.github.acme/ticket-search; set the agent-mesh.io/mcp-server-owner annotation on the Location or agentMesh.mcpServerJson.defaultOwner`,
    ]);
  });

  it('reads URL targets through the UrlReaderService, relative to a URL location', async () => {
    const reader = mockServices.urlReader.mock();
    const text = readFileSync(
      resolve(fixtures, 'ticket-search.server.json'),
      'utf8',
    );
    reader.readUrl.mockResolvedValue({
      buffer: async () => Buffer.from(text),
    } as any);
    const processor = new McpServerJsonProcessor({
      reader,
      defaults: { owner: 'platform', lifecycle: 'production' },
    });
    const results: CatalogProcessorResult[] = [];
    await processor.postProcessEntity(
      location(['./mcp/server.json'], {}),
      {
        type: 'url',
        target: 'https://github.com/acme/tickets/blob/main/catalog-info.yaml',
      },
      r => results.push(r),
    );
    expect(reader.readUrl).toHaveBeenCalledWith(
      'https://github.com/acme/tickets/blob/main/mcp/server.json',
    );
    expect(results.map(r => r.type)).toEqual(['entity']);
  });

  it('leaves other Locations and entities alone', async () => {
    const { entities, errors } = await process({
      ...location(['./sales-warehouse.server.json']),
      spec: { type: 'file', targets: ['./sales-warehouse.server.json'] },
    });
    expect([entities, errors]).toEqual([[], []]);
  });
});
