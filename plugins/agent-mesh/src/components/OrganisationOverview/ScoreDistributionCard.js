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
exports.ScoreDistributionCard = ScoreDistributionCard;
var Typography_1 = require("@material-ui/core/Typography");
var styles_1 = require("@material-ui/core/styles");
var core_components_1 = require("@backstage/core-components");
var recharts_1 = require("recharts");
var ChartFigure_1 = require("./ChartFigure");
var names_1 = require("./names");
function CountChart(props) {
    var data = props.data;
    return (<ChartFigure_1.ChartFigure description={props.description} tableCaption={props.tableCaption} columns={[props.column, 'Entities']} rows={data.map(function (d) { return [d.name, d.count]; })} height={160}>
      <recharts_1.ResponsiveContainer width="100%" height="100%">
        <recharts_1.BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <recharts_1.CartesianGrid strokeDasharray="3 3" vertical={false}/>
          <recharts_1.XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }}/>
          <recharts_1.YAxis allowDecimals={false} width={32}/>
          <recharts_1.Tooltip />
          <recharts_1.Bar dataKey="count" name="Entities" fill={props.color} isAnimationActive={false}/>
        </recharts_1.BarChart>
      </recharts_1.ResponsiveContainer>
    </ChartFigure_1.ChartFigure>);
}
/** The latest scorecard scores by level and in steps of ten. */
function ScoreDistributionCard(props) {
    var theme = (0, styles_1.useTheme)();
    var distribution = props.distribution, scored = props.scored, averageScore = props.averageScore;
    var byLevel = distribution.byLevel.map(function (l) { return ({
        name: l.level,
        count: l.count,
    }); });
    var buckets = distribution.buckets.map(function (b) { return ({
        name: "".concat(b.from, "\u2013").concat(b.to),
        count: b.count,
    }); });
    return (<core_components_1.InfoCard title="Scores" subheader={scored
            ? "Latest scorecards of ".concat((0, names_1.plural)(scored, 'entity', 'entities'), ", average ").concat(averageScore)
            : undefined}>
      {scored === 0 ? (<Typography_1.default color="textSecondary">
          No scorecard has been recorded yet. The scheduled
          agent-mesh-scorecards task records them.
        </Typography_1.default>) : (<>
          <CountChart data={byLevel} description={"Entities per level: ".concat(byLevel
                .map(function (l) { return "".concat(l.name, " ").concat(l.count); })
                .join(', '))} tableCaption="Entities per level" column="Level" color={theme.palette.primary.main}/>
          <CountChart data={buckets} description={"Entities per score range, most in ".concat(__spreadArray([], buckets, true).sort(function (a, b) { return b.count - a.count; })[0].name)} tableCaption="Entities per score range" column="Score" color={theme.palette.secondary.main}/>
        </>)}
    </core_components_1.InfoCard>);
}
