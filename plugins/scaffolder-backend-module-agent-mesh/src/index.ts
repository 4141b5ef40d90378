/**
 * Scaffolder module for Agent Mesh: actions that check for overlap before a template creates
 * something.
 *
 * @packageDocumentation
 */

export { scaffolderModuleAgentMesh as default } from './module';
