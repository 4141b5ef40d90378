import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Action } from '@agent-mesh/plugin-agent-mesh-common';
import { ActionStatus, formatDateTime } from '../shared';

function Agent(props: { action: Action }) {
  const { action } = props;
  return action.agentRef ? (
    <EntityRefLink entityRef={action.agentRef} defaultKind="agent" />
  ) : (
    <>{action.agent}</>
  );
}

function Target(props: { action: Action }) {
  const { action } = props;
  if (action.targetRef) {
    return <EntityRefLink entityRef={action.targetRef} />;
  }
  if (action.target && /^https?:\/\//.test(action.target)) {
    return <Link to={action.target}>{action.target}</Link>;
  }
  return action.target ? <>{action.target}</> : null;
}

/** The latest actions, newest first, as a timeline: when, which agent, what kind, what happened. */
export function ActivityList(props: { items: Action[]; showTarget: boolean }) {
  return (
    <List dense aria-label="Latest agent actions">
      {props.items.map(action => (
        <ListItem key={action.seq} divider alignItems="flex-start">
          <Box width="100%">
            <Box display="flex" alignItems="center" flexWrap="wrap">
              <Typography
                variant="caption"
                color="textSecondary"
                component="time"
                dateTime={action.occurredAt}
                style={{ marginRight: 8 }}
              >
                {formatDateTime(action.occurredAt)}
              </Typography>
              <Chip
                size="small"
                label={action.type}
                style={{ marginRight: 8 }}
              />
              <Typography variant="caption" component="span">
                <ActionStatus status={action.status} />
              </Typography>
            </Box>
            <Typography variant="body2">{action.summary}</Typography>
            <Typography variant="caption" color="textSecondary">
              by <Agent action={action} />
              {props.showTarget && (action.targetRef || action.target) && (
                <>
                  {' on '}
                  <Target action={action} />
                </>
              )}
            </Typography>
          </Box>
        </ListItem>
      ))}
    </List>
  );
}
