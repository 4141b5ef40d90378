import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  Gauge,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { agentMeshApiRef } from '../../api';
import { isNotFoundError } from '../shared';
import {
  FailingChecks,
  LevelDistribution,
  RollupEntities,
} from './RollupTables';

const NO_SCORECARDS = (
  <EmptyState
    missing="data"
    title="No scorecard yet"
    description="No scorecard has been recorded for this team's agents and AI-built entities yet. Scorecards are recorded by the scheduled agent-mesh-scorecards task."
  />
);

/** The governance rollup of a team and its sub-teams: average score, levels, failing checks. */
export function TeamRollup(props: { entity: Entity }) {
  const api = useApi(agentMeshApiRef);
  const ownerRef = stringifyEntityRef(props.entity);
  const { value, loading, error } = useAsync(
    () => api.getRollup(ownerRef),
    [api, ownerRef],
  );

  if (loading) {
    return <Progress />;
  }
  if (isNotFoundError(error)) {
    return NO_SCORECARDS;
  }
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No response')} />;
  }
  if (value.entityCount === 0) {
    return NO_SCORECARDS;
  }

  const subTeams = value.owners.length - 1;
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={4}>
        <InfoCard
          title="Team score"
          subheader={`Average of ${value.entityCount} ${
            value.entityCount === 1 ? 'entity' : 'entities'
          }${
            subTeams > 0
              ? `, with ${subTeams} sub-team${subTeams === 1 ? '' : 's'}`
              : ''
          }`}
        >
          <Box
            display="flex"
            justifyContent="center"
            role="group"
            aria-label={`Average score ${value.averageScore} out of 100`}
          >
            <Box width={160}>
              <Gauge
                value={value.averageScore ?? NaN}
                fractional={false}
                unit=""
              />
            </Box>
          </Box>
          <Typography variant="body2" color="textSecondary" align="center">
            Average score, out of 100
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <LevelDistribution levels={value.levels} />
      </Grid>
      <Grid item xs={12} md={4}>
        <FailingChecks failingChecks={value.failingChecks} />
      </Grid>
      <Grid item xs={12}>
        <RollupEntities entities={value.entities} />
      </Grid>
    </Grid>
  );
}
