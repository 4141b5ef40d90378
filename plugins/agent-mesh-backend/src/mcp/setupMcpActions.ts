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

/**
 * Registers the plugin's actions in Backstage's actions registry (ids `agent-mesh:<name>`);
 * the MCP actions backend offers them to agents as tools when `backend.actions.pluginSources`
 * lists `agent-mesh`. Each action checks the caller's permissions like the HTTP route it mirrors.
 */
export function setupMcpActions(
  services: Pick<
    AgentMeshServices,
    'actionsRegistry' | 'config' | 'permissions' | 'catalog' | 'auth'
  >,
  parts: {
    overlap: OverlapService;
    actionLog: { store: ActionStore; resolver: AgentResolver };
    scorecards: ScorecardsSetup;
  },
): void {
  const { actionsRegistry, permissions, catalog, auth } = services;
  const entityLink = createEntityLinker(services.config);
  const { overlap, actionLog, scorecards } = parts;

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
  registerLogAgentActionAction(actionsRegistry, { actionLog, permissions });
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
