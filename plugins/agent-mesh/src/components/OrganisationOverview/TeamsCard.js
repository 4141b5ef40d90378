"use strict";
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TeamsChart = TeamsChart;
exports.TeamsCard = TeamsCard;
var Table_1 = require("@material-ui/core/Table");
var TableBody_1 = require("@material-ui/core/TableBody");
var TableCell_1 = require("@material-ui/core/TableCell");
var TableHead_1 = require("@material-ui/core/TableHead");
var TableRow_1 = require("@material-ui/core/TableRow");
var Typography_1 = require("@material-ui/core/Typography");
var styles_1 = require("@material-ui/core/styles");
var core_components_1 = require("@backstage/core-components");
var plugin_catalog_react_1 = require("@backstage/plugin-catalog-react");
var recharts_1 = require("recharts");
var ChartFigure_1 = require("./ChartFigure");
var names_1 = require("./names");
var COLUMNS = [
    'Team',
    'AI-built',
    'Agents',
    'New',
    'Actions',
    'Average score',
    'Cross-team overlaps',
];
var hasWork = function (f) {
    return f.artifacts + f.agents + f.actions > 0;
};
/** "5 (2 own)" when sub-teams add to the team's own figure. */
function figure(total, own) {
    return total === own ? "".concat(total) : "".concat(total, " (").concat(own, " own)");
}
/** Each team's own AI-built entities, agents and actions, as a bar chart. */
function TeamsChart(props) {
    var theme = (0, styles_1.useTheme)();
    var data = props.teams
        .filter(function (t) { return hasWork(t.direct); })
        .map(function (t) { return ({
        team: t.title,
        artifacts: t.direct.artifacts,
        agents: t.direct.agents,
        actions: t.direct.actions,
    }); });
    var busiest = __spreadArray([], data, true).sort(function (a, b) { return b.actions - a.actions; })[0];
    var description = busiest
        ? "Each team's own AI-built entities, agents and agent actions; ".concat(data.length, " teams, most actions: ").concat(busiest.team, " with ").concat(busiest.actions)
        : 'No team has AI-built entities, agents or actions';
    return (<ChartFigure_1.ChartFigure description={description} tableCaption="Per team, without sub-teams" columns={['Team', 'AI-built', 'Agents', 'Actions']} rows={data.map(function (d) { return [d.team, d.artifacts, d.agents, d.actions]; })} height={240}>
      <recharts_1.ResponsiveContainer width="100%" height="100%">
        <recharts_1.BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <recharts_1.CartesianGrid strokeDasharray="3 3" vertical={false}/>
          <recharts_1.XAxis dataKey="team" interval={0} tick={{ fontSize: 12 }}/>
          <recharts_1.YAxis yAxisId="count" allowDecimals={false} width={32}/>
          <recharts_1.YAxis yAxisId="actions" orientation="right" allowDecimals={false} width={40}/>
          <recharts_1.Tooltip />
          <recharts_1.Legend />
          <recharts_1.Bar yAxisId="count" dataKey="artifacts" name="AI-built" fill={theme.palette.primary.main} isAnimationActive={false}/>
          <recharts_1.Bar yAxisId="count" dataKey="agents" name="Agents" fill={theme.palette.secondary.main} isAnimationActive={false}/>
          <recharts_1.Bar yAxisId="actions" dataKey="actions" name="Actions (right axis)" fill={theme.palette.grey[500]} isAnimationActive={false}/>
        </recharts_1.BarChart>
      </recharts_1.ResponsiveContainer>
    </ChartFigure_1.ChartFigure>);
}
/** What each team builds: a chart of each team's own work and a table with sub-teams included. */
function TeamsCard(props) {
    var teams = props.teams.filter(function (t) { return hasWork(t); });
    var idle = props.teams.length - teams.length;
    return (<core_components_1.InfoCard title="By team" subheader="Figures include sub-teams; a team's own share is in brackets">
      {teams.length === 0 ? (<Typography_1.default color="textSecondary">
          No team owns AI-built entities or agents, and no agent acted in this
          period.
        </Typography_1.default>) : (<>
          <TeamsChart teams={props.teams}/>
          <Table_1.default size="small" aria-label="Teams">
            <TableHead_1.default>
              <TableRow_1.default>
                {COLUMNS.map(function (title) { return (<TableCell_1.default key={title}>{title}</TableCell_1.default>); })}
              </TableRow_1.default>
            </TableHead_1.default>
            <TableBody_1.default>
              {teams.map(function (team) {
                var _a;
                return (<TableRow_1.default key={team.teamRef} data-testid="team-row">
                  <TableCell_1.default>
                    <plugin_catalog_react_1.EntityRefLink entityRef={team.teamRef} title={team.title}/>
                    {team.parentRef && (<Typography_1.default variant="caption" color="textSecondary" display="block">
                        in {(0, names_1.shortName)(team.parentRef)}
                      </Typography_1.default>)}
                  </TableCell_1.default>
                  <TableCell_1.default>
                    {figure(team.artifacts, team.direct.artifacts)}
                  </TableCell_1.default>
                  <TableCell_1.default>
                    {figure(team.agents, team.direct.agents)}
                  </TableCell_1.default>
                  <TableCell_1.default>
                    {figure(team.newThisPeriod, team.direct.newThisPeriod)}
                  </TableCell_1.default>
                  <TableCell_1.default>
                    {figure(team.actions, team.direct.actions)}
                  </TableCell_1.default>
                  <TableCell_1.default>{(_a = team.averageScore) !== null && _a !== void 0 ? _a : '–'}</TableCell_1.default>
                  <TableCell_1.default>{team.crossTeamOverlaps}</TableCell_1.default>
                </TableRow_1.default>);
            })}
            </TableBody_1.default>
          </Table_1.default>
          {idle > 0 && (<Typography_1.default variant="caption" color="textSecondary">
              {idle} more {idle === 1 ? 'team has' : 'teams have'} nothing built
              with AI and no agent actions.
            </Typography_1.default>)}
        </>)}
    </core_components_1.InfoCard>);
}
