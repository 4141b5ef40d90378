import { useTheme } from '@material-ui/core/styles';
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
import { ChartFigure, formatDate, formatDateTime } from '../shared';

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
    <ChartFigure
      description={description}
      tableCaption="Score history"
      columns={['Evaluated', 'Score', 'Level']}
      rows={points.map(point => [
        formatDateTime(point.evaluatedAt),
        point.score,
        point.level ?? 'none',
      ])}
      height={height}
    >
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
    </ChartFigure>
  );
}
