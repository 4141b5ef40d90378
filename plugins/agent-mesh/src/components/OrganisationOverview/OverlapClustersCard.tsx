import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OverviewOverlapCluster } from '@agent-mesh/plugin-agent-mesh-common';
import { formatPercent, OverlapKindChip } from '../shared';
import { shortName } from './names';

/** "3 sales aggregators: brand-a, brand-b, brand-c". */
export function clusterHeading(cluster: OverviewOverlapCluster): string {
  return `${cluster.label}: ${cluster.owners.map(shortName).join(', ')}`;
}

function ClusterCard(props: { cluster: OverviewOverlapCluster }) {
  const { cluster } = props;
  const heading = clusterHeading(cluster);
  return (
    <Paper variant="outlined" component="section" aria-label={heading}>
      <Box p={2}>
        <Typography variant="h6" component="h3">
          {heading}
        </Typography>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <OverlapKindChip kind={cluster.kind} />
          <Typography variant="caption" color="textSecondary">
            Strongest overlap {formatPercent(cluster.maxScore)}
          </Typography>
        </Box>
        <ul style={{ paddingLeft: 20, margin: '8px 0' }}>
          {cluster.members.map(member => (
            <li key={member.entityRef}>
              <EntityRefLink
                entityRef={member.entityRef}
                title={member.title}
              />
              {member.owner && (
                <Typography
                  component="span"
                  variant="body2"
                  color="textSecondary"
                >
                  {' '}
                  ({shortName(member.owner)})
                </Typography>
              )}
            </li>
          ))}
        </ul>
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {cluster.reasons.map(reason => (
            <Chip key={reason} size="small" label={reason} />
          ))}
        </Box>
      </Box>
    </Paper>
  );
}

/** Groups of different teams' work that overlap each other, largest first. */
export function OverlapClustersCard(props: {
  clusters: OverviewOverlapCluster[];
}) {
  const { clusters } = props;
  return (
    <InfoCard
      title="Overlap clusters"
      subheader="Different teams building the same thing (duplicates), or doing the same job with different products (alternatives); acknowledged overlaps left out"
    >
      {clusters.length === 0 ? (
        <Typography color="textSecondary">
          No unacknowledged overlaps between teams.
        </Typography>
      ) : (
        <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
          {clusters.map(cluster => (
            <ClusterCard
              key={cluster.members.map(m => m.entityRef).join(' ')}
              cluster={cluster}
            />
          ))}
        </Box>
      )}
    </InfoCard>
  );
}
