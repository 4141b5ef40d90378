export { AgentMeshPage } from './AgentMeshPage';
