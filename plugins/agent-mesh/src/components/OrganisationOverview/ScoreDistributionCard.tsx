import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { OverviewScoreDistribution } from '@agent-mesh/plugin-agent-mesh-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure } from '../shared';
import { plural } from './names';

function CountChart(props: {
  data: { name: string; count: number }[];
  description: string;
  tableCaption: string;
  column: string;
  color: string;
}) {
  const { data } = props;
  return (
    <ChartFigure
      description={props.description}
      tableCaption={props.tableCaption}
      columns={[props.column, 'Entities']}
      rows={data.map(d => [d.name, d.count])}
      height={160}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={32} />
          <Tooltip />
          <Bar
            dataKey="count"
            name="Entities"
            fill={props.color}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** The latest scorecard scores by level and in steps of ten. */
export function ScoreDistributionCard(props: {
  distribution: OverviewScoreDistribution;
  scored: number;
  averageScore: number | null;
}) {
  const theme = useTheme();
  const { distribution, scored, averageScore } = props;
  const byLevel = distribution.byLevel.map(l => ({
    name: l.level,
    count: l.count,
  }));
  const buckets = distribution.buckets.map(b => ({
    name: `${b.from}–${b.to}`,
    count: b.count,
  }));
  return (
    <InfoCard
      title="Scores"
      subheader={
        scored
          ? `Latest scorecards of ${plural(
              scored,
              'entity',
              'entities',
            )}, average ${averageScore}`
          : undefined
      }
    >
      {scored === 0 ? (
        <Typography color="textSecondary">
          No scorecard has been recorded yet. The scheduled
          agent-mesh-scorecards task records them.
        </Typography>
      ) : (
        <>
          <CountChart
            data={byLevel}
            description={`Entities per level: ${byLevel
              .map(l => `${l.name} ${l.count}`)
              .join(', ')}`}
            tableCaption="Entities per level"
            column="Level"
            color={theme.palette.primary.main}
          />
          <CountChart
            data={buckets}
            description={`Entities per score range, most in ${
              [...buckets].sort((a, b) => b.count - a.count)[0].name
            }`}
            tableCaption="Entities per score range"
            column="Score"
            color={theme.palette.secondary.main}
          />
        </>
      )}
    </InfoCard>
  );
}
