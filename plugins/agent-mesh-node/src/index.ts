/**
 * Extension points of the Agent Mesh backend, for other backend modules: extra overlap signals
 * and custom scorecard checks.
 *
 * @packageDocumentation
 */

export * from './overlap';
export * from './scorecards';
