import { Entity } from '@backstage/catalog-model';
import { generateAiBuiltWork, seededRandom } from '../catalog/generateCatalog';

const DAY_MS = 24 * 60 * 60 * 1000;
const TYPES = ['repo.commit', 'pr.opened', 'pr.merged', 'test.run', 'deploy'];

/** The generated organisation and the names the benchmarks ask for. */
export interface BenchOrganisation {
  entities: Entity[];
  teams: number;
  departments: number;
  agents: number;
  /** Full refs of the AI-built entities, in generation order. */
  workRefs: string[];
}

/**
 * `count` AI-built entities (generated, about 12% of jobs done by several teams, so that there
 * are overlap clusters), count/20 agents, count/25 teams in departments of ten.
 */
export function generateOrganisation(count: number): BenchOrganisation {
  const teams = Math.max(1, Math.round(count / 25));
  const departments = Math.max(1, Math.ceil(teams / 10));
  const groups: Entity[] = [];
  for (let d = 0; d < departments; d++) {
    groups.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `department-${d}` },
      spec: { type: 'department', children: [] },
    });
  }
  for (let t = 0; t < teams; t++) {
    groups.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${t}` },
      spec: {
        type: 'team',
        parent: `department-${t % departments}`,
        children: [],
      },
    });
  }
  const agents: Entity[] = [];
  for (let a = 0; a < Math.max(1, Math.round(count / 20)); a++) {
    agents.push({
      apiVersion: 'agent-mesh.io/v1alpha1',
      kind: 'Agent',
      metadata: { name: `agent-${a}` },
      spec: {
        type: 'coding-agent',
        owner: `group:default/team-${a % teams}`,
        lifecycle: 'production',
      },
    });
  }
  const work = generateAiBuiltWork(count, { teams }).map((entity, i) =>
    entity.kind === 'AiArtifact'
      ? {
          ...entity,
          spec: {
            ...entity.spec,
            builtBy: [`agent:default/agent-${i % agents.length}`],
          },
        }
      : entity,
  );
  return {
    entities: [...groups, ...agents, ...work],
    teams,
    departments,
    agents: agents.length,
    workRefs: work.map(
      e => `${e.kind.toLocaleLowerCase('en-US')}:default/${e.metadata.name}`,
    ),
  };
}

/** An action as `POST /actions` takes it. */
export interface BenchAction {
  id: string;
  occurredAt: string;
  agent: string;
  type: string;
  target?: string;
  summary: string;
}

/**
 * `count` actions of the organisation's agents over the 90 days before `now`, each on one of
 * the AI-built entities; one in twenty is an `artifact.created`, so that entities are new in
 * the overview's periods.
 */
export function generateActions(
  organisation: BenchOrganisation,
  count: number,
  now: Date,
): BenchAction[] {
  const random = seededRandom(11);
  const actions: BenchAction[] = [];
  for (let i = 0; i < count; i++) {
    const agent = Math.floor(random() * organisation.agents);
    const target =
      organisation.workRefs[
        Math.floor(random() * organisation.workRefs.length)
      ];
    const created = i % 20 === 0;
    actions.push({
      id: `bench-${i}`,
      occurredAt: new Date(
        now.getTime() - random() * 90 * DAY_MS,
      ).toISOString(),
      agent: `agent:default/agent-${agent}`,
      type: created ? 'artifact.created' : TYPES[i % TYPES.length],
      target,
      summary: created ? `created ${target}` : 'bench',
    });
  }
  return actions;
}
