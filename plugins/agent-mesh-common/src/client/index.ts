/**
 * The client of the `agent-mesh` backend plugin's HTTP API.
 *
 * @packageDocumentation
 */

export { AgentMeshClient } from './AgentMeshClient';
export type {
  AgentMeshApi,
  AgentMeshRequestOptions,
  ActionFilters,
  ActionPaging,
} from './types';
