import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { InfoCard } from '@backstage/core-components';
import {
  ScorecardCheckOutcome,
  ScorecardCheckOutcomeStatus,
} from '@agent-mesh/plugin-agent-mesh-common';
import { CheckStatus } from '../CheckStatus';

const ORDER: Record<ScorecardCheckOutcomeStatus, number> = {
  fail: 0,
  warn: 1,
  exempt: 2,
  pass: 3,
  na: 4,
};

/** Failing checks first, then warnings, exemptions, passes and checks that do not apply. */
export function sortChecks(
  checks: ScorecardCheckOutcome[],
): ScorecardCheckOutcome[] {
  return checks
    .map((check, index) => ({ check, index }))
    .sort(
      (a, b) =>
        (ORDER[a.check.status] ?? 5) - (ORDER[b.check.status] ?? 5) ||
        a.index - b.index,
    )
    .map(({ check }) => check);
}

/** Each check of a scorecard with its status and what was found or what to do. */
export function ChecksTable(props: { checks: ScorecardCheckOutcome[] }) {
  return (
    <InfoCard title="Checks" noPadding>
      <Table size="small" aria-label="Scorecard checks">
        <TableHead>
          <TableRow>
            <TableCell>Status</TableCell>
            <TableCell>Check</TableCell>
            <TableCell>What was found, and what to do</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sortChecks(props.checks).map(check => (
            <TableRow key={check.id} data-testid={`check-${check.id}`}>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                <CheckStatus status={check.status} />
              </TableCell>
              <TableCell
                component="th"
                scope="row"
                role="rowheader"
                style={{ minWidth: 180 }}
              >
                {check.title}
              </TableCell>
              <TableCell>{check.detail}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
