import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OverviewNewEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { formatDate } from '../shared';

/** What first appeared in the period, newest first, with links to the entity pages. */
export function NewThisPeriodCard(props: {
  items: OverviewNewEntity[];
  days: number;
}) {
  const { items, days } = props;
  return (
    <InfoCard title={`New in the last ${days} days`}>
      {items.length === 0 ? (
        <Typography color="textSecondary">
          Nothing new appeared in the last {days} days.
        </Typography>
      ) : (
        <List dense aria-label="New this period">
          {items.map(item => (
            <ListItem key={item.entityRef} disableGutters divider>
              <ListItemText
                disableTypography
                primary={
                  <Typography variant="body1">
                    <EntityRefLink
                      entityRef={item.entityRef}
                      title={item.title}
                    />{' '}
                    <Typography
                      component="span"
                      variant="caption"
                      color="textSecondary"
                    >
                      {item.kind}
                    </Typography>
                  </Typography>
                }
                secondary={
                  <Typography variant="body2" color="textSecondary">
                    {formatDate(item.firstSeenAt)}
                    {item.owner && (
                      <>
                        {' · '}
                        <EntityRefLink
                          entityRef={item.owner}
                          defaultKind="group"
                        />
                      </>
                    )}
                    {item.builtBy.length > 0 && ' · built by '}
                    {item.builtBy.map((agent, i) => (
                      <span key={agent}>
                        {i > 0 && ', '}
                        <EntityRefLink entityRef={agent} defaultKind="agent" />
                      </span>
                    ))}
                  </Typography>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
