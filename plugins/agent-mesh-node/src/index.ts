/**
 * For other backend plugins and modules: the client of the Agent Mesh backend
 * (`agentMeshClientServiceRef`), and the extension points of the backend plugin (extra overlap
 * signals, custom scorecard checks).
 *
 * @packageDocumentation
 */

export * from './client';
export * from './overlap';
export * from './scorecards';
