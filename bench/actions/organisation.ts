import { Entity } from '@backstage/catalog-model';

export const DEPARTMENTS = 10;
export const TEAMS_PER_DEPARTMENT = 5;
export const AGENTS_PER_TEAM = 10;
export const TYPES = [
  'tool.call',
  'repo.commit',
  'pr.opened',
  'pr.merged',
  'deploy',
  'ci.run',
  'artifact.created',
  'agent.invoke',
  'gen_ai.chat',
  'repo.change',
];

export const teamName = (d: number, t: number) => `team-${d}-${t}`;
export const agentName = (d: number, t: number, a: number) =>
  `agent-${d}-${t}-${a}`;

/** Departments with teams below them (spec.children) and agents owned by the teams. */
export function generateOrganisation(): Entity[] {
  const entities: Entity[] = [];
  for (let d = 0; d < DEPARTMENTS; d++) {
    const teams = Array.from({ length: TEAMS_PER_DEPARTMENT }, (_, t) =>
      teamName(d, t),
    );
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `dept-${d}`, namespace: 'default' },
      spec: { type: 'department', children: teams },
    });
    teams.forEach((team, t) => {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: team, namespace: 'default' },
        spec: { type: 'team', parent: `dept-${d}`, children: [] },
      });
      for (let a = 0; a < AGENTS_PER_TEAM; a++) {
        entities.push({
          apiVersion: 'agent-mesh.io/v1alpha1',
          kind: 'Agent',
          metadata: { name: agentName(d, t, a), namespace: 'default' },
          spec: { type: 'coding-agent', owner: team, lifecycle: 'production' },
        });
      }
    });
  }
  return entities;
}
