import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { StatusOK, StatusWarning } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OverlapItem } from '@agent-mesh/plugin-agent-mesh-common';
import {
  ColumnHeaders,
  formatPercent,
  OverlapKindChip,
  OwnerLink,
  ReasonList,
} from '../shared';

const COLUMNS = ['Entity', 'Owner', 'Score', 'Why', 'Status'];

/** The overlaps of an entity: the other entity, its owner, the score, the reasons and state. */
export function OverlapsTable(props: { items: OverlapItem[] }) {
  return (
    <Table size="small" aria-label="Overlapping entities">
      <ColumnHeaders titles={COLUMNS} noWrap />
      <TableBody>
        {props.items.map(item => (
          <TableRow key={item.entityRef} data-testid="overlap-row">
            <TableCell component="th" scope="row" role="rowheader">
              <EntityRefLink entityRef={item.entityRef} title={item.title} />
              <div style={{ display: 'flex', gap: 4, marginTop: 4 }}>
                <OverlapKindChip kind={item.kind} />
                {item.crossTeam && (
                  <Chip
                    size="small"
                    color="secondary"
                    variant="outlined"
                    label="Cross-team"
                  />
                )}
              </div>
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              <OwnerLink owner={item.owner} />
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {formatPercent(item.score)}
            </TableCell>
            <TableCell>
              <ReasonList reasons={item.reasons} />
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {item.acknowledged ? (
                <StatusOK>Acknowledged</StatusOK>
              ) : (
                <StatusWarning>Not acknowledged</StatusWarning>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
