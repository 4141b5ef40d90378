export { agentMeshClientServiceRef } from './agentMeshClientServiceRef';
