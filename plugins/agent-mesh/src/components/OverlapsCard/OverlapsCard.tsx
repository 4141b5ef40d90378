import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { OverlapKind } from '@agent-mesh/plugin-agent-mesh-common';
import { agentMeshApiRef } from '../../api';
import {
  IndexNotReadyPanel,
  isNotFoundError,
  overlapKindLabel,
} from '../shared';
import { OverlapsTable } from './OverlapsTable';

const TITLE = 'Overlaps';

type KindFilter = 'all' | OverlapKind;
const FILTERS: KindFilter[] = ['all', 'duplicate', 'alternative'];

/** All, or only duplicates, or only alternatives. */
function KindFilterButtons(props: {
  value: KindFilter;
  onChange: (value: KindFilter) => void;
  counts: Record<KindFilter, number>;
}) {
  return (
    <ButtonGroup size="small" aria-label="Show overlaps of kind">
      {FILTERS.map(filter => (
        <Button
          key={filter}
          aria-pressed={props.value === filter}
          variant={props.value === filter ? 'contained' : 'outlined'}
          color={props.value === filter ? 'primary' : 'default'}
          onClick={() => props.onChange(filter)}
        >
          {filter === 'all' ? 'All' : `${overlapKindLabel(filter)}s`} (
          {props.counts[filter]})
        </Button>
      ))}
    </ButtonGroup>
  );
}

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
  const [filter, setFilter] = useState<KindFilter>('all');

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  // 404: the entity is not in the overlap index (yet): it was not compared, which is not the
  // same as nothing similar.
  if (error && isNotFoundError(error)) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState
          missing="info"
          title="Not compared yet"
          description="This entity is not in the Agent Mesh overlap index yet, so it has not been compared with the catalog. New entities are indexed within a few minutes; kinds that do not take part in overlap detection (agentMesh.overlap.kinds) are never compared."
        />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title={TITLE}>
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  const items = value?.items ?? [];
  const notReady = value?.indexReady === false && (
    <IndexNotReadyPanel message={value.message} />
  );
  if (items.length === 0 && notReady) {
    return <InfoCard title={TITLE}>{notReady}</InfoCard>;
  }
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
  const kindOf = (item: (typeof items)[number]) => item.kind ?? 'duplicate';
  const counts: Record<KindFilter, number> = {
    all: items.length,
    duplicate: items.filter(item => kindOf(item) === 'duplicate').length,
    alternative: items.filter(item => kindOf(item) === 'alternative').length,
  };
  const shown =
    filter === 'all' ? items : items.filter(item => kindOf(item) === filter);
  const crossTeam = items.filter(item => item.crossTeam).length;
  return (
    <InfoCard
      title={TITLE}
      subheader={`${items.length} similar ${
        items.length === 1 ? 'entity' : 'entities'
      } (${counts.duplicate} duplicate, ${
        counts.alternative
      } alternative), ${crossTeam} in other teams`}
      action={
        <KindFilterButtons
          value={filter}
          onChange={setFilter}
          counts={counts}
        />
      }
      noPadding
    >
      {notReady}
      <OverlapsTable items={shown} />
    </InfoCard>
  );
}
