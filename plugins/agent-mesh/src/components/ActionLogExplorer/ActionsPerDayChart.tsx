import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
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

/** Actions per UTC day among the loaded actions, as a bar chart with a table for screen readers. */
export function ActionsPerDayChart(props: {
  items: Action[];
  hasMore: boolean;
  height?: number;
}) {
  const classes = useStyles();
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
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={description} style={{ height }}>
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
      </div>
      <figcaption>
        <Typography variant="caption" color="textSecondary">
          {description}
        </Typography>
      </figcaption>
      <table className={classes.visuallyHidden}>
        <caption>Actions per day</caption>
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {days.map(day => (
            <tr key={day.day}>
              <td>{day.day}</td>
              <td>{day.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
