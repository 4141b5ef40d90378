import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GetScorecardRollupResponse } from '@agent-mesh/plugin-agent-mesh-common';

function HeaderRow(props: { titles: string[] }) {
  return (
    <TableHead>
      <TableRow>
        {props.titles.map(title => (
          <TableCell key={title}>{title}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}

/** How many entities reached each level (and `none`). */
export function LevelDistribution(props: {
  levels: GetScorecardRollupResponse['levels'];
}) {
  return (
    <InfoCard title="Levels" noPadding>
      <Table size="small" aria-label="Entities per level">
        <HeaderRow titles={['Level', 'Entities']} />
        <TableBody>
          {Object.entries(props.levels).map(([level, count]) => (
            <TableRow key={level}>
              <TableCell component="th" scope="row" role="rowheader">
                {level === 'none' ? 'Below every level' : level}
              </TableCell>
              <TableCell>{count}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}

/** The checks that fail most often in the team. */
export function FailingChecks(props: {
  failingChecks: GetScorecardRollupResponse['failingChecks'];
}) {
  return (
    <InfoCard title="Failing checks" noPadding>
      {props.failingChecks.length === 0 ? (
        <Typography variant="body2" style={{ padding: 16 }}>
          No check fails in this team.
        </Typography>
      ) : (
        <Table size="small" aria-label="Failing checks">
          <HeaderRow titles={['Check', 'Failing entities']} />
          <TableBody>
            {props.failingChecks.map(check => (
              <TableRow key={check.id}>
                <TableCell component="th" scope="row" role="rowheader">
                  {check.title}
                </TableCell>
                <TableCell>{check.count}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

/** Every scored entity of the team, lowest score first. */
export function RollupEntities(props: {
  entities: GetScorecardRollupResponse['entities'];
}) {
  const entities = [...props.entities].sort(
    (a, b) => a.score - b.score || a.entityRef.localeCompare(b.entityRef),
  );
  return (
    <InfoCard title="Entities" noPadding>
      <Table size="small" aria-label="Scored entities">
        <HeaderRow titles={['Entity', 'Owner', 'Score', 'Level']} />
        <TableBody>
          {entities.map(entity => (
            <TableRow key={entity.entityRef}>
              <TableCell component="th" scope="row" role="rowheader">
                <EntityRefLink entityRef={entity.entityRef} />
              </TableCell>
              <TableCell>
                {entity.owner ? (
                  <EntityRefLink entityRef={entity.owner} defaultKind="group" />
                ) : (
                  'No owner'
                )}
              </TableCell>
              <TableCell>{entity.score}</TableCell>
              <TableCell>{entity.level ?? 'none'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
