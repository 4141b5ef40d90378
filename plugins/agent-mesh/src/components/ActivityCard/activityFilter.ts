import {
  Entity,
  isGroupEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { isAgentLikeEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { ActionFilters } from '../../api';

/**
 * The action log filter for an entity's activity: actions by an Agent, of a Group's agents, or
 * on anything else (its target).
 */
export function activityFilter(entity: Entity): ActionFilters {
  const ref = stringifyEntityRef(entity);
  if (isAgentLikeEntity(entity)) return { agent: ref };
  if (isGroupEntity(entity)) return { owner: ref };
  return { target: ref };
}
