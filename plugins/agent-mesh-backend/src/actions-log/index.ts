export { AgentResolver } from './AgentResolver';
export { createActionsRouter } from './createActionsRouter';
export { DatabaseActionStore } from './DatabaseActionStore';
export type { ActionStore } from './types';
