import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import catalogModuleAgentMesh from '@agent-mesh/plugin-catalog-backend-module-agent-mesh';
import { agentMeshPlugin } from '../../plugins/agent-mesh-backend/src/plugin';

/** The user whose catalog read permission is conditional: labelled entities are hidden. */
export const RESTRICTED_USER = 'user:default/bench-restricted';
/** The label that hides an entity from `RESTRICTED_USER`. */
export const HIDDEN_LABEL = 'bench-hidden';

export interface BenchBackend {
  baseUrl: string;
  /** Headers of a request as the given user (default: one who may read everything). */
  headers(user?: string): Record<string, string>;
  stop(): Promise<void>;
}

function userOf(credentials: BackstageCredentials): string | undefined {
  return (credentials.principal as Partial<BackstageUserPrincipal>)
    .userEntityRef;
}

/**
 * A permission policy: everything allowed, except that `RESTRICTED_USER` reads the catalog
 * conditionally (the catalog itself applies the condition, as with a real policy).
 */
const policy: PermissionsService = {
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests, options) =>
    requests.map((request): PolicyDecision => {
      if (
        request.permission.name === 'catalog.entity.read' &&
        userOf(options.credentials) === RESTRICTED_USER
      ) {
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            not: {
              rule: 'HAS_LABEL',
              resourceType: 'catalog-entity',
              params: { label: HIDDEN_LABEL },
            },
          },
        };
      }
      return { result: AuthorizeResult.ALLOW };
    }),
};
const permissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => policy,
});

/**
 * A backend as a portal runs it: Backstage's catalog (reading `catalogFile`) with the Agent Mesh
 * kinds module, the Agent Mesh plugin, the real scheduler, and SQLite databases in files under
 * `databaseDir` (one per plugin), so that a second backend on the same directory starts
 * with the catalog and the plugin's stores as the first left them.
 */
export async function startBenchBackend(options: {
  catalogFile: string;
  databaseDir: string;
}): Promise<BenchBackend> {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleAgentMesh,
      agentMeshPlugin,
      databaseServiceFactory,
      schedulerServiceFactory,
      permissions,
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: {
              client: 'better-sqlite3',
              connection: { directory: options.databaseDir },
            },
          },
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'Group',
                  'User',
                  'Location',
                  'Agent',
                  'AiArtifact',
                ],
              },
            ],
            locations: [{ type: 'file', target: options.catalogFile }],
          },
          agentMesh: {
            overlap: {
              processor: { enabled: false },
              notifications: { enabled: false },
            },
            scorecards: {
              schedule: { frequency: { minutes: 2 }, timeout: { minutes: 15 } },
            },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  return {
    baseUrl: `http://localhost:${port}/api`,
    headers: user => ({
      Authorization: user
        ? mockCredentials.user.header(user)
        : mockCredentials.user.header(),
    }),
    stop: () => backend.stop(),
  };
}
