/* eslint-disable no-console */
// `yarn bench overview [--entities N] [--actions N] [--requests N] [--data DIR]`:
// `GET /overview` over HTTP against the real plugin, with Backstage's real catalog backend (and
// the Agent Mesh kinds module) serving a generated organisation of N AI-built entities (default
// 10,000), N/20 agents and N/25 teams, and --actions actions (default 100,000) sent through
// `POST /actions`. Details in README.md.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  BenchFigure,
  numericOption,
  percentile,
  reportBenchmark,
} from '../lib/report';
import { HIDDEN_LABEL, RESTRICTED_USER, startBenchBackend } from './backend';
import { fillDatabases, FillFigures } from './fill';
import { getJson, sleep } from './http';
import { generateOrganisation } from './organisation';

const TARGET_FIRST_CALL_MS = 2_000;
const QUERIES = [
  'period=30d',
  'period=7d',
  'period=90d',
  'period=30d&owner=department-0',
  'period=7d&owner=team-1',
];

/** Whether an answer is complete: the read model says so, or (without one) any 200. */
const isComplete = (answer: { status: number; body: any }) =>
  answer.status === 200 && answer.body.indexReady !== false;

async function main() {
  const args = process.argv.slice(2);
  const count = numericOption(args, 'entities', 10_000);
  const actionCount = numericOption(args, 'actions', 100_000);
  const requests = numericOption(args, 'requests', 30);
  const dataIndex = args.indexOf('--data');
  const keptDir = dataIndex === -1 ? undefined : args[dataIndex + 1];

  const organisation = generateOrganisation(count);
  // One AI-built entity in fifty is hidden from the restricted user.
  organisation.entities.forEach((entity, i) => {
    if (entity.kind !== 'Group' && entity.kind !== 'Agent' && i % 50 === 0) {
      entity.metadata.labels = { [HIDDEN_LABEL]: 'true' };
    }
  });
  const dir =
    keptDir ?? mkdtempSync(join(tmpdir(), 'agent-mesh-bench-overview-'));
  mkdirSync(dir, { recursive: true });
  const catalogFile = join(dir, 'catalog.yaml');
  const databaseDir = join(dir, 'db');
  const filledMarker = join(dir, 'filled.json');
  const figures: BenchFigure[] = [];
  let fill: FillFigures | undefined;

  try {
    if (keptDir && existsSync(filledMarker)) {
      console.log(`Phase 1 skipped: reusing the databases in ${dir}`);
    } else {
      writeFileSync(
        catalogFile,
        organisation.entities.map(e => stringify(e)).join('---\n'),
      );
      fill = await fillDatabases({
        catalogFile,
        databaseDir,
        organisation,
        actions: actionCount,
      });
      writeFileSync(filledMarker, JSON.stringify({ count, actionCount }));
    }

    console.log('Phase 2: a second backend on the same databases ...');
    const startedAt = performance.now();
    const backend = await startBenchBackend({ catalogFile, databaseDir });
    const startSeconds = (performance.now() - startedAt) / 1000;
    const overview = (query: string, user?: string) =>
      getJson(backend, `/agent-mesh/overview?${query}`, user);

    // Failed requests (a 5xx when the catalog drops a connection under load) are counted, and
    // the first figures are those of the first answer that came.
    let failed = 0;
    const answered = async (query: string, user?: string) => {
      for (;;) {
        const answer = await overview(query, user);
        if (answer.status === 200) return answer;
        failed++;
        console.log(`GET /overview?${query}: ${answer.status}`);
        if (failed > 20) throw new Error('Too many failed requests');
      }
    };
    const firstCall = await answered(QUERIES[0]);
    let complete = firstCall;
    while (!isComplete(complete)) {
      await sleep(500);
      complete = await answered(QUERIES[0]);
    }
    const completeAfterSeconds = (performance.now() - startedAt) / 1000;

    const later: number[] = [];
    for (let i = 0; i < requests; i++) {
      const answer = await answered(QUERIES[i % QUERIES.length]);
      if (!isComplete(answer)) throw new Error('An incomplete later answer');
      later.push(answer.ms);
    }
    const restricted: number[] = [];
    for (let i = 0; i < Math.max(5, Math.round(requests / 3)); i++) {
      const answer = await answered(
        QUERIES[i % QUERIES.length],
        RESTRICTED_USER,
      );
      restricted.push(answer.ms);
    }
    const all = (await answered(QUERIES[0])).body;
    const hidden = (await answered(QUERIES[0], RESTRICTED_USER)).body;
    await backend.stop();

    if (fill) {
      figures.push(
        {
          name: 'catalog ingest (phase 1)',
          value: fill.ingestSeconds,
          unit: 's',
        },
        {
          name: 'complete overview after the overlap index settled (phase 1)',
          value: fill.readModelSeconds,
          unit: 's',
        },
      );
    }
    figures.push(
      { name: 'backend start (phase 2)', value: startSeconds, unit: 's' },
      {
        name: 'first GET /overview after the start',
        value: Math.round(firstCall.ms),
        unit: 'ms',
        target: { max: TARGET_FIRST_CALL_MS },
      },
      {
        name: 'first answer complete (1) or saying not ready (0)',
        value: isComplete(firstCall) ? 1 : 0,
        unit: '',
      },
      {
        name: 'first complete answer, after the start',
        value: completeAfterSeconds,
        unit: 's',
      },
      {
        name: 'first complete GET /overview',
        value: Math.round(complete.ms),
        unit: 'ms',
        target: { max: TARGET_FIRST_CALL_MS },
      },
      {
        name: `later GET /overview, p50 (${requests} requests)`,
        value: Math.round(percentile(later, 50)),
        unit: 'ms',
      },
      {
        name: `later GET /overview, p95 (${requests} requests)`,
        value: Math.round(percentile(later, 95)),
        unit: 'ms',
      },
      {
        name: `conditional catalog read, p95 (${restricted.length} requests)`,
        value: Math.round(percentile(restricted, 95)),
        unit: 'ms',
      },
      { name: 'failed requests (5xx)', value: failed, unit: 'requests' },
      {
        name: 'artifacts in the organisation, all visible',
        value: all.totals.artifacts,
        unit: 'entities',
      },
      {
        name: 'artifacts in the organisation, conditional catalog read',
        value: hidden.totals.artifacts,
        unit: 'entities',
      },
      {
        name: 'overlap clusters in the organisation',
        value: all.overlapClusters.length,
        unit: 'clusters',
      },
    );
  } finally {
    if (!keptDir) rmSync(dir, { recursive: true, force: true });
  }

  const ok = reportBenchmark(
    'overview',
    {
      entities: count,
      catalogEntities: organisation.entities.length,
      agents: organisation.agents,
      teams: organisation.teams,
      actions: actionCount,
      requests,
      catalog: "Backstage's catalog backend with the Agent Mesh kinds module",
      database: 'SQLite files, one per plugin',
      phase1: fill ? 'run' : `reused ${dir}`,
      loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
    },
    figures,
  );
  process.exitCode = ok ? 0 : 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
