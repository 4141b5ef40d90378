import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { OverviewActivity } from '@agent-mesh/plugin-agent-mesh-common';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure } from '../shared';

/** Agent actions per day and per type in the period. */
export function ActivityCard(props: {
  activity: OverviewActivity;
  total: number;
}) {
  const theme = useTheme();
  const { activity, total } = props;
  const days = activity.byDay;
  const busiest = days.reduce(
    (best, d) => (d.count > best.count ? d : best),
    days[0] ?? { day: '', count: 0 },
  );
  return (
    <InfoCard title="Agent activity" subheader={`${total} logged actions`}>
      {total === 0 ? (
        <Typography color="textSecondary">
          No agent actions were logged in this period.
        </Typography>
      ) : (
        <>
          <ChartFigure
            description={`Actions per day (UTC), ${days[0].day} to ${
              days[days.length - 1].day
            }; busiest day ${busiest.day} with ${busiest.count}`}
            tableCaption="Actions per day"
            columns={['Day', 'Actions']}
            rows={days.map(d => [d.day, d.count])}
            height={160}
          >
            <ResponsiveContainer width="100%" height="100%">
              <AreaChart
                data={days}
                margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={16} />
                <YAxis allowDecimals={false} width={32} />
                <Tooltip />
                <Area
                  type="monotone"
                  dataKey="count"
                  name="Actions"
                  stroke={theme.palette.primary.main}
                  fill={theme.palette.primary.light}
                  isAnimationActive={false}
                />
              </AreaChart>
            </ResponsiveContainer>
          </ChartFigure>
          <Box
            mt={1}
            display="flex"
            flexWrap="wrap"
            style={{ gap: 4 }}
            component="ul"
            aria-label="Actions per type"
            p={0}
          >
            {activity.byType.map(t => (
              <li key={t.type} style={{ listStyle: 'none' }}>
                <Chip size="small" label={`${t.type}: ${t.count}`} />
              </li>
            ))}
          </Box>
        </>
      )}
    </InfoCard>
  );
}
