import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';

/** The head of a table: one column header per title. */
export function ColumnHeaders(props: { titles: string[]; noWrap?: boolean }) {
  return (
    <TableHead>
      <TableRow>
        {props.titles.map(title => (
          <TableCell
            key={title}
            style={props.noWrap ? { whiteSpace: 'nowrap' } : undefined}
          >
            {title}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
