import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { agentMeshApiRef } from '../../api';
import { useActionLogLink } from '../shared';
import { activityFilter } from './activityFilter';
import { ActivityList } from './ActivityList';

const TITLE = 'Agent activity';

/** How many actions the card shows. */
export const ACTIVITY_LIMIT = 10;

/**
 * The latest agent actions for the entity: on an artifact, by an Agent, or by a team's agents,
 * with a link to the full action log.
 */
export function ActivityCard() {
  const { entity } = useEntity();
  const api = useApi(agentMeshApiRef);
  const filter = activityFilter(entity);
  const filterKey = JSON.stringify(filter);
  const logLink = useActionLogLink(filter);
  const { value, loading, error } = useAsync(
    () => api.listActions({ ...filter, limit: ACTIVITY_LIMIT }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, filterKey],
  );

  const deepLink = logLink
    ? { title: 'View the full action log', link: logLink }
    : undefined;

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value || value.items.length === 0) {
    content = (
      <EmptyState
        missing="info"
        title="No agent activity yet"
        description="No agent has reported an action here. Agents report to the action log through POST /api/agent-mesh/actions or OpenTelemetry."
      />
    );
  } else {
    return (
      <InfoCard title={TITLE} deepLink={deepLink} noPadding>
        <ActivityList items={value.items} showTarget={!filter.target} />
      </InfoCard>
    );
  }
  return (
    <InfoCard title={TITLE} deepLink={deepLink}>
      {content}
    </InfoCard>
  );
}
