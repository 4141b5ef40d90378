/* eslint-disable no-console */
// `yarn bench scorecards [--entities N]`: how long the scorecard engine takes to evaluate N
// generated entities (AiArtifacts, Agents and built-by annotated Components) with every
// built-in check, in memory, with simple in-memory lookups for overlaps and activity (the
// scheduled job's path: one catalog snapshot, activity prefetched in batches). Issue 6 target:
// 10,000 entities in at most 5 s. It also times how long the job then takes to record the
// results (history and latest) in the plugin's store on an in-memory SQLite database.
import { Entity } from '@backstage/catalog-model';
import knexFactory from 'knex';
import os from 'node:os';
import { DatabaseScorecardStore } from '../../plugins/agent-mesh-backend/src/scorecards/DatabaseScorecardStore';
import { builtInChecks } from '../../plugins/agent-mesh-backend/src/scorecards/checks';
import { parseScorecardsConfig } from '../../plugins/agent-mesh-backend/src/scorecards/config';
import { evaluateEntities } from '../../plugins/agent-mesh-backend/src/scorecards/evaluateEntities';
import {
  ActivityLookup,
  OverlapInfo,
  OverlapLookup,
} from '../../plugins/agent-mesh-backend/src/scorecards/types';
import { numericOption, reportBenchmark } from '../lib/report';

const NOW = new Date('2026-11-20T12:00:00Z');
const LIFECYCLES = ['production', 'experimental', 'proposed', 'deprecated'];

/** A deterministic organisation: teams with members, agents, and the things they built. */
function generate(count: number): { org: Entity[]; subjects: Entity[] } {
  const teams = Math.max(10, Math.round(count / 100));
  const org: Entity[] = [];
  for (let t = 0; t < teams; t++) {
    org.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${t}` },
      spec: { type: 'team', children: [] },
    });
    // Every tenth team has no members.
    for (let u = 0; t % 10 !== 0 && u < 3; u++) {
      org.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: `user-${t}-${u}` },
        spec: { memberOf: [`group:default/team-${t}`] },
      });
    }
  }
  const agents = Math.max(1, Math.round(count / 20));
  const subjects: Entity[] = [];
  for (let a = 0; a < agents; a++) {
    subjects.push({
      apiVersion: 'agent-mesh.io/v1alpha1',
      kind: 'Agent',
      metadata: { name: `agent-${a}`, description: `Agent ${a}` },
      spec: {
        type: 'coding-agent',
        owner: `group:default/team-${a % teams}`,
        lifecycle: 'production',
        ...(a % 7 ? { sponsor: `user:default/user-${a % teams}-0` } : {}),
      },
    });
  }
  for (let i = 0; subjects.length < count; i++) {
    const team = i % teams;
    const builtBy = [`agent:default/agent-${i % agents}`];
    if (i % 10 === 9) {
      subjects.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: `component-${i}`,
          description: `Component ${i}`,
          annotations: { 'agent-mesh.io/built-by': builtBy.join(', ') },
        },
        spec: {
          type: 'service',
          owner: `group:default/team-${team}`,
          lifecycle: 'production',
        },
      });
      continue;
    }
    subjects.push({
      apiVersion: 'agent-mesh.io/v1alpha1',
      kind: 'AiArtifact',
      metadata: {
        name: `artifact-${i}`,
        ...(i % 5
          ? { description: `Artifact ${i} does something useful` }
          : {}),
        annotations: {
          ...(i % 3
            ? {
                'backstage.io/source-location': `url:https://git.example/a-${i}`,
              }
            : {}),
          ...(i % 50 === 0
            ? {
                'agent-mesh.io/exemptions': JSON.stringify([
                  {
                    check: 'production-review',
                    reason: 'benchmark',
                    grantedBy: 'user:default/user-1-0',
                    expires: i % 100 ? '2027-01-01' : '2026-01-01',
                  },
                ]),
              }
            : {}),
        },
      },
      spec: {
        type: 'internal-tool',
        owner: `group:default/team-${team}`,
        lifecycle: LIFECYCLES[i % LIFECYCLES.length],
        builtBy,
        ...(i % 4 ? { purpose: 'Saves people time.' } : {}),
        ...(i % 2 ? { reviewers: [`group:default/team-${team}`] } : {}),
        ...(i % 3 ? { dataClassification: 'internal' } : {}),
      },
    });
  }
  return { org, subjects };
}

function fakeOverlaps(): OverlapLookup {
  return {
    async overlapsOf(ref) {
      const n = ref.length % 4;
      return Array.from(
        { length: n },
        (_, k): OverlapInfo => ({
          entityRef: `aiartifact:default/other-${k}`,
          crossTeam: k % 2 === 0,
          acknowledged: k === 2,
          score: 0.5,
        }),
      );
    },
  };
}

function fakeActivity(): ActivityLookup {
  return {
    async lastActivity(refs) {
      return new Map(
        refs
          .filter((_, i) => i % 3)
          .map(r => [
            r,
            r.length % 2 ? '2026-11-15T00:00:00Z' : '2026-09-01T00:00:00Z',
          ]),
      );
    },
    // The job evaluates as the plugin; what a caller may see is not measured here.
    async visibleActivity(_credentials, items) {
      return items.map(() => true);
    },
  };
}

async function main() {
  const count = numericOption(process.argv.slice(2), 'entities', 10_000);
  const { org, subjects } = generate(count);
  const entities = [...org, ...subjects];
  const config = parseScorecardsConfig({});
  const run = () =>
    evaluateEntities(entities, {
      checks: builtInChecks,
      config,
      now: NOW,
      overlaps: fakeOverlaps(),
      activity: fakeActivity(),
    });

  await run(); // warm up
  global.gc?.();
  // The machine may be shared: the load when the measurement starts says how busy it was.
  const loadAverage = os.loadavg()[0];
  const started = performance.now();
  const results = await run();
  const seconds = (performance.now() - started) / 1000;
  if (results.length !== subjects.length) {
    throw new Error(`Evaluated ${results.length}, expected ${subjects.length}`);
  }
  const average =
    results.reduce((sum, r) => sum + r.score, 0) / Math.max(1, results.length);

  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const store = await DatabaseScorecardStore.create({
    database: { getClient: async () => knex },
  });
  const recordStarted = performance.now();
  await store.recordRun(results, {
    evaluatedAt: NOW.toISOString(),
    complete: true,
  });
  const recordSeconds = (performance.now() - recordStarted) / 1000;
  await knex.destroy();

  const ok = reportBenchmark(
    'scorecards',
    {
      entities: subjects.length,
      catalogEntities: entities.length,
      checks: builtInChecks.length,
      lookups: 'in-memory fakes',
      store: 'SQLite in memory (better-sqlite3)',
      loadAverage1m: Math.round(loadAverage * 100) / 100,
    },
    [
      {
        name: `evaluate ${subjects.length} entities`,
        value: seconds,
        unit: 's',
        target: count === 10_000 ? { max: 5 } : undefined,
      },
      {
        name: 'throughput',
        value: subjects.length / seconds,
        unit: 'entities/s',
      },
      { name: 'average score', value: average, unit: 'points' },
      {
        name: `record ${results.length} results`,
        value: recordSeconds,
        unit: 's',
      },
    ],
  );
  if (!ok) process.exit(1);
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
