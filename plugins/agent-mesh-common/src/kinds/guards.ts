import { Entity } from '@backstage/catalog-model';
import {
  AGENT_KIND,
  AGENT_MESH_API_VERSION,
  AI_ARTIFACT_KIND,
  BUILT_BY_ANNOTATED_KINDS,
} from './constants';
import { AgentEntityV1alpha1, AiArtifactEntityV1alpha1 } from './types';
import { ANNOTATION_BUILT_BY } from '../annotations';

/**
 * @public
 */
export function isAgentEntity(entity: Entity): entity is AgentEntityV1alpha1 {
  return (
    entity.apiVersion === AGENT_MESH_API_VERSION && entity.kind === AGENT_KIND
  );
}

/**
 * An `AiResource` (Backstage's `@backstage/plugin-catalog-backend-module-ai-model`) of
 * `spec.type: agent`, as Red Hat Developer Hub declares agents.
 *
 * @public
 */
export function isAiResourceAgentEntity(entity: Entity): boolean {
  return (
    entity.apiVersion === 'backstage.io/v1alpha1' &&
    entity.kind === 'AiResource' &&
    entity.spec?.type === 'agent'
  );
}

/**
 * Whatever the portal declares an agent with: an `Agent`, or an `AiResource` of type `agent`.
 * Agent Mesh reads both as agents everywhere (overview, the action log's agents, scorecards,
 * built-by).
 *
 * @public
 */
export function isAgentLikeEntity(entity: Entity): boolean {
  return isAgentEntity(entity) || isAiResourceAgentEntity(entity);
}

/**
 * @public
 */
export function isAiArtifactEntity(
  entity: Entity,
): entity is AiArtifactEntityV1alpha1 {
  return (
    entity.apiVersion === AGENT_MESH_API_VERSION &&
    entity.kind === AI_ARTIFACT_KIND
  );
}

/**
 * True for an AiArtifact, and for a Component, API, Resource or AiResource that carries the
 * `agent-mesh.io/built-by` annotation: the entities that take part in overlap detection,
 * scorecards and the overview.
 *
 * @public
 */
export function isAiBuiltEntity(entity: Entity): boolean {
  return (
    isAiArtifactEntity(entity) ||
    ((BUILT_BY_ANNOTATED_KINDS as readonly string[]).includes(entity.kind) &&
      Boolean(entity.metadata.annotations?.[ANNOTATION_BUILT_BY]))
  );
}
