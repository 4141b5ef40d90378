import { ConfigReader } from '@backstage/config';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { agentMeshPlugin } from './plugin';
import { assertNoPublicDemoToken, PUBLIC_DEMO_TOKEN } from './publicDemoToken';

const withTokens = (tokens: string[], demo?: boolean) =>
  new ConfigReader({
    backend: {
      auth: {
        externalAccess: [
          { type: 'legacy', options: { secret: 'abc', subject: 'x' } },
          ...tokens.map(token => ({
            type: 'static',
            options: { token, subject: 'client' },
          })),
        ],
      },
    },
    ...(demo === undefined
      ? {}
      : { agentMesh: { demo: { allowPublicToken: demo } } }),
  });

describe('the public demo token', () => {
  it('is refused unless the config says this is the local demo', () => {
    expect(() =>
      assertNoPublicDemoToken(withTokens(['a-secret', PUBLIC_DEMO_TOKEN])),
    ).toThrow(
      "backend.auth.externalAccess[2] accepts the public demo token 'agent-mesh-demo-mcp-token'",
    );
    expect(() =>
      assertNoPublicDemoToken(withTokens([PUBLIC_DEMO_TOKEN], false)),
    ).toThrow('anyone could use it');
    expect(() =>
      assertNoPublicDemoToken(withTokens([PUBLIC_DEMO_TOKEN], true)),
    ).not.toThrow();
    expect(() =>
      assertNoPublicDemoToken(withTokens(['a-secret-of-our-own'])),
    ).not.toThrow();
    expect(() => assertNoPublicDemoToken(new ConfigReader({}))).not.toThrow();
  });

  it('stops the plugin from starting', async () => {
    await expect(
      startTestBackend({
        features: [
          agentMeshPlugin,
          catalogServiceMock.factory({ entities: [] }),
          mockServices.rootConfig.factory({
            data: {
              backend: {
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token: PUBLIC_DEMO_TOKEN, subject: 'mcp' },
                    },
                  ],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/accepts the public demo token/);
  });
});
