import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Gauge, InfoCard } from '@backstage/core-components';
import {
  GetScorecardResponse,
  ScorecardCheckOutcomeStatus,
} from '@agent-mesh/plugin-agent-mesh-common';
import { CHECK_STATUS_LABELS } from '../CheckStatus';

const COUNTED: ScorecardCheckOutcomeStatus[] = [
  'fail',
  'warn',
  'exempt',
  'pass',
  'na',
];

/** The score as a gauge, the level, and how many checks are in each status. */
export function ScoreSummaryCard(props: { scorecard: GetScorecardResponse }) {
  const { score, level, checks } = props.scorecard;
  const counts = COUNTED.map(status => ({
    status,
    count: checks.filter(check => check.status === status).length,
  })).filter(({ count }) => count > 0);

  return (
    <InfoCard title="Score" subheader="Evaluated now, out of 100">
      <Box
        display="flex"
        flexDirection="column"
        alignItems="center"
        role="group"
        aria-label={`Score ${score} out of 100, level ${level ?? 'none'}`}
      >
        <Box width={160}>
          <Gauge value={score} fractional={false} unit="" />
        </Box>
        <Box mt={1}>
          {level ? (
            <Chip color="primary" label={`Level: ${level}`} />
          ) : (
            <Chip label="Below every level" />
          )}
        </Box>
        <Box mt={2}>
          <Typography variant="body2" color="textSecondary">
            {counts
              .map(
                ({ status, count }) =>
                  `${count} ${CHECK_STATUS_LABELS[status].toLocaleLowerCase(
                    'en-US',
                  )}`,
              )
              .join(' · ')}
          </Typography>
        </Box>
      </Box>
    </InfoCard>
  );
}
