import { mockServices } from '@backstage/backend-test-utils';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { AgentMeshClient } from '@agent-mesh/plugin-agent-mesh-common/client';
import { AgentMeshOverlapClient } from './AgentMeshOverlapClient';

describe('AgentMeshOverlapClient', () => {
  let server: Server;
  let handle: (req: IncomingMessage, res: ServerResponse) => void;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => handle(req, res));
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api/agent-mesh`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  });

  const client = (timeoutMs?: number) =>
    new AgentMeshOverlapClient({
      api: new AgentMeshClient({
        discoveryApi: mockServices.discovery.mock({
          getBaseUrl: async () => baseUrl,
        }),
      }),
      timeoutMs,
    });

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  it('asks GET /overlaps for the entity', async () => {
    let seen: IncomingMessage | undefined;
    const items = [
      {
        entityRef: 'aiartifact:default/b',
        title: 'B',
        score: 0.5,
        crossTeam: true,
        acknowledged: false,
        reasons: ['both integrate shopify'],
      },
    ];
    handle = (req, res) => {
      seen = req;
      json(res, 200, {
        entityRef: 'aiartifact:default/a',
        items,
        indexVersion: 42,
      });
    };
    await expect(client().getOverlaps('aiartifact:default/a')).resolves.toEqual(
      { items, indexVersion: 42 },
    );
    expect(seen?.url).toBe(
      '/api/agent-mesh/overlaps?entityRef=aiartifact%3Adefault%2Fa',
    );
  });

  it("reads the plugin's 404 as not indexed yet", async () => {
    handle = (_req, res) =>
      // the body of the plugin's NotFoundError, as Backstage's error handler writes it
      json(res, 404, {
        error: { name: 'NotFoundError', message: 'not in the overlap index' },
        request: { method: 'GET', url: '/overlaps' },
        response: { statusCode: 404 },
      });
    await expect(
      client().getOverlaps('aiartifact:default/a'),
    ).resolves.toBeUndefined();
  });

  it('fails on a 404 from something else than the plugin, on errors and on bad bodies', async () => {
    handle = (_req, res) => {
      res.writeHead(404);
      res.end();
    };
    await expect(client().getOverlaps('aiartifact:default/a')).rejects.toThrow(
      /is the agent-mesh backend plugin installed/,
    );
    handle = (_req, res) =>
      json(res, 500, { error: { name: 'Error', message: 'boom' } });
    await expect(client().getOverlaps('aiartifact:default/a')).rejects.toThrow(
      /500/,
    );
    handle = (_req, res) => json(res, 200, { nope: true });
    await expect(client().getOverlaps('aiartifact:default/a')).rejects.toThrow(
      /without an items array/,
    );
  });

  it('gives up after its timeout', async () => {
    handle = () => {
      // never answers
    };
    const started = Date.now();
    await expect(
      client(200).getOverlaps('aiartifact:default/a'),
    ).rejects.toThrow(/timeout|aborted/i);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
