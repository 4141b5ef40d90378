import { Config } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const DEMO_TOKEN = 'agent-mesh-demo-mcp-token';

async function load(
  files: string[],
  env: Record<string, string>,
): Promise<Config> {
  const config = await ConfigSources.toConfig(
    ConfigSources.defaultForTargets({
      rootDir: ROOT,
      targets: files.map(f => ({ type: 'path', target: resolve(ROOT, f) })),
      substitutionFunc: async name => env[name],
    }),
  );
  config.close();
  return config;
}

const PRODUCTION = ['app-config.yaml', 'app-config.production.yaml'];
const POSTGRES = {
  POSTGRES_HOST: 'db',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'u',
  POSTGRES_PASSWORD: 'p',
};

const staticTokens = (config: Config) =>
  (config.getOptionalConfigArray('backend.auth.externalAccess') ?? [])
    .filter(e => e.getString('type') === 'static')
    .map(e => ({
      token: e.getOptionalString('options.token'),
      subject: e.getString('options.subject'),
      restrictions: e.getOptional('accessRestrictions'),
    }));

describe('the production configuration', () => {
  it('keeps nothing of the demo access', async () => {
    const config = await load(PRODUCTION, {
      ...POSTGRES,
      AGENT_MESH_INGEST_TOKEN: 'a-long-secret-of-our-own',
      AGENT_MESH_ACTIONS_SIGNING_KEY: 'a-pem-key',
    });
    expect(config.getOptional('auth.providers.guest')).toBeUndefined();
    expect(config.getBoolean('agentMesh.demo.allowPublicToken')).toBe(false);
    expect(config.getBoolean('permission.enabled')).toBe(true);
    // One machine token, which may write to the action log and do nothing else.
    expect(staticTokens(config)).toEqual([
      {
        token: 'a-long-secret-of-our-own',
        subject: 'agent-mesh-ingest',
        restrictions: [
          { plugin: 'agent-mesh', permission: ['agent-mesh.action.create'] },
        ],
      },
    ]);
    expect(config.getString('backend.database.client')).toBe('pg');
    // The action log's checkpoints are signed with a key from the environment.
    expect(config.getString('agentMesh.actions.signing.privateKey')).toBe(
      'a-pem-key',
    );
    expect(config.getBoolean('agentMesh.actions.signing.required')).toBe(true);
  });

  it('has no signing key when the secret is not set, and requires one, so the backend refuses to start', async () => {
    const config = await load(PRODUCTION, POSTGRES);
    expect(
      config.getOptionalString('agentMesh.actions.signing.privateKey'),
    ).toBeUndefined();
    expect(config.getBoolean('agentMesh.actions.signing.required')).toBe(true);
  });

  it('has no token at all when the secret is not set, so the backend cannot start with one', async () => {
    const config = await load(PRODUCTION, POSTGRES);
    expect(staticTokens(config)).toEqual([
      expect.objectContaining({ token: undefined }),
    ]);
    expect(staticTokens(config).map(t => t.token)).not.toContain(DEMO_TOKEN);
  });

  it('leaves the local demo as it was', async () => {
    const demo = await load(['app-config.yaml'], {});
    expect(demo.getString('auth.providers.guest.userEntityRef')).toBe(
      'user:default/guest',
    );
    expect(staticTokens(demo).map(t => t.token)).toEqual([DEMO_TOKEN]);
    expect(demo.getBoolean('agentMesh.demo.allowPublicToken')).toBe(true);
    expect(demo.getStringArray('permission.agentMesh.admins')).toEqual([
      'group:default/platform',
    ]);
  });
});
