/* eslint-disable no-console */
// `yarn bench overview [--entities N] [--actions N] [--runs N]`: how long `GET /overview`'s
// computation takes for an organisation of N AI-built entities (generated, about 12% of jobs
// done by several teams, so that there are overlap clusters), N/20 agents, N/25 teams in
// departments of ten, and --actions logged actions over 90 days, on an in-memory SQLite
// database. It runs `computeOverview` as the router does, with the catalog mock for the
// catalog, the real overlap engine (queried directly: no store round trip per query), and the
// real scorecard, first-seen and action-aggregate stores. Figures are medians over --runs.
// It also reports the overlap clusters' size distribution (average linkage, and for comparison
// the connected components of the same pairs) and how long the clustering alone takes.
import { Entity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { DatabaseActionAggregates } from '../../plugins/agent-mesh-backend/src/actions-log/DatabaseActionAggregates';
import {
  DEFAULT_OVERLAP_CONFIG,
  OverlapIndex,
} from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { entryFromEntity } from '../../plugins/agent-mesh-backend/src/overlap/entry';
import { CachedOverlapSource } from '../../plugins/agent-mesh-backend/src/overview/CachedOverlapSource';
import { computeOverview } from '../../plugins/agent-mesh-backend/src/overview/computeOverview';
import { loadCatalogSnapshot } from '../../plugins/agent-mesh-backend/src/overview/catalogEntities';
import { findOverlapPairs } from '../../plugins/agent-mesh-backend/src/overview/clusters';
import { DatabaseFirstSeenStore } from '../../plugins/agent-mesh-backend/src/overview/FirstSeenStore';
import { parseOverviewQuery } from '../../plugins/agent-mesh-backend/src/overview/overviewQuery';
import { DatabaseScorecardStore } from '../../plugins/agent-mesh-backend/src/scorecards/DatabaseScorecardStore';
import { generateAiBuiltWork, seededRandom } from '../catalog/generateCatalog';
import { BenchFigure, numericOption, reportBenchmark } from '../lib/report';
import { clusterFigures } from './clusterFigures';

const NOW = new Date('2026-11-20T12:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const TYPES = ['repo.commit', 'pr.opened', 'pr.merged', 'test.run', 'deploy'];

function organisation(count: number): Entity[] {
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
  return [...groups, ...agents, ...work];
}

async function loadActions(
  knex: Knex,
  count: number,
  agents: number,
  teams: number,
) {
  const random = seededRandom(11);
  const rows = [];
  for (let seq = 1; seq <= count; seq++) {
    const agent = Math.floor(random() * agents);
    rows.push({
      seq,
      id: `a-${seq}`,
      occurred_at: new Date(
        NOW.getTime() - random() * 90 * DAY_MS,
      ).toISOString(),
      received_at: NOW.toISOString(),
      agent: `agent:default/agent-${agent}`,
      agent_ref: `agent:default/agent-${agent}`,
      agent_known: true,
      type: TYPES[seq % TYPES.length],
      target: null,
      target_ref: null,
      owner_ref: `group:default/team-${agent % teams}`,
      summary: 'bench',
      prev_hash: '0',
      hash: '0',
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await knex('agent_mesh_actions').insert(rows.slice(i, i + 500));
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const args = process.argv.slice(2);
  const count = numericOption(args, 'entities', 10_000);
  const actionCount = numericOption(args, 'actions', 200_000);
  const runs = numericOption(args, 'runs', 1);

  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const database = { getClient: async () => knex };
  const entities = organisation(count);
  const teams = entities.filter(
    e => e.kind === 'Group' && e.spec?.type === 'team',
  ).length;
  const agents = entities.filter(e => e.kind === 'Agent').length;

  console.log(`Indexing ${count} AI-built entities for overlap ...`);
  const index = new OverlapIndex();
  const work = entities.filter(
    e => e.kind === 'AiArtifact' || e.kind === 'Component',
  );
  for (const entity of work) index.upsert(entryFromEntity(entity));
  const overlaps = {
    overlapsOf: async (ref: string) =>
      (await index.query(ref)).map(m => ({ ...m, acknowledged: false })),
  };

  const scores = await DatabaseScorecardStore.create({ database });
  const random = seededRandom(5);
  await scores.recordRun(
    [...work, ...entities.filter(e => e.kind === 'Agent')].map(e => ({
      entityRef: `${e.kind.toLocaleLowerCase('en-US')}:default/${
        e.metadata.name
      }`,
      ownerRef: `group:default/${String(e.spec?.owner).replace(/^.*\//, '')}`,
      score: Math.round(random() * 1000) / 10,
      level: null,
      checks: [],
    })),
    { evaluatedAt: NOW.toISOString(), complete: true },
  );
  const firstSeen = await DatabaseFirstSeenStore.create({ database });
  await firstSeen.record(
    work.map(
      e => `${e.kind.toLocaleLowerCase('en-US')}:default/${e.metadata.name}`,
    ),
    new Date(NOW.getTime() - 60 * DAY_MS).toISOString(),
  );
  const actions = await DatabaseActionAggregates.create({ database });
  console.log(`Loading ${actionCount} actions ...`);
  await loadActions(knex, actionCount, agents, teams);

  const sources = {
    catalog: catalogServiceMock({ entities }),
    overlaps: new CachedOverlapSource(overlaps, { ttlMs: 3_600_000 }),
    clusterThreshold: DEFAULT_OVERLAP_CONFIG.threshold,
    scores,
    levelNames: ['Gold', 'Silver', 'Bronze'],
    actions,
    firstSeen,
  };
  const time = async (query: Record<string, string>) => {
    const ms: number[] = [];
    let clusters = 0;
    let largest = 0;
    for (let r = 0; r < runs; r++) {
      const started = performance.now();
      const result = await computeOverview(sources, {
        credentials: mockCredentials.user(),
        query: parseOverviewQuery(query, NOW),
      });
      ms.push(performance.now() - started);
      clusters = result.overlapClusters.length;
      largest = result.overlapClusters[0]?.members.length ?? 0;
    }
    return { ms: median(ms), clusters, largest };
  };

  console.log('Computing overviews ...');
  // The first overview asks the overlap index about every entity in reach; later ones (other
  // periods, other teams) reuse the answers, as the router's cache does for a minute.
  const cold = await time({ period: '90d' });
  const org = await time({ period: '30d' });
  const department = await time({ period: '30d', owner: 'department-0' });
  const team = await time({ period: '7d', owner: 'team-1' });
  const figures: BenchFigure[] = [
    {
      name: 'organisation, first (index answers not cached)',
      value: Math.round(cold.ms),
      unit: 'ms',
    },
    {
      name: 'largest overlap cluster',
      value: org.largest,
      unit: 'entities',
    },
    { name: 'organisation, 30 days', value: Math.round(org.ms), unit: 'ms' },
    {
      name: 'overlap clusters in the organisation',
      value: org.clusters,
      unit: 'clusters',
    },
    {
      name: `one department (${Math.ceil(
        teams / Math.ceil(teams / 10),
      )} teams), 30 days`,
      value: Math.round(department.ms),
      unit: 'ms',
    },
    { name: 'one team, 7 days', value: Math.round(team.ms), unit: 'ms' },
  ];
  // The organisation's pairs as computeOverview finds them (the index's answers are cached now).
  const { artifacts } = await loadCatalogSnapshot(
    sources.catalog,
    mockCredentials.user(),
  );
  const pairs = await findOverlapPairs({
    seeds: artifacts,
    visible: new Map(artifacts.map(a => [a.ref, a])),
    overlaps: sources.overlaps,
  });
  figures.push(
    ...clusterFigures(pairs, DEFAULT_OVERLAP_CONFIG.threshold, runs),
  );
  await knex.destroy();
  reportBenchmark(
    'overview',
    { entities: count, agents, teams, actions: actionCount, runs },
    figures,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
