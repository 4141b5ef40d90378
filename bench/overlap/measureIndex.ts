/* eslint-disable no-console */
// The measuring half of `yarn bench overlap`, in a process of its own so that its memory is the
// memory of a backend that holds the index: nothing in it but the modules, the index built from
// the store the way the backend builds it (SyncedOverlapIndex.load, a page of stored entries at
// a time), and the few entries and refs it is asked about.
//   node measureIndex.ts <sqlite file> <work json> <result json>
import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import knexFactory from 'knex';
import { readFileSync, writeFileSync } from 'node:fs';
import { OverlapIndex } from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { DatabaseOverlapSubjectStore } from '../../plugins/agent-mesh-backend/src/overlap/OverlapSubjectStore';
import { SyncedOverlapIndex } from '../../plugins/agent-mesh-backend/src/overlap/SyncedOverlapIndex';
import { OverlapEntry } from '../../plugins/agent-mesh-backend/src/overlap/entry';
import { cpuMs, memory, MeasuredIndex } from './measurements';

const consoleLogger: LoggerService = {
  error: message => console.error(message),
  warn: message => console.warn(message),
  info: () => {},
  debug: () => {},
  child: () => consoleLogger,
};

async function main() {
  const [dbFile, workFile, resultFile] = process.argv.slice(2);
  const work: { updates: OverlapEntry[]; queries: string[]; brute: number } =
    JSON.parse(readFileSync(workFile, 'utf8'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: dbFile },
    useNullAsDefault: true,
  });
  // The plugin's database and logger, without the test utilities (which would load much
  // more than a backend with the index needs).
  const database: DatabaseService = { getClient: async () => knex };
  const store = await DatabaseOverlapSubjectStore.create({ database });
  const synced = new SyncedOverlapIndex({
    store,
    createIndex: () => new OverlapIndex(),
    logger: consoleLogger,
  });
  const before = memory();

  console.log('building the index from the store ...');
  let cpu = process.cpuUsage();
  const buildStarted = performance.now();
  await synced.load();
  const buildS = (performance.now() - buildStarted) / 1000;
  const buildCpuS = cpuMs(cpu) / 1000;
  await knex.destroy();
  const afterBuild = memory();
  const buildPeakRssMB = process.resourceUsage().maxRSS / 1024;
  const index = synced.index;

  console.log(`${work.updates.length} incremental updates ...`);
  const updateMs: number[] = [];
  const updateCpuMs: number[] = [];
  for (const entry of work.updates) {
    const started = performance.now();
    cpu = process.cpuUsage();
    index.upsert(entry);
    updateCpuMs.push(cpuMs(cpu));
    updateMs.push(performance.now() - started);
  }

  console.log(`${work.queries.length} top-10 queries ...`);
  for (const ref of work.queries.slice(0, 20)) {
    await index.query(ref, { limit: 10 });
  }
  const queryMs: number[] = [];
  const queryCpuMs: number[] = [];
  const indexResults: Array<Map<string, number>> = [];
  for (const ref of work.queries) {
    const started = performance.now();
    cpu = process.cpuUsage();
    const matches = await index.query(ref, { limit: 10 });
    queryCpuMs.push(cpuMs(cpu));
    queryMs.push(performance.now() - started);
    indexResults.push(new Map(matches.map(m => [m.entityRef, m.score])));
  }

  console.log(`${work.brute} of them by brute force ...`);
  const bruteMs: number[] = [];
  const bruteCpuMs: number[] = [];
  let expected = 0;
  let found = 0;
  let scoreMismatches = 0;
  let withMatches = 0;
  for (let q = 0; q < work.brute; q++) {
    const started = performance.now();
    cpu = process.cpuUsage();
    const truth = await index.bruteForce(work.queries[q], { limit: 10 });
    bruteCpuMs.push(cpuMs(cpu));
    bruteMs.push(performance.now() - started);
    if (truth.length) withMatches++;
    for (const match of truth) {
      expected++;
      const score = indexResults[q].get(match.entityRef);
      if (score === undefined) continue;
      found++;
      if (score !== match.score) scoreMismatches++;
    }
  }

  const result: MeasuredIndex = {
    size: index.size,
    buildS,
    buildCpuS,
    heapMB: afterBuild.heapUsed - before.heapUsed,
    heapTotalMB: afterBuild.heapTotal,
    arrayBuffersMB: afterBuild.arrayBuffers - before.arrayBuffers,
    rssMB: afterBuild.rss,
    buildPeakRssMB,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    baselineRssMB: before.rss,
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
  };
  writeFileSync(resultFile, JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
