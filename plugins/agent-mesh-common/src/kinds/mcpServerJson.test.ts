import { validateMcpServerJson } from './mcpServerJson';

/** A server.json of the MCP registry's format, with a remote and a package. */
const serverJson = () => ({
  $schema:
    'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
  name: 'io.github.acme/sales-warehouse',
  title: 'Sales warehouse',
  description: 'Read-only SQL over the sales warehouse.',
  version: '1.4.0',
  repository: {
    url: 'https://github.com/acme/sales-warehouse-mcp',
    source: 'github',
  },
  remotes: [
    {
      type: 'streamable-http',
      url: 'https://{host}/mcp',
      variables: { host: { default: 'mcp.acme.example' } },
    },
  ],
  packages: [
    {
      registryType: 'npm',
      identifier: '@acme/sales-warehouse-mcp',
      version: '1.4.0',
      transport: { type: 'stdio' },
    },
  ],
});

const messages = (doc: unknown) =>
  validateMcpServerJson(doc).errors.map(e => e.message);

describe('validateMcpServerJson', () => {
  it('accepts a server.json with remotes and packages', () => {
    expect(validateMcpServerJson(serverJson())).toEqual({
      ok: true,
      value: serverJson(),
      errors: [],
    });
  });

  it('names each missing or malformed field', () => {
    const doc: any = serverJson();
    doc.name = 'sales-warehouse';
    delete doc.description;
    doc.remotes[0].type = 'websocket';
    doc.packages[0].transport = { type: 'sse' };
    doc.repository = { url: 'https://github.com/acme/x' };
    expect(messages(doc).sort()).toEqual(
      [
        'server.json name must match the pattern ^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$',
        'server.json description is required',
        'server.json remotes[0].type must be one of streamable-http, sse',
        'server.json packages[0].transport.url is required',
        'server.json repository.source is required',
      ].sort(),
    );
  });

  it('keeps to the registry limits and wants specific versions', () => {
    const doc: any = serverJson();
    doc.description = 'x'.repeat(101);
    doc.version = '^1.4.0';
    doc.packages[0].version = 'latest';
    doc.remotes[0].url = 'mcp.acme.example/mcp';
    expect(messages(doc)).toEqual(
      expect.arrayContaining([
        'server.json description must be at most 100 characters long',
        'server.json version "^1.4.0" must be a specific version, not a range or "latest"',
        'server.json packages[0].version "latest" must be a specific version, not a range or "latest"',
        'server.json remotes[0].url must be an http or https URL, or start with a {variable}',
      ]),
    );
    expect(messages(doc)).toHaveLength(4);
  });

  it('needs a remote or a package to reach the server', () => {
    const { remotes, packages, ...bare } = serverJson();
    expect(messages(bare)).toEqual([
      'server.json must list at least one of remotes or packages, so that the catalog knows how to reach the server',
    ]);
    expect(messages({ ...bare, remotes: [] })).toHaveLength(1);
  });

  it('says so when the document is not an object at all', () => {
    expect(messages('io.github.acme/x')).toEqual([
      'server.json must be an object',
    ]);
  });
});
