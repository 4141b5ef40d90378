import { RootConfigService } from '@backstage/backend-plugin-api';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { AgentMeshApi } from '@agent-mesh/plugin-agent-mesh-common/client';
import { createCheckOverlapAction } from './checkOverlap';

export {
  createCheckOverlapAction,
  DEFAULT_BLOCK_THRESHOLD,
} from './checkOverlap';

/** The scaffolder actions of this module. */
export function createScaffolderActions(options: {
  agentMesh: AgentMeshApi;
  config?: RootConfigService;
}): TemplateAction<any, any, any>[] {
  return [createCheckOverlapAction(options)];
}
