"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TotalsCard = TotalsCard;
var Grid_1 = require("@material-ui/core/Grid");
var Typography_1 = require("@material-ui/core/Typography");
var core_components_1 = require("@backstage/core-components");
/** The headline figures of the period. */
function TotalsCard(props) {
    var totals = props.totals, days = props.days;
    var figures = [
        ['AI-built entities', totals.artifacts],
        ['Agents', totals.agents],
        ["New in ".concat(days, " days"), totals.newThisPeriod],
        ["Agent actions in ".concat(days, " days"), totals.actions],
        ['Overlap clusters', totals.overlapClusters],
        ['Average score', totals.averageScore === null ? '–' : totals.averageScore],
        ['Teams', totals.teams],
    ];
    return (<core_components_1.InfoCard title="At a glance">
      <Grid_1.default container spacing={2} component="dl" style={{ margin: 0 }}>
        {figures.map(function (_a) {
            var label = _a[0], value = _a[1];
            return (
            // The term comes first for screen readers; the figure is shown above it.
            <Grid_1.default item xs={6} sm={3} md key={label} style={{ display: 'flex', flexDirection: 'column-reverse' }}>
            <Typography_1.default variant="body2" color="textSecondary" component="dt">
              {label}
            </Typography_1.default>
            <Typography_1.default variant="h4" component="dd" style={{ margin: 0 }}>
              {value}
            </Typography_1.default>
          </Grid_1.default>);
        })}
      </Grid_1.default>
    </core_components_1.InfoCard>);
}
