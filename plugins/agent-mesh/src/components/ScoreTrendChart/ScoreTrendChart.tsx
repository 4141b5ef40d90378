import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ScorecardHistoryItem } from '@agent-mesh/plugin-agent-mesh-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDate, formatDateTime } from '../shared';

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

/** One sentence that says what the chart shows. */
export function describeTrend(points: ScorecardHistoryItem[]): string {
  if (points.length === 0) return 'No recorded scores yet';
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) {
    return `Score ${last.score} on ${formatDate(last.evaluatedAt)}`;
  }
  return `Score over time: ${first.score} on ${formatDate(
    first.evaluatedAt,
  )}, ${last.score} on ${formatDate(last.evaluatedAt)}, ${
    points.length
  } evaluations`;
}

/**
 * The score of an entity over time, oldest first, as a line chart with a text description and a
 * table for screen readers.
 */
export function ScoreTrendChart(props: {
  /** Oldest first. */
  points: ScorecardHistoryItem[];
  height?: number;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const { points, height = 220 } = props;
  const data = points.map(point => ({
    time: new Date(point.evaluatedAt).getTime(),
    score: point.score,
    level: point.level ?? 'none',
  }));
  const description = describeTrend(points);
  // Within two days, the ticks need the time of day to tell points apart.
  const span = data.length ? data[data.length - 1].time - data[0].time : 0;
  const formatTick = (time: number) => {
    const iso = new Date(time).toISOString();
    return span < 2 * 24 * 60 * 60 * 1000
      ? formatDateTime(iso)
      : formatDate(iso);
  };

  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={description} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={formatTick}
            />
            <YAxis domain={[0, 100]} width={40} />
            <Tooltip
              labelFormatter={(time: number) =>
                formatDateTime(new Date(time).toISOString())
              }
            />
            <Line
              type="monotone"
              dataKey="score"
              name="Score"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              dot={data.length < 30}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <Typography variant="caption" color="textSecondary">
          {description}
        </Typography>
      </figcaption>
      <table className={classes.visuallyHidden}>
        <caption>Score history</caption>
        <thead>
          <tr>
            <th scope="col">Evaluated</th>
            <th scope="col">Score</th>
            <th scope="col">Level</th>
          </tr>
        </thead>
        <tbody>
          {points.map(point => (
            <tr key={point.evaluatedAt}>
              <td>{formatDateTime(point.evaluatedAt)}</td>
              <td>{point.score}</td>
              <td>{point.level ?? 'none'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
