"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.clusterHeading = clusterHeading;
exports.OverlapClustersCard = OverlapClustersCard;
var Box_1 = require("@material-ui/core/Box");
var Chip_1 = require("@material-ui/core/Chip");
var Paper_1 = require("@material-ui/core/Paper");
var Typography_1 = require("@material-ui/core/Typography");
var core_components_1 = require("@backstage/core-components");
var plugin_catalog_react_1 = require("@backstage/plugin-catalog-react");
var shared_1 = require("../shared");
var names_1 = require("./names");
/** "3 sales aggregators: brand-a, brand-b, brand-c". */
function clusterHeading(cluster) {
    return "".concat(cluster.label, ": ").concat(cluster.owners.map(names_1.shortName).join(', '));
}
function ClusterCard(props) {
    var cluster = props.cluster;
    var heading = clusterHeading(cluster);
    return (<Paper_1.default variant="outlined" component="section" aria-label={heading}>
      <Box_1.default p={2}>
        <Typography_1.default variant="h6" component="h3">
          {heading}
        </Typography_1.default>
        <Typography_1.default variant="caption" color="textSecondary">
          Strongest overlap {(0, shared_1.formatPercent)(cluster.maxScore)}
        </Typography_1.default>
        <ul style={{ paddingLeft: 20, margin: '8px 0' }}>
          {cluster.members.map(function (member) { return (<li key={member.entityRef}>
              <plugin_catalog_react_1.EntityRefLink entityRef={member.entityRef} title={member.title}/>
              {member.owner && (<Typography_1.default component="span" variant="body2" color="textSecondary">
                  {' '}
                  ({(0, names_1.shortName)(member.owner)})
                </Typography_1.default>)}
            </li>); })}
        </ul>
        <Box_1.default display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {cluster.reasons.map(function (reason) { return (<Chip_1.default key={reason} size="small" label={reason}/>); })}
        </Box_1.default>
      </Box_1.default>
    </Paper_1.default>);
}
/** Groups of different teams' work that overlap each other, largest first. */
function OverlapClustersCard(props) {
    var clusters = props.clusters;
    return (<core_components_1.InfoCard title="Overlap clusters" subheader="Different teams building the same thing; acknowledged overlaps left out">
      {clusters.length === 0 ? (<Typography_1.default color="textSecondary">
          No unacknowledged overlaps between teams.
        </Typography_1.default>) : (<Box_1.default display="flex" flexDirection="column" style={{ gap: 12 }}>
          {clusters.map(function (cluster) { return (<ClusterCard key={cluster.members.map(function (m) { return m.entityRef; }).join(' ')} cluster={cluster}/>); })}
        </Box_1.default>)}
    </core_components_1.InfoCard>);
}
