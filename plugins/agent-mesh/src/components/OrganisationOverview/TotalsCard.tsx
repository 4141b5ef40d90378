import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { OverviewTotals } from '@agent-mesh/plugin-agent-mesh-common';

/** The headline figures of the period. */
export function TotalsCard(props: { totals: OverviewTotals; days: number }) {
  const { totals, days } = props;
  const figures: [string, string | number][] = [
    ['AI-built entities', totals.artifacts],
    ['Agents', totals.agents],
    [`New in ${days} days`, totals.newThisPeriod],
    [`Agent actions in ${days} days`, totals.actions],
    ['Overlap clusters', totals.overlapClusters],
    ['Average score', totals.averageScore === null ? '–' : totals.averageScore],
    ['Teams', totals.teams],
  ];
  return (
    <InfoCard title="At a glance">
      <Grid container spacing={2} component="dl" style={{ margin: 0 }}>
        {figures.map(([label, value]) => (
          // The term comes first for screen readers; the figure is shown above it.
          <Grid
            item
            xs={6}
            sm={3}
            md
            key={label}
            style={{ display: 'flex', flexDirection: 'column-reverse' }}
          >
            <Typography variant="body2" color="textSecondary" component="dt">
              {label}
            </Typography>
            <Typography variant="h4" component="dd" style={{ margin: 0 }}>
              {value}
            </Typography>
          </Grid>
        ))}
      </Grid>
    </InfoCard>
  );
}
