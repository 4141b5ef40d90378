import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Action } from '@agent-mesh/plugin-agent-mesh-common';
import { actionsPerDay } from './actionsPerDay';
import { ChartFigure } from '../shared';

/** Actions per UTC day among the loaded actions, as a bar chart with a table for screen readers. */
export function ActionsPerDayChart(props: {
  items: Action[];
  hasMore: boolean;
  height?: number;
}) {
  const theme = useTheme();
  const { items, hasMore, height = 160 } = props;
  const days = actionsPerDay(items);
  const busiest = days.reduce(
    (best, day) => (day.count > best.count ? day : best),
    days[0],
  );
  const description = busiest
    ? `Actions per day (UTC) of the ${items.length} loaded actions, ${
        days[0].day
      } to ${days[days.length - 1].day}; busiest day ${busiest.day} with ${
        busiest.count
      }${hasMore ? '; older actions not loaded yet' : ''}`
    : 'No actions to chart';

  return (
    <ChartFigure
      description={description}
      tableCaption="Actions per day"
      columns={['Day (UTC)', 'Actions']}
      rows={days.map(day => [day.day, day.count])}
      height={height}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={days}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Bar
            dataKey="count"
            name="Actions"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
