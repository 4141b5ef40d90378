import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { SimilarItem } from '@agent-mesh/plugin-agent-mesh-common';
import { ScoreBar } from './ScoreBar';
import {
  ColumnHeaders,
  OverlapKindChip,
  OwnerLink,
  ReasonList,
} from '../shared';

const COLUMNS = ['Existing work', 'Owner', 'Similarity', 'Why'];

/** Existing work similar to a description, most similar first, as the backend ranked it. */
export function SimilarWorkTable(props: { items: SimilarItem[] }) {
  return (
    <Table size="small" aria-label="Similar existing work">
      <ColumnHeaders titles={COLUMNS} />
      <TableBody>
        {props.items.map(item => (
          <TableRow key={item.entityRef}>
            <TableCell component="th" scope="row">
              <EntityRefLink entityRef={item.entityRef} title={item.title} />
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {item.entityRef}
              </Typography>
              <OverlapKindChip kind={item.kind} />
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              <OwnerLink owner={item.owner} />
            </TableCell>
            <TableCell>
              <ScoreBar
                score={item.score}
                label={`Similarity of ${item.title}`}
              />
            </TableCell>
            <TableCell>
              <ReasonList reasons={item.reasons} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
