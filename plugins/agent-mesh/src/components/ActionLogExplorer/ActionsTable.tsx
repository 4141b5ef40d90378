import Typography from '@material-ui/core/Typography';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Action } from '@agent-mesh/plugin-agent-mesh-common';
import { ActionStatus, formatDateTime } from '../shared';

function AgentCell(props: { action: Action }) {
  const { action } = props;
  return action.agentRef ? (
    <EntityRefLink entityRef={action.agentRef} defaultKind="agent" />
  ) : (
    <Typography variant="body2" component="span" title="Not a known Agent">
      {action.agent}
    </Typography>
  );
}

function TargetCell(props: { action: Action }) {
  const { action } = props;
  if (action.targetRef) return <EntityRefLink entityRef={action.targetRef} />;
  if (action.target && /^https?:\/\//.test(action.target)) {
    return <Link to={action.target}>{action.target}</Link>;
  }
  return <>{action.target ?? ''}</>;
}

const columns: TableColumn<Action>[] = [
  {
    title: 'Time',
    render: action => (
      <time dateTime={action.occurredAt} style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(action.occurredAt)}
      </time>
    ),
  },
  { title: 'Agent', render: action => <AgentCell action={action} /> },
  { title: 'Type', field: 'type' },
  { title: 'Target', render: action => <TargetCell action={action} /> },
  {
    title: 'Owning team',
    render: action =>
      action.ownerRef ? (
        <EntityRefLink entityRef={action.ownerRef} defaultKind="group" />
      ) : (
        ''
      ),
  },
  {
    title: 'On behalf of',
    render: action =>
      action.onBehalfOf ? (
        <EntityRefLink entityRef={action.onBehalfOf} defaultKind="user" />
      ) : (
        ''
      ),
  },
  { title: 'Summary', field: 'summary', highlight: true },
  {
    title: 'Status',
    render: action => <ActionStatus status={action.status} />,
  },
];

/** The loaded actions, newest first. Paging is the explorer's "Load more", not the table's. */
export function ActionsTable(props: { items: Action[]; subtitle: string }) {
  return (
    <Table<Action>
      title="Actions"
      subtitle={props.subtitle}
      options={{
        paging: false,
        search: false,
        sorting: false,
        padding: 'dense',
      }}
      columns={columns}
      data={props.items}
    />
  );
}
