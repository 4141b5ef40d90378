import { mockServices } from '@backstage/backend-test-utils';
import { ServiceTokenCache } from './ServiceTokenCache';

/** A JWT-shaped token (unsigned: the cache only reads its expiry). */
function jwt(expiresAtMs: number, id: number): string {
  const part = (v: object) =>
    Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'ES256' })}.${part({
    exp: Math.floor(expiresAtMs / 1000),
    jti: id,
  })}.signature`;
}

describe('ServiceTokenCache', () => {
  let now = 1_000_000_000_000;
  let issued = 0;
  const auth = mockServices.auth.mock({
    getOwnServiceCredentials: async () =>
      mockServices.auth().getOwnServiceCredentials(),
    getPluginRequestToken: async () => ({
      token: jwt(now + 60 * 60_000, ++issued),
    }),
  });
  const cache = () => new ServiceTokenCache(auth, 'agent-mesh', () => now);

  beforeEach(() => {
    issued = 0;
  });

  it('issues one token and reuses it while it is valid, for at most ten minutes', async () => {
    const tokens = cache();
    const first = await tokens.token();
    now += 9 * 60_000;
    expect(await tokens.token()).toBe(first);
    expect(issued).toBe(1);
    expect(auth.getPluginRequestToken).toHaveBeenCalledWith(
      expect.objectContaining({ targetPluginId: 'agent-mesh' }),
    );
    now += 2 * 60_000;
    expect(await tokens.token()).not.toBe(first);
    expect(issued).toBe(2);
  });

  it('does not reuse a token in its last minute', async () => {
    const shortLived = new ServiceTokenCache(
      mockServices.auth.mock({
        getOwnServiceCredentials: auth.getOwnServiceCredentials,
        getPluginRequestToken: async () => ({
          token: jwt(now + 90_000, ++issued),
        }),
      }),
      'agent-mesh',
      () => now,
    );
    const first = await shortLived.token();
    now += 20_000;
    expect(await shortLived.token()).toBe(first);
    now += 20_000;
    expect(await shortLived.token()).not.toBe(first);
  });

  it('shares one issue between concurrent callers', async () => {
    const tokens = cache();
    const all = await Promise.all([tokens.token(), tokens.token()]);
    expect(all[0]).toBe(all[1]);
    expect(issued).toBe(1);
  });

  it('never reuses tokens without a readable expiry', async () => {
    const opaque = new ServiceTokenCache(mockServices.auth(), 'agent-mesh');
    expect(await opaque.token()).toEqual(await opaque.token());
    expect(opaque.clear()).toBe(false);
  });

  it('forgets a token when told to', async () => {
    const tokens = cache();
    const first = await tokens.token();
    expect(tokens.clear()).toBe(true);
    expect(await tokens.token()).not.toBe(first);
  });
});
