"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrganisationOverview = OrganisationOverview;
var react_1 = require("react");
var Box_1 = require("@material-ui/core/Box");
var Grid_1 = require("@material-ui/core/Grid");
var Typography_1 = require("@material-ui/core/Typography");
var core_components_1 = require("@backstage/core-components");
var core_plugin_api_1 = require("@backstage/core-plugin-api");
var useAsync_1 = require("react-use/esm/useAsync");
var api_1 = require("../../api");
var ActivityCard_1 = require("./ActivityCard");
var AgentsCard_1 = require("./AgentsCard");
var NewThisPeriodCard_1 = require("./NewThisPeriodCard");
var OverlapClustersCard_1 = require("./OverlapClustersCard");
var PeriodSelector_1 = require("./PeriodSelector");
var ScoreDistributionCard_1 = require("./ScoreDistributionCard");
var TeamsCard_1 = require("./TeamsCard");
var TotalsCard_1 = require("./TotalsCard");
/**
 * What the organisation is building with AI: totals, per team and per agent, what is new, where
 * teams build the same thing, how well it is governed and how busy the agents are.
 */
function OrganisationOverview() {
    var api = (0, core_plugin_api_1.useApi)(api_1.agentMeshApiRef);
    var _a = (0, react_1.useState)(30), days = _a[0], setDays = _a[1];
    var _b = (0, useAsync_1.default)(function () { return api.getOverview({ period: "".concat(days, "d") }); }, [api, days]), value = _b.value, loading = _b.loading, error = _b.error;
    var body;
    if (loading) {
        body = <core_components_1.Progress />;
    }
    else if (error || !value) {
        body = <core_components_1.ResponseErrorPanel error={error !== null && error !== void 0 ? error : new Error('No response')}/>;
    }
    else if (value.totals.artifacts === 0 && value.totals.agents === 0) {
        body = (<core_components_1.EmptyState missing="data" title="Nothing built with AI yet" description="No agents or AI-built entities in the catalog that you may see. Describe agents as kind Agent and what they build as kind AiArtifact (or with the agent-mesh.io/built-by annotation) in catalog-info.yaml."/>);
    }
    else {
        body = (<Grid_1.default container spacing={3} alignItems="stretch">
        <Grid_1.default item xs={12}>
          <TotalsCard_1.TotalsCard totals={value.totals} days={days}/>
        </Grid_1.default>
        <Grid_1.default item xs={12}>
          <TeamsCard_1.TeamsCard teams={value.teams}/>
        </Grid_1.default>
        <Grid_1.default item xs={12} md={6}>
          <OverlapClustersCard_1.OverlapClustersCard clusters={value.overlapClusters}/>
        </Grid_1.default>
        <Grid_1.default item xs={12} md={6}>
          <NewThisPeriodCard_1.NewThisPeriodCard items={value.newThisPeriod} days={days}/>
        </Grid_1.default>
        <Grid_1.default item xs={12}>
          <AgentsCard_1.AgentsCard agents={value.agents} days={days}/>
        </Grid_1.default>
        <Grid_1.default item xs={12} md={6}>
          <ScoreDistributionCard_1.ScoreDistributionCard distribution={value.scoreDistribution} scored={value.totals.scoredEntities} averageScore={value.totals.averageScore}/>
        </Grid_1.default>
        <Grid_1.default item xs={12} md={6}>
          <ActivityCard_1.ActivityCard activity={value.activity} total={value.totals.actions}/>
        </Grid_1.default>
      </Grid_1.default>);
    }
    return (<>
      <Box_1.default display="flex" alignItems="center" justifyContent="space-between" flexWrap="wrap" mb={2} style={{ gap: 8 }}>
        <Typography_1.default variant="h5" component="h2">
          What the organisation is building
        </Typography_1.default>
        <PeriodSelector_1.PeriodSelector value={days} onChange={setDays}/>
      </Box_1.default>
      {body}
    </>);
}
