/* eslint-disable no-console */
// `yarn bench overlap [--entities N] [--queries N] [--brute-force-queries N] [--updates N]`:
// the overlap index at catalog scale. Generated AI-built entities (realistic text, a share of
// jobs done by several teams) go through the same entry path as catalog entities and are
// written to the plugin's store (a SQLite file) as the reconcile writes them; then a separate
// process (measureIndex.ts), like a backend replica starting, measures:
//   build:   the index built from the store (SyncedOverlapIndex.load, a page at a time);
//   memory:  heap used and RSS after a forced GC, and the peak RSS of that process;
//   update:  one changed entity upserted again (mean and p95 over many);
//   query:   top-10 overlaps of indexed entities (p95 over many);
//   brute:   the same queries (a sample of them) scoring every entity with the same scorer;
//            speed-up over the index and the share of the brute-force top 10 the index finds.
import { mockServices } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDocument } from '../../plugins/agent-mesh-backend/src/overlap/engine/document';
import {
  entryFromEntity,
  OverlapEntry,
} from '../../plugins/agent-mesh-backend/src/overlap/entry';
import { DatabaseOverlapSubjectStore } from '../../plugins/agent-mesh-backend/src/overlap/OverlapSubjectStore';
import {
  BenchFigure,
  numericOption,
  percentile,
  reportBenchmark,
} from '../lib/report';
import { generateAiBuiltWork, seededRandom } from '../catalog/generateCatalog';
import { cpuMs, MeasuredIndex } from './measurements';

const mean = (values: number[]) =>
  values.reduce((s, v) => s + v, 0) / values.length;

/** Writes the entries into a new store in `file`, in batches as the reconcile does. */
async function writeStore(file: string, entries: OverlapEntry[]) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  try {
    const store = await DatabaseOverlapSubjectStore.create({
      database: mockServices.database({ knex }),
    });
    for (let i = 0; i < entries.length; i += 5_000) {
      await store.write({ upserts: entries.slice(i, i + 5_000) });
    }
  } finally {
    await knex.destroy();
  }
}

/** Runs measureIndex.ts in a fresh Node process with the same flags as this one. */
function measureInChild(dbFile: string, workFile: string, resultFile: string) {
  const result = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      join(__dirname, 'measureIndex.ts'),
      dbFile,
      workFile,
      resultFile,
    ],
    { stdio: 'inherit', env: process.env },
  );
  if (result.status !== 0) {
    throw new Error(`measureIndex.ts failed with status ${result.status}`);
  }
  return JSON.parse(readFileSync(resultFile, 'utf8')) as MeasuredIndex;
}

async function main() {
  const args = process.argv.slice(2);
  const count = numericOption(args, 'entities', 100_000);
  const queryCount = numericOption(args, 'queries', 1_000);
  const bruteCount = Math.min(
    queryCount,
    numericOption(args, 'brute-force-queries', 50),
  );
  const updateCount = numericOption(args, 'updates', 1_000);
  const random = seededRandom(11);
  const loadAtStart = os.loadavg().map(l => Math.round(l * 10) / 10);

  const entries: OverlapEntry[] =
    generateAiBuiltWork(count).map(entryFromEntity);
  // Changed versions of some entities for the update measurement.
  const updates = Array.from({ length: updateCount }, () => {
    const entry = entries[Math.floor(random() * entries.length)];
    return {
      ...entry,
      description: `${entry.description} Now also covers ${
        entries[Math.floor(random() * entries.length)].title
      }.`,
      tags: [...entry.tags, 'updated'],
    };
  });
  const queries = Array.from(
    { length: queryCount },
    () => entries[Math.floor(random() * entries.length)].entityRef,
  );

  // The engine's text analysis alone (tokenizing, stemming), which every upsert does once;
  // measured on a sample and scaled to all entries.
  const sample = entries.slice(0, Math.min(entries.length, 5_000));
  const cpu = process.cpuUsage();
  for (const entry of sample) toDocument(entry);
  const toDocumentCpuS = (cpuMs(cpu) / 1000) * (entries.length / sample.length);

  const dir = mkdtempSync(join(tmpdir(), 'agent-mesh-overlap-bench-'));
  let measured: MeasuredIndex;
  try {
    const dbFile = join(dir, 'agent-mesh.sqlite');
    const workFile = join(dir, 'work.json');
    console.log(`writing ${count} entities to the store ...`);
    const writeStarted = performance.now();
    await writeStore(dbFile, entries);
    console.log(
      `  ${((performance.now() - writeStarted) / 1000).toFixed(1)} s`,
    );
    writeFileSync(
      workFile,
      JSON.stringify({ updates, queries, brute: bruteCount }),
    );
    measured = measureInChild(dbFile, workFile, join(dir, 'result.json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const {
    size,
    buildS,
    buildCpuS,
    updateMs,
    updateCpuMs,
    queryMs,
    queryCpuMs,
    bruteMs,
    bruteCpuMs,
    expected,
    found,
    scoreMismatches,
    withMatches,
  } = measured;
  const recall = expected === 0 ? 1 : found / expected;
  const indexMsOfSample = mean(queryMs.slice(0, bruteCount));

  const figures: BenchFigure[] = [
    {
      name: 'index build (read from the store and indexed)',
      value: buildS,
      unit: 's',
      target: { max: 60 },
    },
    {
      name: 'index build, per entity',
      value: (buildS * 1000) / size,
      unit: 'ms',
    },
    { name: 'index build, CPU time', value: buildCpuS, unit: 's' },
    {
      name: 'of which text analysis (toDocument), CPU time',
      value: toDocumentCpuS,
      unit: 's',
    },
    {
      name: 'heap used after build (index and its entries)',
      value: measured.heapMB,
      unit: 'MB',
    },
    {
      name: 'heap reserved after build (heap total)',
      value: measured.heapTotalMB,
      unit: 'MB',
    },
    {
      name: 'typed arrays outside the heap after build',
      value: measured.arrayBuffersMB,
      unit: 'MB',
    },
    {
      name: 'RSS after build (the process holding the index)',
      value: measured.rssMB,
      unit: 'MB',
      target: { max: 500 },
    },
    {
      name: 'peak RSS of that process until the index was built',
      value: measured.buildPeakRssMB,
      unit: 'MB',
      target: { max: 500 },
    },
    {
      name: 'peak RSS of that process over the whole run (brute-force scans included)',
      value: measured.peakRssMB,
      unit: 'MB',
    },
    {
      name: 'RSS of that process before the build (modules loaded)',
      value: measured.baselineRssMB,
      unit: 'MB',
    },
    {
      name: 'incremental update, mean',
      value: mean(updateMs),
      unit: 'ms',
    },
    {
      name: 'incremental update, p95',
      value: percentile(updateMs, 95),
      unit: 'ms',
      target: { max: 5 },
    },
    {
      name: 'incremental update, p95 CPU time',
      value: percentile(updateCpuMs, 95),
      unit: 'ms',
    },
    { name: 'top-10 query, mean', value: mean(queryMs), unit: 'ms' },
    { name: 'top-10 query, p50', value: percentile(queryMs, 50), unit: 'ms' },
    {
      name: 'top-10 query, p95',
      value: percentile(queryMs, 95),
      unit: 'ms',
      target: { max: 10 },
    },
    { name: 'top-10 query, p99', value: percentile(queryMs, 99), unit: 'ms' },
    {
      name: 'top-10 query, p95 CPU time',
      value: percentile(queryCpuMs, 95),
      unit: 'ms',
    },
    { name: 'brute-force query, mean', value: mean(bruteMs), unit: 'ms' },
    {
      name: 'brute-force query, p95',
      value: percentile(bruteMs, 95),
      unit: 'ms',
    },
    {
      name: 'brute-force query, mean CPU time',
      value: mean(bruteCpuMs),
      unit: 'ms',
    },
    {
      name: 'speed-up of the index over brute force (mean, same queries)',
      value: mean(bruteMs) / indexMsOfSample,
      unit: 'x',
    },
    {
      name: 'speed-up in CPU time (mean, same queries)',
      value: mean(bruteCpuMs) / mean(queryCpuMs.slice(0, bruteCount)),
      unit: 'x',
    },
    {
      name: 'recall: share of the brute-force top 10 that the index finds',
      value: recall,
      unit: '',
      target: { min: 0.95 },
    },
    {
      name: 'brute-force top-10 matches compared',
      value: expected,
      unit: 'matches',
    },
    {
      name: 'queries with at least one match (brute force)',
      value: withMatches,
      unit: `of ${bruteCount}`,
    },
    {
      name: 'matches found by both with a different score',
      value: scoreMismatches,
      unit: 'matches',
      target: { max: 0 },
    },
  ];
  reportBenchmark(
    'overlap',
    {
      entities: size,
      queries: queryCount,
      bruteForceQueries: bruteCount,
      updates: updateCount,
      generator: 'generateAiBuiltWork (bench/catalog/generateCatalog.ts)',
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map(l => Math.round(l * 10) / 10),
    },
    figures,
  );
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
