import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { agentMeshApiRef } from '../../api';
import { isNotFoundError } from '../shared';
import { OverlapsTable } from './OverlapsTable';

const TITLE = 'Overlaps';

/**
 * The entity's overlaps with other work, cross-team first: what else solves the same problem,
 * who owns it, how similar it is and why.
 */
export function OverlapsCard() {
  const { entity } = useEntity();
  const api = useApi(agentMeshApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getOverlaps(entityRef),
    [api, entityRef],
  );

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  // 404: the entity is not in the overlap index (yet), so nothing overlaps it.
  if (error && !isNotFoundError(error)) {
    return (
      <InfoCard title={TITLE}>
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  const items = value?.items ?? [];
  if (items.length === 0) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState
          missing="info"
          title="No overlap found"
          description="Agent Mesh found nothing in the catalog that is similar enough to this entity."
        />
      </InfoCard>
    );
  }
  const crossTeam = items.filter(item => item.crossTeam).length;
  return (
    <InfoCard
      title={TITLE}
      subheader={`${items.length} similar ${
        items.length === 1 ? 'entity' : 'entities'
      }, ${crossTeam} in other teams`}
      noPadding
    >
      <OverlapsTable items={items} />
    </InfoCard>
  );
}
