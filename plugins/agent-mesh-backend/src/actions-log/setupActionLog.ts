import { agentMeshActionCreatePermission } from '@agent-mesh/plugin-agent-mesh-common';
import { AgentMeshServices } from '../services';
import { TeamHierarchy } from '../catalog';
import { AgentResolver } from './AgentResolver';
import { createActionsRouter } from './createActionsRouter';
import { DatabaseActionStore } from './DatabaseActionStore';
import { readRetentionConfig, scheduleRetention } from './retention';
import { prepareSeed } from './seed';
import { CheckpointKeys } from './signing/CheckpointKeys';
import {
  readHeadCheckpointSchedule,
  scheduleHeadCheckpoints,
} from './signing/headCheckpoints';
import { ActionStore } from './types';
import {
  ActionReadAuthorizer,
  createActionReadAuthorizer,
  createActivityVisibility,
  registerActionResource,
} from './permissions';

/**
 * Sets up the action log: its store, its permissions and its routes, signed checkpoints
 * (`agentMesh.actions.signing`), the demo seed (`agentMesh.actions.seedFile`) and retention
 * (`agentMesh.actions.retention`).
 */
export async function setupActionLog(services: AgentMeshServices): Promise<{
  store: ActionStore;
  resolver: AgentResolver;
  readAuthorizer: ActionReadAuthorizer;
  /** Activity for the scorecards: the last action times, and which of them a caller may see. */
  activity: {
    lastActivity: ActionStore['lastActivity'];
    visibleActivity: ReturnType<typeof createActivityVisibility>;
  };
}> {
  const {
    config,
    database,
    catalog,
    auth,
    httpAuth,
    permissions,
    permissionsRegistry,
    lifecycle,
    logger,
    scheduler,
  } = services;
  const keys = CheckpointKeys.fromConfig(config);
  const store = await DatabaseActionStore.create({ database, keys });
  const resolver = new AgentResolver({ catalog, auth, logger });
  const teams = new TeamHierarchy({ catalog, auth });
  permissionsRegistry.addPermissions([agentMeshActionCreatePermission]);
  registerActionResource({ permissionsRegistry, store, teams });
  const readAuthorizer = createActionReadAuthorizer({
    permissions,
    permissionsRegistry,
    teams,
  });
  services.httpRouter.use(
    createActionsRouter({
      store,
      keys,
      resolver,
      teams,
      readAuthorizer,
      httpAuth,
      permissions,
      auditor: services.auditor,
    }),
  );

  const seedFile = config.getOptionalString('agentMesh.actions.seedFile');
  if (seedFile) {
    // Read and checked now, so that a bad file stops the start; loaded once the backend runs.
    const seed = prepareSeed({
      file: seedFile,
      store,
      resolver,
      catalog,
      auth,
      logger,
    });
    lifecycle.addStartupHook(() => {
      void seed();
    });
  }

  const [current] = keys.describe().filter(k => k.current);
  if (current) {
    logger.info(
      `Action log checkpoints are signed with Ed25519 key ${current.keyId}; its public key (also at GET /api/agent-mesh/actions/signing-keys):\n${current.publicKey}`,
    );
    await scheduleHeadCheckpoints({
      scheduler,
      store,
      logger,
      schedule: readHeadCheckpointSchedule(config),
    });
  } else {
    logger.warn(
      'Action log checkpoints are not signed: agentMesh.actions.signing.privateKey is not set, so the chain is only as trustworthy as the database',
    );
  }

  const retention = readRetentionConfig(config);
  if (retention) {
    await scheduleRetention({ scheduler, store, logger, retention });
  }
  return {
    store,
    resolver,
    readAuthorizer,
    activity: {
      lastActivity: refs => store.lastActivity(refs),
      visibleActivity: createActivityVisibility({ store, readAuthorizer }),
    },
  };
}
