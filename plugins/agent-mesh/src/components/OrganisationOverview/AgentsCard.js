"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AgentsCard = AgentsCard;
var Table_1 = require("@material-ui/core/Table");
var TableBody_1 = require("@material-ui/core/TableBody");
var TableCell_1 = require("@material-ui/core/TableCell");
var TableHead_1 = require("@material-ui/core/TableHead");
var TableRow_1 = require("@material-ui/core/TableRow");
var Typography_1 = require("@material-ui/core/Typography");
var core_components_1 = require("@backstage/core-components");
var plugin_catalog_react_1 = require("@backstage/plugin-catalog-react");
var shared_1 = require("../shared");
var COLUMNS = ['Agent', 'Owner', 'Built', 'Actions', 'Last action'];
/** Every agent: who owns it, what it built, how much it did in the period, when it last acted. */
function AgentsCard(props) {
    var agents = props.agents, days = props.days;
    return (<core_components_1.InfoCard title="By agent" subheader={"Actions in the last ".concat(days, " days; most active first")}>
      {agents.length === 0 ? (<Typography_1.default color="textSecondary">
          No agents in the catalog. Describe them as kind Agent in
          catalog-info.yaml.
        </Typography_1.default>) : (<Table_1.default size="small" aria-label="Agents">
          <TableHead_1.default>
            <TableRow_1.default>
              {COLUMNS.map(function (title) { return (<TableCell_1.default key={title}>{title}</TableCell_1.default>); })}
            </TableRow_1.default>
          </TableHead_1.default>
          <TableBody_1.default>
            {agents.map(function (agent) { return (<TableRow_1.default key={agent.agentRef} data-testid="agent-row">
                <TableCell_1.default>
                  <plugin_catalog_react_1.EntityRefLink entityRef={agent.agentRef} title={agent.title}/>
                </TableCell_1.default>
                <TableCell_1.default>
                  {agent.owner ? (<plugin_catalog_react_1.EntityRefLink entityRef={agent.owner} defaultKind="group"/>) : (<Typography_1.default variant="body2" color="textSecondary">
                      No owner
                    </Typography_1.default>)}
                </TableCell_1.default>
                <TableCell_1.default>{agent.artifactsBuilt}</TableCell_1.default>
                <TableCell_1.default>{agent.actions}</TableCell_1.default>
                <TableCell_1.default>
                  {agent.lastActivityAt
                    ? (0, shared_1.formatDate)(agent.lastActivityAt)
                    : 'Never'}
                </TableCell_1.default>
              </TableRow_1.default>); })}
          </TableBody_1.default>
        </Table_1.default>)}
    </core_components_1.InfoCard>);
}
