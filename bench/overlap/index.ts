/* eslint-disable no-console */
// `yarn bench overlap [--entities N] [--queries N] [--brute-force-queries N] [--updates N]`:
// the overlap index at catalog scale. Generated AI-built entities (realistic text, a share of
// jobs done by several teams) go through the same entry path as catalog entities; then:
//   build:   every entry upserted into an empty index;
//   memory:  heap used and RSS after a forced GC, with only the index holding the entries;
//   update:  one changed entity upserted again (mean and p95 over many);
//   query:   top-10 overlaps of indexed entities (p95 over many);
//   brute:   the same queries (a sample of them) scoring every entity with the same scorer;
//            speed-up over the index and the share of the brute-force top 10 the index finds.
import { OverlapIndex } from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { toDocument } from '../../plugins/agent-mesh-backend/src/overlap/engine/document';
import os from 'node:os';
import {
  entryFromEntity,
  OverlapEntry,
} from '../../plugins/agent-mesh-backend/src/overlap/entry';
import {
  BenchFigure,
  numericOption,
  percentile,
  reportBenchmark,
} from '../lib/report';
import { generateAiBuiltWork, seededRandom } from '../catalog/generateCatalog';

const MB = 2 ** 20;

function collectGarbage() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc)
    throw new Error('Run through `yarn bench`, which passes --expose-gc');
  gc();
  gc();
}

function memory() {
  collectGarbage();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed: heapUsed / MB, rss: rss / MB };
}

/** CPU time (user and system, all threads) since `since`, in ms. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

const mean = (values: number[]) =>
  values.reduce((s, v) => s + v, 0) / values.length;

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

  const before = memory();
  let entries: OverlapEntry[] = generateAiBuiltWork(count).map(entryFromEntity);
  const refs = entries.map(e => e.entityRef);
  // Changed versions of some entities for the update measurement, made before the build.
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
    () => refs[Math.floor(random() * refs.length)],
  );

  // The engine's text analysis alone (tokenizing, stemming), which every upsert does once;
  // measured on a sample and scaled to all entries.
  const sample = entries.slice(0, Math.min(entries.length, 5_000));
  let cpu = process.cpuUsage();
  for (const entry of sample) toDocument(entry);
  const toDocumentCpuS = (cpuMs(cpu) / 1000) * (entries.length / sample.length);

  console.log(`building the index of ${count} entities ...`);
  let index: OverlapIndex | undefined = new OverlapIndex();
  cpu = process.cpuUsage();
  const buildStarted = performance.now();
  for (const entry of entries) index.upsert(entry);
  const buildS = (performance.now() - buildStarted) / 1000;
  const buildCpuS = cpuMs(cpu) / 1000;
  entries = [];
  const afterBuild = memory();

  console.log(`${updateCount} incremental updates ...`);
  const updateMs: number[] = [];
  const updateCpuMs: number[] = [];
  for (const entry of updates) {
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    index.upsert(entry);
    updateCpuMs.push(cpuMs(startedCpu));
    updateMs.push(performance.now() - started);
  }

  console.log(`${queryCount} top-10 queries ...`);
  for (const ref of queries.slice(0, 20)) await index.query(ref, { limit: 10 });
  const queryMs: number[] = [];
  const queryCpuMs: number[] = [];
  const indexResults: string[][] = [];
  for (const ref of queries) {
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    const matches = await index.query(ref, { limit: 10 });
    queryCpuMs.push(cpuMs(startedCpu));
    queryMs.push(performance.now() - started);
    indexResults.push(matches.map(m => `${m.entityRef} ${m.score}`));
  }

  console.log(`${bruteCount} of them by brute force ...`);
  const bruteMs: number[] = [];
  const bruteCpuMs: number[] = [];
  let expected = 0;
  let found = 0;
  let scoreMismatches = 0;
  let withMatches = 0;
  for (let q = 0; q < bruteCount; q++) {
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    const truth = await index.bruteForce(queries[q], { limit: 10 });
    bruteCpuMs.push(cpuMs(startedCpu));
    bruteMs.push(performance.now() - started);
    const got = new Map(
      indexResults[q].map(line => line.split(' ') as [string, string]),
    );
    if (truth.length) withMatches++;
    for (const match of truth) {
      expected++;
      const score = got.get(match.entityRef);
      if (score === undefined) continue;
      found++;
      if (Number(score) !== match.score) scoreMismatches++;
    }
  }
  const recall = expected === 0 ? 1 : found / expected;
  const indexMsOfSample = mean(queryMs.slice(0, bruteCount));
  const size = index.size;
  index = undefined;

  const figures: BenchFigure[] = [
    { name: 'index build', value: buildS, unit: 's', target: { max: 60 } },
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
      value: afterBuild.heapUsed - before.heapUsed,
      unit: 'MB',
      target: { max: 500 },
    },
    {
      name: 'RSS after build (whole process)',
      value: afterBuild.rss,
      unit: 'MB',
      target: { max: 500 },
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
