export { AgentResolver } from './AgentResolver';
export { createActionsRouter } from './createActionsRouter';
export { DatabaseActionStore } from './DatabaseActionStore';
export { setupActionLog } from './setupActionLog';
export type { ActionStore } from './types';
