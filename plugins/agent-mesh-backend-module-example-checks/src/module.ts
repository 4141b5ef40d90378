import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { agentMeshScorecardChecksExtensionPoint } from '@agent-mesh/plugin-agent-mesh-node';
import { readCostCentreCheckConfig } from './config';
import { createCostCentreCheck } from './costCentreCheck';

/**
 * Adds the `cost-centre` scorecard check to the `agent-mesh` backend plugin, configured by
 * `agentMesh.exampleChecks.costCentre`.
 *
 * @public
 */
export const agentMeshModuleExampleChecks = createBackendModule({
  pluginId: 'agent-mesh',
  moduleId: 'example-checks',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        checks: agentMeshScorecardChecksExtensionPoint,
      },
      async init({ config, checks }) {
        checks.addCheck(
          createCostCentreCheck(readCostCentreCheckConfig(config)),
        );
      },
    });
  },
});
