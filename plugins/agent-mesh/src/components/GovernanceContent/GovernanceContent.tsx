import { useEntity } from '@backstage/plugin-catalog-react';
import { isGroupEntity } from '@backstage/catalog-model';
import { ScorecardContent } from '../ScorecardContent';
import { TeamRollup } from '../TeamRollup';

/**
 * The Governance tab of an entity page: the scorecard of an AiArtifact, Agent or
 * built-by-annotated entity, or the rollup of a Group.
 */
export function GovernanceContent() {
  const { entity } = useEntity();
  return isGroupEntity(entity) ? (
    <TeamRollup entity={entity} />
  ) : (
    <ScorecardContent entity={entity} />
  );
}
