import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';

const useStyles = makeStyles({
  // Visible to screen readers only.
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    padding: 0,
    margin: -1,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/**
 * A chart with a one-sentence description (its accessible name and caption) and its data as a
 * table that only screen readers see.
 */
export function ChartFigure(props: {
  description: string;
  /** The caption of the hidden table. */
  tableCaption: string;
  columns: string[];
  rows: (string | number)[][];
  height?: number;
  children: ReactNode;
}) {
  const classes = useStyles();
  const { description, tableCaption, columns, rows, height = 200 } = props;
  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={description} style={{ height }}>
        {props.children}
      </div>
      <figcaption>
        <Typography variant="caption" color="textSecondary">
          {description}
        </Typography>
      </figcaption>
      <table className={classes.visuallyHidden}>
        <caption>{tableCaption}</caption>
        <thead>
          <tr>
            {columns.map(column => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={`${rowIndex}:${row[0]}`}>
              {row.map((cell, i) => (
                <td key={columns[i]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
