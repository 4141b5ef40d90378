"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ActivityCard = ActivityCard;
var Box_1 = require("@material-ui/core/Box");
var Chip_1 = require("@material-ui/core/Chip");
var Typography_1 = require("@material-ui/core/Typography");
var styles_1 = require("@material-ui/core/styles");
var core_components_1 = require("@backstage/core-components");
var recharts_1 = require("recharts");
var ChartFigure_1 = require("./ChartFigure");
/** Agent actions per day and per type in the period. */
function ActivityCard(props) {
    var _a;
    var theme = (0, styles_1.useTheme)();
    var activity = props.activity, total = props.total;
    var days = activity.byDay;
    var busiest = days.reduce(function (best, d) { return (d.count > best.count ? d : best); }, (_a = days[0]) !== null && _a !== void 0 ? _a : { day: '', count: 0 });
    return (<core_components_1.InfoCard title="Agent activity" subheader={"".concat(total, " logged actions")}>
      {total === 0 ? (<Typography_1.default color="textSecondary">
          No agent actions were logged in this period.
        </Typography_1.default>) : (<>
          <ChartFigure_1.ChartFigure description={"Actions per day (UTC), ".concat(days[0].day, " to ").concat(days[days.length - 1].day, "; busiest day ").concat(busiest.day, " with ").concat(busiest.count)} tableCaption="Actions per day" columns={['Day', 'Actions']} rows={days.map(function (d) { return [d.day, d.count]; })} height={160}>
            <recharts_1.ResponsiveContainer width="100%" height="100%">
              <recharts_1.AreaChart data={days} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <recharts_1.CartesianGrid strokeDasharray="3 3" vertical={false}/>
                <recharts_1.XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={16}/>
                <recharts_1.YAxis allowDecimals={false} width={32}/>
                <recharts_1.Tooltip />
                <recharts_1.Area type="monotone" dataKey="count" name="Actions" stroke={theme.palette.primary.main} fill={theme.palette.primary.light} isAnimationActive={false}/>
              </recharts_1.AreaChart>
            </recharts_1.ResponsiveContainer>
          </ChartFigure_1.ChartFigure>
          <Box_1.default mt={1} display="flex" flexWrap="wrap" style={{ gap: 4 }} component="ul" aria-label="Actions per type" p={0}>
            {activity.byType.map(function (t) { return (<li key={t.type} style={{ listStyle: 'none' }}>
                <Chip_1.default size="small" label={"".concat(t.type, ": ").concat(t.count)}/>
              </li>); })}
          </Box_1.default>
        </>)}
    </core_components_1.InfoCard>);
}
