import { Entity } from '@backstage/catalog-model';
import {
  isAgentEntity,
  isAiBuiltEntity,
} from '@agent-mesh/plugin-agent-mesh-common';

export { isAiBuiltEntity };

/**
 * True for a Group (a team).
 *
 * @public
 */
export function isGroupEntity(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}

/**
 * True for an Agent.
 *
 * @public
 */
export function isAgentMeshAgent(entity: Entity): boolean {
  return isAgentEntity(entity);
}

/**
 * Where the Governance tab applies: AiArtifacts, Agents, entities with the
 * `agent-mesh.io/built-by` annotation (scorecards), and Groups (the team rollup).
 *
 * @public
 */
export function isAgentMeshGovernanceAvailable(entity: Entity): boolean {
  return (
    isAiBuiltEntity(entity) || isAgentEntity(entity) || isGroupEntity(entity)
  );
}

/**
 * Where the Overlaps card applies: the entities that take part in overlap detection (AiArtifacts
 * and built-by-annotated entities).
 *
 * @public
 */
export function isAgentMeshOverlapsAvailable(entity: Entity): boolean {
  return isAiBuiltEntity(entity);
}

/**
 * Where the Agent activity card applies: AI-built entities (actions on them), Agents (actions by
 * them) and Groups (actions of the team's agents).
 *
 * @public
 */
export function isAgentMeshActivityAvailable(entity: Entity): boolean {
  return (
    isAiBuiltEntity(entity) || isAgentEntity(entity) || isGroupEntity(entity)
  );
}
