"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NewThisPeriodCard = NewThisPeriodCard;
var List_1 = require("@material-ui/core/List");
var ListItem_1 = require("@material-ui/core/ListItem");
var ListItemText_1 = require("@material-ui/core/ListItemText");
var Typography_1 = require("@material-ui/core/Typography");
var core_components_1 = require("@backstage/core-components");
var plugin_catalog_react_1 = require("@backstage/plugin-catalog-react");
var shared_1 = require("../shared");
/** What first appeared in the period, newest first, with links to the entity pages. */
function NewThisPeriodCard(props) {
    var items = props.items, days = props.days;
    return (<core_components_1.InfoCard title={"New in the last ".concat(days, " days")}>
      {items.length === 0 ? (<Typography_1.default color="textSecondary">
          Nothing new appeared in the last {days} days.
        </Typography_1.default>) : (<List_1.default dense aria-label="New this period">
          {items.map(function (item) { return (<ListItem_1.default key={item.entityRef} disableGutters divider>
              <ListItemText_1.default disableTypography primary={<Typography_1.default variant="body1">
                    <plugin_catalog_react_1.EntityRefLink entityRef={item.entityRef} title={item.title}/>{' '}
                    <Typography_1.default component="span" variant="caption" color="textSecondary">
                      {item.kind}
                    </Typography_1.default>
                  </Typography_1.default>} secondary={<Typography_1.default variant="body2" color="textSecondary">
                    {(0, shared_1.formatDate)(item.firstSeenAt)}
                    {item.owner && (<>
                        {' · '}
                        <plugin_catalog_react_1.EntityRefLink entityRef={item.owner} defaultKind="group"/>
                      </>)}
                    {item.builtBy.length > 0 && ' · built by '}
                    {item.builtBy.map(function (agent, i) { return (<span key={agent}>
                        {i > 0 && ', '}
                        <plugin_catalog_react_1.EntityRefLink entityRef={agent} defaultKind="agent"/>
                      </span>); })}
                  </Typography_1.default>}/>
            </ListItem_1.default>); })}
        </List_1.default>)}
    </core_components_1.InfoCard>);
}
