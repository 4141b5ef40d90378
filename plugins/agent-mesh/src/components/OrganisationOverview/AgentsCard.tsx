import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OverviewAgent } from '@agent-mesh/plugin-agent-mesh-common';
import { ColumnHeaders, formatDate, OwnerLink } from '../shared';

const COLUMNS = ['Agent', 'Owner', 'Built', 'Actions', 'Last action'];

/** Every agent: who owns it, what it built, how much it did in the period, when it last acted. */
export function AgentsCard(props: { agents: OverviewAgent[]; days: number }) {
  const { agents, days } = props;
  return (
    <InfoCard
      title="By agent"
      subheader={`Actions in the last ${days} days; most active first`}
    >
      {agents.length === 0 ? (
        <Typography color="textSecondary">
          No agents in the catalog. Describe them as kind Agent in
          catalog-info.yaml.
        </Typography>
      ) : (
        <Table size="small" aria-label="Agents">
          <ColumnHeaders titles={COLUMNS} />
          <TableBody>
            {agents.map(agent => (
              <TableRow key={agent.agentRef} data-testid="agent-row">
                <TableCell>
                  <EntityRefLink
                    entityRef={agent.agentRef}
                    title={agent.title}
                  />
                </TableCell>
                <TableCell>
                  <OwnerLink owner={agent.owner} />
                </TableCell>
                <TableCell>{agent.artifactsBuilt}</TableCell>
                <TableCell>{agent.actions}</TableCell>
                <TableCell>
                  {agent.lastActivityAt
                    ? formatDate(agent.lastActivityAt)
                    : 'Never'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
