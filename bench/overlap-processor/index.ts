/* eslint-disable no-console */
import {
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogModuleAgentMesh from '@agent-mesh/plugin-catalog-backend-module-agent-mesh';
import agentMeshPlugin from '@agent-mesh/plugin-agent-mesh-backend';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { BenchFigure, numericOption, reportBenchmark } from '../lib/report';
import { Entity } from '@backstage/catalog-model';
import {
  generateAiBuiltWork,
  generateCatalog,
} from '../catalog/generateCatalog';

// What the overlap processor adds to catalog processing: the real catalog with the Agent Mesh
// catalog module, (a) with the kinds processor only, (b) the same with the agent-mesh backend
// running next to it, (c) with the overlap processor asking that backend. Side by side in one
// run, each on fresh in-memory SQLite databases. Four phases each:
//   ingest: from an empty catalog until every entity is in (cold: the backend knows no entity
//           yet, so each eligible entity costs a request that ends in a 404);
//   round:  one more processing round of every entity once the overlap index holds all
//           eligible entities (warm: each eligible entity gets its overlaps and emits
//           overlapsWith both ways), measured until every entity is processed and stitched;
//   steady: the same again with nothing changed in the index since (answers are reused while
//           the backend reports the same index version);
//   unchanged: one more round without forcing the write path: what a catalog does all day,
//           processing entities whose result has not changed (the catalog compares the
//           result's hash and writes nothing). Its end is seen by a processor that counts
//           processed entities, registered in every mode.

type Mode = 'kinds' | 'kinds+backend' | 'overlap';

const isAiBuilt = (e: Entity) =>
  e.kind === 'AiArtifact' ||
  Boolean(e.metadata.annotations?.['agent-mesh.io/built-by']);

/**
 * generateCatalog's organisation (teams, people, components, half of them AI-built) with the
 * AI-built components replaced by realistic AI-built work of the same teams: their own words,
 * and a share of jobs that several teams do, so that overlaps are as dense as in a real catalog
 * rather than every entity matching ten others.
 */
function generateOrganisation(entities: number): Entity[] {
  const base = generateCatalog(entities);
  const teams = base.filter(e => e.kind === 'Group').length;
  const work = generateAiBuiltWork(base.filter(isAiBuilt).length, { teams });
  let next = 0;
  return base.map(e => (isAiBuilt(e) ? work[next++] : e));
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Entities that went through processing, counted by a processor registered in every mode. */
let processed = 0;
const processingCounter = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'bench-processing-counter',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor({
          getProcessorName: () => 'BenchProcessingCounter',
          async postProcessEntity(entity) {
            processed++;
            return entity;
          },
        });
      },
    });
  },
});

function sqlite(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
}

async function poll(done: () => Promise<boolean>, what: string, limitS = 1800) {
  const started = performance.now();
  while (!(await done())) {
    if (performance.now() - started > limitS * 1000) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await sleep(100);
  }
}

async function progress(db: Knex, table: string) {
  if (process.env.BENCH_DEBUG) {
    console.log(table, await count(db(table)));
  }
}

async function count(query: Knex.QueryBuilder): Promise<number> {
  const [row] = await query.count({ n: '*' });
  return Number(row.n);
}

async function measure(
  mode: Mode,
  file: string,
  expected: number,
  eligible: number,
  threshold?: number,
): Promise<{
  ingestS: number;
  roundS: number;
  steadyS: number;
  unchangedS: number;
  overlapRelations: number;
}> {
  const catalogDb = sqlite();
  const agentMeshDb = sqlite();
  // The test backend's scheduler runs each task once at startup (with an empty catalog); the
  // reconcile of the overlap index is triggered by hand after the ingest.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(): ServiceFactory;
  };
  const features: BackendFeature[] = [
    scheduler.factory(),
    catalogPlugin,
    catalogModuleAgentMesh,
    processingCounter,
    createServiceFactory({
      service: coreServices.database,
      deps: { plugin: coreServices.pluginMetadata },
      factory: ({ plugin }) =>
        mockServices.database({
          knex: plugin.getId() === 'catalog' ? catalogDb : agentMeshDb,
        }),
    }),
    mockServices.rootConfig.factory({
      data: {
        catalog: {
          // Long enough that no entity is processed again on its own during a phase.
          processingInterval: { hours: 1 },
          rules: [
            { allow: ['Component', 'AiArtifact', 'Group', 'User', 'Location'] },
          ],
          locations: [{ type: 'file', target: file }],
        },
        agentMesh: {
          overlap: {
            ...(threshold === undefined ? {} : { threshold }),
            notifications: { enabled: false },
            processor: {
              enabled: mode === 'overlap',
              // As in steady state, where each processing run (every 100 to 150 s) comes
              // after the cache time (at most the processing interval) has passed.
              cacheTtl: { seconds: 1 },
            },
          },
        },
      },
    }),
  ];
  if (mode !== 'kinds') features.push(agentMeshPlugin);
  if (process.env.BENCH_DEBUG) {
    features.push(mockServices.rootLogger.factory({ level: 'info' }));
  }

  const started = performance.now();
  const backend = await startTestBackend({ features });
  try {
    // Ingest: every generated entity is in the catalog.
    await poll(
      async () =>
        (await count(
          catalogDb('final_entities')
            .whereNotNull('final_entity')
            .whereNot('entity_ref', 'like', 'location:%'),
        )) >= expected,
      'the ingest',
    );
    const ingestS = (performance.now() - started) / 1000;

    if (mode !== 'kinds') {
      // The overlap index holds every eligible entity.
      await scheduler.triggerTask('agent-mesh-overlap-reconcile');
      await poll(async () => {
        await progress(agentMeshDb, 'agent_mesh_overlap_subjects');
        return (
          (await count(agentMeshDb('agent_mesh_overlap_subjects'))) >= eligible
        );
      }, 'the overlap index');
    }
    await sleep(2000); // let the caches of the ingest run out

    // Round: every entity once more, through the full write path (a changed result hash).
    const round = async () => {
      const roundStarted = performance.now();
      await catalogDb('refresh_state').update({
        next_update_at: catalogDb.fn.now(),
        result_hash: '',
      });
      await poll(
        async () =>
          (await count(catalogDb('refresh_state').where('result_hash', ''))) ===
            0 && (await count(catalogDb('stitch_queue'))) === 0,
        'the processing round',
      );
      return (performance.now() - roundStarted) / 1000;
    };
    const roundS = await round();
    const overlapRelations = await count(
      catalogDb('relations').where('type', 'overlapsWith'),
    );
    // Steady state: one more round with nothing changed in the overlap index since the last.
    await sleep(2000);
    const steadyS = await round();

    // Unchanged: every entity processed once more, with results that match their hashes.
    await sleep(2000);
    const entities = await count(catalogDb('refresh_state'));
    const unchangedStarted = performance.now();
    processed = 0;
    await catalogDb('refresh_state').update({
      next_update_at: catalogDb.fn.now(),
    });
    await poll(async () => processed >= entities, 'the unchanged round');
    const unchangedS = (performance.now() - unchangedStarted) / 1000;
    const after = await count(
      catalogDb('relations').where('type', 'overlapsWith'),
    );
    if (after !== overlapRelations) {
      console.warn(
        `  overlapsWith relations changed in the unchanged round: ${overlapRelations} -> ${after}`,
      );
    }
    return { ingestS, roundS, steadyS, unchangedS, overlapRelations };
  } finally {
    await backend.stop();
    await catalogDb.destroy();
    await agentMeshDb.destroy();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const count_ = numericOption(args, 'entities', 10_000);
  // `--threshold 1` leaves every match out: the cost of the requests alone, without relations.
  const threshold = args.includes('--threshold')
    ? numericOption(args, 'threshold', 0.3)
    : undefined;
  const loadAtStart = os.loadavg().map(l => Math.round(l * 10) / 10);
  const entities = generateOrganisation(count_);
  const eligible = entities.filter(isAiBuilt).length;
  const dir = mkdtempSync(join(tmpdir(), 'agent-mesh-bench-'));
  const file = join(dir, 'catalog.yaml');
  writeFileSync(file, entities.map(e => stringify(e)).join('---\n'));

  const warmUp = generateOrganisation(200);
  const warmUpFile = join(dir, 'warm-up.yaml');
  writeFileSync(warmUpFile, warmUp.map(e => stringify(e)).join('---\n'));

  try {
    // A short unreported run first, so that the first measured mode does not pay for loading
    // and compiling the code.
    await measure('overlap', warmUpFile, warmUp.length, 1);
    const results: Record<
      Mode,
      Awaited<ReturnType<typeof measure>>
    > = {} as any;
    for (const mode of ['kinds', 'kinds+backend', 'overlap'] as Mode[]) {
      console.log(`measuring ${mode} ...`);
      results[mode] = await measure(
        mode,
        file,
        entities.length,
        eligible,
        threshold,
      );
      console.log(`  ${JSON.stringify(results[mode])}`);
    }
    const { kinds, overlap } = results;
    const pct = (value: number, base: number) => ((value - base) / base) * 100;
    /** One phase side by side: each mode's time and the overheads (the first against 15%). */
    const phase = (
      label: string,
      key: 'ingestS' | 'roundS' | 'steadyS' | 'unchangedS',
      overlapMode: string,
      withOverheadAlone = true,
    ): BenchFigure[] => {
      const backend = results['kinds+backend'][key];
      return [
        {
          name: `${label}, kinds processor only`,
          value: kinds[key],
          unit: 's',
        },
        {
          name: `${label}, kinds only, agent-mesh backend running`,
          value: backend,
          unit: 's',
        },
        {
          name: `${label}, with overlap processor ${overlapMode}`,
          value: overlap[key],
          unit: 's',
        },
        {
          name: `${label} overhead of overlap processor and backend`,
          value: pct(overlap[key], kinds[key]),
          unit: '%',
          target: { max: 15 },
        },
        ...(withOverheadAlone
          ? [
              {
                name: `${label} overhead of overlap processor alone`,
                value: pct(overlap[key], backend),
                unit: '%',
              },
            ]
          : []),
      ];
    };
    const figures: BenchFigure[] = [
      ...phase('ingest', 'ingestS', 'and backend', false),
      ...phase('round', 'roundS', '(warm index)'),
      ...phase('steady round', 'steadyS', '(index unchanged)'),
      ...phase('unchanged round', 'unchangedS', '(nothing to write)'),
      {
        name: 'overlapsWith relations emitted',
        value: overlap.overlapRelations,
        unit: 'rows',
      },
    ];
    reportBenchmark(
      'overlap-processor',
      {
        entities: entities.length,
        eligible,
        generator:
          'generateCatalog with its AI-built components replaced by generateAiBuiltWork',
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: os.loadavg().map(l => Math.round(l * 10) / 10),
        threshold: threshold ?? 'default (0.3)',
        database: 'sqlite (in memory), one per plugin',
      },
      figures,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
