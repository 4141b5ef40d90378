import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { agentMeshApiRef } from '../../api';
import { ScoreTrendChart } from '../ScoreTrendChart';
import { isNotFoundError } from '../shared';

/** How many recorded evaluations the chart shows. */
export const TREND_LIMIT = 100;

/** The score over time, from the evaluations that the scheduled scorecard job recorded. */
export function ScoreTrendCard(props: { entityRef: string }) {
  const api = useApi(agentMeshApiRef);
  const { value, loading, error } = useAsync(
    () => api.getScorecardHistory(props.entityRef, { limit: TREND_LIMIT }),
    [api, props.entityRef],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error && !isNotFoundError(error)) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value || value.items.length === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No recorded scores yet: the scheduled scorecard run records one per
        evaluation.
      </Typography>
    );
  } else {
    content = <ScoreTrendChart points={[...value.items].reverse()} />;
  }
  return <InfoCard title="Score over time">{content}</InfoCard>;
}
