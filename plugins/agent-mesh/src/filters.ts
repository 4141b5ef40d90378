import { Entity, isGroupEntity } from '@backstage/catalog-model';
import {
  isAgentLikeEntity,
  isAiBuiltEntity,
  isOverlapEligible,
} from '@agent-mesh/plugin-agent-mesh-common';

/**
 * Where the Governance tab applies: AiArtifacts, Agents, entities with the
 * `agent-mesh.io/built-by` annotation (scorecards), and Groups (the team rollup).
 *
 * @public
 */
export function isAgentMeshGovernanceAvailable(entity: Entity): boolean {
  return (
    isAiBuiltEntity(entity) ||
    isAgentLikeEntity(entity) ||
    isGroupEntity(entity)
  );
}

/**
 * Where the Overlaps card applies: the entities that take part in overlap detection with the
 * default `agentMesh.overlap.kinds` (AiArtifacts, and Components, APIs and AiResources with the
 * built-by annotation); `isOverlapEligible` of `@agent-mesh/plugin-agent-mesh-common` with other
 * kinds or types for a portal that configures them.
 *
 * @public
 */
export function isAgentMeshOverlapsAvailable(entity: Entity): boolean {
  return isOverlapEligible(entity);
}

/**
 * Where the Agent activity card applies: AI-built entities (actions on them), Agents (actions by
 * them) and Groups (actions of the team's agents).
 *
 * @public
 */
export function isAgentMeshActivityAvailable(entity: Entity): boolean {
  return (
    isAiBuiltEntity(entity) ||
    isAgentLikeEntity(entity) ||
    isGroupEntity(entity)
  );
}
