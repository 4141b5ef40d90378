/**
 * Agent Mesh: entity kinds, relation and annotation names, permissions and API types shared by the
 * backend, the catalog module and the frontend. Contains no Node-only code.
 *
 * @packageDocumentation
 */

export * from './kinds';
export * from './relations';
export * from './annotations';
export * from './permissions';
export * from './actions';
export * from './overlap';
export * from './scorecards';
export * from './overview';
export * from './entityPageUrl';
