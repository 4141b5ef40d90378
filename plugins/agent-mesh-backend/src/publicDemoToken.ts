import { Config } from '@backstage/config';

/**
 * The static token of the demo portal's MCP example (README.md, app-config.yaml). It is public,
 * so a backend that accepts it accepts anyone.
 */
export const PUBLIC_DEMO_TOKEN = 'agent-mesh-demo-mcp-token';

/**
 * Refuses to start a backend whose `backend.auth.externalAccess` accepts the public demo token,
 * unless the config says that this is the local demo (`agentMesh.demo.allowPublicToken: true`,
 * which app-config.production.yaml turns off again).
 */
export function assertNoPublicDemoToken(config: Config): void {
  if (config.getOptionalBoolean('agentMesh.demo.allowPublicToken') === true) {
    return;
  }
  const entries = config.getOptionalConfigArray('backend.auth.externalAccess');
  (entries ?? []).forEach((entry, i) => {
    if (entry.getOptionalString('type') !== 'static') return;
    if (entry.getOptionalString('options.token') === PUBLIC_DEMO_TOKEN) {
      throw new Error(
        `backend.auth.externalAccess[${i}] accepts the public demo token '${PUBLIC_DEMO_TOKEN}' ` +
          'from the Agent Mesh README: anyone could use it. Set a secret token of your own ' +
          '(e.g. token: ${AGENT_MESH_MCP_TOKEN} without a fallback), or set ' +
          'agentMesh.demo.allowPublicToken: true for a local demo.',
      );
    }
  });
}
