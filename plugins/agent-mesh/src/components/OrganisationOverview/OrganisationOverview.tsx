import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { agentMeshApiRef } from '../../api';
import { ActivityCard } from './ActivityCard';
import { AgentsCard } from './AgentsCard';
import { NewThisPeriodCard } from './NewThisPeriodCard';
import { OverlapClustersCard } from './OverlapClustersCard';
import { PeriodDays, PeriodSelector } from './PeriodSelector';
import { ScoreDistributionCard } from './ScoreDistributionCard';
import { TeamsCard } from './TeamsCard';
import { TotalsCard } from './TotalsCard';

/**
 * What the organisation is building with AI: totals, per team and per agent, what is new, where
 * teams build the same thing, how well it is governed and how busy the agents are.
 */
export function OrganisationOverview() {
  const api = useApi(agentMeshApiRef);
  const [days, setDays] = useState<PeriodDays>(30);
  const { value, loading, error } = useAsync(
    () => api.getOverview({ period: `${days}d` }),
    [api, days],
  );

  let body: JSX.Element;
  if (loading) {
    body = <Progress />;
  } else if (error || !value) {
    body = <ResponseErrorPanel error={error ?? new Error('No response')} />;
  } else if (value.totals.artifacts === 0 && value.totals.agents === 0) {
    body = (
      <EmptyState
        missing="data"
        title="Nothing built with AI yet"
        description="No agents or AI-built entities in the catalog that you may see. Describe agents as kind Agent and what they build as kind AiArtifact (or with the agent-mesh.io/built-by annotation) in catalog-info.yaml."
      />
    );
  } else {
    body = (
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12}>
          <TotalsCard totals={value.totals} days={days} />
        </Grid>
        <Grid item xs={12}>
          <TeamsCard teams={value.teams} />
        </Grid>
        <Grid item xs={12} md={6}>
          <OverlapClustersCard clusters={value.overlapClusters} />
        </Grid>
        <Grid item xs={12} md={6}>
          <NewThisPeriodCard items={value.newThisPeriod} days={days} />
        </Grid>
        <Grid item xs={12}>
          <AgentsCard agents={value.agents} days={days} />
        </Grid>
        <Grid item xs={12} md={6}>
          <ScoreDistributionCard
            distribution={value.scoreDistribution}
            scored={value.totals.scoredEntities}
            averageScore={value.totals.averageScore}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <ActivityCard
            activity={value.activity}
            total={value.totals.actions}
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        mb={2}
        style={{ gap: 8 }}
      >
        <Typography variant="h5" component="h2">
          What the organisation is building
        </Typography>
        <PeriodSelector value={days} onChange={setDays} />
      </Box>
      {body}
    </>
  );
}
