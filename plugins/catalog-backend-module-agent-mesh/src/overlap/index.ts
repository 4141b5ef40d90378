export {
  AgentMeshOverlapProcessor,
  readOverlapEligibility,
  OVERLAP_PROCESSOR_DEFAULTS,
} from './AgentMeshOverlapProcessor';
export type { AgentMeshOverlapProcessorOptions } from './AgentMeshOverlapProcessor';
export {
  AgentMeshOverlapClient,
  DEFAULT_OVERLAP_REQUEST_TIMEOUT_MS,
} from './AgentMeshOverlapClient';
export type {
  OverlapAnswer,
  OverlapLookupClient,
} from './AgentMeshOverlapClient';
