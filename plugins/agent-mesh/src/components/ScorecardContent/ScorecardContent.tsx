import Grid from '@material-ui/core/Grid';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { agentMeshApiRef } from '../../api';
import { ChecksTable } from '../ChecksTable';
import { ExemptionsTable, parseExemptions } from '../ExemptionsTable';
import { isNotFoundError } from '../shared';
import { ScoreSummaryCard } from './ScoreSummaryCard';
import { ScoreTrendCard } from './ScoreTrendCard';

/**
 * The scorecard of an AiArtifact, Agent or built-by-annotated entity: score and level, each check
 * with what to do, exemptions, and the score over time.
 */
export function ScorecardContent(props: { entity: Entity }) {
  const api = useApi(agentMeshApiRef);
  const entityRef = stringifyEntityRef(props.entity);
  const { value, loading, error } = useAsync(
    () => api.getScorecard(entityRef),
    [api, entityRef],
  );

  if (loading) {
    return <Progress />;
  }
  if (isNotFoundError(error)) {
    return (
      <EmptyState
        missing="data"
        title="No scorecard yet"
        description="Agent Mesh has no scorecard for this entity: scorecards cover Agents, AiArtifacts and entities with the agent-mesh.io/built-by annotation once the catalog has processed them."
      />
    );
  }
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No response')} />;
  }

  const exemptions = parseExemptions(props.entity);
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={4}>
        <ScoreSummaryCard scorecard={value} />
      </Grid>
      <Grid item xs={12} md={8}>
        <ScoreTrendCard entityRef={entityRef} />
      </Grid>
      <Grid item xs={12}>
        <ChecksTable checks={value.checks} />
      </Grid>
      {exemptions.length > 0 && (
        <Grid item xs={12}>
          <ExemptionsTable exemptions={exemptions} checks={value.checks} />
        </Grid>
      )}
    </Grid>
  );
}
