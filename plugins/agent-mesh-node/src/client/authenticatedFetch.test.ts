import { mockServices } from '@backstage/backend-test-utils';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { authenticatedFetch } from './authenticatedFetch';
import { ServiceTokenCache } from './ServiceTokenCache';

// One expiry for every token of the file, so that jwt(n) is the same string whenever it is made
// (an expiry read from the clock at each call differs when a test crosses a second).
const exp = Math.floor(Date.now() / 1000) + 3600;

/** A JWT-shaped token (unsigned: the cache only reads its expiry). */
function jwt(id: number): string {
  const part = (v: object) =>
    Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'ES256' })}.${part({ exp, jti: id })}.signature`;
}

describe('authenticatedFetch', () => {
  let server: Server;
  let handle: (req: IncomingMessage, res: ServerResponse) => void;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => handle(req, res));
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  });

  function setup() {
    let issued = 0;
    const auth = mockServices.auth.mock({
      getOwnServiceCredentials: async () =>
        mockServices.auth().getOwnServiceCredentials(),
      getPluginRequestToken: async () => ({ token: jwt(++issued) }),
    });
    return {
      fetch: authenticatedFetch(new ServiceTokenCache(auth, 'agent-mesh')),
      issued: () => issued,
    };
  }

  it('reuses one token for many requests', async () => {
    const seen: string[] = [];
    handle = (req, res) => {
      seen.push(String(req.headers.authorization));
      res.end('{}');
    };
    const { fetch, issued } = setup();
    await fetch(url);
    await fetch(url, { method: 'POST', body: '{}' });
    expect(issued()).toBe(1);
    expect(seen).toEqual([`Bearer ${jwt(1)}`, `Bearer ${jwt(1)}`]);
  });

  it('gets a new token once when the backend refuses the reused one', async () => {
    const { fetch, issued } = setup();
    await (await fetch(url)).text();
    const seen: string[] = [];
    handle = (req, res) => {
      seen.push(String(req.headers.authorization));
      res.statusCode = seen.length === 1 ? 401 : 200;
      res.end('{}');
    };
    const response = await fetch(url, { method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(issued()).toBe(2);
    expect(seen).toEqual([`Bearer ${jwt(1)}`, `Bearer ${jwt(2)}`]);
  });

  it('sends a 401 on after the retry, and leaves a given Authorization alone', async () => {
    const seen: string[] = [];
    handle = (req, res) => {
      seen.push(String(req.headers.authorization));
      res.statusCode = 401;
      res.end('{}');
    };
    const { fetch } = setup();
    expect((await fetch(url)).status).toBe(401);
    expect(
      (await fetch(url, { headers: { Authorization: 'Bearer user-token' } }))
        .status,
    ).toBe(401);
    expect(seen.at(-1)).toBe('Bearer user-token');
  });
});
