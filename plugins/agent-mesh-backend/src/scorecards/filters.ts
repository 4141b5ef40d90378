import { Entity } from '@backstage/catalog-model';
import {
  isAgentLikeEntity,
  isAiBuiltEntity,
} from '@agent-mesh/plugin-agent-mesh-common';
import { EntityFilter, ScorecardsConfig } from './config';
import { lifecycleOf } from './refs';

const lower = (v: string) => v.toLocaleLowerCase('en-US');

function matches(values: string[] | undefined, actual: string | undefined) {
  return (
    values === undefined ||
    (actual !== undefined && values.some(v => lower(v) === lower(actual)))
  );
}

/** True when the entity matches every field the filter sets (an absent filter matches all). */
export function matchesFilter(
  entity: Entity,
  filter: EntityFilter | undefined,
): boolean {
  if (!filter) return true;
  const type =
    typeof entity.spec?.type === 'string' ? entity.spec.type : undefined;
  return (
    matches(filter.kind, entity.kind) &&
    matches(filter.type, type) &&
    matches(filter.lifecycle, lifecycleOf(entity))
  );
}

/** Agents and AI-built entities (AiArtifact, built-by annotated) that the config's appliesTo admits. */
export function hasScorecard(
  entity: Entity,
  config: Pick<ScorecardsConfig, 'appliesTo'>,
): boolean {
  return (
    (isAgentLikeEntity(entity) || isAiBuiltEntity(entity)) &&
    matchesFilter(entity, config.appliesTo)
  );
}
