import { ActionStore, AgentResolver } from '../actions-log';
import { OverlapService } from '../overlap';
import { ScorecardsSetup } from '../scorecards';
import { AgentMeshServices } from '../services';
import { registerFindSimilarArtifactsAction } from './findSimilarArtifacts';
import { registerGetBuildContextAction } from './getBuildContext';
import { registerGetEntityScorecardAction } from './getEntityScorecard';
import { registerListFailingChecksAction } from './listFailingChecks';
import { registerLogAgentActionAction } from './logAgentAction';
import { createEntityLinker } from './shared';
import { withToolCallLog } from './toolCallLog';

/**
 * Registers the plugin's actions in Backstage's actions registry (ids `agent-mesh:<name>`);
 * the MCP actions backend offers them to agents as tools when `backend.actions.pluginSources`
 * lists `agent-mesh`. Each action checks the caller's permissions like the HTTP route it mirrors.
 * Every call is recorded in the action log as a `tool.call` (`toolCallLog.ts`), but for
 * `log-agent-action`, whose call is itself an entry of the log.
 */
export function setupMcpActions(
  services: Pick<
    AgentMeshServices,
    'actionsRegistry' | 'config' | 'permissions' | 'catalog' | 'auth' | 'logger'
  >,
  parts: {
    overlap: OverlapService;
    actionLog: { store: ActionStore; resolver: AgentResolver };
    scorecards: ScorecardsSetup;
  },
): void {
  const { permissions, catalog, auth } = services;
  const entityLink = createEntityLinker(services.config);
  const { overlap, actionLog, scorecards } = parts;
  const actionsRegistry = withToolCallLog(services.actionsRegistry, {
    actionLog,
    auth,
    logger: services.logger,
    pluginId: 'agent-mesh',
  });

  registerFindSimilarArtifactsAction(actionsRegistry, {
    overlap,
    permissions,
    entityLink,
  });
  registerGetBuildContextAction(actionsRegistry, {
    overlap,
    catalog,
    auth,
    permissions,
    entityLink,
  });
  registerLogAgentActionAction(services.actionsRegistry, {
    actionLog,
    permissions,
  });
  registerGetEntityScorecardAction(actionsRegistry, {
    scorecards,
    catalog,
    permissions,
    entityLink,
  });
  registerListFailingChecksAction(actionsRegistry, {
    scorecards,
    catalog,
    auth,
    permissions,
    entityLink,
  });
}
