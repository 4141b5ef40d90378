import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  OverviewTeam,
  OverviewTeamFigures,
} from '@agent-mesh/plugin-agent-mesh-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure, ColumnHeaders } from '../shared';
import { shortName } from './names';

const COLUMNS = [
  'Team',
  'AI-built',
  'Agents',
  'New',
  'Actions',
  'Average score',
  'Cross-team overlaps',
];

const hasWork = (f: OverviewTeamFigures) =>
  f.artifacts + f.agents + f.actions > 0;

/** "5 (2 own)" when sub-teams add to the team's own figure. */
function figure(total: number, own: number) {
  return total === own ? `${total}` : `${total} (${own} own)`;
}

/** Each team's own AI-built entities, agents and actions, as a bar chart. */
export function TeamsChart(props: { teams: OverviewTeam[] }) {
  const theme = useTheme();
  const data = props.teams
    .filter(t => hasWork(t.direct))
    .map(t => ({
      team: t.title,
      artifacts: t.direct.artifacts,
      agents: t.direct.agents,
      actions: t.direct.actions,
    }));
  const busiest = [...data].sort((a, b) => b.actions - a.actions)[0];
  const description = busiest
    ? `Each team's own AI-built entities, agents and agent actions; ${data.length} teams, most actions: ${busiest.team} with ${busiest.actions}`
    : 'No team has AI-built entities, agents or actions';
  return (
    <ChartFigure
      description={description}
      tableCaption="Per team, without sub-teams"
      columns={['Team', 'AI-built', 'Agents', 'Actions']}
      rows={data.map(d => [d.team, d.artifacts, d.agents, d.actions])}
      height={240}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="team" interval={0} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="count" allowDecimals={false} width={32} />
          <YAxis
            yAxisId="actions"
            orientation="right"
            allowDecimals={false}
            width={40}
          />
          <Tooltip />
          <Legend />
          <Bar
            yAxisId="count"
            dataKey="artifacts"
            name="AI-built"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
          <Bar
            yAxisId="count"
            dataKey="agents"
            name="Agents"
            fill={theme.palette.secondary.main}
            isAnimationActive={false}
          />
          <Bar
            yAxisId="actions"
            dataKey="actions"
            name="Actions (right axis)"
            fill={theme.palette.grey[500]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** What each team builds: a chart of each team's own work and a table with sub-teams included. */
export function TeamsCard(props: { teams: OverviewTeam[] }) {
  const teams = props.teams.filter(t => hasWork(t));
  const idle = props.teams.length - teams.length;
  return (
    <InfoCard
      title="By team"
      subheader="Figures include sub-teams; a team's own share is in brackets"
    >
      {teams.length === 0 ? (
        <Typography color="textSecondary">
          No team owns AI-built entities or agents, and no agent acted in this
          period.
        </Typography>
      ) : (
        <>
          <TeamsChart teams={props.teams} />
          <Table size="small" aria-label="Teams">
            <ColumnHeaders titles={COLUMNS} />
            <TableBody>
              {teams.map(team => (
                <TableRow key={team.teamRef} data-testid="team-row">
                  <TableCell>
                    <EntityRefLink
                      entityRef={team.teamRef}
                      title={team.title}
                    />
                    {team.parentRef && (
                      <Typography
                        variant="caption"
                        color="textSecondary"
                        display="block"
                      >
                        in {shortName(team.parentRef)}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {figure(team.artifacts, team.direct.artifacts)}
                  </TableCell>
                  <TableCell>
                    {figure(team.agents, team.direct.agents)}
                  </TableCell>
                  <TableCell>
                    {figure(team.newThisPeriod, team.direct.newThisPeriod)}
                  </TableCell>
                  <TableCell>
                    {figure(team.actions, team.direct.actions)}
                  </TableCell>
                  <TableCell>{team.averageScore ?? '–'}</TableCell>
                  <TableCell>{team.crossTeamOverlaps}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {idle > 0 && (
            <Typography variant="caption" color="textSecondary">
              {idle} more {idle === 1 ? 'team has' : 'teams have'} nothing built
              with AI and no agent actions.
            </Typography>
          )}
        </>
      )}
    </InfoCard>
  );
}
