import { ResponseError } from '@backstage/errors';
import { AgentMeshClient } from './AgentMeshClient';

function jsonResponse(status: number, body: unknown) {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 200 ? 'OK' : 'Bad Request',
    headers: new Map([['content-type', 'application/json; charset=utf-8']]),
    json: async () => JSON.parse(text),
    text: async () => text,
  } as unknown as Response;
}

function setup(status = 200, body: unknown = { items: [] }) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) =>
    jsonResponse(status, body),
  );
  const getBaseUrl = jest.fn(async () => 'http://backend/api/agent-mesh');
  const client = new AgentMeshClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch, getBaseUrl };
}

describe('AgentMeshClient', () => {
  it('asks discovery for the agent-mesh backend and encodes the entity ref', async () => {
    const { client, fetch, getBaseUrl } = setup(200, {
      entityRef: 'aiartifact:default/a',
      items: [],
    });
    await expect(client.getOverlaps('aiartifact:default/a')).resolves.toEqual({
      entityRef: 'aiartifact:default/a',
      items: [],
    });
    expect(getBaseUrl).toHaveBeenCalledWith('agent-mesh');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/agent-mesh/overlaps?entityRef=aiartifact%3Adefault%2Fa',
      {},
    );
  });

  it('sends a given token and signal, and leaves authorisation to fetchApi otherwise', async () => {
    const { client, fetch } = setup(200, { items: [] });
    const signal = AbortSignal.timeout(5000);
    await client.getOverlaps('aiartifact:default/a', { token: 't1', signal });
    await client.findSimilar({ description: 'x' }, { token: 't2' });
    await client.getRollup();
    expect(fetch.mock.calls[0][1]).toEqual({
      headers: { Authorization: 'Bearer t1' },
      signal,
    });
    expect(fetch.mock.calls[1][1]?.headers).toEqual({
      'Content-Type': 'application/json',
      Authorization: 'Bearer t2',
    });
    expect(fetch.mock.calls[2][1]).toEqual({});
  });

  it('posts actions', async () => {
    const { client, fetch } = setup(200, {
      accepted: 1,
      duplicates: 0,
      duplicateIds: [],
    });
    const action = {
      id: 'run-1',
      occurredAt: '2026-11-24T10:00:00Z',
      agent: 'agent:default/coder',
      type: 'deploy',
      summary: 'Deployed',
    };
    await expect(client.createActions({ actions: [action] })).resolves.toEqual({
      accepted: 1,
      duplicates: 0,
      duplicateIds: [],
    });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://backend/api/agent-mesh/actions');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ actions: [action] });
  });

  it('uses the global fetch without a fetchApi', async () => {
    const globalFetch = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(jsonResponse(200, { items: [] }));
    try {
      const client = new AgentMeshClient({
        discoveryApi: {
          getBaseUrl: async () => 'http://backend/api/agent-mesh',
        },
      });
      await client.findSimilar({ description: 'x' });
      expect(globalFetch).toHaveBeenCalledWith(
        'http://backend/api/agent-mesh/similar',
        expect.objectContaining({ method: 'POST' }),
      );
    } finally {
      globalFetch.mockRestore();
    }
  });

  it('calls each scorecard route', async () => {
    const { client, fetch } = setup();
    await client.getScorecard('agent:default/x');
    await client.getScorecardHistory('agent:default/x', { limit: 20 });
    await client.getRollup('group:default/brand-a');
    await client.getRollup();
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backend/api/agent-mesh/scorecards?entityRef=agent%3Adefault%2Fx',
      'http://backend/api/agent-mesh/scorecards/history?entityRef=agent%3Adefault%2Fx&limit=20',
      'http://backend/api/agent-mesh/scorecards/rollup?owner=group%3Adefault%2Fbrand-a',
      'http://backend/api/agent-mesh/scorecards/rollup',
    ]);
  });

  it('asks for the overview of a period and a team', async () => {
    const { client, fetch } = setup();
    await client.getOverview();
    await client.getOverview({ period: '7d', owner: 'group:default/brands' });
    await client.getOverview({ since: '2026-11-01', until: '' });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backend/api/agent-mesh/overview',
      'http://backend/api/agent-mesh/overview?period=7d&owner=group%3Adefault%2Fbrands',
      'http://backend/api/agent-mesh/overview?since=2026-11-01',
    ]);
  });

  it('posts the similar request as JSON', async () => {
    const { client, fetch } = setup(200, { items: [] });
    await client.findSimilar({ description: 'a sales aggregator', limit: 5 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://backend/api/agent-mesh/similar');
    expect(init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(String(init?.body))).toEqual({
      description: 'a sales aggregator',
      limit: 5,
    });
  });

  it('lists actions with filters and leaves out empty ones', async () => {
    const { client, fetch } = setup(200, { items: [], nextCursor: null });
    await client.listActions({
      target: 'aiartifact:default/a',
      agent: '',
      limit: 10,
      cursor: 'abc',
    });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/agent-mesh/actions?target=aiartifact%3Adefault%2Fa&limit=10&cursor=abc',
    );
  });

  it('builds the export URL, CSV by default', async () => {
    const { client, fetch } = setup();
    await expect(
      client.exportUrl({ owner: 'group:default/ops' }),
    ).resolves.toBe(
      'http://backend/api/agent-mesh/actions/export?format=csv&owner=group%3Adefault%2Fops',
    );
    await expect(client.exportUrl({ format: 'ndjson' })).resolves.toBe(
      'http://backend/api/agent-mesh/actions/export?format=ndjson',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('throws a ResponseError with the backend error', async () => {
    const { client } = setup(400, {
      error: {
        name: 'InputError',
        message: "Query parameter 'entityRef' is required",
      },
      response: { statusCode: 400 },
    });
    const error = await client.getScorecard('').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause.name).toBe('InputError');
    expect(error.cause.message).toBe("Query parameter 'entityRef' is required");
  });
});
