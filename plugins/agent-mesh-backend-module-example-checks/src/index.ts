/**
 * An example backend module for Agent Mesh: a custom governance scorecard check (`cost-centre`)
 * added through the `agent-mesh.scorecard-checks` extension point.
 *
 * @packageDocumentation
 */

export { agentMeshModuleExampleChecks as default } from './module';
export { COST_CENTRE_CHECK_ID, createCostCentreCheck } from './costCentreCheck';
export {
  readCostCentreCheckConfig,
  DEFAULT_COST_CENTRE_ANNOTATION,
  type CostCentreCheckConfig,
} from './config';
