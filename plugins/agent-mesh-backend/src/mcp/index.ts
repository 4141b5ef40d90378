export { setupMcpActions } from './setupMcpActions';
