/* eslint-disable no-console */
// `yarn bench actions [--actions N] [--rows N] [--queries N] [--ingest-only]`: the action log
// through its real HTTP API on a running test backend, on SQLite (in memory) and on PostgreSQL (a fresh database
// on BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING; skipped, and said so, without it).
// 1. Ingest: actions/s through POST /actions in batches of 500, beside plain multi-row INSERTs
//    of the same rows into a table with the same columns and indexes (the ceiling), the two
//    alternating batch by batch; issue 5 target: at least 50% of the ceiling.
// 2. Query: p95 of a filtered page (department with sub-teams + type + 30 days, limit 50) and of
//    the cursor page after it, over --rows stored actions (bulk loaded by INSERT ... SELECT);
//    target: at most 50 ms. Skipped with --ingest-only.
import os from 'node:os';
import { BenchFigure, numericOption, reportBenchmark } from '../lib/report';
import { startBenchBackend } from './backend';
import { BenchDatabase, openPostgres, openSqlite } from './databases';
import { BATCH, measureIngest } from './ingest';
import { bulkLoad, measureQueries } from './queries';

async function benchDatabase(
  db: BenchDatabase,
  options: {
    actions: number;
    rows: number;
    queries: number;
    ingestOnly: boolean;
  },
): Promise<BenchFigure[]> {
  const backend = await startBenchBackend(db);
  try {
    console.log(`${db.name}: ingesting ${options.actions} actions ...`);
    const ingest = await measureIngest(db, backend, options.actions);
    const ingestFigures: BenchFigure[] = [
      {
        name: `${db.name}: ingest via POST /actions`,
        value: Math.round(ingest.httpPerS),
        unit: 'actions/s',
      },
      {
        name: `${db.name}: ingest ceiling (raw multi-row INSERT)`,
        value: Math.round(ingest.rawPerS),
        unit: 'actions/s',
      },
      {
        name: `${db.name}: ingest ratio API / raw`,
        value: Number((ingest.httpPerS / ingest.rawPerS).toFixed(3)),
        unit: '',
        target: { min: 0.5 },
      },
    ];
    if (options.ingestOnly) {
      return ingestFigures;
    }
    console.log(`${db.name}: bulk loading ${options.rows} actions ...`);
    const loadStarted = performance.now();
    await bulkLoad(db, options.rows);
    const loadS = (performance.now() - loadStarted) / 1000;
    console.log(`${db.name}: ${options.queries} queries ...`);
    const queries = await measureQueries(backend, db, options.queries);
    return [
      ...ingestFigures,
      {
        name: `${db.name}: bulk load of ${options.rows} rows`,
        value: Number(loadS.toFixed(1)),
        unit: 's',
      },
      {
        name: `${db.name}: p95 filtered page (owner+sub-teams, type, 30 days, limit 50)`,
        value: Number(queries.firstP95.toFixed(1)),
        unit: 'ms',
        target: { max: 50 },
      },
      {
        name: `${db.name}: p95 cursor page`,
        value: Number(queries.cursorP95.toFixed(1)),
        unit: 'ms',
        target: { max: 50 },
      },
      {
        name: `${db.name}: p50 filtered page / cursor page`,
        value: Number(queries.firstP50.toFixed(1)),
        unit: `ms / ${queries.cursorP50.toFixed(1)} ms`,
      },
      {
        name: `${db.name}: p95 of the same page from the store, without HTTP`,
        value: Number(queries.storeP95.toFixed(1)),
        unit: 'ms',
      },
    ];
  } finally {
    await backend.stop();
    await db.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const options = {
    actions: numericOption(args, 'actions', 20_000),
    rows: numericOption(args, 'rows', 1_000_000),
    queries: numericOption(args, 'queries', 200),
    ingestOnly: args.includes('--ingest-only'),
  };
  const loadBefore = os.loadavg()[0];
  const figures = await benchDatabase(openSqlite(), options);
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (pg) {
    figures.push(...(await benchDatabase(await openPostgres(pg), options)));
  } else {
    console.log(
      'PostgreSQL skipped: BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set',
    );
  }
  const ok = reportBenchmark(
    'actions',
    {
      ...options,
      batchSize: BATCH,
      databases: pg
        ? ['sqlite (in memory)', 'postgres']
        : ['sqlite (in memory)'],
      postgresSkipped: !pg,
      ingestClients: 1,
      bulkLoad: 'INSERT ... SELECT over a generated series; placeholder hashes',
      loadAverage1mBefore: Number(loadBefore.toFixed(2)),
      loadAverage1mAfter: Number(os.loadavg()[0].toFixed(2)),
    },
    figures,
  );
  process.exitCode = ok ? 0 : 1;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
