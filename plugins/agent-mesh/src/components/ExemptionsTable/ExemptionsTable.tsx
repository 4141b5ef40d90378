import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { InfoCard, StatusError, StatusOK } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ScorecardCheckOutcome } from '@agent-mesh/plugin-agent-mesh-common';
import { ExemptionEntry } from './parseExemptions';

function GrantedBy(props: { value: string }) {
  try {
    const ref = parseEntityRef(props.value, { defaultKind: 'user' });
    return <EntityRefLink entityRef={ref} defaultKind="user" />;
  } catch {
    return <>{props.value}</>;
  }
}

/**
 * The scorecard exemptions of an entity (from its `agent-mesh.io/exemptions` annotation): which
 * check, why, who granted it and until when.
 */
export function ExemptionsTable(props: {
  exemptions: ExemptionEntry[];
  checks: ScorecardCheckOutcome[];
}) {
  const titleOf = (id: string) =>
    props.checks.find(check => check.id === id)?.title ?? id;
  return (
    <InfoCard
      title="Exemptions"
      subheader="Granted in the agent-mesh.io/exemptions annotation; an exempt check is not counted in the score until it expires."
      noPadding
    >
      <Table size="small" aria-label="Scorecard exemptions">
        <TableHead>
          <TableRow>
            <TableCell>Check</TableCell>
            <TableCell>Reason</TableCell>
            <TableCell>Granted by</TableCell>
            <TableCell>Expires</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.exemptions.map((exemption, index) => (
            <TableRow key={`${exemption.check}-${index}`}>
              <TableCell component="th" scope="row" role="rowheader">
                {titleOf(exemption.check)}
              </TableCell>
              <TableCell>{exemption.reason}</TableCell>
              <TableCell>
                <GrantedBy value={exemption.grantedBy} />
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {exemption.expired ? (
                  <StatusError>Expired {exemption.expires}</StatusError>
                ) : (
                  <StatusOK>Until {exemption.expires}</StatusOK>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
